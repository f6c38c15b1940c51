"""Short forms and abbreviations: what residents type finds what the plans write, and back.

The table plansite ships (plansite/language/abbreviations.yml) is checked like a site's own
data/abbreviations.yml; :data:`TYPED` is the test table: a query as residents type it and a plan
text that must answer it, through the index's tokens (both directions).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from factories import make_repo
from plansite.language.abbreviations import SHIPPED, ShortForms, shipped_abbreviations
from plansite.model.records import Abbreviation
from plansite.reading.abbreviations import check_abbreviations
from plansite.reading.repository import load_repository
from plansite.reading.shape import Checker
from plansite.reading.yamlfile import load_file
from plansite.site.search import SearchRecord, search_records, search_tokens
from plansite.site.search.records import with_other_forms

ROOT = Path(__file__).resolve().parent.parent

# (what a resident types, what the plan writes): the first must find a record holding the second
TYPED: list[tuple[str, str]] = [
    ("CPI", "居民消费价格指数涨幅控制在3%左右"),
    ("cpi", "居民消费价格指数"),
    ("ＣＰＩ", "居民消费价格指数"),
    ("PPI", "工业生产者出厂价格指数"),
    ("GDP", "国内生产总值年均增长8%"),
    ("GDP", "全市生产总值达到1000亿元"),
    ("GNP", "国民生产总值翻一番"),
    ("PM2.5", "细颗粒物浓度下降"),
    ("O3", "臭氧污染"),
    ("NOx", "氮氧化物排放总量"),
    ("VOCs", "挥发性有机物治理"),
    ("SO2", "二氧化硫排放量削减"),
    ("PM10", "可吸入颗粒物年均浓度"),
    ("COD", "化学需氧量排放"),
    ("CO2", "单位生产总值二氧化碳排放"),
    ("5G", "第五代移动通信基站"),
    ("单位GDP能耗", "单位生产总值能源消耗下降16%"),
    ("能耗", "单位工业增加值能源消耗"),
    ("碳排放", "二氧化碳排放强度"),
    ("规上", "规模以上工业增加值"),
    ("外贸", "对外贸易依存度"),
    ("医保", "城乡三项医疗保险参保率"),
    ("居民医保", "城镇居民基本医疗保险"),
    ("社保", "社会保险扩面征缴"),
    ("社保", "社会保障体系"),
    ("养老险", "城镇参加基本养老保险人数"),
    ("低保", "最低生活保障制度"),
    ("五保", "农村五保供养"),
    ("新农合", "新型农村合作医疗参合率"),
    ("参合", "参加新型农村合作医疗的农民"),
    ("保障房", "城市保障性住房建设"),
    ("保障房", "保障性安居工程"),
    ("廉租房", "廉租住房补贴"),
    ("经适房", "经济适用住房"),
    ("经济适用房", "经济适用住房建设"),
    ("公租房", "公共租赁住房"),
    ("棚改", "城市棚户区改造"),
    ("公积金", "住房公积金制度覆盖面"),
    ("环保", "加强环境保护"),
    ("计生", "人口与计划生育工作"),
    ("人口计生", "人口和计划生育委员会"),
    ("职教", "大力发展职业教育"),
    ("中职", "中等职业教育招生"),
    ("义教", "义务教育均衡发展"),
    ("双拥", "拥军优属、拥政爱民活动"),
    ("两免一补", "免杂费、免书本费、补助寄宿生生活费"),
    ("两基", "基本普及九年义务教育和基本扫除青壮年文盲"),
    ("优抚", "优待抚恤对象"),
    ("综治", "社会治安综合治理"),
    ("安监", "安全生产监督管理局"),
    ("人防", "人民防空工程"),
    ("残联", "县残疾人联合会"),
    ("妇联", "妇女联合会"),
    ("科协", "科学技术协会"),
    ("文广新", "文化广电新闻出版局"),
    ("经信", "经济和信息化委员会"),
    ("人社", "人力资源和社会保障局"),
    ("住建", "住房和城乡建设委员会"),
    ("发改", "发展改革委员会"),
    ("新农办", "新农村建设办公室"),
    ("农办", "农村工作办公室"),
    ("两型社会", "资源节约型、环境友好型社会"),
    ("三下乡", "文化科技卫生三下乡"),
    ("扫黄打非", "扫除淫秽色情、打击非法出版物"),
    ("村村通", "广播电视村村通工程"),
    ("放管服", "简政放权、放管结合、优化服务"),
]

# the other way: the plan writes the short form, the resident types it out
SPELT_OUT: list[tuple[str, str]] = [
    ("新型农村合作医疗", "新农合参合率达到90%"),
    ("最低生活保障", "城市“低保”规模"),
    ("居民消费价格指数", "CPI涨幅"),
    ("计划生育", "计生工作"),
    ("环境保护", "环保投入"),
    ("保障性住房", "保障房建设"),
    ("社会治安综合治理", "综治工作"),
    ("人民防空", "人防工程"),
]


def indexed_words(record: SearchRecord) -> set[str]:
    """The words Pagefind indexes for ``record``: its document without the metadata spans."""
    document = re.sub(r"<span data-pagefind-meta[^>]*>[^<]*</span>", " ", record.html())
    return set(html.unescape(re.sub(r"<[^>]+>", " ", document)).split())


def found_by(query: str, text: str) -> bool:
    """Whether a task record holding ``text`` is found by ``query``: every token of the query,
    cut as the search box cuts it, is among the record's indexed words."""
    record = with_other_forms(SearchRecord("plans/p/#task-1", "task", "任务", text=text),
                              ShortForms())
    return set(search_tokens(query, indexing=False).split()) <= indexed_words(record)


