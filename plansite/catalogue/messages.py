"""The words of every problem: its message, its hint, and the values it quotes.

Each code has one template per language; ``{found}``, ``{expected}`` and the other fields come
from :attr:`plansite.problems.Problem.args`, and may be phrases of :data:`VALUES` themselves
(``文字“x”`` / ``the text 'x'``). A test fails when a code lacks a language.
"""

from __future__ import annotations

HINT_LABEL = {"zh": "提示：", "en": "hint: "}

MESSAGES: dict[str, dict[str, str]] = {
    # reading files
    "file-missing": {
        "zh": "缺少文件；应有 {expected}",
        "en": "file is missing; expected {expected}",
    },
    "file-empty": {
        "zh": "文件是空的；应包含 {expected}",
        "en": "the file is empty; expected {expected}",
    },
    "file-too-large": {
        "zh": "文件有 {found} 字节，超过上限 {expected} 字节",
        "en": "the file has {found} bytes, more than the limit of {expected} bytes",
    },
    "file-binary": {
        "zh": "这不是文本文件（含有二进制字节）；应为 UTF-8 编码的 YAML 文本",
        "en": "this is not a text file (it holds binary bytes); expected UTF-8 YAML text",
    },
    "file-encoding": {
        "zh": "文件不是 UTF-8 编码（看起来是 {found}）；应为 UTF-8",
        "en": "the file is not UTF-8 (it looks like {found}); expected UTF-8",
    },
    "file-bom": {
        "zh": "文件开头有 BOM（字节顺序标记）；应为不带 BOM 的 UTF-8",
        "en": "the file starts with a byte-order mark (BOM); expected UTF-8 without BOM",
    },
    "yaml-syntax": {
        "zh": "YAML 语法错误：{found}",
        "en": "YAML syntax error: {found}",
    },
    "yaml-colon": {
        "zh": "这一行在“键: 值”之后又有“冒号+空格”；含有冒号的文字请加引号，如 title: \"总量: 下降13%\"",
        "en": "this line has a second 'colon space' after 'key: value'; put text holding a colon "
              "in quotes, e.g. title: \"total: down 13%\"",
    },
    "yaml-missing-colon": {
        "zh": "这一行缺少“键: 值”里的冒号（或冒号后的空格），或者一行文字被拆成了两行；续行要比键多缩进",
        "en": "this line lacks the colon of 'key: value' (or the space after it), or a text was "
              "broken over two lines; a continued line is indented more than its key",
    },
    "yaml-indent": {
        "zh": "缩进与上下文不一致；同一层的键要左对齐，列表项以“- ”开头，缩进只用空格（每层两个）",
        "en": "the indentation does not match its surroundings; keys of one level line up, list "
              "items start with '- ', indent with spaces only (two a level)",
    },
    "yaml-tab": {
        "zh": "缩进里有制表符（Tab）；YAML 只能用空格缩进",
        "en": "a tab character is used for indentation; YAML indents with spaces only",
    },
    "duplicate-key": {
        "zh": "键“{found}”重复出现（第一次在第 {first} 行）；每个键只能写一次",
        "en": "key '{found}' appears twice (first on line {first}); each key may appear once",
    },
    "yaml-anchor": {
        "zh": "不支持 YAML 锚点和别名（{found}）；请直接写出内容",
        "en": "YAML anchors and aliases ({found}) are not supported; write the value out",
    },
    # shapes and values
    "missing-field": {
        "zh": "缺少必填字段“{field}”；应为 {expected}",
        "en": "required field '{field}' is missing; expected {expected}",
    },
    "unknown-field": {
        "zh": "未知字段“{found}”；可用字段：{expected}",
        "en": "unknown field '{found}'; known fields: {expected}",
    },
    "wrong-type": {
        "zh": "类型不对：写的是 {found}；应为 {expected}",
        "en": "wrong type: found {found}; expected {expected}",
    },
    "empty-value": {
        "zh": "值为空；应为 {expected}",
        "en": "the value is empty; expected {expected}",
    },
    "bad-id": {
        "zh": "编号“{found}”不合格；应为 {expected}",
        "en": "id '{found}' is not valid; expected {expected}",
    },
    "duplicate-id": {
        "zh": "编号“{found}”重复，已在 {first} 使用；编号必须唯一",
        "en": "id '{found}' is used twice, first at {first}; ids must be unique",
    },
    "bad-choice": {
        "zh": "值“{found}”不在可选范围内；应为 {expected}",
        "en": "value '{found}' is not one of the choices; expected {expected}",
    },
    "fullwidth-digits": {
        "zh": "数字“{found}”用了全角字符；应为半角数字 {expected}",
        "en": "number '{found}' uses full-width characters; expected half-width {expected}",
    },
    "bad-number": {
        "zh": "“{found}”不是数字；应为 {expected}",
        "en": "'{found}' is not a number; expected {expected}",
    },
    "bad-year": {
        "zh": "年份“{found}”不合理；应为 {expected}",
        "en": "year '{found}' does not make sense; expected {expected}",
    },
    "bad-period": {
        "zh": "规划期“{found}”不合格；应为 {expected}",
        "en": "period '{found}' is not valid; expected {expected}",
    },
    "baseline-after-target": {
        "zh": "基期年份 {found} 晚于目标年份 {expected}；基期应早于目标",
        "en": "baseline year {found} is after the target year {expected}; the baseline comes first",
    },
    "bad-range": {
        "zh": "区间下限 {found} 大于上限 {expected}",
        "en": "the range's low end {found} is above its high end {expected}",
    },
    "bad-target": {
        "zh": "目标“{found}”无法解析；应为 {expected}",
        "en": "target '{found}' cannot be read ({reason}); expected {expected}",
    },
    "bad-deadline": {
        "zh": "完成时限“{found}”无法解析；应为 {expected}",
        "en": "deadline '{found}' cannot be read ({reason}); expected {expected}",
    },
    # references
    "unknown-department": {
        "zh": "找不到部门“{found}”；应为部门名录 data/departments.yml 中的编号、名称或别名",
        "en": "department '{found}' is not known; expected an id, name or alias from "
              "data/departments.yml",
    },
    "ambiguous-department": {
        "zh": "部门“{found}”有歧义，可能是：{expected}；请写全称或编号",
        "en": "department '{found}' is ambiguous, it may be: {expected}; write the full name or id",
    },
    "duplicate-name": {
        "zh": "名称或别名“{found}”已属于部门 {first}；一个名称只能指一个部门",
        "en": "name or alias '{found}' already belongs to department {first}; "
              "a name may mean one department only",
    },
    "unknown-parent": {
        "zh": "上级部门“{found}”不存在；应为部门名录中的编号",
        "en": "parent department '{found}' does not exist; expected an id from the registry",
    },
    "cyclic-parent": {
        "zh": "上级部门形成循环：{found}；上级关系不能绕回自身",
        "en": "parent departments form a cycle: {found}; a department cannot be its own ancestor",
    },
    "unknown-indicator": {
        "zh": "找不到指标“{found}”；应为 {expected} 中的指标编号",
        "en": "indicator '{found}' does not exist; expected an indicator id from {expected}",
    },
    "unknown-task": {
        "zh": "找不到任务“{found}”；应为本规划 tasks.yml 中的任务编号",
        "en": "task '{found}' does not exist; expected a task id from this plan's tasks.yml",
    },
    "unknown-chapter": {
        "zh": "找不到章节“{found}”；应为本规划 tasks.yml 中的章节编号",
        "en": "chapter '{found}' does not exist; expected a chapter id from this plan's tasks.yml",
    },
    "plan-id-mismatch": {
        "zh": "规划编号“{found}”与文件夹名“{expected}”不一致；两者应相同",
        "en": "plan id '{found}' differs from its folder name '{expected}'; they must match",
    },
    "unit-mismatch": {
        "zh": "单位“{found}”与指标单位“{expected}”不一致",
        "en": "unit '{found}' differs from the indicator's unit '{expected}'",
    },
    # importing documents
    "import-format": {
        "zh": "不能导入扩展名为 {found} 的文件；应为 {expected}",
        "en": "cannot import a file with extension {found}; expected {expected}",
    },
    "import-undecodable": {
        "zh": "无法读取文本：{found}",
        "en": "the text cannot be read: {found}",
    },
    "import-unreadable": {
        "zh": "文件无法打开（{found}）；应为完整的 {expected} 文件",
        "en": "the file cannot be opened ({found}); expected a complete {expected} file",
    },
    "import-truncated": {
        "zh": "文档似乎不完整（结尾：“{found}”）；请核对原文是否被截断",
        "en": "the document seems cut off (it ends with '{found}'); check whether the source "
              "is complete",
    },
    "import-empty-heading": {
        "zh": "最后的标题“{found}”下没有内容；原文可能被截断",
        "en": "the last heading '{found}' has no text under it; the source may be cut off",
    },
    "import-parts": {
        "zh": "文件包含 {count} 篇文档（{found}）；请用 {expected} 选择一篇",
        "en": "the file holds {count} documents ({found}); choose one with {expected}",
    },
    "import-no-part": {
        "zh": "没有第“{found}”篇；可选：{expected}",
        "en": "there is no part '{found}'; the parts are: {expected}",
    },
    "import-exists": {
        "zh": "规划文件夹 {found} 已存在，未覆盖",
        "en": "the plan folder {found} exists and was not overwritten",
    },
    "import-unplaced": {
        "zh": "段落“{found}”无法归入任何章节或任务（{expected}），已列入导入报告",
        "en": "paragraph '{found}' fits no chapter or task ({expected}); it is listed in the "
              "import report",
    },
    "import-supplied-heading": {
        "zh": "第一个顶级标题编号是 {found}，前面的正文没有标题；已补加标题 {expected}（原文无标题）",
        "en": "the first top-level heading is numbered {found} and the text before it has none; "
              "heading {expected} was supplied (not in the source)",
    },
    "import-no-responsibility": {
        "zh": "段落“{found}”之后没有责任分工句；已作为无牵头部门的子任务导入",
        "en": "no responsibility line follows paragraph '{found}'; it became a sub-task "
              "without lead departments",
    },
    "import-no-period": {
        "zh": "无法从标题或正文判断规划期",
        "en": "the plan period cannot be told from the title or text",
    },
    "import-no-task-column": {
        "zh": "表格没有任务列（表头：{found}）；应有一列表头为 {expected}",
        "en": "the table has no task column (headers: {found}); expected a column headed "
              "{expected}",
    },
    # importer
    "report-bad-period": {
        "zh": "报告期“{found}”无法识别；应为 {expected}",
        "en": "the reporting period '{found}' is not understood; expected {expected}",
    },
    "report-as-of-guessed": {
        "zh": "报告没有写明截止日期；已取报告期末 {found}",
        "en": "the report states no date its facts are at; the end of the period, {found}, "
              "was taken",
    },
    "report-reason-from-status": {
        "zh": "任务 {found} 滞后、调整或不再推进，但报告未写原因；原因暂用报告的状态用语",
        "en": "task {found} is delayed, modified or dropped but the report gives no reason; "
              "the report's own status words stand for it",
    },
    "report-no-source": {
        "zh": "报告来源不明；应有 {expected}",
        "en": "the report's source is unknown; expected {expected}",
    },
    # trust
    "invisible-character": {
        "zh": "有看不见的控制字符 {found}；数据里只能有文字、空格和换行",
        "en": "an invisible control character {found}; data holds text, spaces and line "
              "breaks only",
    },
    "yaml-reads-number": {
        "zh": "不加引号时 YAML 把“{found}”读成数字 {expected}，意思变了；这里应为文字",
        "en": "unquoted, YAML reads '{found}' as the number {expected}, which changes its "
              "meaning; text is expected here",
    },
    "id-too-long": {
        "zh": "编号有 {found} 个字符，超过上限 {expected}；编号是网页地址和文件名的一部分",
        "en": "the id has {found} characters, more than the limit of {expected}; ids are part "
              "of addresses and file names",
    },
    "nested-too-deep": {
        "zh": "{field} 嵌套了 {found} 层，超过上限 {expected} 层",
        "en": "{field} nest {found} levels deep, more than the limit of {expected}",
    },
    "anchor-clash": {
        "zh": "编号“{found}”与“{other}”（{first}）在网页上是同一个锚点 #{anchor}，链接会指错；"
              "两个编号须有别",
        "en": "id '{found}' and '{other}' ({first}) make the same anchor #{anchor} on the page, "
              "so links would go to the wrong one; the ids must differ",
    },
    "unread-target": {
        "zh": "目标“{found}”读不出确定的数值，照原文发布，状态为“无法判断”",
        "en": "target '{found}' gives no definite value ({reason}); it is published as written, "
              "its status 'cannot judge'",
    },
    "implausible-value": {
        "zh": "数值 {found}{unit} 不可能：{why}",
        "en": "the figure {found}{unit} cannot be right: {why}",
    },
    "year-outside-period": {
        "zh": "实际值的年份 {found} 不在规划期内；应为 {low} 到 {high} 年",
        "en": "the reported value's year {found} is outside the plan; expected {low} to {high}",
    },
    "target-contradicts-phrase": {
        "zh": "目标写的是 {found}，而它的原文“{phrase}”说的是 {expected}；两者应一致",
        "en": "the target says {found} while its phrase '{phrase}' says {expected}; they must "
              "agree",
    },
    "import-unpacked-too-large": {
        "zh": "文件解压后有 {found} 字节，超过上限 {expected} 字节；规划文件通常只有几兆字节",
        "en": "the file unpacks to {found} bytes, more than the limit of {expected} bytes; a plan "
              "document is a few megabytes",
    },
    "import-too-many-rows": {
        "zh": "表格超过 {found} 行；应为一份任务表",
        "en": "the table has more than {found} rows; expected a task table",
    },
    "duplicate-year": {
        "zh": "{found} 年的实际值写了两次（第一次在第 {first} 行）；每年只能有一个实际值",
        "en": "the reported value for {found} is given twice (first on line {first}); one value "
              "a year",
    },
    "file-outside": {
        "zh": "这是指向仓库之外的链接（指向 {found}）；数据文件和页面必须在仓库里",
        "en": "this is a link out of the repository (to {found}); data files and pages must be "
              "inside it",
    },
    "macro-error": {
        "zh": "页面中的宏出错：{found}；请检查这一行的宏名称和参数",
        "en": "a macro of this page failed: {found}; check the macro's name and arguments on "
              "this line",
    },
}


