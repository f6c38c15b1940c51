"""Follow progress without visiting: Atom feeds of report entries and an iCalendar file of each
department's deadlines.

A feed holds every report entry known at the build date, newest first: the whole site's, each
plan's (that publishes reports) and each department's (on the tasks it leads or co-operates
on). An entry whose status differs from the task's status before says so in its title. Each
entry's id is made from its plan, period and task only, and each calendar event's from its plan
and task, so a reader's feed reader or calendar knows them again in every later build.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from xml.etree import ElementTree as ET

from plansite.analysis.deadlines import due_date
from plansite.analysis.progress import Progress
from plansite.catalogue.labels import translate
from plansite.model import urls
from plansite.model.urls import calendar_url, feed_url
from plansite.model.progress import ReportEntry
from plansite.model.repository import Repository

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 100
"""A feed holds the newest entries only, as feeds do: a reader's feed reader keeps the older."""
NAMESPACE = uuid.UUID("6f1f3c52-7d0e-5b8a-9a53-3c1f0b0a7e11")
"""The namespace of the name-based ids of feeds, entries and events."""


def stable_id(*parts: str) -> str:
    """A URN that names the same thing in every build: from its parts only."""
    return uuid.uuid5(NAMESPACE, "\x00".join(parts)).urn


def _stamp(day: _dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(repo: Repository, progress: Progress, entries: list[tuple[ReportEntry, str]],
              title: str, scope_id: str, self_url: str, root_url: str, lang: str) -> bytes:
    """An Atom feed of ``entries`` (each with the task's status before it), newest first."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    feed.set("xml:lang", "zh-CN" if lang == "zh" else "en")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = stable_id("feed", scope_id)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    newest = max((e.as_of for e, _ in entries), default=progress.build_date)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=root_url + self_url)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = translate("site_name", lang)
    # newest first; the entries of one report in its order (a stable sort keeps it)
    ordered = sorted(entries, key=lambda pair: (pair[0].as_of, pair[0].period.end),
                     reverse=True)[:FEED_ENTRIES]
    for entry, was in ordered:
        task = repo.task(entry.task_key)
        now = entry.status or "unstated"
        words = translate("report_status_" + now, lang)
        if was != now:
            words = translate("feed_changed", lang, was=translate("report_status_" + was, lang),
                              now=words)
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(item, f"{{{ATOM}}}id").text = stable_id(
            "entry", entry.plan, entry.period.text, entry.task)
        ET.SubElement(item, f"{{{ATOM}}}title").text = \
            f"{task.number}{task.title}（{entry.period.text}）：{words}"
        ET.SubElement(item, f"{{{ATOM}}}updated").text = _stamp(entry.as_of)
        ET.SubElement(item, f"{{{ATOM}}}link", rel="alternate",
                      href=root_url + urls.task_url(task))
        said = [entry.reason, entry.progress]
        ET.SubElement(item, f"{{{ATOM}}}summary").text = "\n\n".join(s for s in said if s) \
            or words
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")


def _entries_with_before(repo: Repository, progress: Progress) -> list[tuple[ReportEntry, str]]:
    """Every report entry known at the build date, with the task's status before it."""
    out = []
    for plan in repo.plans.values():
        for changes in progress.periods(plan.id):
            changed = {e.task: was for e, was in changes.changed}
            for entry in changes.report.entries:
                out.append((entry, changed.get(entry.task, entry.status or "unstated")))
    return out


def department_calendar(repo: Repository, dept_id: str, lang: str, stamp: _dt.date,
                        root_url: str) -> bytes:
    """The deadlines of the tasks ``dept_id`` leads or co-operates on, one all-day event each
    on the last day the deadline allows."""
    dept = repo.departments[dept_id]
    name = _text(translate("calendar_name", lang, name=dept.name))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//plansite//deadlines//ZH",
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{name}"]
    for key in repo.index.department_tasks(dept_id):
        task = repo.task(key)
        due = due_date(task.deadline) if task.deadline is not None else None
        if due is None:
            continue
        summary = _text(translate("calendar_event", lang, task=task.number + task.title,
                                  deadline=task.deadline.phrase))
        lines += ["BEGIN:VEVENT", f"UID:{stable_id('deadline', task.plan, task.id)[9:]}@plansite",
                  f"DTSTAMP:{stamp.strftime('%Y%m%d')}T000000Z",
                  f"DTSTART;VALUE=DATE:{due.strftime('%Y%m%d')}",
                  f"DTEND;VALUE=DATE:{(due + _dt.timedelta(days=1)).strftime('%Y%m%d')}",
                  f"SUMMARY:{summary}",
                  f"URL:{root_url + urls.task_url(task)}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines).encode("utf-8")


def _text(value: str) -> str:
    """A TEXT value of iCalendar, escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """A content line folded at 75 octets, as RFC 5545 asks (never inside a character)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > (75 if not out else 74):
            out.append(current)
            current = ""
        current += char
    out.append(current)
    return "\r\n ".join(out)


def feed_files(repo: Repository, progress: Progress, root_url: str, lang: str = "zh"
               ) -> dict[str, bytes]:
    """Every feed and calendar of the site by its site address."""
    entries = _entries_with_before(repo, progress)
    files = {feed_url("site"): atom_feed(
        repo, progress, entries, translate("feed_site", lang), "site", feed_url("site"),
        root_url, lang)}
    for plan in repo.plans.values():
        if plan.reports:
            files[feed_url("plan", plan.id)] = atom_feed(
                repo, progress, [p for p in entries if p[0].plan == plan.id],
                translate("feed_of", lang, name=plan.title), f"plan:{plan.id}",
                feed_url("plan", plan.id), root_url, lang)
    # each task's entries by their place in ``entries``: a department's feed gathers those of
    # its tasks in that order, without reading every entry once per department
    places: dict[str, list[int]] = {}
    for place, (entry, _) in enumerate(entries):
        places.setdefault(entry.task_key, []).append(place)
    for dept in repo.departments.values():
        mine = sorted(place for key in repo.index.department_tasks(dept.id)
                      for place in places.get(key, ()))
        files[feed_url("department", dept.id)] = atom_feed(
            repo, progress, [entries[place] for place in mine],
            translate("feed_of", lang, name=dept.name), f"department:{dept.id}",
            feed_url("department", dept.id), root_url, lang)
        files[calendar_url(dept.id)] = department_calendar(
            repo, dept.id, lang, progress.build_date, root_url)
    return files
