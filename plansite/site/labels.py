"""Every string the site generates, in one translation table: Chinese (default) and English.

Plan content (titles, texts, names) stays as written; records may carry ``title_en`` / ``name_en``
shown when the interface is English. A test fails when a key lacks a language.
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")

STRINGS: dict[str, dict[str, str]] = {
    "site_name": {"zh": "规划公开", "en": "Plans in public"},
    "home": {"zh": "首页", "en": "Home"},
    "plans": {"zh": "规划", "en": "Plans"},
    "plan": {"zh": "规划", "en": "Plan"},
    "departments": {"zh": "部门", "en": "Departments"},
    "department": {"zh": "部门", "en": "Department"},
    "indicators": {"zh": "指标", "en": "Indicators"},
    "indicator": {"zh": "指标", "en": "Indicator"},
    "tasks": {"zh": "任务", "en": "Tasks"},
    "task": {"zh": "任务", "en": "Task"},
    "chapter": {"zh": "章节", "en": "Chapter"},
    "chapters": {"zh": "目录", "en": "Contents"},
    "downloads": {"zh": "数据下载", "en": "Downloads"},
    "lead": {"zh": "牵头部门", "en": "Lead"},
    "cooperating": {"zh": "配合部门", "en": "Co-operating"},
    "implementers": {"zh": "落实主体", "en": "Implemented by"},
    "responsibility": {"zh": "原文分工", "en": "Responsibility as written"},
    "deadline": {"zh": "完成时限", "en": "Deadline"},
    "progress": {"zh": "进展", "en": "Progress"},
    "baseline": {"zh": "基期值", "en": "Baseline"},
    "target": {"zh": "目标", "en": "Target"},
    "target_year": {"zh": "目标年份", "en": "Target year"},
    "latest": {"zh": "最新值", "en": "Latest"},
    "status": {"zh": "状态", "en": "Status"},
    "unit": {"zh": "单位", "en": "Unit"},
    "type": {"zh": "类型", "en": "Type"},
    "type_binding": {"zh": "约束性", "en": "Binding"},
    "type_expected": {"zh": "预期性", "en": "Expected"},
    "type_monitoring": {"zh": "监测", "en": "Monitoring"},
    "year": {"zh": "年份", "en": "Year"},
    "value": {"zh": "数值", "en": "Value"},
    "source": {"zh": "来源", "en": "Source"},
    "phrase": {"zh": "原文", "en": "As written"},
    "actuals": {"zh": "实际值", "en": "Reported values"},
    "no_actuals": {"zh": "暂无实际值数据。", "en": "No reported values yet."},
    "led_tasks": {"zh": "牵头任务", "en": "Tasks led"},
    "cooperated_tasks": {"zh": "配合任务", "en": "Tasks co-operated on"},
    "related_indicators": {"zh": "相关指标", "en": "Indicators"},
    "related_tasks": {"zh": "相关任务", "en": "Tasks"},
    "responsible_departments": {"zh": "责任部门", "en": "Responsible departments"},
    "name": {"zh": "名称", "en": "Name"},
    "aliases": {"zh": "又称", "en": "Also called"},
    "kind": {"zh": "类别", "en": "Kind"},
    "kind_department": {"zh": "政府部门", "en": "Government department"},
    "kind_group": {"zh": "群体", "en": "Group of bodies"},
    "kind_company": {"zh": "企业", "en": "Company"},
    "kind_party": {"zh": "党委部门", "en": "Party organ"},
    "kind_organization": {"zh": "人民团体", "en": "Organisation"},
    "incomplete_name": {"zh": "名称不完整", "en": "incomplete name"},
    "incomplete_note": {"zh": "来源文件中此名称不完整，按原文照录。",
                        "en": "The source gives this name incompletely; it is kept as written."},
    "none": {"zh": "无", "en": "none"},
    "no_tasks": {"zh": "暂无任务。", "en": "No tasks."},
    "no_indicators": {"zh": "暂无指标。", "en": "No indicators."},
    "count_led": {"zh": "牵头", "en": "Leads"},
    "count_cooperated": {"zh": "配合", "en": "Co-operates"},
    "count_indicators": {"zh": "指标数", "en": "Indicators"},
    "count_tasks": {"zh": "任务数", "en": "Tasks"},
    "issuer": {"zh": "发布机关", "en": "Issued by"},
    "level": {"zh": "层级", "en": "Level"},
    "period": {"zh": "规划期", "en": "Period"},
    "source_document": {"zh": "原文出处", "en": "Source document"},
    "note": {"zh": "说明", "en": "Note"},
    "summary_counts": {"zh": "{chapters} 个章节，{tasks} 项任务，{indicators} 个指标",
                       "en": "{chapters} chapters, {tasks} tasks, {indicators} indicators"},
    "dept_summary": {"zh": "牵头 {led} 项任务，配合 {coop} 项任务，涉及 {inds} 个指标。",
                     "en": "Leads {led} tasks, co-operates on {coop}, answers for {inds} "
                           "indicators."},
    "permalink": {"zh": "本任务的固定链接", "en": "Permanent link to this task"},
    "breadcrumb": {"zh": "位置", "en": "You are here"},
    "all_indicators": {"zh": "全部指标", "en": "All indicators"},
    "all_departments": {"zh": "全部部门", "en": "All departments"},
    "all_plans": {"zh": "全部规划", "en": "All plans"},
    "binding_indicators": {"zh": "约束性指标", "en": "Binding indicators"},
    "all_binding": {"zh": "查看全部 {n} 个约束性指标", "en": "See all {n} binding indicators"},
    "downloads_intro": {"zh": "以下文件包含本站全部数据，每条记录带有编号和网页地址。",
                        "en": "These files hold all data of this site; every record keeps its "
                              "id and page address."},
    "file": {"zh": "文件", "en": "File"},
    "format": {"zh": "格式", "en": "Format"},
    "description": {"zh": "说明", "en": "Description"},
    "json_all": {"zh": "全部数据（JSON）", "en": "All data (JSON)"},
    "schema_of": {"zh": "{name} 的 JSON Schema（编辑器校验用）",
                  "en": "JSON Schema of {name} (for editors)"},
    "edit_source": {"zh": "源文件", "en": "Source file"},
    "line": {"zh": "第 {line} 行", "en": "line {line}"},
    "all": {"zh": "全部", "en": "All"},
    "status_counts": {"zh": "指标状态统计", "en": "Indicator statuses"},
    "status_counts_label": {"zh": "指标状态：", "en": "Indicator statuses:"},
    "status_achieved": {"zh": "已实现", "en": "Achieved"},
    "status_on-track": {"zh": "进展顺利", "en": "On track"},
    "status_at-risk": {"zh": "存在风险", "en": "At risk"},
    "status_off-track": {"zh": "严重滞后", "en": "Off track"},
    "status_no-data": {"zh": "暂无数据", "en": "No data"},
    "status_not-due": {"zh": "未到期", "en": "Not due"},
    "filter_shown": {"zh": "显示 {shown} / {total} 个指标", "en": "Showing {shown} of {total}"},
    "matrix": {"zh": "责任矩阵", "en": "Responsibility matrix"},
    "matrix_intro": {"zh": "每个规划一张表：行是部门，列是章节，格中是该部门在该章节牵头和配合的任务。"
                           "表格按任务总数从多到少排列，点击表头可重新排序。",
                     "en": "One table per plan: rows are departments, columns are chapters, each "
                           "cell holds the tasks the department leads and co-operates on there. "
                           "Rows are sorted by total, most first; a header sorts again."},
    "matrix_index_intro": {"zh": "每个规划一张责任矩阵：行是部门，列是章节，格中是该部门在该章节牵头和"
                                 "配合的任务；还列出共同承担任务的部门。点击规划名称查看。",
                           "en": "Each plan has its responsibility matrix: rows are departments, "
                                 "columns are chapters, each cell holds the tasks the department "
                                 "leads and co-operates on there; and the departments that share "
                                 "tasks. Open a plan to see them."},
    "matrix_of_this_plan": {"zh": "本规划的责任矩阵（部门 × 章节）",
                            "en": "This plan's responsibility matrix (departments × chapters)"},
    "matrix_plan_title": {"zh": "{plan}：责任矩阵", "en": "{plan}: responsibility matrix"},
    "matrix_departments": {"zh": "涉及部门", "en": "Departments"},
    "matrix_named_tasks": {"zh": "写明部门的任务", "en": "Tasks naming a department"},
    "matrix_pairs": {"zh": "协作部门对", "en": "Pairs sharing tasks"},
    "matrix_csv_short": {"zh": "下载", "en": "Download"},
    "matrix_of": {"zh": "{plan}：部门 × 章节", "en": "{plan}: departments × chapters"},
    "matrix_legend": {"zh": "图例：", "en": "Key: "},
    "matrix_department_id": {"zh": "部门编号", "en": "Department id"},
    "matrix_total": {"zh": "合计", "en": "Total"},
    "matrix_total_led": {"zh": "合计牵头", "en": "Total led"},
    "matrix_total_cooperated": {"zh": "合计配合", "en": "Total co-operated"},
    "matrix_cell": {"zh": "牵头 {led} / 配合 {coop}", "en": "leads {led} / co-operates {coop}"},
    "matrix_csv": {"zh": "下载此表（CSV）", "en": "Download this table (CSV)"},
    "matrix_no_tasks": {"zh": "此规划暂无写明责任部门的任务。",
                        "en": "No task of this plan names a responsible department."},
    "sort_by": {"zh": "按此列排序", "en": "Sort by this column"},
    "pairs": {"zh": "协作部门", "en": "Who works with whom"},
    "pairs_intro": {"zh": "共同承担任务（牵头或配合同一项任务）的部门，按共同任务数从多到少排列。",
                    "en": "Departments that share tasks (lead or co-operate on the same task), "
                          "most shared tasks first."},
    "pairs_of": {"zh": "{plan}：协作部门", "en": "{plan}: departments sharing tasks"},
    "shared_tasks": {"zh": "共同任务", "en": "Shared tasks"},
    "shared_count": {"zh": "共同任务数", "en": "Shared"},
    "no_pairs": {"zh": "没有部门共同承担任务。", "en": "No two departments share a task."},
    "deadlines": {"zh": "完成时限", "en": "Deadlines"},
    "deadlines_intro": {"zh": "写明完成时限的任务，按季度排列；已过完成时限的任务标为“已逾期”（按 {date} 计）。",
                        "en": "Tasks with a deadline, by quarter; those past their deadline are "
                              "marked overdue (as of {date})."},
    "quarter_1": {"zh": "{year}年第一季度", "en": "Q1 {year}"},
    "quarter_2": {"zh": "{year}年第二季度", "en": "Q2 {year}"},
    "quarter_3": {"zh": "{year}年第三季度", "en": "Q3 {year}"},
    "quarter_4": {"zh": "{year}年第四季度", "en": "Q4 {year}"},
    "ongoing": {"zh": "持续推进", "en": "Ongoing"},
    "undated": {"zh": "时限未能识别", "en": "Deadline not understood"},
    "overdue": {"zh": "已逾期", "en": "Overdue"},
    "due": {"zh": "未到期", "en": "Not yet due"},
    "due_date": {"zh": "到期日", "en": "Due by"},
    "overdue_count": {"zh": "{n} 项已逾期", "en": "{n} overdue"},
    "no_deadlines": {"zh": "暂无写明完成时限的任务。", "en": "No task has a deadline."},
    "list_separator": {"zh": "、", "en": ", "},
    "date": {"zh": "{y}年{m}月{d}日", "en": "{y}-{m:02d}-{d:02d}"},
    "search_kind_task": {"zh": "任务", "en": "Task"},
    "search_kind_chapter": {"zh": "章节", "en": "Chapter"},
    "search_kind_department": {"zh": "部门", "en": "Department"},
    "search_kind_indicator": {"zh": "指标", "en": "Indicator"},
    "search_kind_plan": {"zh": "规划", "en": "Plan"},
    "search_kind_page": {"zh": "页面", "en": "Page"},
    "site_description": {"zh": "政府规划的任务、责任部门和指标，逐条公开、可检索",
                         "en": "The tasks, responsible departments and indicators of government "
                               "plans, one by one, searchable"},
    "methodology": {"zh": "方法说明", "en": "Methodology"},
    "palette_dark": {"zh": "切换到深色模式", "en": "Switch to dark mode"},
    "palette_light": {"zh": "切换到浅色模式", "en": "Switch to light mode"},
    "home_intro": {"zh": "本站逐条公开政府规划：每一项任务由哪些部门牵头和配合，每一个指标的基期、目标和进展。"
                         "所有页面由规划数据自动生成，部门、任务、指标之间可以一键互相跳转。",
                   "en": "This site publishes government plans item by item: which departments "
                         "lead and co-operate on each task, and the baseline, target and progress "
                         "of each indicator. Every page is generated from the plan data; "
                         "departments, tasks and indicators link to each other."},
    "last_changed": {"zh": "本条记录最近修改于 {date}", "en": "This record last changed on {date}"},
    "recent_changes": {"zh": "最近更改", "en": "Recent changes"},
    "changes_intro": {"zh": "最近修改了指标目标或任务牵头、配合部门的提交，最新的在前。",
                      "en": "The latest commits that changed an indicator's target or a task's lead or "
                            "co-operating departments, newest first."},
    "no_history": {"zh": "本站的数据不在 git 仓库中，没有修改记录。",
                   "en": "The data of this site is not kept in a git repository: there is no history."},
    "no_changes": {"zh": "暂无目标或责任分工的修改。",
                   "en": "No target or responsibility has changed yet."},
    "changed_on": {"zh": "日期", "en": "Date"},
    "changed_record": {"zh": "记录", "en": "Record"},
    "changed_field": {"zh": "修改内容", "en": "What changed"},
    "before": {"zh": "修改前", "en": "Before"},
    "after": {"zh": "修改后", "en": "After"},
    "commit_message": {"zh": "修改说明", "en": "Commit message"},
    "added": {"zh": "（新增）", "en": "(added)"},
    "removed": {"zh": "（删除）", "en": "(removed)"},
    "size": {"zh": "大小", "en": "Size"},
    "downloads_units": {"zh": "数值均为基本单位（如 15.58万公顷 写作 155800，单位“公顷”单独成列）。CSV 文件为带 BOM 的 UTF-8 编码，可用 Excel 直接打开；多个编号之间用英文分号分隔。",
                        "en": "Values are in base units (155,800 hectares, written 15.58 ten-thousand "
                              "hectares in the plan, is 155800 with the unit in its own column). "
                              "CSV files are UTF-8 with a byte-order mark, so Excel "
                              "opens them directly; several ids in one cell are separated by semicolons."},
    "schemas": {"zh": "数据文件的 JSON Schema", "en": "JSON Schema of the data files"},
    "schemas_intro": {"zh": "编辑器（如 VS Code 的 YAML 插件）按这些文件补全字段、标出错误；每个数据文件第一行指向它的 Schema。",
                      "en": "Editors (such as VS Code with its YAML extension) complete fields and "
                            "mark errors with these files; each data file names its schema on its "
                            "first line."},
    "dl_xlsx": {"zh": "全部表格（Excel 工作簿，每个表一个工作表）",
                "en": "All tables (Excel workbook, one sheet per table)"},
    "dl_datapackage": {"zh": "数据包说明（Frictionless Data Package：各 CSV 文件的字段、类型和单位）",
                       "en": "Data Package descriptor (Frictionless: fields, types and units of the CSV "
                             "files)"},
    "dl_csv": {"zh": "{table}（CSV）", "en": "{table} (CSV)"},
    "table_plans": {"zh": "规划表：每个规划一行", "en": "Plans: one row per plan"},
    "table_departments": {"zh": "部门表：每个部门一行，含牵头和配合的任务",
                          "en": "Departments: one row per department, with the tasks it leads and "
                                "co-operates on"},
    "table_tasks": {"zh": "任务表：每项任务一行，含牵头、配合部门和指标",
                    "en": "Tasks: one row per task, with lead and co-operating departments and "
                          "indicators"},
    "table_indicators": {"zh": "指标表：每个指标一行，含基期值、目标、最新值和单位",
                         "en": "Indicators: one row per indicator, with baseline, target, latest "
                               "value and unit"},
    "table_actuals": {"zh": "指标实际值表：每个指标每年一行，含单位",
                      "en": "Reported values: one row per indicator and year, with the unit"},
    "editing_guide": {"zh": "编辑指南", "en": "Editing guide"},
    "with_year": {"zh": "{words}（{year}年）", "en": "{words} ({year})"},
    "in_parentheses": {"zh": "（{words}）", "en": " ({words})"},
    "name_summary": {"zh": "{name}：{summary}", "en": "{name}: {summary}"},
    "target_at_least": {"zh": "不低于{value}", "en": "at least {value}"},
    "target_at_most": {"zh": "不超过{value}", "en": "at most {value}"},
    "target_above": {"zh": "超过{value}", "en": "more than {value}"},
    "target_below": {"zh": "低于{value}", "en": "less than {value}"},
    "target_range": {"zh": "{low}–{high}", "en": "{low} to {high}"},
    "target_rise": {"zh": "增长{amount}", "en": "a rise of {amount}"},
    "target_fall": {"zh": "下降{amount}", "en": "a fall of {amount}"},
    "target_annual_rise": {"zh": "年均增长{amount}", "en": "annual growth of {amount}"},
    "target_annual_fall": {"zh": "年均下降{amount}", "en": "an annual fall of {amount}"},
    "chart_baseline_year": {"zh": "基期{year}年{value}", "en": "baseline {year}: {value}"},
    "chart_baseline": {"zh": "基期{value}", "en": "baseline {value}"},
    "chart_target_year": {"zh": "目标{year}年{words}", "en": "target {year}: {words}"},
    "chart_target": {"zh": "目标{words}", "en": "target: {words}"},
    "chart_actual": {"zh": "{year}年实际{value}", "en": "actual {year}: {value}"},
    "chart_target_label_year": {"zh": "目标{year}年：{words}", "en": "Target {year}: {words}"},
    "chart_target_label": {"zh": "目标：{words}", "en": "Target: {words}"},
    "chart_baseline_prefix": {"zh": "基期", "en": "Baseline "},
    "chart_unit": {"zh": "单位：{unit}", "en": "Unit: {unit}"},
    "list_separator_clause": {"zh": "，", "en": "; "},
    "sentence_end": {"zh": "。", "en": "."},
    "next_deadline": {"zh": "最近的完成时限：{when}，{n} 项任务", "en": "Next deadline: {when}, {n} tasks"},
    "overdue_tasks": {"zh": "已逾期 {n} 项任务", "en": "{n} tasks overdue"},
    "jump_to": {"zh": "本页内容", "en": "On this page"},
    "not_found_title": {"zh": "页面不存在", "en": "Page not found"},
    "not_found_text": {"zh": "您要找的页面不存在，可能已移动或地址有误。可以搜索任务、部门或指标：",
                       "en": "The page you asked for does not exist; it may have moved or the "
                             "address is wrong. Search for a task, department or indicator:"},
    "not_found_browse": {"zh": "或从这里浏览：", "en": "Or browse from here:"},
    # headings of the authored pages (docs/editing.md, docs/methodology.md), through {{ t(...) }}
    "guide_workflow": {"zh": "修改的流程", "en": "How a change is made"},
    "guide_add_department": {"zh": "添加一个部门", "en": "Adding a department"},
    "guide_add_task": {"zh": "添加一项任务", "en": "Adding a task"},
    "guide_add_actual": {"zh": "添加指标的实际值", "en": "Adding a reported value of an indicator"},
    "guide_mistakes": {"zh": "五个最常见的错误", "en": "The five most common mistakes"},
    "guide_mistake_unknown_department": {"zh": "部门名称写错或部门不在名录中",
                                         "en": "A department name is misspelt or not in the register"},
    "guide_mistake_duplicate_id": {"zh": "编号重复", "en": "An id used twice"},
    "guide_mistake_bad_number": {"zh": "数值里带了单位", "en": "A value written with its unit"},
    "guide_mistake_fullwidth_digits": {"zh": "数字用了全角字符", "en": "Full-width digits"},
    "guide_mistake_yaml_tab": {"zh": "用 Tab 缩进", "en": "Indenting with Tab"},
    "guide_pull_request": {"zh": "在拉取请求中看到的错误", "en": "Errors shown in a pull request"},
    "method_indicator_types": {"zh": "指标类型", "en": "Types of indicator"},
    "method_values_units": {"zh": "数值和单位", "en": "Values and units"},
    "method_statuses": {"zh": "进展状态", "en": "Progress status"},
    "method_steps": {"zh": "计算步骤", "en": "How the status is worked out"},
    "method_examples": {"zh": "例子", "en": "Examples"},
    "method_charts": {"zh": "指标图表", "en": "Indicator charts"},
}

NAV_KEYS: dict[str, str] = {
    "index.md": "home",
    "plans/index.md": "plans",
    "departments/index.md": "departments",
    "indicators/index.md": "indicators",
    "matrix.md": "matrix",
    "deadlines.md": "deadlines",
    "methodology.md": "methodology",
    "downloads/index.md": "downloads",
    "changes/index.md": "recent_changes",
    "editing.md": "editing_guide",
}
"""The navigation title of each page the site ships, by its source path."""


def translate(key: str, lang: str = "zh", **args: object) -> str:
    """The string ``key`` in ``lang``, filled with ``args``; Chinese when ``lang`` lacks it."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["zh"]
    return text.format(**args) if args else text


def translate_default(key: str, written: str, lang: str) -> str:
    """``written`` in ``lang`` when it is the shipped Chinese default of ``key``; a value the
    site's owner wrote themselves (their own site name, a nav title of their own) is kept."""
    return translate(key, lang) if written == STRINGS[key]["zh"] else written


def translate_nav(nav: list, lang: str) -> list:
    """A copy of the MkDocs ``nav`` list with the shipped pages' titles in ``lang``."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            item = {(translate_default(NAV_KEYS[value], title, lang)
                     if isinstance(value, str) and value in NAV_KEYS else title):
                    (translate_nav(value, lang) if isinstance(value, list) else value)
                    for title, value in item.items()}
        out.append(item)
    return out