SUMMARY = {
    "clean": {"zh": "没有发现问题。", "en": "No problems found."},
    "count": {"zh": "共 {n} 个问题，请按上面的提示修改。", "en": "{n} problem(s); fix them as hinted above."},
}


def summary(errors: int, lang: str = "zh") -> str:
    """The closing line of a validation: all clear, or how many problems there are."""
    words = SUMMARY["count" if errors else "clean"]
    return (words.get(lang) or words["zh"]).format(n=errors)




def hint_label(lang: str) -> str:
    """The word that introduces a hint after a message."""
    return HINT_LABEL.get(lang, HINT_LABEL["zh"])


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
    "kind-bool": {"zh": "true 或 false", "en": "true or false"},
    "kind-period": {"zh": "规划期（如 2011-2015）", "en": "a period such as 2011-2015"},
    "kind-deadline": {"zh": "完成时限（如 2015年）", "en": "a deadline such as '2015年'"},
    "kind-list": {"zh": "列表", "en": "a list"},
    "kind-record": {"zh": "键值对（映射）", "en": "a mapping"},
    "kind-target": {"zh": "目标（键值对或原文，如 不超过5%）",
                    "en": "a target (a mapping, or the phrase as written, e.g. '不超过5%')"},
    "kind-choice": {"zh": "可选值之一", "en": "one of the choices"},
    "record-mapping": {"zh": "{record}（键值对）", "en": "a mapping: {record}"},
    # what a value should look like
    "list-example": {"zh": "[市住建委, 市城乡规划局]", "en": "[zhujianwei, guihuaju]"},
    "list-example-ids": {"zh": "[...]", "en": "[...]"},
    "slug-example": {"zh": "小写英文字母、数字和连字符，如 zhujianwei",
                     "en": "lower-case letters, digits and hyphens, e.g. zhujianwei"},
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

