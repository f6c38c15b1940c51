"""A portal across many sites: data/portal.yml, the members' data.json, the pages, and a search
in the browser that answers from two member sites served on their own loopback ports.

Each member is a plansite site of its own, built here from a tiny repository and served with
the CORS header a member's host must send (``Access-Control-Allow-Origin``); a third member is
served without it, as a host that was not told, and the portal's search leaves it out.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_support import QuietHandler, serve_folder
from factories import copy_site_files, make_repo
from plansite.adapter.build import build_site
from plansite.model.records import Member, Source
from plansite.problems import Problems
from plansite.reading.portal import read_portal
from plansite.site.portal import member_link, read_member, read_members
from test_a11y import serious


class CorsHandler(QuietHandler):
    """A member's host as the portal needs it: any site may read its files from a browser."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


PORTAL_OWN_TASKS = {"chapters": [
    {"id": "1", "number": "一、", "title": "统筹城乡发展", "tasks": [
        {"id": "1.1", "number": "1.", "title": "优化城镇空间布局", "lead": ["住建委"]}]}]}
"""The portal's own plan: a province may publish its own plans beside its members'."""


def write_portal(root: Path, text: str) -> Path:
    make_repo(root, departments=[{"id": "zhujianwei", "name": "省住建厅", "aliases": ["住建委"]}],
              tasks=PORTAL_OWN_TASKS, indicators={"indicators": []})
    (root / "data" / "portal.yml").write_text(text, encoding="utf-8")
    return root


# -- data/portal.yml ----------------------------------------------------------------------------
def test_portal_file_problems_name_the_file_line_and_field(tmp_path):
    root = write_portal(tmp_path, """members:
  - id: jia
    name: 甲市规划公开
    url: https://jia.example.gov.cn/plans
  - id: jia
    name: 乙市规划公开
    url: ftp://yi.example.gov.cn/
  - name: 丙市
    url: https://jia.example.gov.cn/plans/
    dat: x
""")
    problems = Problems()
    members = read_portal(root, problems)
    assert [p.format("zh") for p in problems.sorted()] == [
        "data/portal.yml:5:9: members[1].id: 编号“jia”重复，已在 data/portal.yml:2 使用；编号必须唯一",
        "data/portal.yml:7:10: members[1].url: 网址不合格：写的是 文字“ftp://yi.example.gov.cn/”；"
        "应为 以 http:// 或 https:// 开头的站点网址，如 https://city.example.gov.cn/plans/",
        "data/portal.yml:8:5: members[2].id: 缺少必填字段“id”；应为 稳定的英文编号（小写字母、数字、连字符）",
        "data/portal.yml:9:10: members[2].url: 编号“https://jia.example.gov.cn/plans/”重复，"
        "已在 data/portal.yml:4 使用；编号必须唯一",
        "data/portal.yml:10:5: members[2].dat: 未知字段“dat”；可用字段：id、name、url、data; 提示：是否想写“data”？",
    ]
    # the address is kept as a folder: its pages and data.json lie under it
    assert members == [Member("jia", "甲市规划公开", "https://jia.example.gov.cn/plans/",
                              source=Source("data/portal.yml", 2, 9))]


def test_an_address_without_its_scheme_is_given_back_whole(tmp_path):
    root = write_portal(tmp_path, "members:\n  - id: jia\n    name: 甲\n    url: plans.jia.gov.cn\n")
    problems = Problems()
    assert read_portal(root, problems) == []
    assert [p.format("en") for p in problems] == [
        "data/portal.yml:4:10: members[0].url: the address is not valid: found the text "
        "'plans.jia.gov.cn'; expected a site address starting with http:// or https://, "
        "e.g. https://city.example.gov.cn/plans/; hint: did you mean 'https://plans.jia.gov.cn/'?"]


def test_a_site_without_portal_file_has_no_members(tmp_path):
    problems = Problems()
    assert read_portal(make_repo(tmp_path), problems) == [] and not problems


