"""What a change to the data means, in Chinese and English: the lines of ``plansite diff``.

Each line names the record as a reader knows it (a task by its number and title, a department
by its name) and says what changed; old and new values are quoted as the plan writes them.
"""

from __future__ import annotations

CHANGES: dict[str, dict[str, str]] = {
    # headings and counts
    "diff-title": {"zh": "数据修改说明：{before} → {after}", "en": "What changes: {before} -> {after}"},
    "diff-none": {"zh": "规划数据没有变化。", "en": "The plans' data does not change."},
    "diff-counts": {"zh": "共 {n} 处变化：{parts}。", "en": "{n} changes: {parts}."},
    "diff-section-plans": {"zh": "规划", "en": "Plans"},
    "diff-section-departments": {"zh": "部门", "en": "Departments"},
    "diff-section-tasks": {"zh": "任务", "en": "Tasks"},
    "diff-section-responsibility": {"zh": "责任分工", "en": "Responsibilities"},
    "diff-section-indicators": {"zh": "指标", "en": "Indicators"},
    "diff-section-statuses": {"zh": "状态", "en": "Statuses"},
    "diff-count-part": {"zh": "{section} {n} 处", "en": "{section} {n}"},
    "diff-problems": {"zh": "{revision}的数据有 {n} 个问题（plansite validate 列出）。",
                      "en": "The data at {revision} has {n} problem(s) (plansite validate lists them)."},
    "working-tree": {"zh": "工作区", "en": "the working tree"},
    # plans
    "plan-added": {"zh": "新增规划《{plan}》（{tasks} 项任务，{indicators} 个指标）",
                   "en": "New plan: {plan} ({tasks} tasks, {indicators} indicators)"},
    "plan-removed": {"zh": "删除规划《{plan}》（{tasks} 项任务，{indicators} 个指标）",
                     "en": "Plan removed: {plan} ({tasks} tasks, {indicators} indicators)"},
    "plan-field": {"zh": "规划《{plan}》的{field}：{before} → {after}",
                   "en": "{field} of {plan}: {before} -> {after}"},
    # departments
    "department-added": {"zh": "部门名录新增{department}", "en": "New department: {department}"},
    "department-removed": {"zh": "部门名录删除{department}",
                           "en": "Department removed: {department}"},
    "department-renamed": {"zh": "部门{before}改名为{after}",
                           "en": "Department {before} is now called {after}"},
    # tasks
    "task-added": {"zh": "新增任务 {task}", "en": "New task: {task}"},
    "task-removed": {"zh": "删除任务 {task}", "en": "Task removed: {task}"},
    "task-field": {"zh": "任务 {task}的{field}：{before} → {after}",
                   "en": "{field} of {task}: {before} -> {after}"},
    "lead-added": {"zh": "{department}牵头任务 {task}", "en": "{department} now leads {task}"},
    "lead-removed": {"zh": "{department}不再牵头任务 {task}",
                     "en": "{department} is no longer lead of {task}"},
    "cooperating-added": {"zh": "{department}配合任务 {task}",
                          "en": "{department} now co-operates on {task}"},
    "cooperating-removed": {"zh": "{department}不再配合任务 {task}",
                            "en": "{department} no longer co-operates on {task}"},
    # indicators
    "indicator-added": {"zh": "新增指标{indicator}", "en": "New indicator: {indicator}"},
    "indicator-removed": {"zh": "删除指标{indicator}", "en": "Indicator removed: {indicator}"},
    "indicator-field": {"zh": "指标{indicator}的{field}：{before} → {after}",
                        "en": "{field} of {indicator}: {before} -> {after}"},
    "actual-added": {"zh": "指标{indicator}新增{year}年实际值{value}",
                     "en": "{indicator}: {year} actual {value} added"},
    "actual-removed": {"zh": "指标{indicator}删除{year}年实际值{value}",
                       "en": "{indicator}: {year} actual {value} removed"},
    "actual-changed": {"zh": "指标{indicator}的{year}年实际值：{before} → {after}",
                       "en": "{indicator}: {year} actual {before} -> {after}"},
    "status-changed": {"zh": "指标{indicator}的状态：{before} → {after}",
                       "en": "status of {indicator}: {before} -> {after}"},
    "none-written": {"zh": "（无）", "en": "(none)"},
    # records as a change names them
    "diff-plan": {"zh": "{title}", "en": "{title}"},
    "diff-task": {"zh": "{id}「{title}」（{plan}）", "en": "{id} '{title}' ({plan})"},
    "diff-indicator": {"zh": "“{name}”（{plan}）", "en": "'{name}' ({plan})"},
    "diff-department": {"zh": "{name}", "en": "{name}"},
}
"""Every line ``plansite diff`` writes, by code."""
