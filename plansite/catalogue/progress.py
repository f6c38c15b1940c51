"""The words of progress reports: their problems, hints and quoted values, and the labels of
the site's progress pages, in Chinese and English.

``PROBLEMS`` joins the problem messages, ``PROGRESS`` is a table of the hints and values they
quote (:mod:`plansite.catalogue.phrases`) and ``LABELS`` joins the interface strings of
:mod:`plansite.catalogue.labels`.
"""

from __future__ import annotations

PROBLEMS: dict[str, dict[str, str]] = {
    "bad-date": {
        "zh": "日期“{found}”无法识别；应为 {expected}",
        "en": "the date '{found}' is not understood; expected {expected}",
    },
    "bad-percent": {
        "zh": "完成百分比 {found} 不在 0 到 100 之间",
        "en": "the percent complete {found} is not between 0 and 100",
    },
    "report-file-name": {
        "zh": "报告文件名 {found} 与其中的报告期 {expected} 不符；每个报告期一个文件，文件名即报告期",
        "en": "the report file {found} does not match its period {expected}; one file per "
              "period, named by the period",
    },
    "report-as-of-early": {
        "zh": "截止日期 {found} 早于报告期 {period} 的开始（{expected}）",
        "en": "the as-of date {found} is before the period {period} starts ({expected})",
    },
    "report-as-of-future": {
        "zh": "截止日期 {found} 晚于构建日期 {expected}；报告只能写已经发生的事",
        "en": "the as-of date {found} is after the build date {expected}; a report tells what "
              "has happened",
    },
    "report-unknown-task": {
        "zh": "找不到任务“{found}”；应为本规划 tasks.yml 中的任务编号",
        "en": "task '{found}' does not exist; expected a task id from this plan's tasks.yml",
    },
    "report-duplicate-entry": {
        "zh": "任务 {found} 在本报告期已有一条进展（第 {first} 行）；每个任务每期只写一条",
        "en": "task {found} already has an entry in this period (line {first}); one entry per "
              "task per period",
    },
    "report-reason-missing": {
        "zh": "状态为“{status}”的进展必须写明原因（reason）",
        "en": "an entry with status '{status}' must give its reason",
    },
    "report-no-place": {
        "zh": "{record}没有网址或文件；应有 url 或 sources/ 下的 file",
        "en": "the {record} has no address or file; expected url or a file under sources/",
    },
    "report-file-missing": {
        "zh": "文件 {found} 不在仓库中；应为 sources/ 下的文件",
        "en": "the file {found} is not in the repository; expected a file under sources/",
    },
    "report-unknown-indicator": {
        "zh": "找不到指标“{found}”；应为本规划 indicators.yml 中的指标编号",
        "en": "indicator '{found}' does not exist; expected an indicator id from this plan's "
              "indicators.yml",
    },
    "report-value-conflict": {
        "zh": "指标 {indicator} {year} 年的值 {found} 与 {first} 写的 {expected} 不同；一年只能有一个值",
        "en": "indicator {indicator} in {year} is {found} here but {expected} at {first}; one "
              "value a year",
    },
    "report-reporter-not-responsible": {
        "zh": "填报单位“{found}”不是任务 {task} 的牵头或配合单位（{expected}）",
        "en": "the reporting body '{found}' neither leads nor co-operates on task {task} "
              "({expected})",
    },
}
"""The problems of report files, joined to :data:`plansite.catalogue.messages.MESSAGES`."""

PROGRESS: dict[str, dict[str, str]] = {
    "date-example": {"zh": "年-月-日，如 2013-06-30", "en": "year-month-day, e.g. 2013-06-30"},
    "name-file-by-period": {"zh": "把文件改名为 {name}，或改正 period",
                            "en": "rename the file {name}, or correct period"},
    "give-reason": {"zh": "写明滞后、调整或不再推进的原因，如 reason: 征地未完成",
                    "en": "say why it is late, changed or dropped, e.g. reason: land not yet acquired"},
    "one-value-a-year-report": {"zh": "核对两处的数值，只保留正确的一个",
                                "en": "check both figures and keep the right one"},
    "evidence-record": {"zh": "佐证材料", "en": "evidence"},
    "source-record": {"zh": "报告来源", "en": "report source"},
    "no-departments": {"zh": "任务未写责任部门", "en": "the task names no department"},
}

