"""What the built site loads and links: only its own files, under a Content-Security-Policy.

The dependencies themselves are pinned with hashes in requirements/lock.txt (see
tests/test_workflows.py and the Makefile); here the site is checked: no script, style, font,
image or frame from another host, the policy on every page, every internal link and anchor
resolving, and a real browser seeing no policy violation while a reader searches and navigates.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from plansite.site.linkcheck import check_site

REPO_ROOT = Path(__file__).resolve().parent.parent
EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
# Attributes through which a browser fetches something by itself (not on a reader's click).
FETCHING = {("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"),
            ("frame", "src"), ("embed", "src"), ("object", "data"), ("source", "src"),
            ("source", "srcset"), ("audio", "src"), ("video", "src"), ("video", "poster"),
            ("track", "src"), ("input", "src"), ("image", "href")}
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'")


class Collector(HTMLParser):
    """Fetching attributes, link elements, CSP meta tags and inline scripts of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetches: list[tuple[str, str, str]] = []
        self.policies: list[str] = []
        self.inline: list[str] = []
        self._inline: bool = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            if (tag, name) in FETCHING and value:
                self.fetches.append((tag, name, value))
        if tag == "link" and a.get("href") and set((a.get("rel") or "").split()) & {
                "stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest",
                "apple-touch-icon"}:
            self.fetches.append((tag, "href", a["href"]))
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(a.get("content") or "")
        self._inline = tag == "script" and not a.get("src") and a.get("type") in (
            None, "", "text/javascript", "module")
        if self._inline:
            self.inline.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inline = False

    def handle_data(self, data):
        if self._inline:
            self.inline[-1] += data


def collect(path: Path) -> Collector:
    page = Collector()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def pages(real_site) -> dict[str, Collector]:
    return {p.relative_to(real_site).as_posix(): collect(p)
            for p in sorted(real_site.rglob("*.html"))}


def allowed_hashes() -> list[str]:
    text = (REPO_ROOT / "plansite" / "adapter" / "theme" / "main.html").read_text(encoding="utf-8")
    return re.findall(r"'sha256-([A-Za-z0-9+/=]+)'", text)


def test_nothing_is_fetched_from_another_host(pages):
    assert len(pages) > 20
    for name, page in pages.items():
        for tag, attr, value in page.fetches:
            for part in value.split(","):  # srcset lists several addresses
                assert not EXTERNAL.match(part), f"{name}: <{tag} {attr}={value}>"


def test_stylesheets_and_scripts_name_no_other_host(real_site):
    """Fonts and imports inside the site's own CSS and JS files come from the site too."""
    for path in real_site.rglob("*"):
        if path.suffix not in (".css", ".js", ".mjs"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"@import\s+(?:url\()?\s*['\"]?(?:https?:)?//", text), path
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text), path
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path


def test_every_page_carries_the_policy_and_it_allows_exactly_the_theme_scripts(pages):
    hashes = allowed_hashes()
    expected = POLICY.format(hashes=" ".join(f"'sha256-{h}'" for h in hashes))
    seen = set()
    for name, page in pages.items():
        assert page.policies == [expected], name
        for body in page.inline:
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert digest in hashes, (
                f"{name}: an inline script the policy refuses (the theme changed?): add "
                f"'sha256-{digest}' to plansite/adapter/theme/main.html if it is the theme's: {body[:120]}")
            seen.add(digest)
    assert seen == set(hashes), "a hash in the policy no page needs any more"


def test_every_internal_link_and_anchor_of_the_site_resolves(real_site):
    assert check_site(real_site) == []


def test_root_absolute_links_are_read_from_the_base_path(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.css").write_text("")
    (tmp_path / "index.html").write_text('<p id="top">x</p>')
    (tmp_path / "404.html").write_text(
        '<link rel="stylesheet" href="/sub/assets/a.css"><a href="/sub/#top">home</a>'
        '<a href="/sub/#gone">x</a><a href="/elsewhere/">y</a><a href="/sub/missing/">z</a>')
    assert [str(b) for b in check_site(tmp_path, "/sub/")] == [
        "404.html:1: /sub/#gone: no anchor #gone",
        "404.html:1: /elsewhere/: points outside the site",
        "404.html:1: /sub/missing/: no such page or file",
    ]


def test_a_broken_generated_link_fails_the_build(tmp_path, monkeypatch, caplog):
    """The generator's own links are checked: a wrong department address stops the build."""
    import shutil

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from factories import make_repo
    from plansite.site.templates import TEMPLATE_DIR

    make_repo(tmp_path)
    for name in ("mkdocs.yml", "docs", "overrides"):
        source = REPO_ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    # a site's own link template points at departments/<id>/old/; the pages stay at <id>/
    links = "plansite/partials/links.html"
    written = (TEMPLATE_DIR / links).read_text(encoding="utf-8")
    broken = written.replace('<a class="ps-dept" href="{{ href }}">',
                             '<a class="ps-dept" href="{{ href }}old/">')
    assert broken != written
    (tmp_path / "overrides" / links).parent.mkdir(parents=True)
    (tmp_path / "overrides" / links).write_text(broken, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    with pytest.raises(MkDocsException) as failure:
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    assert "BuildError" in str(failure.value)
    logged = caplog.text
    assert re.search(r"plansite: \d+ broken internal link\(s\):", logged)
    assert re.search(r"\ndepartments/index\.html:\d+: \.\./departments/zhujianwei/old/: "
                     r"no such page or file\n", logged)


# -- in a browser --------------------------------------------------------------------------------

def violations_while(page, action) -> list[str]:
    """Console messages about the Content-Security-Policy while ``action`` runs."""
    seen: list[str] = []
    page.on("console", lambda msg: seen.append(msg.text)
            if "Content Security Policy" in msg.text or "Content-Security-Policy" in msg.text
            else None)
    page.on("pageerror", lambda exc: seen.append(f"page error: {exc}"))
    action()
    return seen


@pytest.mark.browser
def test_the_site_works_under_its_policy(page, real_site, serve_site):
    base = serve_site(real_site)

    def read_and_search():
        page.goto(base + "/")
        page.wait_for_load_state("networkidle")
        box = page.locator("input.md-search__input, input[type=search]").first
        box.click()
        box.fill("住建委")
        # the index loads on demand: give it time to fetch what the query needs
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(3000)
        box.fill("城镇化率")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)
        for url in ("/plans/", "/departments/", "/indicators/", "/methodology/"):
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
        page.goto(base + "/plans/")
        page.locator(".ps-plans a").first.click()
        page.wait_for_load_state("networkidle")
        page.locator("a.ps-dept").first.click()
        page.wait_for_load_state("networkidle")
        # the palette toggle runs the theme's own scripts
        page.goto(base + "/")
        toggle = page.locator("form[data-md-component=palette] label").first
        if toggle.is_visible():
            toggle.click()

    assert violations_while(page, read_and_search) == []
