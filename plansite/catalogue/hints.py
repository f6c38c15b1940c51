"""What to do about a problem: the hint after its message, in Chinese and English, filled like
the messages (:mod:`plansite.catalogue.messages`)."""

from __future__ import annotations

HINTS: dict[str, dict[str, str]] = {
    # reading files
    "save-utf8-no-bom": {"zh": "用编辑器“另存为 UTF-8（无 BOM）”",
                         "en": "save the file as UTF-8 without BOM"},
    "save-utf8": {"zh": "用编辑器“另存为 UTF-8”", "en": "save the file as UTF-8"},
    "split-file": {"zh": "数据文件只应包含文字和数字；请拆分或删去误放的内容",
                   "en": "data files hold text and numbers only; split the file or remove what "
                         "does not belong"},
    "tab-to-spaces": {"zh": "把 Tab 换成空格，与同一层的上一行左对齐",
                      "en": "replace the tab with spaces, lining the line up with the line "
                            "above at the same level"},
    "close-quote": {"zh": "在这一行的文字末尾补上 {quote}",
                    "en": "close the text with {quote} at the end of this line"},
    "check-yaml-line": {"zh": "检查这一行及上一行的缩进、冒号和引号",
                        "en": "check the indentation, colons and quotes of this line and the "
                              "one above"},
    # a portal's members
    "member-reachable": {"zh": "在浏览器中打开 {address} 看能否下载；成员站点不在线时，可用 data: 指向一份本地的 data.json 离线构建",
                         "en": "open {address} in a browser to see whether it downloads; while "
                               "the member is offline, point data: at a local copy of its data.json"},
    "member-export": {"zh": "网址应指向 plansite 站点的根目录，其 downloads/data.json 由构建写出",
                      "en": "the address should be a plansite site's root, whose build writes "
                            "downloads/data.json"},
    # shapes and values
    "did-you-mean": {"zh": "是否想写“{word}”？", "en": "did you mean '{word}'?"},
    "write-a-list": {"zh": "写成列表，如 {example}", "en": "write a list, e.g. {example}"},
    "quote-text": {"zh": "给文字加上引号", "en": "put the text in quotes"},
    "write-instead": {"zh": "改写为 {value}", "en": "write {value}"},
    "remove-quotes": {"zh": "去掉引号，写成 {value}", "en": "remove the quotes: {value}"},
    "number-only": {"zh": "只写数字 {value}", "en": "write the number only: {value}"},
    "unit-apart": {"zh": "只写数字，单位写在 unit 字段", "en": "write the number only; the unit goes in unit"},
    "rename-id": {"zh": "把 id 改为 {id}，或把文件夹改名", "en": "change the id to {id}, or rename the folder"},
    # references
    "closest-departments": {"zh": "最接近的部门：{names}", "en": "closest departments: {names}"},
    "add-department": {"zh": "先在 data/departments.yml 中添加这个部门",
                       "en": "add the department to data/departments.yml first"},
    "closest": {"zh": "最接近的：{names}", "en": "closest: {names}"},
    "indicator-of-plan": {"zh": "指标 {indicator} 属于规划 {plan}",
                          "en": "indicator {indicator} belongs to plan {plan}"},
    # importing documents
    "save-text-utf8": {"zh": "另存为 UTF-8 编码的文本后再导入",
                       "en": "save the text as UTF-8 and import it again"},
    "not-a-text-file": {"zh": "这看起来不是文本文件；请导入 .txt、.docx、.xlsx、.csv 或 .tsv",
                        "en": "this does not look like a text file; import a .txt, .docx, .xlsx, "
                              ".csv or .tsv file"},
    "upgrade-plansite": {"zh": "升级 plansite（用新版本 plansite new 生成的 requirements.txt）",
                         "en": "upgrade plansite (take requirements.txt from a newer plansite new)"},
    "run-migrate": {"zh": "运行 plansite migrate 升级数据文件（保留注释），再检查改动后提交",
                    "en": "run plansite migrate to upgrade the data files (comments are kept), "
                          "then review and commit"},
    "force-import": {"zh": "加 --update 合并修订后的文件（保留编辑者的修改和注释），或加 --force 覆盖"
                           "（未改动的任务保留原编号）",
                     "en": "add --update to merge a revised document into it (editors' changes "
                           "and comments are kept), or --force to replace it (unchanged tasks "
                           "keep their ids)"},
    "give-period": {"zh": "用 --period 给出规划期，如 2011-2015 或 2007",
                    "en": "give the period with --period, e.g. 2011-2015 or 2007"},
    # importer
    "force-report": {"zh": "加 --force 覆盖这一期的报告", "en": "add --force to replace this period's report"},
    "give-as-of": {"zh": "用 --as-of 给出报告的截止日期，如 2024-06-30",
                   "en": "give the date with --as-of, e.g. 2024-06-30"},
    # trust
    "delete-control": {"zh": "删去这个字符（编辑器里可能看不见；可搜索 {character}）",
                       "en": "delete the character (an editor may not show it; search for "
                             "{character})"},
    "quote-value": {"zh": "加上引号：'{value}'", "en": "put it in quotes: '{value}'"},
    "fewer-levels": {"zh": "把过深的子任务提到上一层，或拆成几项任务",
                     "en": "move the deepest sub-tasks up a level, or split the task"},
    "shorter-id": {"zh": "用更短的编号，如 {example}", "en": "use a shorter id, e.g. {example}"},
    "one-value-a-year": {"zh": "删去其中一行；数据更正时只保留更正后的值，并在 source 中说明",
                         "en": "remove one of the lines; for a corrected figure keep the "
                               "correction and say so in source"},
    "exponent-id": {"zh": "编辑器（YAML 1.2）会把 {id} 读成数字；请换一个编号",
                    "en": "editors (YAML 1.2) read {id} as a number; choose another id"},
    "match-phrase": {"zh": "改正目标或原文，使两者一致；“约”“左右”“力争”写作 comparator: '~'",
                     "en": "correct the target or the phrase so they agree; '约', '左右' and "
                           "'力争' (about) are comparator: '~'"},
    "raise-limit": {"zh": "确认文件无误后，可用 {option} {value} 放宽上限",
                    "en": "if the file is what you meant, raise the limit with {option} {value}"},
    "indicator-id-for-name": {"zh": "这里写指标的编号：{id}（“{name}”是它的名称）",
                              "en": "write the id of the indicator here: {id} ('{name}' is its name)"},
    "check-figure": {"zh": "核对原文的数值、小数点和单位", "en": "check the figure, its decimal point "
                                                         "and its unit against the source"},
    "copy-into-repository": {"zh": "把文件本身复制到仓库里，或删去这个链接",
                             "en": "copy the file itself into the repository, or remove the link"},
}
"""What to do about a problem, filled like the messages."""
