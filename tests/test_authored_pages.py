"""Authors' own pages (docs/*.md) are untrusted input too.

Front matter the theme prints is escaped; raw HTML in a page goes through the allowlist
sanitiser while the macros' HTML reaches the page unchanged; the Content-Security-Policy is the
first element of <head> and is written for hosts that take headers; a macro that fails names its
page and line without a traceback; a page or asset that links out of the repository stops the
build. A browser opens the payload page: no dialog, no navigation, no request to another host,
no policy violation.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from markupsafe import Markup

from factories import copy_site_files, make_repo
from plansite.adapter.authored import (ALLOWED_ATTRIBUTES, ALLOWED_TAGS, MacroOutputs,
                                       escape_front_matter, sanitise)
from plansite.cli import main

REPO_ROOT = Path(__file__).resolve().parent.parent

PAYLOAD_PAGE = """\
---
title: '"><script>alert("title")</script>'
description: '"><script>alert("description")</script><script src="https://evil.example/x.js"></script>'
author: '"><img src="data:," onerror="alert(3)">'
render_macros: true
---
# 页面 <img src="data:," onerror="alert(4)">

<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">
<style>body { display: none }</style>
<script>alert("body")</script>
<div class="note" onclick="alert(5)" style="position:fixed">说明 <a href="javascript:alert(6)">链接</a></div>
<iframe src="https://evil.example/"></iframe>
<form action="https://evil.example/"><input name="q"></form>

{{ department_link("zhujianwei") }}

{{ plan_list() }}