def test_the_test_table_holds_at_least_60_short_forms() -> None:
    assert len({q for q, _ in TYPED}) >= 60


@pytest.mark.parametrize(("query", "text"), TYPED + SPELT_OUT)
def test_a_short_form_finds_the_term_it_stands_for(query, text) -> None:
    assert found_by(query, text), (query, text)


@pytest.mark.parametrize(("query", "text"), [
    ("CPI", "CPIX 指数"),          # a Latin form counts only as a whole word
    ("医保", "医疗卫生服务"),       # a part of the full form is not enough
    ("双拥", "拥军优属"),           # nor is one word of a form of several
    ("低保", "保障性住房"),
])
def test_a_short_form_does_not_find_what_it_does_not_stand_for(query, text) -> None:
    assert not found_by(query, text)


def test_the_shipped_table_reads_without_problems_and_says_where_each_form_was_seen() -> None:
    loaded, problems = load_file(SHIPPED, SHIPPED.parent)
    check = Checker()
    entries = check_abbreviations(check, loaded.file, loaded.data)
    assert problems == [] and check.problems == []
    assert len(entries) == len(shipped_abbreviations()) >= 60
    assert all(e.source == "seed" or e.source.startswith(("http://", "https://"))
               for e in entries)


def test_every_form_said_to_come_from_the_seed_stands_there() -> None:
    seed = (ROOT / "sources/seed-plans.txt").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "data/plans").rglob("*.yml"))
    missing = [(e.short, e.full) for e in shipped_abbreviations() if e.source == "seed"
               and e.short not in seed and not all(w in seed for w in e.full.split())]
    assert not missing


ABBREVIATIONS_YML = """\
abbreviations:
  - short: 一区三园
    full: 经济开发区 工业园 物流园 科技园
    source: 市政府工作报告
  - short: 老旧小区
    full: 老旧住宅小区
"""


def test_a_site_adds_its_own_short_forms(tmp_path) -> None:
    make_repo(tmp_path)
    (tmp_path / "data/abbreviations.yml").write_text(ABBREVIATIONS_YML, encoding="utf-8")
    repo, problems = load_repository(tmp_path)
    assert list(problems) == []
    assert repo.abbreviations[0] == Abbreviation("一区三园", "经济开发区 工业园 物流园 科技园",
                                                 "市政府工作报告")
    assert ShortForms(repo.abbreviations).others("改造老旧住宅小区") == ("老旧小区",)
    assert search_records(repo)  # the index is made with them


def test_a_site_without_the_file_has_none(tmp_path) -> None:
    make_repo(tmp_path)
    repo, problems = load_repository(tmp_path)
    assert repo.abbreviations == () and list(problems) == []


BAD_YML = """\
abbreviations:
  - short: 医
    full: 医疗
  - short: 社保
    full: 社保
  - short: 老旧小区
    full: 老旧住宅小区
  - short: 老旧小区
    full: 老旧住宅小区
  - full: 没有简称
  - short: 低保
    full: 最低生活保障
    sourse: 民政局
"""


def test_the_validator_names_file_line_and_fix_of_each_bad_entry(tmp_path) -> None:
    make_repo(tmp_path)
    (tmp_path / "data/abbreviations.yml").write_text(BAD_YML, encoding="utf-8")
    repo, problems = load_repository(tmp_path)
    said = [p.format("zh") for p in problems.sorted()]
    assert said == [
        "data/abbreviations.yml:2:12: abbreviations[0].short: 简称或全称“医”只有一个字，"
        "会出现在几乎所有内容里；应为 至少两个字，如 医保、CPI",
        "data/abbreviations.yml:5:11: abbreviations[1].full: 简称“社保”与全称相同，不起作用；"
        "全称应与简称不同",
        "data/abbreviations.yml:8:12: abbreviations[3].short: 简称“老旧小区”及其全称已在第 6 行写过；"
        "每对只写一次",
        "data/abbreviations.yml:10:5: abbreviations[4].short: 缺少必填字段“short”；应为 读者使用的简称或缩写，如 医保、CPI",
        "data/abbreviations.yml:13:5: abbreviations[5].sourse: 未知字段“sourse”；可用字段：short、full、source; 提示：是否想写“source”？",
    ]
    # the good entries still count; the bad ones are left out
    assert [(a.short, a.full) for a in repo.abbreviations] == [
        ("老旧小区", "老旧住宅小区"), ("低保", "最低生活保障")]
