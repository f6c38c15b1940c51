"""Plain task texts skip Python-Markdown, and come out exactly as Markdown would write them."""

from __future__ import annotations

import random

import pytest

from plansite.site.text import _converter, _plain_paragraphs, markdown_html


def by_markdown(text: str) -> str:
    md = _converter()
    md.reset()
    return md.convert(text)


@pytest.mark.parametrize("text", [
    "一二三", "第一行\n第二行", "段一\n\n段二", "段一\n\n\n\n段二\n", "\n\n开头空行", "a \"q\" 'x'",
    "到2020年，城镇化率达到60%", "1、第一\n2、第二", "（一）加强（二）推进", "句号。", "（见附件）",
])
def test_plain_text_is_written_as_markdown_writes_it(text):
    assert _plain_paragraphs(text) is not None
    assert markdown_html(text) == by_markdown(text)


@pytest.mark.parametrize("text", [
    "*强调*", "`代码`", "[链接](http://example.org)", "<b>粗</b>", "A&B", "# 标题", "> 引用",
    "- 列表", "1. 列表", "2) 列表", "    缩进代码", "行尾两个空格  \n下一行", "\t缩进", "标题\n===",
    "a | b", "转义\\*", "\u3000全角空格开头",
])
def test_text_that_may_hold_markup_goes_through_markdown(text):
    assert _plain_paragraphs(text) is None


def test_random_texts_agree_with_markdown():
    alphabet = list("中文规划任务一二三 \n\n.,;:()（）。、1234567890-*_#>`'\"\u3000\t<&[]!")
    rng = random.Random(7)
    fast = 0
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        if not text.strip():
            continue
        plain = _plain_paragraphs(text)
        if plain is not None:
            fast += 1
            assert plain == by_markdown(text), repr(text)
    assert fast > 100  # the comparison covered texts the fast path took
