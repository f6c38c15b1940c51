"""The reasons given for an indicator's computed status, in Chinese and English.

:mod:`plansite.analysis.status` decides a status and keeps why as a reason code with its
numbers (years, values with their units, shares of the way and of the time); the words are
chosen here when the reason is shown. A reason that speaks of the latest value quotes one of
the ``measured-*`` phrases as ``{measured}``. English sentences are capitalised when shown
(:func:`plansite.catalogue.phrases.sentence`), so a quoted phrase reads at any place.
"""

from __future__ import annotations

REASONS: dict[str, dict[str, str]] = {
    # no numeric target
    "monitoring": {"zh": "监测指标，不设目标值。", "en": "a monitoring indicator: no target is set."},
    "narrative-target": {"zh": "目标为文字表述，无法按数值判断进展。",
                         "en": "the target is stated in words, so progress cannot be measured."},
    "target-unread": {"zh": "目标原文“{phrase}”读不出确定的数值，照原文显示，无法判断进展。",
                      "en": "the target as written, '{phrase}', gives no definite value: it is "
                            "shown as written and progress cannot be judged."},
    "no-numeric-target": {"zh": "没有数值目标，无法判断进展。",
                          "en": "there is no numeric target to measure progress against."},
    # nothing to measure yet
    "not-due": {"zh": "规划期自{year}年开始，尚未到报告实际值的时候。",
                "en": "the plan period starts in {year}; no actual is due yet."},
    "no-actual": {"zh": "尚未报告规划期内的实际值。",
                  "en": "no actual has been reported for the plan period yet."},
    "unmeasurable": {"zh": "基期值为零、不为正数或缺少年份，无法计算变化幅度或年均增长。",
                     "en": "the baseline is zero, negative or undated: no change or growth to "
                           "measure."},
    # the latest value against the target
    "holds-until": {"zh": "{measured}，符合目标，需保持到{until}。",
                    "en": "{measured} meets the target, which must hold until {until}."},
    "achieved": {"zh": "{measured}，已达到目标。", "en": "{measured} meets the target."},
    "target-year-missed": {"zh": "目标年份{year}年已到，{measured}，未达到目标。",
                           "en": "the target year {year} has come and {measured} misses the "
                                 "target."},
    "breaks-target": {"zh": "{measured}，不符合目标，须在{year}年前回到目标之内。",
                      "en": "{measured} breaks the target, which must hold again by {year}."},
    "progress-unmeasured": {"zh": "{measured}，尚未达到目标；缺少基期值或年份，无法计算完成进度。",
                            "en": "{measured} misses the target; with no baseline or year, "
                                  "progress is not measured."},
    "on-pace": {"zh": "{measured}，完成进度{progress}，时间进度{elapsed}，进度不慢于时间。",
                "en": "{measured}: {progress} of the way with {elapsed} of the time elapsed."},
    "behind-pace": {"zh": "{measured}，完成进度{progress}，时间进度{elapsed}，进度慢于时间。",
                    "en": "{measured}: {progress} of the way with {elapsed} of the time "
                          "elapsed, behind pace."},
    "far-behind-pace": {"zh": "{measured}，完成进度{progress}，时间进度{elapsed}，不到时间进度的一半。",
                        "en": "{measured}: {progress} of the way with {elapsed} of the time "
                              "elapsed, less than half the pace."},
    # what was measured, quoted by the reasons above
    "measured-actual": {"zh": "{year}年实际{value}", "en": "the {year} actual of {value}"},
    "measured-rise": {"zh": "{year}年累计增加{value}", "en": "the rise of {value} by {year}"},
    "measured-fall": {"zh": "{year}年累计下降{value}", "en": "the fall of {value} by {year}"},
    "measured-growth": {"zh": "{year}年增长{value}", "en": "the {year} growth rate of {value}"},
    "measured-annual-growth": {"zh": "{since}—{year}年年均增长{value}",
                               "en": "the annual growth of {value} over {since}–{year}"},
    # until when a met target must hold
    "until-year": {"zh": "{year}年", "en": "{year}"},
    "until-period-end": {"zh": "规划期末", "en": "the end of the period"},
}
"""Every reason, and the phrases reasons quote, by code."""
