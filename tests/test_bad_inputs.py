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
SITE_FILES = ("mkdocs.yml", "docs", "macros", "overrides")

# The expected output of `plansite validate`, line for line, per case of tests/bad/.
WRITTEN = {
    "syntax": [
        "data/plans/demo/tasks.yml:10:16: YAML 语法错误：引号 \" 没有闭合; "
        "提示：在这一行的文字末尾补上 \""],
    "tab": [
        "data/departments.yml:5:1: 缩进里有制表符（Tab）；YAML 只能用空格缩进; 提示：把 Tab 换成两个空格"],
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
