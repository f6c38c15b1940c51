"""The values a message quotes, worded by their kind (``文字“x”`` / ``the text 'x'``), and the
descriptions of what was expected, in Chinese and English."""

from __future__ import annotations

VALUES: dict[str, dict[str, str]] = {
    # what was found, by its kind
    "value-null": {"zh": "空值", "en": "nothing"},
    "value-bool": {"zh": "布尔值 {value}", "en": "the boolean {value}"},
    "value-number": {"zh": "数字 {value}", "en": "the number {value}"},
    "value-text": {"zh": "文字“{value}”", "en": "the text '{value}'"},
    "value-list": {"zh": "列表", "en": "a list"},
    "value-mapping": {"zh": "键值对", "en": "a mapping"},
    "value-other": {"zh": "{type}", "en": "{type}"},
    # what a field expects, by its kind
    "kind-text": {"zh": "文字", "en": "text"},
    "kind-markdown": {"zh": "文字（Markdown）", "en": "text (Markdown)"},
    "kind-slug": {"zh": "英文编号（小写字母、数字、连字符）",
                  "en": "an id (lower-case letters, digits, hyphens)"},
    "kind-local-id": {"zh": "编号（如 2.3.1）", "en": "an id such as 2.3.1"},
    "kind-number": {"zh": "数字", "en": "a number"},
    "kind-year": {"zh": "四位年份（如 2015）", "en": "a year, e.g. 2015"},
    "kind-format": {"zh": "数据格式版本号（正整数，如 1）", "en": "a data format version, e.g. 1"},
    "kind-bool": {"zh": "true 或 false", "en": "true or false"},
    "kind-period": {"zh": "规划期（如 2011-2015）", "en": "a period such as 2011-2015"},
    "kind-deadline": {"zh": "完成时限（如 2015年）", "en": "a deadline such as '2015年'"},
    "kind-list": {"zh": "列表", "en": "a list"},
    "kind-record": {"zh": "键值对（映射）", "en": "a mapping"},
    "kind-target": {"zh": "目标（键值对或原文，如 不超过5%）",
                    "en": "a target (a mapping, or the phrase as written, e.g. '不超过5%')"},
    "kind-address": {"zh": "网址（以 http:// 或 https:// 开头）",
                     "en": "an address starting with http:// or https://"},
    "kind-choice": {"zh": "可选值之一", "en": "one of the choices"},
    "record-mapping": {"zh": "{record}（键值对）", "en": "a mapping: {record}"},
    # what a value should look like
    "list-example": {"zh": "[市住建委, 市城乡规划局]", "en": "[zhujianwei, guihuaju]"},
    "list-example-ids": {"zh": "[...]", "en": "[...]"},
    "slug-example": {"zh": "小写英文字母、数字和连字符，如 zhujianwei",
                     "en": "lower-case letters, digits and hyphens, e.g. zhujianwei"},
    "address-example": {"zh": "以 http:// 或 https:// 开头的站点网址，如 https://city.example.gov.cn/plans/",
                        "en": "a site address starting with http:// or https://, "
                              "e.g. https://city.example.gov.cn/plans/"},
    "local-id-example": {"zh": "数字和字母，用点或连字符分隔，如 2.3.1",
                         "en": "digits and letters separated by dots or hyphens, e.g. 2.3.1"},
    "finite-number": {"zh": "有限的数字（基本单位，如 155800）",
                      "en": "a finite number in base units, e.g. 155800"},
    "base-number": {"zh": "数字（基本单位，如 155800）", "en": "a number in base units, e.g. 155800"},
    "year-between": {"zh": "1900 到 2200 之间的四位年份", "en": "a year between 1900 and 2200"},
    "year-example": {"zh": "四位年份，如 2015", "en": "a four-digit year such as 2015"},
    "period-example": {"zh": "起止年份如 2011-2015，或单一年份如 2007",
                       "en": "start and end years such as 2011-2015, or one year such as 2007"},
    "deadline-examples": {"zh": "如 2015年、2026年12月底前、2026年第二季度、持续推进",
                          "en": "e.g. '2015年', '2026年12月底前', '2026年第二季度', '持续推进'"},
    "target-examples": {"zh": "如 达到55%、不超过5%、五年下降13%、年均增长12%以上，或写成键值对",
                        "en": "e.g. '达到55%', '不超过5%', '五年下降13%', '年均增长12%以上', or a mapping"},
    "actual-year": {"zh": "实际值的年份", "en": "the year of the reported value"},
    "range-ends": {"zh": "区间目标的上下限", "en": "both ends of the range"},
    "target-value": {"zh": "目标值，或用 narrative 写文字目标",
                     "en": "a target value, or narrative for a target in words"},
    "department-named": {"zh": "{name}（{id}）", "en": "'{name}' ({id})"},
    "record-at": {"zh": "{id}（{place}）", "en": "{id} ({place})"},
    "two-characters": {"zh": "至少两个字，如 医保、CPI", "en": "two characters or more, e.g. '医保', 'CPI'"},
    # reading files
    "yaml-data": {"zh": "YAML 数据", "en": "YAML data"},
    "quote-unclosed": {"zh": "引号 {quote} 没有闭合", "en": "the quote {quote} is not closed"},
    "parser-complaint": {"zh": "{context}，{problem}", "en": "{context}, {problem}"},
    "too-deep": {"zh": "嵌套过深", "en": "nested too deeply"},
    # importing documents
    "document-to-import": {"zh": "要导入的规划文件", "en": "the plan document to import"},
    "plan-text": {"zh": "规划正文", "en": "the text of the plan"},
    "plan-text-unframed": {"zh": "规划正文（去掉网页页眉页脚后）",
                           "en": "the text of the plan (without the web page around it)"},
    "task-table": {"zh": "任务表", "en": "a task table"},
    "department-list": {"zh": "部门列表", "en": "a list of departments"},
    "no-extension": {"zh": "（无扩展名）", "en": "(no extension)"},
    "nothing-written": {"zh": "（空）", "en": "(empty)"},
    "plan-id-example": {"zh": "小写字母、数字和连字符，如 city-12th-fyp",
                        "en": "lower-case letters, digits and hyphens, e.g. city-12th-fyp"},
    "task-headers": {"zh": "任务 / 重点任务 / 工作任务 / 主要任务",
                     "en": "'任务' (tasks), '重点任务', '工作任务' or '主要任务'"},
    "task-first": {"zh": "责任分工前应有任务", "en": "a task comes before its responsibility line"},
    "last-character-cut": {"zh": "最后一个字符不完整", "en": "the last character is cut off"},
    "not-utf8-after-bom": {"zh": "UTF-8 BOM 之后的字节不是 UTF-8",
                           "en": "the bytes after the UTF-8 BOM are not UTF-8"},
    "bad-byte-sequence": {"zh": "{encoding} 字节序列无效", "en": "invalid {encoding} bytes"},
    "unknown-encoding": {"zh": "既不是 UTF-8 也不是 GB18030/GBK",
                         "en": "neither UTF-8 nor GB18030/GBK"},
    "control-character": {"zh": "{encoding} 解码后含有控制字符 {character}",
                          "en": "the text read as {encoding} holds the control character "
                                "{character}"},
    # importer
    "report-to-import": {"zh": "要导入的进展报告", "en": "the progress report to import"},
    "plan-to-report-on": {"zh": "报告所针对的规划（先导入规划）",
                          "en": "the plan the report is on (import the plan first)"},
    "period-forms": {"zh": "YYYY、YYYY-H1/H2、YYYY-Q1…Q4 或 YYYY-MM，如 2024-Q2",
                     "en": "YYYY, YYYY-H1/H2, YYYY-Q1..Q4 or YYYY-MM, e.g. 2024-Q2"},
    "report-headers": {"zh": "任务 / 项目名称，以及 进展情况 / 完成情况 / 完成进度",
                       "en": "'任务' or '项目名称' (the task), and '进展情况', '完成情况' or '完成进度' "
                             "(its progress)"},
    "report-source": {"zh": "仓库中的报告文件（如 sources/ 下），或用 --url 给出网址",
                      "en": "the report kept in the repository (e.g. under sources/), or its "
                            "address given with --url"},
}
"""Values a message or hint quotes: what was found, what is expected, and examples."""

# trust: why a figure cannot be right
VALUES.update({
    "share-between": {"zh": "以 {unit} 计的比例应在 0 到 {high} 之间",
                      "en": "a share in {unit} lies between 0 and {high}"},
    "level-not-negative": {"zh": "数量不能为负数", "en": "an amount cannot be negative"},
})
