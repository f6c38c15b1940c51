"""The names readers type for a department: without its level prefix, abbreviated, spelt out."""

from __future__ import annotations

from plansite.language.departments import without_level
from plansite.model.records import Department

ABBREVIATIONS = (
    ("发展和改革", "发改"), ("发展改革", "发改"), ("人力资源和社会保障", "人社"),
    ("住房和城乡建设", "住建"), ("经济和信息化", "经信"), ("国土资源", "国土"),
    ("环境保护", "环保"), ("人口和计划生育", "人口计生"), ("人口计生", "计生"),
    ("安全生产监督管理", "安监"), ("食品药品监督管理", "食药监"), ("质量技术监督", "质监"),
    ("工商行政管理", "工商"), ("文化广电新闻出版", "文广新"), ("新闻出版广电", "新广"),
    ("交通运输", "交通"), ("城乡规划", "规划"), ("外事侨务", "外侨"),
)
"""Full word -> the short form the public uses; applied in both directions to names."""

SUFFIXES = (("委员会", "委"), ("办公室", "办"))
"""The same for the last word of a name only (市委宣传部 holds 委 but is no 委员会)."""


def name_variants(name: str) -> list[str]:
    """The forms a reader may type for ``name``: without its level prefix (as
    :func:`plansite.language.departments.without_level` leaves it out), and abbreviated or spelt
    out.

    >>> name_variants("市发展改革委")[:4]
    ['市发展改革委', '发展改革委', '市发改委', '发改委']
    >>> "发展和改革委员会" in name_variants("市发展改革委")
    True
    """
    forms = [name]

    def add(form: str) -> None:
        if form not in forms:
            forms.append(form)

    add(without_level(name))

    for form in list(forms):  # shorten: 发展改革委 -> 发改委
        for full, short in ABBREVIATIONS:
            if full in form:
                add(form.replace(full, short))
    for _ in range(2):  # spell out: 发改委 -> 发展和改革委 -> 发展和改革委员会
        for form in list(forms):
            for full, short in ABBREVIATIONS:
                if short in form and full not in form:
                    add(form.replace(short, full, 1))
            for full, short in SUFFIXES:
                if form.endswith(short):
                    add(form[: -len(short)] + full)
    return [f for f in forms if len(f) > 1]


def department_terms(dept: Department) -> tuple[str, ...]:
    """Every name that finds ``dept``: its name, its aliases, and their short and long forms.

    The name itself is among them: a record whose title *is* the query outweighs records that
    only mention it (the tasks a department leads name it too).
    """
    terms: list[str] = []
    for name in (dept.name, *dept.aliases):
        terms.extend(name_variants(name))
    return tuple(dict.fromkeys(terms))
