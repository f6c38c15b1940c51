"""The seed site reads the same, page by page, as the golden text kept beside the tests.

``tests/golden/seed-site.txt`` holds the visible text of every page of the site built from this
repository (title, description, the article's text with each link's target). Any change a reader
would see shows up as a diff of that file: refactoring must leave it as it is, and a change
meant to be seen updates it (``make golden``) so the commit shows what readers will read.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
from pathlib import Path

from visible_text import dump

GOLDEN = Path(__file__).parent / "golden" / "seed-site.txt"


def normalised(text: str, today: datetime.date) -> str:
    """The dump with the build date (the deadlines page judges overdue tasks on it) named, and
    the dates of this repository's own history (when a record last changed), which move with
    each commit, named too: on the day of that commit they were the build date as well."""
    text = re.sub(r"(本条记录最近修改于 )\d{4}-\d{2}-\d{2}", r"\1<history date>", text)
    for written in (f"{today.year}年{today.month}月{today.day}日", today.isoformat()):
        text = text.replace(written, "<build date>")
    return text


def test_every_page_reads_as_the_golden_text(real_site):
    actual = normalised(dump(real_site), datetime.date.today())
    if os.environ.get("PLANSITE_UPDATE_GOLDEN"):
        GOLDEN.write_text(actual, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "golden",
                                    "built", lineterm="", n=1)
        shown = "\n".join(list(diff)[:120])
        raise AssertionError("the built seed site reads differently from "
                             f"tests/golden/seed-site.txt (make golden updates it):\n{shown}")
