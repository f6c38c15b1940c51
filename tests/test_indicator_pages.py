"""Indicators on the built site: every one listed with its computed status, counts that add up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from plansite.analysis.findings import Findings
from plansite.reading.repository import load_repository

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def repo():
    repository, problems = load_repository(REPO)
    assert not problems.errors
    return repository


def page(site: Path, url: str):
    return lxml_html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))


def shown_counts(tree, xpath: str = "//ul[contains(@class,'ps-status-counts')]") -> list[dict]:
    """Each status-count list of a page as {status: count}."""
    out = []
    for ul in tree.xpath(xpath):
        counts = {}
        for li in ul.xpath("./li[span]"):
            status = re.search(r"ps-status-([a-z-]+)", li.xpath("./span/@class")[0]).group(1)
            counts[status] = int(li.text_content().split()[-1])
        out.append(counts)
    return out


def test_every_indicator_is_listed_with_its_computed_status(real_site, repo):
    tree = page(real_site, "indicators")
    rows = tree.xpath("//table[contains(@class,'ps-indicators')]/tbody/tr")
    assert len(rows) == len(repo.indicators)
    for row in rows:
        link = row.xpath(".//a[contains(@class,'ps-indicator-link')]/@href")[0]
        ind_id = link.rstrip("/").rsplit("/", 1)[-1]
        result = Findings(repo).statuses[ind_id]
        assert row.get("data-status") == result.status
        label = row.xpath(".//span[contains(@class,'ps-status')]")[0].text_content()
        assert label == result.label("zh")
        assert row.get("data-type") == repo.indicators[ind_id].type
        assert row.get("data-plan") == repo.indicators[ind_id].plan


def test_every_department_page_counts_its_indicators_by_status(real_site, repo):
    checked = 0
    for dept in repo.departments:
        inds = repo.index.department_indicators[dept]
        counts = shown_counts(page(real_site, f"departments/{dept}"))
        expected = {s: n for s, n in Findings(repo).status_counts(inds).items() if n}
        if not inds:
            assert counts == []
            continue
        assert counts[0] == expected, dept
        checked += 1
    assert checked > 10


def test_home_page_shows_the_binding_indicators_and_the_status_counts(real_site, repo):
    tree = page(real_site, "")
    binding = [i for i in repo.indicators.values() if i.binding]
    assert len(binding) == 14
    counts = shown_counts(tree)
    assert counts[0] == {s: n for s, n in Findings(repo).status_counts(list(repo.indicators)).items() if n}
    assert counts[1] == {s: n for s, n in Findings(repo).status_counts([i.id for i in binding]).items() if n}
    links = tree.xpath("//table[contains(@class,'ps-indicators')]//a[contains(@class,'ps-indicator-link')]/@href")
    assert [h.rstrip("/").rsplit("/", 1)[-1] for h in links] == [i.id for i in binding]


@pytest.mark.browser
def test_indicator_filters_narrow_the_table_in_the_browser(page, real_site, serve_site, repo):
    base = serve_site(real_site)
    page.goto(base + "/indicators/")
    rows = page.locator("table.ps-indicators tbody tr")
    total = rows.count()
    assert total == len(repo.indicators)
    page.select_option("select[name=type]", "binding")
    visible = page.locator("table.ps-indicators tbody tr:not([hidden])")
    assert visible.count() == sum(1 for i in repo.indicators.values() if i.binding)
    page.select_option("select[name=departments]", "huanbaoju")
    expected = [i for i in repo.indicators.values()
                if i.binding and "huanbaoju" in repo.index.indicator_departments[i.id]]
    assert visible.count() == len(expected) > 0
    assert page.locator("form.ps-filters output").inner_text() == f"显示 {len(expected)} / {total} 个指标"
    page.select_option("select[name=type]", "")
    page.select_option("select[name=departments]", "")
    page.select_option("select[name=plan]", "county-social-2007")
    assert visible.count() == sum(1 for i in repo.indicators.values()
                                  if i.plan == "county-social-2007")


@pytest.mark.browser
def test_a_filtered_view_lives_in_its_address(page, real_site, serve_site, repo):
    base = serve_site(real_site).rstrip("/")
    page.goto(base + "/indicators/")
    page.select_option("select[name=type]", "binding")
    assert page.url.endswith("/indicators/?type=binding")
    binding = sum(1 for i in repo.indicators.values() if i.binding)
    page.goto(base + "/indicators/?type=binding&status=no-data")
    visible = page.locator("table.ps-indicators tbody tr:not([hidden])")
    assert page.locator("select[name=type]").input_value() == "binding"
    assert visible.count() == sum(1 for i in repo.indicators.values()
                                  if i.binding and Findings(repo).statuses[i.id].status == "no-data")
    page.locator("table.ps-indicators a.ps-indicator-link").first.click()
    page.go_back()
    assert page.locator("select[name=type]").input_value() == "binding"
    assert visible.count() <= binding


def test_a_home_page_of_many_binding_indicators_sums_them_up_by_plan(tmp_path):
    from plansite.site.pages import HOME_BINDING_ROWS
    from plansite.site.render import Site
    from plansite.synthetic import synth_repository

    synth_repository(tmp_path, seed=3, tasks=400, departments=40, indicators=300)
    many, problems = load_repository(tmp_path)
    assert not problems.errors
    binding = [i for i in many.indicators.values() if i.binding]
    assert len(binding) > HOME_BINDING_ROWS
    tree = lxml_html.fromstring(Site(many).renderer("").page("home"))
    assert not tree.xpath("//table[contains(@class,'ps-indicators')]")
    rows = tree.xpath("//table[contains(@class,'ps-binding-plans')]/tbody/tr")
    by_plan = {}
    for ind in binding:
        by_plan.setdefault(ind.plan, []).append(ind.id)
    assert len(rows) == len(by_plan)
    for row, (plan_id, ids) in zip(rows, by_plan.items()):
        assert row.xpath(".//a/@href")[0] == f"plans/{plan_id}/"
        assert row.xpath("./td")[1].text_content() == str(len(ids))
        assert shown_counts(row, ".//ul[contains(@class,'ps-status-counts')]") == [
            {s: n for s, n in Findings(many).status_counts(ids).items() if n}]
    more = tree.xpath("//a[@href='indicators/?type=binding']")
    assert more and str(len(binding)) in more[0].text_content()


def test_a_monitoring_indicator_reads_no_target_set_beside_its_latest_value(real_site, repo):
    monitoring = [i for i in repo.indicators.values() if i.type == "monitoring" and i.latest]
    assert monitoring
    rows = page(real_site, "indicators").xpath("//table[contains(@class,'ps-indicators')]/tbody/tr")
    for ind in monitoring:
        row = next(r for r in rows
                   if r.xpath(f".//a[contains(@href, 'indicators/{ind.id}/')]"))
        cells = [c.text_content().strip() for c in row.xpath("./td")]
        assert "不设目标" in cells and "暂无数据" not in cells
        latest = cells[cells.index("不设目标") - 1]
        assert latest and latest != "—", (ind.id, cells)
        facts = page(real_site, f"indicators/{ind.id}").xpath("//dl[contains(@class,'ps-facts')]")[0]
        said = facts.text_content()
        assert "不设目标" in said and "暂无数据" not in said


def test_a_chart_comes_with_its_numbers_as_a_table_and_a_sentence(real_site, repo):
    kinds_seen: set[str] = set()
    charts = 0
    for ind in repo.indicators.values():
        tree = page(real_site, f"indicators/{ind.id}")
        figures = tree.xpath("//figure[contains(@class,'ps-chart-figure')]")
        if not figures:
            continue
        charts += 1
        svg = figures[0].xpath(".//*[local-name()='svg']")[0]
        described = svg.get("aria-labelledby").split()
        sentence = figures[0].xpath(f".//*[@id='{described[-1]}']")[0].text_content()
        assert sentence.endswith("。"), sentence
        table = figures[0].xpath(".//table[contains(@class,'ps-chart-numbers')]")[0]
        rows = [[c.text_content().strip() for c in r.xpath("./th|./td")]
                for r in table.xpath("./tbody/tr")]
        kinds = [r[0] for r in rows]
        kinds_seen.update(kinds)
        assert ("基期值" in kinds) == (ind.baseline is not None)
        assert {r[1] for r in rows if r[0] == "实际值"} == {str(a.year) for a in ind.actuals
                                                            if a.year}
        # every number of the table is said in the one sentence too
        assert all(r[2] in sentence for r in rows), (ind.id, rows, sentence)
    assert charts >= 10 and {"目标", "实际值"} <= kinds_seen


def wait_for_rows(page, count: int) -> None:
    """Wait until the indicator table shows ``count`` rows (a filter may load rows first)."""
    page.wait_for_function("n => document.querySelectorAll("
                           "'table.ps-indicators tbody tr:not([hidden])').length === n",
                           arg=count)


@pytest.fixture(scope="module")
def long_site(tmp_path_factory) -> tuple[Path, object]:
    """A synthetic site whose indicator list runs over several pages."""
    from factories import copy_site_files
    from plansite.adapter.build import build_site
    from plansite.synthetic import synth_repository

    root = tmp_path_factory.mktemp("long-list")
    synth_repository(root, seed=3, tasks=200, departments=30, indicators=460, plans=3)
    copy_site_files(root)
    code, output = build_site(root)
    assert code == 0, output[-3000:]
    many, _ = load_repository(root)
    return root / "site", many


@pytest.mark.browser
def test_a_long_indicator_list_filters_by_loading_the_plans_it_needs(page, long_site,
                                                                     serve_site):
    from plansite.site.paging import ROWS_PER_PAGE

    site, many = long_site
    base = serve_site(site).rstrip("/")
    page.goto(base + "/indicators/")
    rows = page.locator("table.ps-indicators tbody tr:not([hidden])")
    assert rows.count() == ROWS_PER_PAGE
    assert page.locator(".ps-pager a[href$='page/2/']").first.is_visible()
    plan = list(many.plans)[1]
    page.select_option("select[name=plan]", plan)
    expected = [i for i in many.indicators.values() if i.plan == plan]
    wait_for_rows(page, len(expected))
    assert not page.locator(".ps-pager").first.is_visible()
    assert page.locator("form.ps-filters output").inner_text() == \
        f"显示 {len(expected)} / {len(many.indicators)} 个指标"
    # the loaded rows' links lead where the page's own rows do
    link = rows.first.locator("a.ps-indicator-link")
    assert link.inner_text() == expected[0].name
    link.click()
    page.wait_for_url(f"**/indicators/{expected[0].id}/")
    page.go_back()
    page.select_option("select[name=plan]", "")
    dept = next(d for d in many.departments
                if sum(d in many.index.indicator_departments[i] for i in many.indicators) > 3)
    page.select_option("select[name=departments]", dept)
    owned = sum(dept in many.index.indicator_departments[i] for i in many.indicators)
    wait_for_rows(page, owned)
    page.select_option("select[name=departments]", "")
    wait_for_rows(page, ROWS_PER_PAGE)
    assert page.locator(".ps-pager").first.is_visible()


def test_without_javascript_a_long_list_is_walked_by_its_page_links(long_site):
    site, many = long_site
    seen = []
    url = "indicators/"
    while url:
        tree = lxml_html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))
        seen += tree.xpath("//table[contains(@class,'ps-indicators')]/tbody/tr//a"
                           "[contains(@class,'ps-indicator-link')]/text()")
        following = tree.xpath("//nav[contains(@class,'ps-pager')]//a[@rel='next']/@href")
        url = str((site / url / following[0]).resolve().relative_to(site.resolve())) \
            if following else ""
    assert seen == [i.name for i in many.indicators.values()]


@pytest.mark.browser
def test_a_long_lists_plans_and_departments_come_from_one_file_and_the_address(page, long_site,
                                                                               serve_site):
    """A page of a long list does not print the plans and departments to choose from; the
    filter loads them, and a department named in the address filters once they are in."""
    site, many = long_site
    html = (site / "indicators" / "page" / "2" / "index.html").read_text(encoding="utf-8")
    assert all(f'<option value="{d}"' not in html for d in many.departments)
    base = serve_site(site).rstrip("/")
    dept = next(d for d in many.departments
                if sum(d in many.index.indicator_departments[i] for i in many.indicators) > 3)
    owned = sum(dept in many.index.indicator_departments[i] for i in many.indicators)
    page.goto(base + f"/indicators/page/2/?departments={dept}")
    wait_for_rows(page, owned)
    assert page.locator("select[name=departments]").input_value() == dept
    names = page.locator("select[name=departments] option").all_inner_texts()
    assert many.departments[dept].name in names
    assert page.locator("select[name=plan] option").count() == len(many.plans) + 1


@pytest.mark.browser
def test_a_choice_made_before_the_choices_arrive_keeps_the_department_of_the_address(
        page, long_site, serve_site):
    site, many = long_site
    base = serve_site(site).rstrip("/")
    held = []
    page.route("**/filter-choices.json", lambda route: held.append(route))
    dept = next(d for d in many.departments
                if any(d in many.index.indicator_departments[i] and ind.binding
                       for i, ind in many.indicators.items()))
    page.goto(base + f"/indicators/page/2/?departments={dept}")
    page.wait_for_function("() => !document.querySelector('form.ps-filters').hidden")
    assert held, "the choices file should be asked for"
    page.select_option("select[name=type]", "binding")
    assert f"departments={dept}" in page.url
    held[0].continue_()
    expected = sum(1 for i, ind in many.indicators.items()
                   if ind.binding and dept in many.index.indicator_departments[i])
    wait_for_rows(page, expected)
    assert page.locator("select[name=departments]").input_value() == dept
    assert f"departments={dept}" in page.url and "type=binding" in page.url


@pytest.mark.browser
def test_without_the_choices_file_a_type_filters_the_pages_own_rows(page, long_site,
                                                                    serve_site):
    """The file of choices cannot be loaded (a dropped connection): the type still filters,
    the rows of the page itself, instead of leaving an empty table."""
    site, many = long_site
    base = serve_site(site).rstrip("/")
    page.route("**/filter-choices.json", lambda route: route.abort())
    page.goto(base + "/indicators/")
    page.select_option("select[name=type]", "binding")
    from plansite.site.paging import ROWS_PER_PAGE

    own = [ind for ind in list(many.indicators.values())[:ROWS_PER_PAGE] if ind.binding]
    assert own
    wait_for_rows(page, len(own))
    assert page.locator("form.ps-filters output").inner_text() == \
        f"显示 {len(own)} / {ROWS_PER_PAGE} 个指标"
