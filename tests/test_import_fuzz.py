"""Importing never fails with anything but PlanError, whatever the input.

The number of examples comes from PLANSITE_FUZZ_EXAMPLES (default 100; ``make fuzz`` raises it).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plansite.problems import PlanError
from plansite.importers import import_document

EXAMPLES = int(os.environ.get("PLANSITE_FUZZ_EXAMPLES", "100"))

# Pieces of real plans, so that random documents reach the deeper stages, not only decoding.
PIECES = ["篇1", "篇2", "一、任务分解", "（一）约束性指标。", "(二)加快产业发展。", "1.加速推进新型工业化。",
          "2．耕地保有量保持15.58万公顷。", "（1）打造平台；", "①改造农房；", "一是要抓规划。二是要抓宣传。",
          "——由市住建委、市城乡规划局会同有关部门和各乡镇办场区园组织落实。", "——由", "——由会同组织落实。",
          "（牵头单位：；配合单位：）", "责任单位：牵头，配合", "第一章 总则", "第二节", "到2015年，城镇化率达到55%。",
          "20*年全县参合农民7.94万人,参合率87.39%。", "欢迎来到速发表网,咨询电话:400-838-9661",
          "首页 > 优秀范文", "三、工作计划", "（", "）", "、", "是", "第", "章"]

texts = st.lists(st.one_of(st.sampled_from(PIECES),
                           st.text(alphabet=st.characters(blacklist_categories=("Cs",)),
                                   max_size=40)),
                 max_size=30).map("\n".join)


def _import(raw: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"plan{suffix}"
        source.write_bytes(raw)
        try:
            import_document(source, "fuzz", out_dir=Path(folder) / "out", force=True,
                            registry_path=Path(folder) / "departments.yml", part=1)
        except PlanError as exc:
            assert exc.problems and all(p.file for p in exc.problems)


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["utf-8", "utf-16", "gb18030"]))
def test_random_plan_text_imports_or_raises_plan_error(text, encoding):
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        raw = text.encode("utf-8")
    _import(raw, ".txt")


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from([".txt", ".csv", ".tsv", ".docx", ".xlsx"]))
def test_random_bytes_import_or_raise_plan_error(raw, suffix):
    _import(raw, suffix)