| 列 | 值 |
|:--|--:|
| a | 1 |
"""


# -- the pieces, without MkDocs ------------------------------------------------------------------

def test_the_sanitiser_keeps_markdown_and_drops_what_can_act():
    html = ('<h2 id="x">T<a class="headerlink" href="#x" title="Permanent link">¶</a></h2>'
            '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
            '<base href="https://evil.example/"><style>p{}</style><script>alert(1)</script>'
            '<p onclick="alert(1)">a <a href="javascript:alert(1)">b</a> <a href="../c/">c</a></p>'
            '<td style="text-align: right; position: fixed">1</td><!-- note -->')
    assert sanitise(html) == (
        '<h2 id="x">T<a class="headerlink" href="#x" title="Permanent link">¶</a></h2>'
        '<p>a <a>b</a> <a href="../c/">c</a></p>1')


def test_the_allowlist_has_no_element_or_attribute_that_acts():
    assert not ALLOWED_TAGS & {"script", "style", "meta", "base", "link", "iframe", "object",
                               "embed", "form", "input", "button", "svg", "math", "template"}
    names = set().union(*ALLOWED_ATTRIBUTES.values())
    assert not {n for n in names if n.startswith("on")}
    assert not names & {"srcdoc", "formaction", "action", "http-equiv"}


def test_front_matter_the_theme_prints_becomes_text():
    meta = {"title": '"><script>x</script>', "description": "<b>&", "author": 3,
            "render_macros": True, "hide": ["toc"]}
    escape_front_matter(meta)
    assert meta == {"title": "&quot;&gt;&lt;script&gt;x&lt;/script&gt;",
                    "description": "&lt;b&gt;&amp;", "author": "3", "render_macros": True,
                    "hide": ["toc"]}


def test_macro_html_goes_round_the_sanitiser_unchanged():
    outputs = MacroOutputs()
    block = Markup('<div class="ps-x" data-sort="1"><svg viewBox="0 0 1 1"></svg></div>')
    token = outputs.keep(block)
    assert token != block and re.fullmatch(r"plansite[0-9a-f]+m0", token)
    assert outputs.keep(Markup("escaped &amp; text")) == "escaped &amp; text"  # no markup
    assert outputs.keep("<b>plain str</b>") == "<b>plain str</b>"  # not declared safe
    page = sanitise(f"<p>{token}</p><p>{token}</p>")
    assert outputs.restore(page) == str(block) * 2
    # an author cannot forge the token of another build
    assert MacroOutputs().restore(f"<p>{token}</p>") == f"<p>{token}</p>"


# -- through MkDocs ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> Path:
    """A repository whose docs hold the payload page, built once."""
    root = tmp_path_factory.mktemp("authored")
    make_repo(root)
    copy_site_files(root)
    (root / "docs" / "payload.md").write_text(PAYLOAD_PAGE, encoding="utf-8")
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


@pytest.mark.slow
def test_the_policy_comes_first_and_front_matter_is_text(payload_site):
    page = (payload_site / "payload" / "index.html").read_text(encoding="utf-8")
    head = page[page.index("<head>") + len("<head>"):]
    assert head.lstrip().startswith('<meta http-equiv="Content-Security-Policy"')
    assert "<script>alert(" not in page and "evil.example/x.js\"></script>" not in page
    assert '<title>&quot;&gt;&lt;script&gt;alert(&quot;title&quot;)' in page
    assert 'content="&quot;&gt;&lt;script&gt;alert(&quot;description&quot;)' in page
    article = page[page.index('<article'):page.index('</article>')]
    for gone in ("http-equiv=\"refresh\"", "<base", "<style", "<iframe", "<form", "onclick",
                 "onerror", "javascript:", "position:fixed"):
        assert gone not in article, gone
    # the macros' HTML is there as the templates wrote it
    assert 'class="ps-dept"' in article
    assert '<th style="text-align:left">列</th>' in article


@pytest.mark.slow
def test_the_policy_is_written_for_hosts_that_take_headers(payload_site):
    page = (payload_site / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    headers = (payload_site / "_headers").read_text(encoding="utf-8").splitlines()
    assert headers[0] == "/*"
    assert headers[1] == f"  Content-Security-Policy: {policy.replace('&#39;', chr(39))}; " \
                         "frame-ancestors 'self'"


@pytest.mark.slow
@pytest.mark.browser
def test_the_payload_page_does_nothing_in_a_browser(payload_site, page, serve_site):
    base = serve_site(payload_site)
    dialogs, requests, violations = [], [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text else None)
    page.goto(base + "/payload/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)
    page.locator(".note").click()
    page.wait_for_timeout(500)
    assert dialogs == []
    assert page.url == base + "/payload/"
    assert [u for u in requests if not u.startswith(base)] == []
    assert violations == []
    assert page.locator("h1").first.is_visible()


@pytest.mark.slow
@pytest.mark.parametrize("source, line, reason", [
    ('{{ department_link("nope") }}', 7, "department 'nope' is not known"),
    ("{{ plan_list( }}", 7, "unexpected '}'"),
])
def test_a_failing_macro_names_its_page_and_line_without_a_traceback(
        tmp_path, capsys, source, line, reason):
    make_repo(tmp_path)
    copy_site_files(tmp_path)
    (tmp_path / "docs" / "broken.md").write_text(
        f"---\nrender_macros: true\n---\n# 页\n\n正文\n{source}\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "build"]) == 1
    output = capsys.readouterr().err
    assert f"plansite: docs/broken.md:{line}: 页面中的宏出错：{reason}" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()


@pytest.mark.slow
def test_an_asset_linking_out_of_the_repository_stops_the_build(tmp_path, capsys):
    make_repo(tmp_path)
    copy_site_files(tmp_path)
    secret = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    (tmp_path / "docs" / "assets").mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "assets" / "x.txt").symlink_to(secret)
    assert main(["--root", str(tmp_path), "build"]) == 1
    output = capsys.readouterr().err
    assert (f"docs/assets/x.txt: 这是指向仓库之外的链接（指向 {secret.resolve().as_posix()}）；"
            "数据文件和页面必须在仓库里; 提示：把文件本身复制到仓库里，或删去这个链接") in output
    assert not (tmp_path / "site").exists()
    shutil.rmtree(tmp_path / "docs")


def test_the_readme_lists_the_allowed_elements():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"<!-- allowlist: tags -->`([^`]*)`", readme).group(1).split()
    assert listed == sorted(ALLOWED_TAGS)
