"""How long ``import_document`` takes on a 1 MB plan text (a benchmark, not a test).

The text repeats chapters like those of the seed's 篇2: numbered tasks with narrative, targets
and responsibility lines, paragraph groups, inline 一是…二是… items, about as many numbers per
kilobyte as the seed. The budget is 2 s for 1 MB.

    python bench/import_speed.py [--size-mb 1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from plansite.importers import import_document

CN = "一二三四五六七八九十"

CHAPTER = """（{cn}）加快产业发展第{n}部分。

1.加速推进新型工业化。

突出工业经济的主导地位，实施“工业强市”战略，坚持壮大产业规模与结构优化升级并重，做大做强骨干企业与培育形成优势产业集群并举，促进技术创新与品牌经营相结合，全面提升工业整体素质，努力塑造产业竞争新优势。到2015年，全市规模以上企业发展到450家以上，工业总产值实现1000亿元。

——由市经信委、市发展改革委会同有关部门和各乡镇办场区园组织落实。

2.优化城镇空间布局。

加快形成以城区为核心的城镇发展总体格局，建立城乡一体规划编制体制，完成城乡一体总体规划编制工作，构建吸纳百万城镇人口规模的复合型城镇化发展体系。到2015年，城镇化率达到55%。

——由市住建委、市城乡规划局会同有关部门和各乡镇办场区园组织落实。

3.健全社会保障体系。

完善社会保险制度。扩大基本医疗保障覆盖面，建立统一的城镇职工、城镇居民、农村居民基本医疗保障制度，到2015年全体居民基本医疗保险参保率稳定在95%。

——由市人社局会同有关部门和各乡镇办场区园组织落实。

完善城乡社会救助体系。建立健全救灾救济工作机制，加强自然灾害应急体系建设，提高救灾应急保障能力，健全城乡医疗救助制度，不断扩大救助对象，提高救助时效和资金使用率。

——由市民政局会同有关部门和各乡镇办场区园组织落实。

4.抓好教育工作。一是要把抓教学质量放在工作的首位，全力抓好全县各级学校教学质量的提高。二是要抓好育人环境建设。（1）抓校园环境建设；（2）抓社会环境建设，树立全社会尊师重教的氛围。三是要抓好骨干教师的培养，多渠道培养学科骨干教师。

（牵头单位：市教育局；配合单位：市财政局、市人社局）

5.深化行政管理体制改革。

推进新一轮政府机构改革，强化政府社会管理和公共服务职能，合理划分各级政府提供公共服务的事权和支出责任。加强行政服务中心建设，继续简化审批程序，严格实行首问负责制、限时办结制、责任追究制，提高行政效能。完善政务信息公开制度，增加政府工作透明度。

——由市政府办、市监察局、市人社局、市编办、市物价局会同有关部门和各乡镇办场区园组织落实。

"""


def build_text(size: int) -> str:
    parts = []
    length = 0
    n = 0
    while length < size:
        part = CHAPTER.format(cn=CN[n % 10], n=n + 1)
        if n % 10 == 0:
            part = f"{CN[(n // 10) % 10]}、任务分解第{n // 10 + 1}篇\n\n" + part
        parts.append(part)
        length += len(part.encode("utf-8"))
        n += 1
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    text = build_text(int(args.size_mb * 1024 * 1024))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "plan.txt"
        source.write_text(text, encoding="utf-8")
        times, cpu = [], []
        for run in range(args.repeat):
            # every run imports afresh; --force re-imports are measured separately below
            out = Path(folder) / f"out{run}"
            start, start_cpu = time.perf_counter(), time.process_time()
            result = import_document(source, "bench", out_dir=out,
                                     registry_path=Path(folder) / f"departments{run}.yml")
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        start = time.perf_counter()
        import_document(source, "bench", out_dir=Path(folder) / "out0", force=True,
                        registry_path=Path(folder) / "departments0.yml")
        forced = time.perf_counter() - start
    size = len(text.encode("utf-8")) / 1024 / 1024
    # wall time counts other processes on a shared machine; CPU time is this import's own
    print(f"{size:.2f} MB, {result.report.tasks} tasks, {result.report.indicators} indicators: "
          f"best {min(times):.2f} s (CPU {min(cpu):.2f} s), worst {max(times):.2f} s; "
          f"re-import with --force {forced:.2f} s (budget 2 s per MB)")
    return 0 if min(times) <= 2 * max(size, 1) else 1


if __name__ == "__main__":
    sys.exit(main())