STATUS_WORDS: dict[str, dict[str, str]] = {
    "not_started": {"zh": "未启动", "en": "Not started"},
    "on_track": {"zh": "正常推进", "en": "On track"},
    "ahead": {"zh": "超进度", "en": "Ahead"},
    "delayed": {"zh": "滞后", "en": "Delayed"},
    "done": {"zh": "已完成", "en": "Done"},
    "done_modified": {"zh": "调整后完成", "en": "Done as modified"},
    "dropped": {"zh": "不再推进", "en": "Not being pursued"},
    "unstated": {"zh": "未注明状态", "en": "Status not stated"},
    "unreported": {"zh": "未报告", "en": "Not reported"},
}
"""A task's reported status in words: the report vocabulary, an entry that states none, and a
task no report speaks of. A message quotes them as ``report-status-<code>``, a page as
``report_status_<code>``."""

PROGRESS.update({f"report-status-{code}": said for code, said in STATUS_WORDS.items()})

LABELS: dict[str, dict[str, str]] = {
    **{f"report_status_{code}": said for code, said in STATUS_WORDS.items()},
    "progress_rollup": {"zh": "任务进展", "en": "Progress of tasks"},
    "progress_bar": {"zh": "{total} 项任务中已完成 {done} 项",
                     "en": "{done} of {total} tasks done"},
    "attention": {"zh": "需要关注", "en": "Needs attention"},
    "attention_more": {"zh": "另有 {n} 项需要关注的任务未在此列出。",
                       "en": "Tasks needing attention not listed here: {n}."},
    "why_overdue": {"zh": "已过完成时限（{due}）", "en": "past its deadline ({due})"},
    "why_stale": {"zh": "自 {since} 起没有进展报告", "en": "no report since {since}"},
    "why_contradiction": {"zh": "自报正常推进，但指标{indicators}严重滞后或存在风险",
                          "en": "reported on track, but indicator {indicators} is off track or "
                                "at risk"},
    "why_delayed": {"zh": "报告为滞后", "en": "reported late"},
    "colon": {"zh": "：", "en": ": "},
    "with_status": {"zh": "（{status}）", "en": " ({status})"},
    "feed_site": {"zh": "规划公开：任务进展", "en": "Plans in public: progress of tasks"},
    "feed_of": {"zh": "{name}：任务进展", "en": "{name}: progress of tasks"},
    "feed_changed": {"zh": "{was} → {now}", "en": "{was} → {now}"},
    "subscribe": {"zh": "订阅进展（Atom）", "en": "Follow progress (Atom feed)"},
    "subscribe_calendar": {"zh": "订阅完成时限日历（iCalendar）",
                           "en": "Deadlines calendar (iCalendar)"},
    "calendar_name": {"zh": "{name}：任务完成时限", "en": "{name}: task deadlines"},
    "calendar_event": {"zh": "到期：{task}（{deadline}）", "en": "Due: {task} ({deadline})"},
    "sheet_reports": {"zh": "任务进展", "en": "Progress reports"},
    "sheet_reports_about": {"zh": "每个报告期每项任务的进展一行",
                            "en": "One row per task and reporting period"},
    "table_reports": {"zh": "进展表：每个报告期每项任务一行，含状态、原因和独立评估",
                      "en": "Progress: one row per task and period, with status, reason and the "
                            "independent assessment"},
    "column_tasks_status": {"zh": "当前进展状态（规划有进展报告时）：not_started、on_track、ahead、"
                                  "delayed、done、done_modified、dropped、unstated、unreported",
                            "en": "the current reported status (where the plan publishes reports): "
                                  "not_started, on_track, ahead, delayed, done, done_modified, "
                                  "dropped, unstated, unreported"},
    "column_reports_period": {"zh": "报告期", "en": "the reporting period"},
    "column_reports_as_of": {"zh": "截止日期", "en": "the date the report's facts are at"},
    "column_reports_task": {"zh": "任务编号（tasks 表的 id）", "en": "the task's id (id in tasks)"},
    "column_reports_status": {"zh": "报告的状态", "en": "the status reported"},
    "column_reports_reason": {"zh": "原因", "en": "the reason"},
    "column_reports_progress": {"zh": "进展情况（Markdown）", "en": "what was done (Markdown)"},
    "column_reports_percent": {"zh": "完成百分比", "en": "percent complete"},
    "column_reports_reported_by": {"zh": "填报单位", "en": "the body that reported it"},
    "column_reports_evidence": {"zh": "佐证材料的网址或文件", "en": "the evidence's addresses or files"},
    "column_reports_assessment_by": {"zh": "独立评估者", "en": "who assessed it independently"},
    "column_reports_assessment_rating": {"zh": "独立评估的结论", "en": "the independent rating"},
    "column_reports_assessment_note": {"zh": "独立评估的说明", "en": "the assessment's note"},
    "column_reports_report_title": {"zh": "报告标题", "en": "the report's title"},
    "column_reports_report_url": {"zh": "报告原文的网址或文件", "en": "the report's address or file"},
    "column_reports_url": {"zh": "任务页面地址", "en": "the address of the task's page"},
    "method_progress": {"zh": "任务进展", "en": "Progress of tasks"},
    "method_report_statuses": {"zh": "进展状态", "en": "Reported statuses"},
    "method_report_rules": {"zh": "计算规则", "en": "The rules"},
    "task_page": {"zh": "任务详情与进展", "en": "The task and its progress"},
    "task_in_plan": {"zh": "在规划全文中查看", "en": "See it in the whole plan"},
    "current_status": {"zh": "当前进展", "en": "Current status"},
    "no_reports_plan": {"zh": "本规划没有公开的进展报告，网站不显示任务的完成情况。",
                        "en": "No progress report on this plan has been published, so the site "
                              "shows no task's progress."},
    "no_reports_site": {"zh": "各规划都没有公开的进展报告，网站不显示任务的完成情况。",
                        "en": "No progress report on any plan has been published, so the site "
                              "shows no task's progress."},
    "reports_of_plan": {"zh": "进展报告", "en": "Progress reports"},
    "timeline": {"zh": "历次进展", "en": "Timeline"},
    "as_of": {"zh": "截至 {date}", "en": "as of {date}"},
    "as_of_label": {"zh": "截止日期", "en": "As of"},
    "reported_by": {"zh": "填报：", "en": "Reported by: "},
    "percent_done": {"zh": "完成 {percent}%", "en": "{percent}% done"},
    "edit_entry": {"zh": "编辑这条进展", "en": "Edit this entry"},
    "reason": {"zh": "原因：", "en": "Reason: "},
    "values_reported": {"zh": "本期指标：", "en": "Indicator values: "},
    "evidence": {"zh": "佐证材料：", "en": "Evidence: "},
    "assessment": {"zh": "独立评估（{by}）：", "en": "Independent assessment ({by}): "},
    "assessment_source": {"zh": "评估原文", "en": "the assessment"},
    "period_title": {"zh": "{plan}：{period} 进展", "en": "{plan}: progress in {period}"},
    "completeness": {"zh": "本期报告了 {reported} 项任务（共 {total} 项）。",
                     "en": "{reported} of {total} tasks reported in this period."},
    "since_period": {"zh": "与上一报告期 {period} 相比：", "en": "Since the previous period, {period}:"},
    "first_period": {"zh": "这是本规划的第一个报告期。", "en": "This is the plan's first reporting period."},
    "newly_done": {"zh": "新完成", "en": "Newly done"},
    "newly_late": {"zh": "新滞后", "en": "Newly late"},
    "newly_dropped": {"zh": "不再推进", "en": "Dropped"},
    "all_changes": {"zh": "状态变化", "en": "Every change of status"},
    "all_periods": {"zh": "各报告期", "en": "Every period"},
}
