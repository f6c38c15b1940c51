"""Where a text source's paragraphs begin and end, when its lines do not say it.

Two faults of texts copied out of PDFs and web pages:

- **Hard-wrapped lines.** A PDF copied to text breaks every paragraph into lines of one width. A
  text is hard-wrapped when many of its lines fill that width; then a full line goes on in the
  next one, unless the next one starts a paragraph: it is numbered, a responsibility or label
  line, or (in a text that indents its paragraphs) indented.
- **Run-together paragraphs.** A web page that lost its paragraph breaks runs headings and items
  into one line (``…如下:一、工作目标…二、工作措施(一)降低企业税收负担。1.严格执行…]2.执行…``).
  A long line is split before each mark of a numbering run (一、二、 or 1. 2.) that follows the end
  of a sentence.
"""

from __future__ import annotations

import re
from collections import Counter

from plansite.importers.headings import parse_numbering
from plansite.importers.responsibility import starts_with_label

# A hard-wrapped text has lines at least this wide (in half-width columns) ...
WRAP_MIN = 40
# ... and at least this many, and this share of its lines, fill the width.
WRAP_LINES = 5
WRAP_SHARE = 0.4
# A line counts as full when it falls short of the width by no more than this.
WRAP_SLACK = 4
SENTENCE_END = tuple("。！？!?")
# A paragraph this long that holds a numbering run was run together from several.
RUN_TOGETHER_MIN = 150
_BREAK = r"[。：:；;！!？?\]】）)〕]\s*"
RUNS = (
    ("cn", re.compile(_BREAK + r"([一二三四五六七八九十]{1,3})、")),
    ("arabic", re.compile(_BREAK + r"([0-9]{1,2})[.．、](?![0-9%％])")),
)
_CN_VALUE = {ch: i for i, ch in enumerate("一二三四五六七八九十", 1)}


_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
                   r"\uff00-\uff60\uffe0-\uffe6]")


def width(text: str) -> int:
    """How many half-width columns ``text`` takes: Chinese characters and full-width forms
    take two."""
    return len(text) + len(_WIDE.findall(text))


def _starts_paragraph(line: str, indents: bool) -> bool:
    text = line.strip()
    return (parse_numbering(text) is not None or text.startswith(("——", "—", "－－"))
            or starts_with_label(text) or (indents and line[:1] in (" ", "\u3000", "\t")))


def join_wrapped(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The paragraphs of a text given as (line number, line) with blank lines as ``""``: the
    lines of a hard-wrapped paragraph joined into one, each paragraph with its first line's
    number; blank lines dropped. A text that is not hard-wrapped keeps its lines."""
    filled = [line.rstrip() for _, line in lines if line.strip()]
    widths = [width(line.strip()) for line in filled]
    long = [w for w in widths if w >= WRAP_MIN]
    wrap = 0
    if len(long) >= WRAP_LINES:
        top = max(long)
        full = [w for w in long if w >= top - WRAP_SLACK]
        if len(full) >= WRAP_LINES and len(full) >= WRAP_SHARE * len(widths):
            wrap = Counter(full).most_common(1)[0][0]
    out: list[tuple[int, str]] = []
    if not wrap:
        return [(number, line.strip()) for number, line in lines if line.strip()]
    starts = [line for line in filled if line[:1] in (" ", "\u3000", "\t")]
    indents = len(starts) >= max(2, len(filled) // 20)
    joinable = False
    for number, line in lines:
        text = line.strip()
        if not text:
            joinable = False
            continue
        if joinable and not _starts_paragraph(line.rstrip(), indents):
            previous_number, previous = out[-1]
            gap = " " if previous[-1:].isascii() and text[:1].isascii() else ""
            out[-1] = (previous_number, previous + gap + text)
        else:
            out.append((number, text))
        full = width(text) >= wrap - WRAP_SLACK
        joinable = full and (indents or not text.endswith(SENTENCE_END))
    return out


def _value(style: str, mark: str) -> int:
    if style == "cn":
        return _CN_VALUE.get(mark, 0) if len(mark) == 1 else 0
    return int(mark)


def split_run_together(text: str) -> list[str]:
    """A long paragraph that holds the headings or items of several, split before each mark of
    a numbering run (its values go 1, 2, 3 … after the ends of sentences); else ``[text]``."""
    if len(text) < RUN_TOGETHER_MIN:
        return [text]
    cuts: set[int] = set()
    for style, pattern in RUNS:
        marks = [(m.start(1), _value(style, m.group(1)))
                 for m in pattern.finditer(text) if _outside_quotes(text, m.start(1))]
        expected = 1
        run: list[int] = []
        for at, value in marks:
            if value == expected:
                run.append(at)
                expected += 1
            elif value == 1:
                if len(run) >= 2:
                    cuts.update(run)
                run, expected = [at], 2
        if len(run) >= 2:
            cuts.update(run)
    if not cuts:
        return [text]
    pieces, start = [], 0
    for cut in sorted(cuts):
        if cut > start and text[start:cut].strip():
            pieces.append(text[start:cut].strip())
            start = cut
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _outside_quotes(text: str, at: int) -> bool:
    """True when ``at`` is inside no quotation and no bracket of ``text``."""
    before = text[:at]
    return (before.count("“") <= before.count("”") and before.count("《") <= before.count("》")
            and before.count("（") + before.count("(") <= before.count("）") + before.count(")")
            and before.count("[") <= before.count("]"))
