"""The YAML the importer writes reads back as exactly what was written, in the repository style."""

from __future__ import annotations

import os

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from plansite.importers.writer import dump, markdown_paragraphs

EXAMPLES = int(os.environ.get("PLANSITE_FUZZ_EXAMPLES", "100"))

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
    st.sampled_from(["1.", "2.1", "2.1.1", "yes", "null", "~", "- x", "a: b", "#x", "——由", "（一）",
                     "[a]", "{b}", "*", "&a", "!x", "'", '"', "@", "%", "|", ">", " lead", "x ",
                     "0x1F", "1e3", ".inf", "2015-01-01", "55%"]))
# text and summary are Markdown blocks, normalised on purpose; they are tested on their own
keys = st.one_of(st.sampled_from(["id", "title", "lead", "target", "actuals", "aliases", "x"]),
                 st.text(min_size=1, max_size=8)).filter(lambda k: k not in ("text", "summary"))
trees = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=20)


@settings(max_examples=EXAMPLES)
@given(st.dictionaries(keys, trees, max_size=5))
def test_whatever_is_written_reads_back_the_same(data):
    assert yaml.safe_load(dump(data)) == data


@settings(max_examples=EXAMPLES)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1,
                        max_size=40), min_size=1, max_size=4))
def test_texts_read_back_the_same_apart_from_line_ends(paragraphs):
    text = "\n\n".join(paragraphs)
    back = yaml.safe_load(dump({"text": text}))["text"]
    def lines(value: str) -> str:
        return "\n".join(line.rstrip() for line in value.split("\n")).strip("\n")

    assert back == text or lines(back) == lines(text)


def test_the_repository_style():
    data = {"chapters": [{"id": "2", "number": "二、", "title": "任务分解", "text": "第一段。\n\n第二段。",
                          "tasks": [{"id": "2.1", "number": "1.", "lead": ["市住建委", "规划局"],
                                     "cooperating": []}]}],
            "indicators": [{"id": "x", "target": {"value": 55, "year": 2015, "comparator": ">="},
                            "actuals": [{"year": 2006, "value": 7.94e4, "source": "参合农民"}]}]}
    assert dump(data) == """chapters:
  - id: '2'
    number: 二、
    title: 任务分解
    text: |
      第一段。

      第二段。
    tasks:
      - id: '2.1'
        number: '1.'
        lead: [市住建委, 规划局]
        cooperating: []
indicators:
  - id: x
    target: {value: 55, year: 2015, comparator: '>='}
    actuals:
      - {year: 2006, value: 79400.0, source: 参合农民}
"""


def test_markdown_shows_the_source_characters():
    assert markdown_paragraphs(["建设活力*、构建和谐*", "1. 不是列表", "# 不是标题"]) == \
        "建设活力\\*、构建和谐\\*\n\n1\\. 不是列表\n\n\\# 不是标题"
