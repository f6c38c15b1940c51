"""The bad-input corpus: every broken file gives one clear message, exit 1, and keeps site/.

Each folder of ``tests/bad/`` holds the files of one broken case, at their place in a
repository; they are laid over the good fixture of :mod:`factories`. Files that cannot be written
by hand in a text editor (GBK, BOM, binary, empty, 50 MB) are made here. For every case
``plansite validate`` prints exactly the expected lines and exits 1, and ``plansite build`` over a
repository whose site was built before exits 1 and leaves that ``site/`` byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from typing import Callable

import pytest

from factories import make_repo
from plansite.cli import main
from plansite.adapter.build import build_site

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "bad"
SITE_FILES = ("mkdocs.yml", "docs", "overrides")

# The expected output of `plansite validate`, line for line, per case of tests/bad/.
WRITTEN = {
    "syntax": [
        "data/plans/demo/tasks.yml:10:16: YAML 语法错误：引号 \" 没有闭合; "
        "提示：在这一行的文字末尾补上 \""],
    "tab": [
        "data/departments.yml:5:1: 缩进里有制表符（Tab）；YAML 只能用空格缩进; 提示：把 Tab 换成空格，与同一层的上一行左对齐"],
    "duplicate-key": [
        "data/plans/demo/plan.yml:6:1: title: 键“title”重复出现（第一次在第 3 行）；每个键只能写一次"],
    "wrong-type": [
        "data/plans/demo/tasks.yml:12:15: chapters[0].tasks[0].lead: 类型不对：写的是 "
        "文字“市住建委、规划局”；应为 列表; 提示：写成列表，如 [市住建委, 市城乡规划局]"],
    "missing-field": [
        "data/plans/demo/plan.yml:2:1: title: 缺少必填字段“title”；应为 规划名称"],
    "unknown-department": [
        "data/plans/demo/tasks.yml:12:22: chapters[0].tasks[0].lead[1]: 找不到部门“规划所”；"
        "应为部门名录 data/departments.yml 中的编号、名称或别名; 提示：最接近的部门：市城乡规划局（guihuaju）"],
    # Two places are wrong: the alias given to a second department, and each use of it.
    "ambiguous-department": [
        "data/departments.yml:11:20: departments[2].aliases[1]: 名称或别名“住建委”已属于部门 "
        "zhujianwei（data/departments.yml:3）；一个名称只能指一个部门",
        "data/plans/demo/tasks.yml:27:7: chapters[0].tasks[1].cooperating[0]: 部门“住建委”有歧义，"
        "可能是：市住建委（zhujianwei）、市教育局（jiaoyuju）；请写全称或编号"],
    "duplicate-id": [
        "data/plans/other/indicators.yml:3:5: id: 编号“chengzhenhualv”重复，已在 "
        "data/plans/demo/indicators.yml:2 使用；编号必须唯一"],
    "cyclic-parent": [
        "data/departments.yml:3:5: departments[0].parent: 上级部门形成循环：zhujianwei → guihuaju → "
        "zhujianwei；上级关系不能绕回自身"],
    "unknown-indicator": [
        "data/plans/demo/tasks.yml:14:22: chapters[0].tasks[0].indicators[0]: 找不到指标“chengzhenhua”；"
        "应为 data/plans/demo/indicators.yml 中的指标编号; 提示：最接近的：chengzhenhualv"],
    "baseline-after-target": [
        "data/plans/demo/indicators.yml:8:33: indicators[0].baseline.year: 基期年份 2016 晚于目标年份 "
        "2015；基期应早于目标"],
    "fullwidth-digits": [
        "data/plans/demo/indicators.yml:8:23: indicators[0].baseline.value: 数字“４５”用了全角字符；"
        "应为半角数字 45; 提示：改写为 45"],
    # trust: values YAML or the site would change, blank names, limits
    "control-escape": [
        "data/plans/demo/tasks.yml:4:10: chapters[0].title: 有看不见的控制字符 U+0001；"
        "数据里只能有文字、空格和换行; 提示：删去这个字符（编辑器里可能看不见；可搜索 U+0001）"],
    "number-and-bool-keys": [
        "data/plans/demo/plan.yml:2:1: 1: 未知字段“1”；可用字段：id、title、issuer、issued、level、"
        "period、source_document、summary、note、title_en、short_title、reporting_interval、format",
        "data/plans/demo/plan.yml:3:1: true: 未知字段“true”；可用字段：id、title、issuer、issued、"
        "level、period、source_document、summary、note、title_en、short_title、reporting_interval、format; "
        "提示：是否想写“note”？"],
    "deadline-read-as-number": [
        "data/plans/demo/tasks.yml:24:15: chapters[0].tasks[1].deadline: 不加引号时 YAML 把"
        "“2015.10”读成数字 2015.1，意思变了；这里应为文字; 提示：加上引号：'2015.10'"],
    "id-read-as-number": [
        "data/plans/demo/tasks.yml:20:9: chapters[0].tasks[1].id: 不加引号时 YAML 把“1.20”读成数字 "
        "1.2，意思变了；这里应为文字; 提示：加上引号：'1.20'"],
    "id-exponent": [
        "data/plans/demo/tasks.yml:20:9: chapters[0].tasks[1].id: 编号“1e3”不合格；应为 数字和字母，"
        "用点或连字符分隔，如 2.3.1; 提示：编辑器（YAML 1.2）会把 1e3 读成数字；请换一个编号"],
    "blank-title": [
        "data/plans/demo/tasks.yml:22:12: chapters[0].tasks[1].title: 值为空；应为 任务名称"],
    "blank-department-name": [
        "data/departments.yml:13:9: departments[2].name: 值为空；应为 规划中写的名称，如 市住建委"],
    "duplicate-year": [
        "data/plans/demo/indicators.yml:9:12: indicators[0].actuals[1].year: 2013 年的实际值写了两次"
        "（第一次在第 8 行）；每年只能有一个实际值; 提示：删去其中一行；数据更正时只保留更正后的值，"
        "并在 source 中说明"],
    "long-id": [
        "data/plans/demo/tasks.yml:20:9: chapters[0].tasks[1].id: 编号有 81 个字符，超过上限 64；"
        "编号是网页地址和文件名的一部分; 提示：用更短的编号，如 1.1.1.1.1.1"],
    "share-above-100": [
        "data/plans/demo/indicators.yml:8:25: indicators[0].actuals[0].value: 数值 980% 不可能："
        "以 % 计的比例应在 0 到 100 之间; 提示：核对原文的数值、小数点和单位"],
    "target-contradicts-phrase": [
        "data/plans/demo/indicators.yml:11:5: indicators[0].target: 目标写的是 = 60 (level)，"
        "而它的原文“力争达到60%左右”说的是 ~ 60 (level)；两者应一致; 提示：改正目标或原文，"
        "使两者一致；“约”“左右”“力争”写作 comparator: '~'"],
    "actual-year-outside-plan": [
        "data/plans/demo/indicators.yml:8:12: indicators[0].actuals[0].year: 实际值的年份 2031 "
        "不在规划期内；应为 2010 到 2015 年"],
    # trust: hints that point the right way, the cause without its knock-on problems
    "missing-colon": [
        "data/plans/demo/tasks.yml:9:5: 这一行缺少“键: 值”里的冒号（或冒号后的空格），"
        "或者一行文字被拆成了两行；续行要比键多缩进"],
    "new-department": [
        "data/plans/demo/tasks.yml:13:7: chapters[0].tasks[0].lead[1]: 找不到部门“市水务局”；"
        "应为部门名录 data/departments.yml 中的编号、名称或别名; 提示：先在 data/departments.yml 中"
        "添加这个部门"],
    "indicator-name-for-id": [
        "data/plans/demo/tasks.yml:18:7: chapters[0].tasks[0].indicators[0]: 找不到指标“城镇化率”；"
        "应为 data/plans/demo/indicators.yml 中的指标编号; 提示：这里写指标的编号：chengzhenhualv"
        "（“城镇化率”是它的名称）"],
    "empty-chapters": [
        "data/plans/demo/tasks.yml:1:10: chapters: 值为空；应为 各章"],
    # progress reports
    "report-reason-missing": [
        "data/plans/demo/reports/2013.yml:10:11: entries[0].reason: 状态为“不再推进”的进展必须写明原因"
        "（reason）; 提示：写明滞后、调整或不再推进的原因，如 reason: 征地未完成"],
    "report-bad-status": [
        "data/plans/demo/reports/2013-Q2.yml:10:11: entries[0].status: 值“滞后”不在可选范围内；应为 "
        "not_started | on_track | ahead | delayed | done | done_modified | dropped"],
    "anchor-clash": [
        "data/plans/demo/tasks.yml:4:7: chapters[1].id: 编号“1.2”与“1-2”"
        "（data/plans/demo/tasks.yml:2）在网页上是同一个锚点 #chapter-1-2，链接会指错；两个编号须有别"],
}


def _gbk(root: Path) -> None:
    path = root / "data" / "departments.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))


def _bom(root: Path) -> None:
    path = root / "data" / "plans" / "demo" / "plan.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def _empty(root: Path) -> None:
    (root / "data" / "plans" / "demo" / "tasks.yml").write_bytes(b"")


def _binary(root: Path) -> None:
    (root / "data" / "plans" / "demo" / "indicators.yml").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")


HUGE_BYTES = 50 * 1024 * 1024


def _huge(root: Path) -> None:
    path = root / "data" / "departments.yml"
    with path.open("ab") as fh:  # a valid file that grew: a pasted log or data dump
        chunk = b"# " + b"x" * 1021 + b"\n"
        for _ in range(HUGE_BYTES // len(chunk)):
            fh.write(chunk)


def _control_raw(root: Path) -> None:
    path = root / "data" / "plans" / "demo" / "tasks.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("统筹城乡发展", "统筹\x01城乡发展"),
                    encoding="utf-8")


def _deep_tasks(root: Path) -> None:
    """Sub-tasks 325 deep: each level a task whose only sub-task is the next."""
    lines, indent = ["chapters:", "- id: '1'", "  title: 统筹城乡发展", "  tasks:"], "  "
    for level in range(325):
        lines += [f"{indent}- id: '1.{level}'", f"{indent}  title: 子任务", f"{indent}  tasks:"]
        indent += "    "
    lines += [f"{indent}- id: 'end'", f"{indent}  title: 最后"]
    (root / "data" / "plans" / "demo" / "tasks.yml").write_text("\n".join(lines) + "\n",
                                                                 encoding="utf-8")


OUTSIDE = Path("/etc/hostname")
"""A file outside every test repository that a link can point at."""


def _outside_link(root: Path) -> None:
    plan = root / "data" / "plans" / "demo" / "plan.yml"
    plan.unlink()
    plan.symlink_to(OUTSIDE)


# Cases made by code, with their expected output; the size of the huge file is filled in.
MADE: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "gbk": (_gbk, [
        "data/departments.yml:3:1: 文件不是 UTF-8 编码（看起来是 GBK/GB18030）；应为 UTF-8; "
        "提示：用编辑器“另存为 UTF-8”"]),
    "bom": (_bom, [
        "data/plans/demo/plan.yml:1:1: 文件开头有 BOM（字节顺序标记）；应为不带 BOM 的 UTF-8; "
        "提示：用编辑器“另存为 UTF-8（无 BOM）”"]),
    "empty": (_empty, ["data/plans/demo/tasks.yml:1:1: 文件是空的；应包含 YAML 数据"]),
    "binary": (_binary, [
        "data/plans/demo/indicators.yml:1:1: 这不是文本文件（含有二进制字节）；应为 UTF-8 编码的 YAML 文本"]),
    "control-raw": (_control_raw, [
        "data/plans/demo/tasks.yml:4:12: 有看不见的控制字符 U+0001；数据里只能有文字、空格和换行; "
        "提示：删去这个字符（编辑器里可能看不见；可搜索 U+0001）"]),
    "deep-tasks": (_deep_tasks, [
        "data/plans/demo/tasks.yml:35:43: chapters[0]" + ".tasks[0]" * 10 + ".tasks: tasks 嵌套了 "
        "326 层，超过上限 10 层; 提示：把过深的子任务提到上一层，或拆成几项任务"]),
    "outside-link": (_outside_link, [
        f"data/plans/demo/plan.yml: 这是指向仓库之外的链接（指向 {OUTSIDE.resolve().as_posix()}）；"
        "数据文件和页面必须在仓库里; 提示：把文件本身复制到仓库里，或删去这个链接"]),
    "huge": (_huge, [
        "data/departments.yml: 文件有 {size} 字节，超过上限 5242880 字节; "
        "提示：数据文件只应包含文字和数字；请拆分或删去误放的内容"]),
}

CASES = sorted([*WRITTEN, *MADE])


def test_corpus_folders_and_cases_match():
    """Every folder of tests/bad/ has its expected messages here, and the other way round."""
    assert sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) == sorted(WRITTEN)


def break_repo(root: Path, case: str) -> list[str]:
    """Lay case ``case`` over the good repository at ``root``; return the expected output."""
    if case in WRITTEN:
        shutil.copytree(CORPUS / case, root, dirs_exist_ok=True)
        return WRITTEN[case]
    make, expected = MADE[case]
    make(root)
    size = (root / "data" / "departments.yml").stat().st_size
    return [line.format(size=size) for line in expected]


def site_hash(site: Path) -> str:
    """One hash over every file name and byte of a built site."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*")):
        digest.update(path.relative_to(site).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("case", CASES)
def test_validate_prints_the_one_message_and_exits_1(tmp_path, case, capsys):
    make_repo(tmp_path)
    assert main(["--root", str(tmp_path), "validate"]) == 0
    capsys.readouterr()
    expected = break_repo(tmp_path, case)
    assert main(["--root", str(tmp_path), "validate"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == expected
    assert captured.err.strip() == f"共 {len(expected)} 个问题，请按上面的提示修改。"


CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
QUOTED = re.compile(r"'[^']*'")


@pytest.mark.parametrize("case", CASES)
def test_english_output_quotes_the_data_and_says_the_rest_in_english(tmp_path, case, capsys):
    """Chinese in the English output is the editor's own data, quoted as it was written."""
    make_repo(tmp_path)
    expected = break_repo(tmp_path, case)
    assert main(["--root", str(tmp_path), "validate", "--lang", "en"]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == len(expected)
    left = [line for line in lines if CHINESE.search(QUOTED.sub("", line))]
    assert not left, left
    assert captured.err.strip() == f"{len(expected)} problem(s); fix them as hinted above."


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    """A repository of the good fixture with its site built once, to be copied per case."""
    root = tmp_path_factory.mktemp("good")
    make_repo(root)
    for name in SITE_FILES:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    code, output = build_site(root)
    assert code == 0, output
    return root


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_build_fails_with_the_message_and_keeps_the_previous_site(
        tmp_path, good_site, case, capsys):
    root = tmp_path / "repo"
    shutil.copytree(good_site, root)
    before = site_hash(root / "site")
    expected = break_repo(root, case)
    assert main(["--root", str(root), "build"]) == 1
    output = capsys.readouterr().err
    for line in expected:
        assert line in output
    assert "Traceback" not in output
    assert output.rstrip().endswith("plansite: the build failed; the previous site/ is untouched")
    assert site_hash(root / "site") == before
    # the temporary build folder is gone too
    assert sorted(p.name for p in root.iterdir()) == sorted(["data", "site", *SITE_FILES])


# -- the editors' JSON Schema says the same -----------------------------------------------------

SCHEMA_SEES = {"syntax", "tab", "duplicate-key", "wrong-type", "missing-field", "fullwidth-digits",
               "control-escape", "control-raw", "number-and-bool-keys", "deadline-read-as-number",
               "id-read-as-number", "id-exponent", "blank-title", "blank-department-name",
               "long-id", "gbk", "bom", "empty", "binary", "huge", "missing-colon",
               "empty-chapters", "report-bad-status"}
"""The cases a JSON Schema can see: the shape of one file. The others are about meaning across
values and files (an unknown department, a cycle, two equal ids, a depth the schema does not
count, a link), which only `plansite validate` checks; for those the schema finds nothing wrong
that validate does not."""


def schema_files_flagged(root: Path) -> set[str]:
    """The data files the JSON Schema refuses (one it cannot read as YAML counts as refused)."""
    import yaml
    from jsonschema import Draft202012Validator

    from plansite.model.fields import json_schema

    class EditorLoader(yaml.SafeLoader):
        """YAML as an editor reads it: a key written twice is an error there too."""

        def construct_mapping(self, node, deep=False):
            keys = [self.construct_object(k, deep=True) for k, _ in node.value]
            if len(set(map(repr, keys))) != len(keys):
                raise yaml.constructor.ConstructorError(None, None, "duplicate key",
                                                        node.start_mark)
            return super().construct_mapping(node, deep)

    kinds = {"departments.yml": "departments", "plan.yml": "plan", "tasks.yml": "tasks",
             "indicators.yml": "indicators"}
    flagged = set()
    for path in sorted((root / "data").rglob("*.yml")):
        kind = "report" if path.parent.name == "reports" else kinds.get(path.name)
        if kind is None or path.is_symlink():
            continue
        name = path.relative_to(root).as_posix()
        raw = path.read_bytes()
        if len(raw) > 5 * 1024 * 1024:
            flagged.add(name)  # editors refuse a 50 MB file before they parse it
            continue
        try:
            text = raw.decode("utf-8")
            data = yaml.load(text, Loader=EditorLoader)  # noqa: S506 - a safe loader
        except (UnicodeDecodeError, yaml.YAMLError, RecursionError):
            flagged.add(name)
            continue
        if text.startswith("\ufeff") or data is None:
            flagged.add(name)  # editors refuse a BOM and nothing as well
            continue
        if next(Draft202012Validator(json_schema(kind)).iter_errors(data), None):
            flagged.add(name)
    return flagged


@pytest.mark.parametrize("case", CASES)
def test_validate_and_the_json_schema_agree(tmp_path, case, capsys):
    make_repo(tmp_path)
    assert schema_files_flagged(tmp_path) == set()
    break_repo(tmp_path, case)
    assert main(["--root", str(tmp_path), "validate"]) == 1
    said = {line.split(":", 1)[0] for line in capsys.readouterr().out.splitlines()}
    flagged = schema_files_flagged(tmp_path)
    assert flagged <= said, f"the schema refuses what validate accepts: {flagged - said}"
    if case in SCHEMA_SEES:
        assert flagged == said, f"validate refuses what the schema accepts: {said - flagged}"
