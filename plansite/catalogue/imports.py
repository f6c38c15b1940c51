"""The lines ``plansite import`` and ``plansite import-report`` print about what they made, and
the words of their reports, in Chinese and English."""

from __future__ import annotations

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
