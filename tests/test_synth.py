"""Synthetic repositories: valid as written, of the size asked, the same for the same seed."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from plansite.cli import main
from plansite.reading.repository import load_repository
from plansite.language.numerals import chinese_numeral
from plansite.synthetic import synth_repository
from plansite.synthetic.departments import make_departments
from plansite.synthetic.writer import quantity_phrase

SIZE = {"tasks": 150, "departments": 24, "indicators": 60}


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "data").rglob("*.yml"))}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synth")
    synth_repository(root, seed=3, **SIZE)
    return root


def test_output_validates_without_any_problem(synthetic: Path) -> None:
    _, problems = load_repository(synthetic)
    assert list(problems) == []


def test_counts_are_exactly_the_ones_asked(synthetic: Path) -> None:
    repo, _ = load_repository(synthetic)
    assert len(repo.tasks) == SIZE["tasks"]
    assert len(repo.departments) == SIZE["departments"]
    assert len(repo.indicators) == SIZE["indicators"]
    assert len(repo.plans) >= 2


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path, synthetic: Path) -> None:
    again, other = tmp_path / "again", tmp_path / "other"
    synth_repository(again, seed=3, **SIZE)
    synth_repository(other, seed=4, **SIZE)
    assert files_of(again) == files_of(synthetic)
    assert files_of(other) != files_of(synthetic)


def test_shapes_are_those_of_real_breakdowns(synthetic: Path) -> None:
    repo, _ = load_repository(synthetic)
    tasks = list(repo.tasks.values())
    assert all(1 <= len(t.lead) <= 4 for t in tasks)
    assert all(len(t.cooperating) <= 5 for t in tasks)
    assert any(len(t.lead) > 1 for t in tasks) and any(t.cooperating for t in tasks)
    assert any(t.tasks for t in tasks), "some tasks have sub-tasks"
    assert any(c.chapters for p in repo.plans.values() for c in p.chapters), "nested chapters"
    assert all(t.responsibility.startswith("——由") and t.responsibility.endswith("组织落实。")
               for t in tasks)
    assert any(t.deadline is not None for t in tasks)
    kinds = {d.kind for d in repo.departments.values()}
    assert {"department", "group"} <= kinds
    assert any(d.incomplete for d in repo.departments.values())
    indicators = list(repo.indicators.values())
    assert {i.type for i in indicators} >= {"binding", "expected"}
    assert any(i.baseline and i.actuals for i in indicators)
    assert {i.target.kind for i in indicators if i.target} >= {"level", "change"}
    names = [d.name for d in repo.departments.values()]
    assert any(n.startswith("市") and n.endswith("局") for n in names)
    assert any(n.endswith("委") for n in names)


def test_phrases_are_written_as_plans_write_them() -> None:
    assert chinese_numeral(1) == "一" and chinese_numeral(10) == "十"
    assert chinese_numeral(12) == "十二" and chinese_numeral(20) == "二十"
    assert quantity_phrase(55, "%") == "55%"
    assert quantity_phrase(1662000, "人") == "166.2万人"
    assert quantity_phrase(1e11, "元") == "1000亿元"


def test_command_writes_a_repository_that_validates(tmp_path: Path, capsys) -> None:
    code = main(["synth", "--tasks", "30", "--departments", "10", "--indicators", "8",
                 "--out", str(tmp_path), "--seed", "2"])
    assert code == 0
    assert "30 tasks, 10 departments, 8 indicators" in capsys.readouterr().out
    assert main(["--root", str(tmp_path), "validate"]) == 0


def test_too_few_departments_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["synth", "--tasks", "5", "--departments", "2", "--indicators", "1",
                 "--out", str(tmp_path)]) == 2


def test_the_16x_register_can_be_made_each_name_and_id_once() -> None:
    """`make bench` at 16x asks for 4,800 departments (the register once stopped at 2,528)."""
    register = make_departments(4800, random.Random(1))
    assert len(register) == 4800
    assert len({d.id for d in register}) == len({d.name for d in register}) == 4800
    # the 4x register is a part of it: the larger registers add places, they change none
    assert {d.name for d in make_departments(1200, random.Random(1))} <= {d.name for d in register}


def test_reports_cover_every_status_and_every_case_of_attention(synthetic: Path) -> None:
    import datetime

    from plansite.analysis.findings import Findings
    from plansite.analysis.progress import STATUSES

    repo, _ = load_repository(synthetic)
    assert sum(len(p.reports) for p in repo.plans.values()) >= 3
    periods = {r.period.text for p in repo.plans.values() for r in p.reports}
    assert any("-H" in p for p in periods) and any(len(p) == 4 for p in periods)
    progress = Findings(repo, datetime.date(2026, 12, 1)).progress
    tasks = progress.tasks.values()
    assert {t.status for t in tasks} >= set(STATUSES) - {"unstated"}
    assert any(t.overdue for t in tasks)
    assert any(t.stale for t in tasks)
    assert any(t.contradicted_by for t in tasks)
    entries = [e for p in repo.plans.values() for r in p.reports for e in r.entries]
    assert any(e.assessment for e in entries) and any(e.evidence for e in entries)
    assert all(e.reason for e in entries if e.status in ("delayed", "done_modified", "dropped"))
