"""A department is found by a word the same way everywhere: in a task, in a macro, by the
importer and by search.

The table below writes one department register's names in the forms editors, authors and
documents use: full names, aliases, ids, with spaces around or inside, in full-width letters,
with and without their level prefix, shared by two departments, and unknown. Each form has one
answer: the department's id; ``AMBIGUOUS`` with the departments it may mean; or ``UNKNOWN`` with
the departments most like it (none: the hint is to add it to the register). Every path must give
that answer.
"""

from __future__ import annotations

import pytest

from factories import PLAN, make_repo
from plansite.importers.registry import Registry
from plansite.language.departments import name_key, without_level
from plansite.reading.repository import load_repository
from plansite.site.search import department_terms
from plansite.site.selection import SelectionError, resolve_department

REGISTER = [
    {"id": "zhujianwei", "name": "市住建委", "aliases": ["住建委", "市住房和城乡建设委员会"]},
    {"id": "guihuaju", "name": "市城乡规划局", "aliases": ["规划局", "城乡规划局"]},
    {"id": "jiaoyuju", "name": "市教育局", "aliases": ["教育局"]},
    {"id": "xian-jiaoyuju", "name": "县教育局", "aliases": ["教育局"]},
    {"id": "fagaiwei", "name": "市发展改革委", "aliases": ["发改委", "市发改委"]},
    {"id": "zuzhibu", "name": "市委组织部", "aliases": ["组织部"], "kind": "party"},
    {"id": "sheng-caizhengting", "name": "省财政厅", "aliases": ["财政厅"]},
    {"id": "zhen-zhengfu", "name": "镇人民政府"},
    {"id": "shiju", "name": "市局", "incomplete": True},
    {"id": "xiangzhen", "name": "各乡镇办场区园", "kind": "group"},
]

AMBIGUOUS = "ambiguous"
UNKNOWN = "unknown"

FORMS: list[tuple[str, object]] = [
    # full names, with their level prefix
    ("市住建委", "zhujianwei"), ("市城乡规划局", "guihuaju"), ("市教育局", "jiaoyuju"),
    ("县教育局", "xian-jiaoyuju"), ("市发展改革委", "fagaiwei"), ("市委组织部", "zuzhibu"),
    ("省财政厅", "sheng-caizhengting"), ("镇人民政府", "zhen-zhengfu"), ("市局", "shiju"),
    ("各乡镇办场区园", "xiangzhen"),
    # aliases, most of them the name without its level prefix
    ("住建委", "zhujianwei"), ("市住房和城乡建设委员会", "zhujianwei"), ("规划局", "guihuaju"),
    ("城乡规划局", "guihuaju"), ("发改委", "fagaiwei"), ("市发改委", "fagaiwei"),
    ("组织部", "zuzhibu"), ("财政厅", "sheng-caizhengting"),
    # ids
    ("zhujianwei", "zhujianwei"), ("guihuaju", "guihuaju"), ("jiaoyuju", "jiaoyuju"),
    ("xian-jiaoyuju", "xian-jiaoyuju"), ("fagaiwei", "fagaiwei"), ("zuzhibu", "zuzhibu"),
    ("sheng-caizhengting", "sheng-caizhengting"), ("zhen-zhengfu", "zhen-zhengfu"),
    ("shiju", "shiju"), ("xiangzhen", "xiangzhen"),
    # spaces around and inside, half- and full-width
    (" 市住建委", "zhujianwei"), ("住建委 ", "zhujianwei"), (" zhujianwei ", "zhujianwei"),
    ("\t规划局", "guihuaju"), ("市教育局\u3000", "jiaoyuju"), ("\u3000组织部\u3000", "zuzhibu"),
    ("市 住建委", "zhujianwei"), ("省财政厅  ", "sheng-caizhengting"),
    # full-width letters, digits and hyphens
    ("ｚｈｕｊｉａｎｗｅｉ", "zhujianwei"), ("ｇｕｉｈｕａｊｕ", "guihuaju"),
    ("ｚｈｅｎ－ｚｈｅｎｇｆｕ", "zhen-zhengfu"), ("ｓｈｉｊｕ", "shiju"),
    # a word two departments claim
    ("教育局", (AMBIGUOUS, ["jiaoyuju", "xian-jiaoyuju"])),
    (" 教育局 ", (AMBIGUOUS, ["jiaoyuju", "xian-jiaoyuju"])),
    ("教育局\u3000", (AMBIGUOUS, ["jiaoyuju", "xian-jiaoyuju"])),
    # unknown, like some known names: without or with another level prefix, misspelt
    ("发展改革委", (UNKNOWN, ["fagaiwei"])),
    ("人民政府", (UNKNOWN, ["zhen-zhengfu"])),
    ("住房和城乡建设委员会", (UNKNOWN, ["zhujianwei"])),
    ("省住建委", (UNKNOWN, ["zhujianwei"])),
    ("县发改委", (UNKNOWN, ["fagaiwei"])),
    ("市财政厅", (UNKNOWN, ["sheng-caizhengting"])),
    ("规划所", (UNKNOWN, ["guihuaju"])),
    ("市教局", (UNKNOWN, ["jiaoyuju", "xian-jiaoyuju"])),
    ("旗教育局", (UNKNOWN, ["jiaoyuju", "xian-jiaoyuju"])),
    ("住建", (UNKNOWN, ["zhujianwei"])),
    ("城乡规划", (UNKNOWN, ["guihuaju"])),
    ("组织处", (UNKNOWN, ["zuzhibu"])),
    (" 规划所 ", (UNKNOWN, ["guihuaju"])),
    # unknown and like no known name: add it to the register
    ("不存在的机构", (UNKNOWN, [])),
    ("外星办", (UNKNOWN, [])),
    ("公安", (UNKNOWN, [])),
    ("司法局", (UNKNOWN, [])),
    ("qqq", (UNKNOWN, [])),
    ("　水务　", (UNKNOWN, [])),
]


