"""Web page header and footer around a plan text copied from a web site.

Texts saved from web pages start with the site's banner (welcome line, hotline, login links,
breadcrumb, date, a blurb) and end with its footer (copyright, ICP licence, previous/next links).
A leading block of lines is dropped as noise only when it carries such signals; a clean
document's own title lines are kept. Every dropped line is reported, never silently lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plansite.importers.headings import is_document_start

# Each pattern is a signal that a line belongs to a web page's frame, not to the document.
SIGNALS: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in (
    r"\d{3,4}[-－]\d{3,4}[-－]\d{3,4}",          # hotline 400-838-9661
    r"(咨询|客服|服务|联系)(电话|热线|QQ|微信)",
    r"(登录|登陆)\s*[/／|]\s*注册|注册\s*[/／|]\s*(登录|登陆)",
    r"购物车|加入收藏|设为首页|关于我们|联系我们|网站地图|在线客服",
    r"首页\s*[>›»/]",                            # breadcrumb
    r"\s[>›»]\s.*\s[>›»]\s",
    r"^(发布)?时间[:：]\s*\d{4}[-/年]",
    r"^(来源|作者|浏览|阅读|点击)(次数)?[:：]",
    r"^欢迎(来到|访问|光临)",
    r"^序论[:：]|范文|样例.{0,3}篇|客服老师",
    r"https?://|www\.\w+",
    r"版权所有|copyright|©|ICP\s*备|ICP证|公网安备",
    r"^(上一篇|下一篇|相关(文章|推荐|阅读)|热门(文章|推荐)|免责声明)",
))

# A line this short that carries no signal, before the first heading of a framed page, is the
# page's own title or menu text; a clean document's title lines look the same, so such lines
# count as noise only next to lines with signals.
SHORT_LINE = 40


@dataclass
class Frame:
    """Where the document proper starts and ends inside the paragraphs of a page."""

    start: int = 0
    end: int = 0
    skipped: list[str] = field(default_factory=list)


def has_signal(text: str) -> bool:
    """True when ``text`` looks like part of a web page's frame (banner, menu, footer)."""
    return any(p.search(text) for p in SIGNALS)


def find_frame(paragraphs: list[str]) -> Frame:
    """Find the page frame around ``paragraphs``: the header before and the footer after."""
    frame = Frame(0, len(paragraphs))
    head = 0
    while head < len(paragraphs) and not is_document_start(paragraphs[head]):
        text = paragraphs[head]
        if len(text) > SHORT_LINE and not has_signal(text):
            break
        head += 1
    if any(has_signal(p) for p in paragraphs[:head]):
        frame.start = head
        frame.skipped.extend(paragraphs[:head])
    tail = len(paragraphs)
    while tail > frame.start and has_signal(paragraphs[tail - 1]) \
            and len(paragraphs[tail - 1]) <= 2 * SHORT_LINE:
        tail -= 1
    frame.skipped.extend(paragraphs[tail:])
    frame.end = tail
    return frame
