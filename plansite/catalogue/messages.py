"""The words of every problem's message, and the closing line of a validation.

Each code has one template per language; ``{found}``, ``{expected}`` and the other fields come
from :attr:`plansite.problems.Problem.args`, and may be phrases themselves: the values a
message quotes (:mod:`plansite.catalogue.values`), its hint (:mod:`plansite.catalogue.hints`).
A test fails when a code lacks a language.
"""

from __future__ import annotations

from plansite.catalogue.progress import PROBLEMS as REPORT_PROBLEMS

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
    "format-newer": {
        "zh": "数据格式 {found} 比这个 plansite 能读的格式 {expected} 新",
        "en": "data format {found} is newer than the format {expected} this plansite reads",
    },
    "format-older": {
        "zh": "数据格式 {found} 已过时；当前格式为 {expected}",
        "en": "data format {found} is out of date; the current format is {expected}",
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
    "bad-address": {
        "zh": "网址不合格：写的是 {found}；应为 {expected}",
        "en": "the address is not valid: found {found}; expected {expected}",
    },
    "member-unreadable": {
        "zh": "读不到成员站点“{member}”的数据 {found}：{reason}",
        "en": "the data of member site '{member}' could not be read from {found}: {reason}",
    },
    "member-not-plansite": {
        "zh": "成员站点“{member}”的 {found} 不是 plansite 导出的数据（缺少 {expected}）",
        "en": "{found} of member site '{member}' is not data plansite exported (it lacks {expected})",
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
    "import-project-list": {
        "zh": "文档是项目清单：{found} 组编号段落下没有编号条目，各组用“；”列举项目；已把 {count} 个项目"
              "导入为任务，各组标题为（原文无标题）",
        "en": "the document is a list of projects: {found} numbered groups hold no numbered items "
              "and list their projects separated by '；'; {count} projects became tasks, each "
              "group titled '（原文无标题）' (not in the source)",
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

MESSAGES.update(REPORT_PROBLEMS)

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
