"""The words of the accessibility statement (无障碍声明), in Chinese and English.

What the statement claims is data (:mod:`plansite.site.accessibility`): each claim names the test
that backs it, so the page says only what the tests check.
"""

from __future__ import annotations

ACCESSIBILITY: dict[str, dict[str, str]] = {
    "accessibility": {"zh": "无障碍声明", "en": "Accessibility"},
    "a11y_intro": {"zh": "本站的目标是达到《Web 内容无障碍指南》{standard} 级。下面说明本站如何检验"
                         "这一点，以及已知还做不到的地方。每一项检验都是本站自动测试的一部分，每次修改都会运行。",
                   "en": "This site aims to meet the Web Content Accessibility Guidelines at "
                         "{standard}. Below is how that is checked, and what is known not to meet "
                         "it yet. Every check is one of the site's automated tests, run on every "
                         "change."},
    "a11y_how_tested": {"zh": "如何检验", "en": "How it is tested"},
    "a11y_check": {"zh": "检验", "en": "Check"},
    "a11y_backed_by": {"zh": "对应的测试：", "en": "The tests behind it: "},
    "a11y_check_axe": {"zh": "用 axe-core 在 Chromium 中检查每一类页面（见下表），不允许出现“严重”或“危急”级别的问题",
                       "en": "axe-core in Chromium on every kind of page (listed below): no "
                             "serious or critical violation"},
    "a11y_check_contrast": {"zh": "浅色和深色两种配色下，文字与背景的对比度都经 axe-core 检查",
                            "en": "the contrast of text and background, checked by axe-core in "
                                  "both the light and the dark colour scheme"},
    "a11y_check_keyboard": {"zh": "只用键盘：在导航中前往一个页面、打开搜索、选中结果并打开，每一步都能看见焦点",
                            "en": "keyboard only: go to a page through the navigation, open "
                                  "search, choose a result and open it, the focus visible "
                                  "at every step"},
    "a11y_check_zoom": {"zh": "放大到 200%（1280 像素宽的窗口只剩 640 像素）时，每一类页面都不需要左右滚动，标明可滚动的宽表格除外",
                        "en": "zoomed to 200 % (a 1,280 px window left 640 px wide), no kind of "
                              "page scrolls sideways, but for wide tables marked as scrollable"},
    "a11y_check_phone": {"zh": "在 375 像素宽的手机上，每一类页面都不超出屏幕，宽表格按行显示为带标注的卡片，表格中的链接便于点按（至少 24 像素）",
                         "en": "on a 375 px phone no kind of page overflows the screen, wide "
                               "tables read as one labelled card per row, and links in tables "
                               "are at least 24 px high"},
    "a11y_pages_checked": {"zh": "检查的页面类型", "en": "Kinds of page checked"},
    "a11y_exceptions": {"zh": "已知的不足", "en": "Known exceptions"},
    "a11y_exception_browsers": {"zh": "自动检验只在 Chromium 中进行；Firefox 和 Safari 未经测试。",
                                "en": "The checks run in Chromium only; Firefox and Safari are "
                                      "not tested."},
    "a11y_exception_readers": {"zh": "还没有请读屏软件用户实际试用；axe-core 只能发现一部分问题。",
                               "en": "People using screen readers have not tried the site yet; "
                                     "axe-core finds only some problems."},
    "a11y_exception_cards": {"zh": "手机上显示为卡片的表格，在部分读屏软件中可能不再作为表格朗读（每个字段前仍有列名）。",
                             "en": "On a phone, tables shown as cards may no longer be read as "
                                   "tables by some screen readers (each field still has its "
                                   "column's name)."},
    "a11y_exception_sources": {"zh": "规划原文来自外部网站和文件，本站不能保证它们的无障碍程度。",
                               "en": "The plans' source documents come from other sites and "
                                     "files, whose accessibility this site cannot vouch for."},
    "a11y_contact": {"zh": "如果您在使用本站时遇到障碍，请通过页面顶部的源代码仓库链接告诉我们。",
                     "en": "If something on this site is in your way, tell us through the "
                           "repository linked at the top of every page."},
    "a11y_page_home": {"zh": "首页", "en": "Home"},
    "a11y_page_plans index": {"zh": "规划列表", "en": "Plans"},
    "a11y_page_plan": {"zh": "规划", "en": "A plan"},
    "a11y_page_departments index": {"zh": "部门列表", "en": "Departments"},
    "a11y_page_department": {"zh": "部门", "en": "A department"},
    "a11y_page_indicators index": {"zh": "指标列表", "en": "Indicators"},
    "a11y_page_indicator": {"zh": "指标", "en": "An indicator"},
    "a11y_page_downloads": {"zh": "数据下载", "en": "Downloads"},
    "a11y_page_matrix": {"zh": "责任矩阵", "en": "Responsibility matrices"},
    "a11y_page_plan matrix": {"zh": "一个规划的责任矩阵", "en": "A plan's matrix"},
    "a11y_page_deadlines": {"zh": "完成时限", "en": "Deadlines"},
    "a11y_page_changes": {"zh": "最近修改", "en": "Recent changes"},
    "a11y_page_methodology": {"zh": "方法说明", "en": "Methodology"},
    "a11y_page_accessibility": {"zh": "无障碍声明", "en": "Accessibility"},
    "a11y_page_not found": {"zh": "找不到页面", "en": "Page not found"},
    "a11y_page_search": {"zh": "搜索结果", "en": "Search results"},
}
