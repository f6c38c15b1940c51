"""plansite diff: what a change to the data means, between two commits of a repository."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from factories import DEPARTMENTS, INDICATORS, PLAN, TASKS, make_repo, write_yaml
from plansite.cli import main

EMAIL = ["-c", "user.email=editor@example.org", "-c", "user.name=Editor"]


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *EMAIL, *args], cwd=root, check=True, capture_output=True)


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def revised(root: Path) -> None:
    """Every kind of change at once, as an editor's pull request might bring them."""
    departments = copy.deepcopy(DEPARTMENTS)
    departments[1]["name"] = "市自然资源和规划局"                       # renamed
    departments.append({"id": "caizhengju", "name": "市财政局"})          # added; 市旧局 gone
    write_yaml(root / "data" / "departments.yml", {"departments": departments})
    plan = {**PLAN, "issuer": "市人民政府办公室"}                          # plan field
    write_yaml(root / "data" / "plans" / "demo" / "plan.yml", plan)
    tasks = copy.deepcopy(TASKS)
    first, second = tasks["chapters"][0]["tasks"]
    first["lead"] = ["市住建委", "市财政局"]                              # lead added, one kept,
    first["title"] = "优化城乡空间布局"                                   # 规划局 removed
    second["cooperating"] = []                                           # co-operation ended
    second["deadline"] = "2015年底前"                                    # deadline set
    tasks["chapters"][0]["tasks"].append(
        {"id": "1.3", "title": "加强财政保障", "lead": ["市财政局"]})      # task added
    write_yaml(root / "data" / "plans" / "demo" / "tasks.yml", tasks)
    indicators = copy.deepcopy(INDICATORS)
    ind = indicators["indicators"][0]
    ind["target"] = {"value": 56, "year": 2015, "comparator": ">=", "kind": "level"}
    ind["type"] = "binding"
    ind["actuals"] = [{"year": 2013, "value": 56}, {"year": 2012, "value": 50}]
    indicators["indicators"].append({"id": "chengzhenrenkou", "name": "城镇人口",
                                     "type": "expected", "unit": "人"})
    write_yaml(root / "data" / "plans" / "demo" / "indicators.yml", indicators)
    shutil.rmtree(root / "data" / "plans" / "old")                        # plan removed


@pytest.fixture()
def history(tmp_path) -> Path:
    root = make_repo(tmp_path / "repo", plan_id="old",
                     plan={**PLAN, "id": "old", "title": "旧规划"}, indicators={"indicators": []},
                     tasks={"chapters": [{"id": "1", "title": "一", "tasks": [
                         {"id": "1.1", "title": "旧任务", "lead": ["住建委"]}]}]})
    make_repo(root)
    write_yaml(root / "data" / "departments.yml",
               {"departments": [*DEPARTMENTS, {"id": "jiuju", "name": "市旧局"}]})
    indicators = copy.deepcopy(INDICATORS)
    indicators["indicators"][0]["actuals"] = [{"year": 2012, "value": 49},
                                             {"year": 2011, "value": 46}]
    indicators["indicators"].append({"id": "gone", "name": "旧指标", "type": "monitoring"})
    write_yaml(root / "data" / "plans" / "demo" / "indicators.yml", indicators)
    tasks = copy.deepcopy(TASKS)
    tasks["chapters"][0]["tasks"].append({"id": "1.9", "title": "撤销的任务"})
    write_yaml(root / "data" / "plans" / "demo" / "tasks.yml", tasks)
    git(root, "init", "-q")
    commit(root, "the plan as issued")
    return root


def run(root: Path, capsys, *args: str) -> tuple[int, str]:
    code = main(["--root", str(root), "diff", *args])
    return code, capsys.readouterr().out