# -- the members' data --------------------------------------------------------------------------
@pytest.mark.parametrize("member_url, record_url, expected", [
    ("https://jia.example.gov.cn/", "/plans/demo/", "https://jia.example.gov.cn/plans/demo/"),
    ("https://x.gov.cn/jia/", "/jia/plans/demo/#task-1-1", "https://x.gov.cn/jia/plans/demo/#task-1-1"),
    ("https://x.gov.cn/jia/", "/plans/demo/", "https://x.gov.cn/jia/plans/demo/"),
    ("https://x.gov.cn/jia/", "javascript:alert(1)", "https://x.gov.cn/jia/"),
    ("https://x.gov.cn/jia/", "https://elsewhere.example/plans/", "https://x.gov.cn/jia/"),
])
def test_member_records_link_to_the_members_own_pages(member_url, record_url, expected):
    assert member_link(Member("jia", "甲", member_url), record_url) == expected


def test_an_unreachable_member_is_a_problem_at_its_line(tmp_path):
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    member = Member("jia", "甲市规划公开", f"http://127.0.0.1:{port}/",
                    source=Source("data/portal.yml", 2, 9))
    sites, problems = read_members([member], tmp_path, timeout=5)
    assert sites == []
    [found] = problems
    assert found.location() == "data/portal.yml:2:9"
    assert found.said("zh").startswith(
        f"读不到成员站点“甲市规划公开”的数据 http://127.0.0.1:{port}/downloads/data.json：")
    assert "用 data: 指向一份本地的 data.json" in found.hint_words("zh")


def test_a_member_that_does_not_answer_times_out(tmp_path):
    with socket.socket() as silent:  # accepts the connection, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        site, problems = read_member(Member("jia", "甲", url), tmp_path, timeout=0.5)
    assert site is None
    assert "timed out" in problems[0].said("en")


def test_a_file_that_is_not_plansite_data_says_what_it_lacks(tmp_path):
    (tmp_path / "other.json").write_text('{"plans": []}', encoding="utf-8")
    site, problems = read_member(Member("jia", "甲", "https://jia.example/", data="other.json"),
                                 tmp_path)
    assert site is None
    assert problems[0].said("en") == (
        "other.json of member site '甲' is not data plansite exported (it lacks departments); "
        "hint: the address should be a plansite site's root, whose build writes "
        "downloads/data.json")


@pytest.mark.slow
def test_the_build_stops_when_a_member_cannot_be_read(tmp_path):
    root = copy_site_files(write_portal(tmp_path / "portal", """members:
  - id: jia
    name: 甲市规划公开
    url: https://jia.example.gov.cn/
    data: data/missing.json
"""))
    code, output = build_site(root, tmp_path / "site")
    assert code == 1
    assert "data/portal.yml:2:9: 读不到成员站点“甲市规划公开”的数据 data/missing.json" in output
    assert not (tmp_path / "site").exists()


# -- two member sites on loopback ports, a portal over them, a search in the browser -------------
MEMBER_B_PLAN = {"id": "yishi", "title": "乙市发展规划", "issuer": "乙市人民政府",
                 "level": "市", "period": "2021-2025"}
MEMBER_B_TASKS = {"chapters": [
    {"id": "1", "number": "一、", "title": "办好人民满意的教育", "tasks": [
        {"id": "1.1", "number": "1.", "title": "均衡发展义务教育", "lead": ["教育局"]},
        {"id": "1.2", "number": "2.", "title": "建设城镇保障住房", "lead": ["住建委"]},
    ]},
]}


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """Three member sites, each built and served on its own port (two with the CORS header),
    and the portal built over them, its members' data fetched from their addresses."""
    base = tmp_path_factory.mktemp("portal")
    jia = copy_site_files(make_repo(base / "jia"))
    yi = copy_site_files(make_repo(base / "yi", plan=MEMBER_B_PLAN, tasks=MEMBER_B_TASKS,
                                   indicators={"indicators": []}, plan_id="yishi"))
    bing = copy_site_files(make_repo(base / "bing", plan={**MEMBER_B_PLAN, "id": "bingshi",
                                                        "title": "丙市发展规划"},
                                     tasks=MEMBER_B_TASKS, indicators={"indicators": []},
                                     plan_id="bingshi"))
    for root in (jia, yi, bing):
        code, output = build_site(root, root / "site")
        assert code == 0, output
    with contextlib.ExitStack() as stack:
        addresses = [stack.enter_context(serve_folder(jia / "site", CorsHandler)),
                     stack.enter_context(serve_folder(yi / "site", CorsHandler)),
                     stack.enter_context(serve_folder(bing / "site"))]  # no CORS header
        names = ("甲市规划公开", "乙市规划公开", "丙市规划公开")
        root = copy_site_files(write_portal(base / "portal", "members:\n" + "".join(
            f"  - id: m{i}\n    name: {name}\n    url: {url}\n"
            for i, (name, url) in enumerate(zip(names, addresses)))))
        code, output = build_site(root, root / "site")
        assert code == 0, output
        yield root / "site", dict(zip(names, addresses))


