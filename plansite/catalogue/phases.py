"""The phases long commands report while they run (``plansite build``, ``import``,
``import-report``, ``synth``, ``make bench``), in Chinese and English."""

from __future__ import annotations

PHASES: dict[str, dict[str, str]] = {
    "progress-load": {"zh": "读取数据", "en": "reading the data"},
    "progress-pages": {"zh": "写页面", "en": "writing pages"},
    "progress-finish": {"zh": "搜索索引、下载文件和链接检查",
                        "en": "search index, downloads and link check"},
    "progress-read-document": {"zh": "读取文档", "en": "reading the document"},
    "progress-outline": {"zh": "识别章节和任务", "en": "finding chapters and tasks"},
    "progress-write": {"zh": "写数据文件", "en": "writing the data files"},
    "progress-rows": {"zh": "对照任务", "en": "matching rows to tasks"},
    "progress-plans": {"zh": "写规划", "en": "writing plans"},
    "progress-bench": {"zh": "基准测试：{step}", "en": "benchmark: {step}"},
    "progress-done": {"zh": "完成", "en": "done"},
}