def test_every_kind_of_change_between_two_commits_in_words(history, capsys):
    revised(history)
    commit(history, "revision of 2013")
    code, out = run(history, capsys, "HEAD~1", "HEAD")
    assert code == 0
    task11 = "1.1「优化城乡空间布局」（示例规划）"
    lines = [line[2:] for line in out.splitlines() if line.startswith("- ")]
    assert lines == [
        "规划《示例规划》的发布机关：市人民政府 → 市人民政府办公室",
        "删除规划《旧规划》（1 项任务，0 个指标）",
        "部门市城乡规划局改名为市自然资源和规划局",
        "部门名录新增市财政局",
        "部门名录删除市旧局",
        "任务 1.1「优化城乡空间布局」（示例规划）的名称：优化城镇空间布局 → 优化城乡空间布局",
        "任务 1.2「优先发展教育」（示例规划）的完成时限：（无） → 2015年底前",
        "新增任务 1.3「加强财政保障」（示例规划）",
        "删除任务 1.9「撤销的任务」（示例规划）",
        f"市财政局牵头任务 {task11}",
        f"市城乡规划局不再牵头任务 {task11}",
        "市住建委不再配合任务 1.2「优先发展教育」（示例规划）",
        "指标“城镇化率”（示例规划）的类型：预期性 → 约束性",
        "指标“城镇化率”（示例规划）的目标：不低于55%（2015年） → 不低于56%（2015年）",
        "指标“城镇化率”（示例规划）删除2011年实际值46%",
        "指标“城镇化率”（示例规划）的2012年实际值：49% → 50%",
        "指标“城镇化率”（示例规划）新增2013年实际值56%",
        "新增指标“城镇人口”（示例规划）",
        "删除指标“旧指标”（示例规划）",
        "指标“城镇化率”（示例规划）的状态：严重滞后 → 已实现",
    ]
    assert "### 数据修改说明：HEAD~1 → HEAD" in out
    assert "共 20 处变化：规划 2 处、部门 3 处、任务 4 处、责任分工 3 处、指标 7 处、状态 1 处。" in out


def test_the_changes_as_json_for_tools(history, capsys):
    revised(history)
    commit(history, "revision")
    code, out = run(history, capsys, "HEAD~1", "HEAD", "--format", "json", "--lang", "en")
    data = json.loads(out)
    assert (data["before"], data["after"]) == ("HEAD~1", "HEAD")
    lead = [c for c in data["changes"] if c["field"] == "lead"]
    assert {(c["before"], c["after"]) for c in lead} == {(None, "caizhengju"), ("guihuaju", None)}
    target = next(c for c in data["changes"] if c["field"] == "target")
    assert target["before"][:2] == [">=", 55.0] and target["after"][:2] == [">=", 56.0]
    assert target["text"] == ("Target of '城镇化率' (示例规划): at least 55% (2015) -> "
                              "at least 56% (2015)")
    status = next(c for c in data["changes"] if c["section"] == "statuses")
    assert (status["before"], status["after"]) == ("off-track", "achieved")


def test_by_default_the_last_commit_against_the_files_as_they_are(history, capsys):
    revised(history)
    code, out = run(history, capsys)
    assert code == 0
    assert "### 数据修改说明：HEAD → 工作区" in out
    assert "- 部门名录新增市财政局" in out


def test_no_change_says_so(history, capsys):
    code, out = run(history, capsys, "HEAD", "HEAD")
    assert code == 0 and "规划数据没有变化。" in out


def test_a_version_with_problems_is_compared_and_the_problems_counted(history, capsys):
    tasks = history / "data" / "plans" / "demo" / "tasks.yml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("jiaoyuju", "不存在的局"),
                     encoding="utf-8")
    code, out = run(history, capsys)
    assert code == 0
    assert "> 工作区的数据有 1 个问题（plansite validate 列出）。" in out


def test_unknown_revision_and_no_git_are_usage_errors(history, tmp_path, capsys):
    assert main(["--root", str(history), "diff", "no-such-branch"]) == 2
    assert "no revision 'no-such-branch'" in capsys.readouterr().err
    plain = make_repo(tmp_path / "plain")
    assert main(["--root", str(plain), "diff"]) == 2
    assert "is not a git repository" in capsys.readouterr().err


def test_a_commit_before_data_existed_compares_as_empty(tmp_path, capsys):
    root = tmp_path / "repo"
    root.mkdir()
    (root / "README.md").write_text("plans to come\n", encoding="utf-8")
    git(root, "init", "-q")
    commit(root, "start")
    make_repo(root)
    commit(root, "the first plan")
    code, out = run(root, capsys, "HEAD~1", "HEAD")
    assert code == 0
    assert "- 新增规划《示例规划》（2 项任务，1 个指标）" in out
    assert "- 部门名录新增市住建委" in out
    assert "新增任务" not in out and "新增指标" not in out  # a new plan's records, in its count