def test_the_table_is_large_enough_to_mean_something():
    assert len(FORMS) >= 60
    assert len({form for form, _ in FORMS}) == len(FORMS)


@pytest.fixture(scope="module")
def validated(tmp_path_factory):
    """Each form as the lead department of a task of its own, and the problems of the lot."""
    root = tmp_path_factory.mktemp("forms")
    tasks = [{"id": f"1.{i + 1}", "title": f"任务{i + 1}", "lead": [form]}
             for i, (form, _) in enumerate(FORMS)]
    make_repo(root, departments=REGISTER, plan=PLAN, indicators={"indicators": []},
              tasks={"chapters": [{"id": "1", "title": "第一章", "tasks": tasks}]})
    repo, problems = load_repository(root)
    by_path = {p.path: p for p in problems if p.file.endswith("tasks.yml")}
    return root, repo, by_path


def _ids(phrases) -> list[str]:
    return [p.arg("id") for p in phrases]


def validator_answer(repo, by_path, i: int):
    found = by_path.get(f"chapters[0].tasks[{i}].lead[0]")
    if found is None:
        (only,) = repo.task(f"demo:1.{i + 1}").lead
        return only
    args = dict(found.args)
    if found.code == "ambiguous-department":
        return (AMBIGUOUS, _ids(args["expected"]))
    assert found.code == "unknown-department"
    if found.hint.code == "add-department":
        return (UNKNOWN, [])
    assert found.hint.code == "closest-departments"
    return (UNKNOWN, _ids(found.hint.arg("names")))


@pytest.mark.parametrize("i", range(len(FORMS)), ids=[repr(form) for form, _ in FORMS])
def test_the_validator_answers_as_the_table(validated, i):
    _, repo, by_path = validated
    assert validator_answer(repo, by_path, i) == FORMS[i][1]


@pytest.mark.parametrize("form, answer", FORMS, ids=[repr(form) for form, _ in FORMS])
def test_a_macro_answers_as_the_table(validated, form, answer):
    _, repo, _ = validated
    if isinstance(answer, str):
        assert resolve_department(repo, form) == answer
        return
    kind, ids = answer
    with pytest.raises(SelectionError) as refused:
        resolve_department(repo, form)
    said = str(refused.value)
    assert said.startswith(f"department '{form}' is {'ambiguous' if kind == AMBIGUOUS else 'not known'}")
    assert [i for i in repo.departments if f"({i})" in said] == sorted(
        ids, key=list(repo.departments).index)
    assert ("add the department to data/departments.yml" in said) == (kind == UNKNOWN and not ids)


@pytest.mark.parametrize("form, answer", FORMS, ids=[repr(form) for form, _ in FORMS])
def test_the_importer_answers_as_the_table(validated, form, answer):
    root, _, _ = validated
    registry = Registry.load(root / "data" / "departments.yml")
    found = registry.ensure(form)
    if isinstance(answer, str):
        assert (found.id, registry.new) == (answer, [])
    elif answer[0] == AMBIGUOUS:
        assert (found.id, list(found.candidates), registry.new) == (None, answer[1], [])
    else:  # the importer proposes what it does not know
        assert [e["id"] for e in registry.new] == [found.id]
        assert found.id not in {d["id"] for d in REGISTER}


@pytest.mark.parametrize("form, answer", FORMS, ids=[repr(form) for form, _ in FORMS])
def test_search_finds_the_departments_a_name_or_alias_means(validated, form, answer):
    _, repo, _ = validated
    if isinstance(answer, str):
        meant = [answer] if form.strip() != answer else []  # ids are no search words
    else:
        meant = answer[1] if answer[0] == AMBIGUOUS else []
    for dept_id in meant:
        terms = {name_key(t) for t in department_terms(repo.departments[dept_id])}
        assert name_key(form) in terms or name_key(form) == dept_id


def test_a_short_form_is_the_name_without_its_level_where_people_shorten_it():
    assert [without_level(n) for n in ("市住建委", "省财政厅", "镇人民政府", "市局", "市委组织部",
                                       "各乡镇办场区园", "旗委", "盟教育局")] == [
        "住建委", "财政厅", "人民政府", "市局", "市委组织部", "各乡镇办场区园", "旗委", "教育局"]