@pytest.mark.slow
def test_the_portal_lists_every_members_plans_linked_to_their_pages(portal):
    site, addresses = portal
    plans = (site / "member-plans" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{addresses["甲市规划公开"]}plans/demo/">示例规划</a>' in plans
    assert f'<a href="{addresses["乙市规划公开"]}plans/yishi/">乙市发展规划</a>' in plans
    members = (site / "members" / "index.html").read_text(encoding="utf-8")
    for name, address in addresses.items():
        assert f'href="{address}">{address}</a>' in members
    member = (site / "members" / "m1" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{addresses["乙市规划公开"]}departments/jiaoyuju/">市教育局</a>' in member
    assert f"数据来源：{addresses['乙市规划公开']}downloads/data.json" in member


@pytest.mark.slow
def test_the_portal_may_fetch_from_its_members_only(portal):
    site, addresses = portal
    home = (site / "index.html").read_text(encoding="utf-8")
    origins = " ".join(a.rstrip("/") for a in addresses.values())
    assert f"connect-src 'self' {origins}\"" in home


@pytest.mark.slow
@pytest.mark.browser
def test_one_search_answers_from_both_members_with_links_to_their_pages(portal, page,
                                                                         serve_site):
    site, addresses = portal
    page.goto(serve_site(site))
    page.locator("#ps-search-input").click()
    page.locator("#ps-search-input").fill("教育")
    page.wait_for_function(
        "q => document.querySelector('#ps-search-results').dataset.psQuery === q",
        arg="教育", timeout=20000)
    found = page.eval_on_selector_all(
        "#ps-search-results li", "items => items.map(li => [li.querySelector('a').href, "
        "(li.querySelector('.ps-result__site') || {}).textContent])")
    jia, yi, bing = addresses.values()
    assert [yi + "plans/yishi/tasks/1.1/", "乙市规划公开"] in found
    # the other member's task, at its own address
    assert [jia + "plans/demo/tasks/1.2/", "甲市规划公开"] in found
    # the member whose host sends no CORS header is left out; the others still answer
    assert not any(href.startswith(bing) for href, _ in found)
    page.locator("#ps-search-results a", has_text="均衡发展义务教育").first.click()
    page.wait_for_url(yi + "plans/yishi/**")


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("address", ["members/", "member-plans/", "members/m1/"])
def test_the_portals_pages_have_no_serious_accessibility_violation(portal, page, serve_site,
                                                                   address):
    page.goto(serve_site(portal[0]) + address)
    assert not serious(Axe(), page)


def test_a_members_data_is_read_as_text_and_kept_on_its_site(tmp_path):
    (tmp_path / "odd.json").write_text(json.dumps({
        "plans": [1, ["x"], {"id": "p", "title": "<script>甲</script>", "url": "javascript:x()",
                             "period_start": 2021, "period_end": 2025}],
        "departments": [None, {"id": "d", "name": 7, "led": 3, "cooperating": ["a", "b"],
                               "url": "//evil.example/departments/d/"}],
        "tasks": "none"}), encoding="utf-8")
    site, problems = read_member(Member("jia", "甲", "https://jia.example/", data="odd.json"),
                                 tmp_path)
    assert not problems
    assert [(p.name, p.href, p.facts) for p in site.plans] == [
        ("<script>甲</script>", "https://jia.example/", ("2021–2025",))]
    assert [(d.name, d.href, d.tasks, d.cooperating) for d in site.departments] == [
        ("7", "https://jia.example/", 0, 2)]
