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
    "scroll_table": {"zh": "表格（可左右滑动）", "en": "Table (scrolls sideways)"},
    "all_indicators": {"zh": "全部指标", "en": "All indicators"},
    "all_departments": {"zh": "全部部门", "en": "All departments"},
    "all_plans": {"zh": "全部规划", "en": "All plans"},
    "binding_indicators": {"zh": "约束性指标", "en": "Binding indicators"},
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
}


def translate(key: str, lang: str = "zh", **args: object) -> str:
    """The string ``key`` in ``lang``, filled with ``args``; Chinese when ``lang`` lacks it."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["zh"]
    return text.format(**args) if args else text
