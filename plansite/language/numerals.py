"""Numbers as Chinese documents write them: full-width forms and Chinese numerals, both ways.

This is the one place that folds full-width characters (``５５％`` is ``55%``) and reads or
writes a Chinese numeral (``十二``, ``一百零五``, ``三万``, ``二〇二五``). Quantities and targets
(:mod:`plansite.language.quantities`), the validator's numbers, the importer's headings
(``（十二）``) and the synthetic plans' chapter numbers all go through it, so a numeral means the
same thing everywhere.
"""

from __future__ import annotations

import unicodedata

CHINESE_DIGITS: dict[str, int] = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                                  "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
"""Each Chinese digit and its value (两 is the 2 of counts: 两个)."""

_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_ZEROS = "零〇"
_WRITTEN_DIGITS = "零一二三四五六七八九"


class _WidthFold(dict):
    """``str.translate`` table that learns each character's one-character NFKC form once."""

    def __missing__(self, code: int) -> int:
        folded = unicodedata.normalize("NFKC", chr(code))
        self[code] = ord(folded) if len(folded) == 1 else code
        return self[code]


_WIDTH_FOLD = _WidthFold()


def normalize_width(text: str) -> str:
    """Full-width digits, letters, punctuation and spaces as half-width, keeping the length.

    Each character is replaced by its NFKC form when that is one character (``５`` -> ``5``,
    ``％`` -> ``%``, ``，`` -> ``,``, the ideographic space -> `` ``); so offsets into the result
    are offsets into ``text``.
    """
    return text.translate(_WIDTH_FOLD)


def chinese_number(text: str, positional: bool = False) -> int:
    """The value of a Chinese numeral: 五, 两, 十二, 一百零五, 三万, 十二万五千.

    A 零 between units holds a place (一百零五 is 105). Digits in a row without units are read
    place by place (二〇二五 is 2025, as years and numbered items are written) only when
    ``positional``; otherwise they are no number (一二), nor is a five-year plan's name (十二五).
    Raises :class:`ValueError` for anything that is not a numeral.
    """
    if not text or any(c not in CHINESE_DIGITS and c not in _SMALL_UNITS and c not in _BIG_UNITS
                       for c in text):
        raise ValueError(f"not a number: {text!r}")
    total, start, last_big = 0, 0, 10**13
    for i, c in enumerate(text):
        if c in _BIG_UNITS:
            big = _BIG_UNITS[c]
            part = text[start:i]
            if not part.strip(_ZEROS) or big >= last_big:
                raise ValueError(f"misplaced {c} in {text!r}")
            total += _section(part, text, positional) * big
            start, last_big = i + 1, big
    rest = text[start:]
    return total + (_section(rest, text, positional) if rest else 0)


def _section(part: str, whole: str, positional: bool) -> int:
    """The value of the part of a numeral between its 万 and 亿 (below ten thousand)."""
    if not any(c in _SMALL_UNITS for c in part):
        digits = part.lstrip(_ZEROS) if not positional else part
        if len(digits) > 1 and not positional:
            raise ValueError(f"two digits in a row in {whole!r}")
        value = 0
        for c in digits:
            value = value * 10 + CHINESE_DIGITS[c]
        return value
    total, digit, last_unit = 0, None, 10_000
    for c in part:
        if c in CHINESE_DIGITS:
            if CHINESE_DIGITS[c] == 0:
                continue  # 零 only holds the place of a unit left out
            if digit is not None:
                raise ValueError(f"two digits in a row in {whole!r}")
            digit = CHINESE_DIGITS[c]
            continue
        unit = _SMALL_UNITS[c]
        if unit >= last_unit:
            raise ValueError(f"units out of order in {whole!r}")
        total += (1 if digit is None else digit) * unit
        digit, last_unit = None, unit
    return total + (digit or 0)


def ordinal(text: str) -> int:
    """The number of a numbered item as documents write it: ``3``, ``３``, ``③``, ``十二``.

    A Chinese numeral that is no number (``十十``) counts as 0: it still numbers its item, but
    follows no other.
    """
    text = normalize_width(text)
    if text.isdigit():
        return int(text)
    if len(text) == 1 and "①" <= text <= "⑳":
        return ord(text) - ord("①") + 1
    try:
        return chinese_number(text, positional=True)
    except ValueError:
        return 0


def chinese_numeral(value: int) -> str:
    """The Chinese numeral of ``value`` (0 to 99) as chapters are numbered: 一, 十, 十二, 二十."""
    if not 0 <= value < 100:
        raise ValueError(f"no chapter numeral for {value}")
    if value < 10:
        return _WRITTEN_DIGITS[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else _WRITTEN_DIGITS[tens]) + "十" + (_WRITTEN_DIGITS[ones] if ones else "")