REPORT: dict[str, dict[str, str]] = {
    "report-imported": {"zh": "导入 {source} -> {plan}", "en": "imported {source} -> {plan}"},
    "report-encoding": {"zh": "  编码: {encoding}", "en": "  encoding: {encoding}"},
    "report-made": {"zh": "  章节: {chapters}  任务: {tasks}  部门（已有/新增）: {found}/{new}  "
                          "指标: {indicators}",
                    "en": "  chapters: {chapters}  tasks: {tasks}  departments (known/new): "
                          "{found}/{new}  indicators: {indicators}"},
    "report-left": {"zh": "  未归位段落: {unplaced}  跳过的网页噪声行: {skipped}  "
                          "无法解析的数字句: {unparsed}  警告: {warnings}",
                    "en": "  unplaced paragraphs: {unplaced}  skipped noise lines: {skipped}  "
                          "unparsed sentences: {unparsed}  warnings: {warnings}"},
    # importer
    "report-rules": {"zh": "  分工规则: {rule}；{counts}", "en": "  responsibility rule: {rule}; {counts}"},
    "report-update": {"zh": "  合并修订: 采用文件的更改 {updated} 处，新增 {added} 项，删除 {removed} 项，"
                            "保留编辑者的记录 {kept} 项，冲突 {conflicts} 处",
                      "en": "  merged: {updated} change(s) taken from the document, {added} added, "
                            "{removed} removed, {kept} editors' record(s) kept, {conflicts} "
                            "conflict(s)"},
    "report-conflict": {"zh": "冲突 {record}.{field}：保留编辑者的“{editor}”，文件为“{document}”",
                        "en": "conflict {record}.{field}: kept the editors' '{editor}', the "
                              "document says '{document}'"},
    "report-import-made": {"zh": "写入 {path}：{entries} 个任务的进展（{matched} 行匹配，{doubtful} 行待核对，"
                                 "{unmatched} 行未匹配）",
                           "en": "wrote {path}: progress of {entries} task(s) ({matched} row(s) "
                                 "matched, {doubtful} to check, {unmatched} unmatched)"},
    "report-import-doubtful": {"zh": "待核对：第 {line} 行“{row}”匹配任务 {task}（{title}），相似度 {likeness}",
                               "en": "to check: line {line} '{row}' matched task {task} "
                                     "('{title}'), likeness {likeness}"},
    "report-import-unmatched": {"zh": "未匹配：第 {line} 行“{row}”",
                                "en": "unmatched: line {line} '{row}'"},
    "report-rule-count": {"zh": "{rule} {tasks} 项", "en": "{rule}: {tasks} task(s)"},
    "report-review": {"zh": "待核对的名称“{name}”（任务 {task}）：{reason}",
                      "en": "name to review '{name}' (task {task}): {reason}"},
    "rule-name-label": {"zh": "标注", "en": "labels"},
    "rule-name-verb": {"zh": "动词", "en": "verbs"},
    "rule-name-columns": {"zh": "表格列", "en": "table columns"},
    "rule-name-first-group": {"zh": "首组牵头", "en": "first group leads"},
    "rule-name-first-listed": {"zh": "首位牵头", "en": "first listed leads"},
    "rule-name-prose": {"zh": "正文", "en": "prose"},
    "rule-label": {"zh": "按标注：牵头单位牵头，配合单位配合；与牵头单位并列的责任单位配合",
                   "en": "by the labels: '牵头单位' leads, '配合单位' co-operates, and a '责任单位' "
                         "given beside a '牵头单位' co-operates"},
    "rule-verb": {"zh": "按动词：“牵头”之前的单位牵头，“配合”“参与”之前的单位配合，“会同”之前牵头、之后配合",
                  "en": "by the verbs: the units before '牵头' lead, those before '配合' or '参与' "
                        "co-operate, those before '会同' lead and those after it co-operate"},
    "rule-columns": {"zh": "按表格列：牵头单位列牵头，配合单位列配合；有牵头单位列时责任单位列配合",
                     "en": "by the columns of the table: the lead column leads, the co-operating "
                           "column co-operates, and a '责任单位' column beside a lead column "
                           "co-operates"},
    "rule-first-group": {"zh": "首组牵头：第一个“，”或“；”之前的单位牵头，其后各组配合",
                         "en": "first group leads: the units up to the first '，' or '；' lead, the "
                               "later groups co-operate"},
    "rule-first-listed": {"zh": "首位牵头：文件注明排在首位的单位牵头，其余单位配合",
                          "en": "first listed leads: the document says the first-listed unit "
                                "leads and the others co-operate"},
    "rule-prose": {"zh": "按正文：“由X牵头”中的X，或“X等部门”句中的X牵头",
                   "en": "by the prose: X of '由X牵头', or the units of an 'X等部门' clause, lead"},
    "names-duty-dropped": {"zh": "去掉职责用语“{words}”", "en": "duty phrase '{words}' left out"},
    "names-placeholder": {"zh": "“{words}”表示没有单位", "en": "'{words}' names no unit"},
    "names-alias": {"zh": "{name} 又称 {alias}", "en": "{name} is also called {alias}"},
    "names-each-shared": {"zh": "“各”同样适用于“{written}”：{name}",
                          "en": "'各' holds for '{written}' too: {name}"},
    "names-level-shared": {"zh": "{written} 沿用同一列表的级别前缀：{name}",
                           "en": "{written} takes the level prefix of its list: {name}"},
    "names-first-listed-note": {"zh": "文件说明“{words}”", "en": "the document says '{words}'"},
    "names-note-kept": {"zh": "说明“{words}”不是单位名称",
                        "en": "the note '{words}' is no unit's name"},
    "names-carried": {"zh": "{names} 由前文的“下同”说明带来", "en": "{names} carried by an earlier note "
                                                                "saying '下同' (the same below)"},
    "names-person-label": {"zh": "{label}“{words}”是人名，不是单位",
                           "en": "{label} '{words}' names persons, not units"},
    "doubt-sentence": {"zh": "像一句话而不是名称", "en": "reads as a sentence, not a name"},
    "doubt-duty-phrase": {"zh": "含有职责用语", "en": "holds a duty phrase"},
    "doubt-verb": {"zh": "含有动词", "en": "holds a verb"},
    "doubt-too-long": {"zh": "过长", "en": "too long for a name"},
    "doubt-level-prefix": {"zh": "级别前缀后面没有本级部门名称（另有地名或为空）",
                           "en": "the level prefix stands before no office of that level (a place "
                                 "of its own, or nothing)"},
}
"""The lines ``plansite import`` prints about what it made, and the words of its report."""
