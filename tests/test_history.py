"""Record history from git: each record's last change, and recent changes to targets and duties."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from factories import make_repo
from plansite.analysis.history import load_history, recent_changes, target_notation
from plansite.reading.repository import load_repository


def git(root: Path, *args: str, date: str = "2020-01-02T10:00:00+08:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "编辑", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "编辑", "GIT_COMMITTER_EMAIL": "editor@example.org",
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def committed_repo(root: Path) -> Path:
    """The factory repository, committed once, then a commit that raises a target and
    changes a task's lead department (late in the evening, west of Greenwich)."""
    make_repo(root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Import the demo plan")
    edit(root / "data/plans/demo/indicators.yml", "value: 55", "value: 60")
    edit(root / "data/plans/demo/tasks.yml", "- 规划局", "- 市教育局")
    git(root, "commit", "-qam", "Raise the urbanisation target", date="2021-03-04T23:30:00-05:00")
    return root


def test_last_change_of_each_record_comes_from_its_own_lines(tmp_path):
    repo, problems = load_repository(committed_repo(tmp_path))
    assert not problems.errors
    history = load_history(repo)
    assert history.available
    changed = {key: rev.summary for key, rev in history.records.items()}
    # only the records whose lines the second commit touched carry its date
    assert changed["indicator:chengzhenhualv"] == "Raise the urbanisation target"
    assert changed["task:demo:1.1"] == "Raise the urbanisation target"
    assert changed["task:demo:1.2"] == "Import the demo plan"
    assert changed["department:zhujianwei"] == "Import the demo plan"
    # the committer's own calendar day, not the UTC one (04:30 UTC on the 5th)
    assert history.last_change("indicator:chengzhenhualv").date == "2021-03-04"
    assert history.last_change("task:demo:1.2").date == "2020-01-02"


def test_uncommitted_edit_keeps_the_last_commit(tmp_path):
    committed_repo(tmp_path)
    edit(tmp_path / "data/plans/demo/tasks.yml", "办好教育。", "办好人民满意的教育。")
    repo, _ = load_repository(tmp_path)
    assert load_history(repo).last_change("task:demo:1.2").summary == "Import the demo plan"


def test_recent_changes_name_targets_and_responsibilities_before_and_after(tmp_path):
    committed_repo(tmp_path)
    sets = recent_changes(tmp_path)
    # the import created the files: it is not a change of any target
    assert [s.revision.summary for s in sets] == ["Raise the urbanisation target"]
    assert [(c.record, c.field, c.label, c.before, c.after) for c in sets[0].changes] == [
        ("indicator:chengzhenhualv", "target", "城镇化率", ">= 55% (2015)", ">= 60% (2015)"),
        ("task:demo:1.1", "lead", "优化城镇空间布局", "市住建委、规划局", "市住建委、市教育局"),
    ]


def test_a_commit_that_changes_only_text_is_not_listed(tmp_path):
    committed_repo(tmp_path)
    edit(tmp_path / "data/plans/demo/tasks.yml", "办好教育。", "办好人民满意的教育。")
    git(tmp_path, "commit", "-qam", "Reword a task")
    assert [s.revision.summary for s in recent_changes(tmp_path)] == [
        "Raise the urbanisation target"]


def test_added_and_removed_records_are_changes(tmp_path):
    committed_repo(tmp_path)
    edit(tmp_path / "data/plans/demo/tasks.yml", "    cooperating:\n    - 住建委\n", "")
    git(tmp_path, "commit", "-qam", "Drop the co-operating department")
    newest = recent_changes(tmp_path)[0]
    assert [(c.record, c.field, c.before, c.after) for c in newest.changes] == [
        ("task:demo:1.2", "cooperating", "住建委", "")]


def test_a_folder_outside_git_has_no_history_and_does_not_fail(tmp_path):
    repo, _ = load_repository(make_repo(tmp_path))
    history = load_history(repo)
    assert not history.available
    assert history.records == {} and history.changes == []
    assert history.last_change("task:demo:1.1") is None
    assert recent_changes(tmp_path) == []


def test_target_notation():
    assert target_notation({"value": 55.0, "comparator": ">=", "year": 2015}, "%") == ">= 55% (2015)"
    assert target_notation({"comparator": "range", "low": 1, "high": 2}, "万吨") == "1–2万吨"
    assert target_notation({"value": -13, "kind": "change"}, "%") == "= -13% [change]"
    assert target_notation("不超过5%") == "不超过5%"
    assert target_notation(None) == ""
