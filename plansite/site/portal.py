"""What a portal shows of its member sites: their plans and departments, read from the
``data.json`` each member's build publishes, every record linked to the member's own page.

A member's data is fetched once a build, from its address or from the local copy that
``data/portal.yml`` names (builds without the network, tests). A member that cannot be read,
or whose file is not plansite's data, is a problem at its line of ``data/portal.yml``, like any
data problem: the portal is not published with a member silently missing.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from plansite.catalogue.phrases import phrase
from plansite.model import urls
from plansite.model.records import Member
from plansite.problems import Problem, problem
from plansite.publishing.tables import JSON_NAME

log = logging.getLogger(__name__)

MEMBER_DATA = urls.INDEX_URLS["downloads"] + JSON_NAME
"""Where a plansite site publishes all its data, under its address."""

FETCH_TIMEOUT = 30.0
"""Seconds to wait for a member's server to answer before the build reports it unreachable."""

MAX_DATA_BYTES = 512 * 1024 * 1024
"""The largest data.json read from a member (a 16x province's is about 200 MB)."""

FETCHING_AT_ONCE = 8
"""Members fetched at the same time: their servers answer while others send."""


@dataclass(frozen=True)
class MemberRecord:
    """A plan or department of a member, as its data.json says it, and its address there."""

    id: str
    name: str
    href: str
    facts: tuple[str, ...] = ()
    tasks: int = 0
    cooperating: int = 0


@dataclass
class MemberSite:
    """A member site and what its data.json holds: its plans and departments."""

    member: Member
    read_from: str
    plans: list[MemberRecord] = field(default_factory=list)
    departments: list[MemberRecord] = field(default_factory=list)

    @property
    def tasks(self) -> int:
        return sum(plan.tasks for plan in self.plans)


def member_link(member: Member, record_url: str) -> str:
    """The address of a member's record from the ``url`` its data.json gives it.

    A member built with its own ``site_url`` writes URLs under its path (``/city/plans/x/``),
    one built without it from the root (``/plans/x/``); both land on the member's page. A URL
    naming another host or scheme is not followed: the link goes to the member's home.
    """
    parts = urlsplit(record_url)
    if parts.scheme or parts.netloc:
        return member.url
    base = urlsplit(member.url).path
    path = parts.path[len(base):] if parts.path.startswith(base) else parts.path.lstrip("/")
    return member.url + path + (f"#{parts.fragment}" if parts.fragment else "")


def _records(data: dict, key: str) -> list[dict]:
    """The records of ``key`` in a member's data: another site's file, so what is no record
    (a number, a list) is passed over rather than trusted."""
    return [item for item in data.get(key) or [] if isinstance(item, dict)]


def _count(value: Any) -> int:
    return len(value) if isinstance(value, list) else 0


def member_site(member: Member, data: dict, read_from: str) -> MemberSite:
    """A member's plans and departments from its data.json ``data``; every value is read as
    text and every address kept on the member's site (:func:`member_link`)."""
    site = MemberSite(member, read_from)
    tasks = Counter(str(task.get("plan")) for task in _records(data, "tasks"))
    for plan in _records(data, "plans"):
        period = "–".join(str(y) for y in dict.fromkeys(
            (plan.get("period_start"), plan.get("period_end"))) if y)
        site.plans.append(MemberRecord(
            str(plan.get("id", "")), str(plan.get("title", "")),
            member_link(member, str(plan.get("url", ""))),
            tuple(str(x) for x in (plan.get("issuer"), period) if x),
            tasks[str(plan.get("id"))]))
    for dept in _records(data, "departments"):
        site.departments.append(MemberRecord(
            str(dept.get("id", "")), str(dept.get("name", "")),
            member_link(member, str(dept.get("url", ""))),
            tasks=_count(dept.get("led")), cooperating=_count(dept.get("cooperating"))))
    return site


def read_member(member: Member, root: Path,
                timeout: float = FETCH_TIMEOUT) -> tuple[MemberSite | None, list[Problem]]:
    """Read one member's data.json: its local copy when ``data/portal.yml`` names one, else
    from its address; the member's site, or the problem that says why it could not be read."""
    where = member.data or member.url + MEMBER_DATA
    place = dict(file=member.source.file, line=member.source.line, column=member.source.column)
    try:
        if member.data:
            text = (root / member.data).read_bytes()
        else:
            request = urllib.request.Request(where, headers={"User-Agent": "plansite-portal"})
            with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
                text = answer.read(MAX_DATA_BYTES + 1)
        if len(text) > MAX_DATA_BYTES:
            raise ValueError(f"over {MAX_DATA_BYTES} bytes")
        data = json.loads(text)
    except (OSError, ValueError) as exc:  # unreachable, timed out, refused, not JSON
        reason = getattr(exc, "reason", None) or exc
        return None, [problem("member-unreadable", **place, member=member.name, found=where,
                              reason=str(reason) or type(exc).__name__,
                              hint=phrase("member-reachable", address=where))]
    lacking = [key for key in ("plans", "departments")
               if not isinstance(data, dict) or not isinstance(data.get(key), list)]
    if lacking:
        return None, [problem("member-not-plansite", **place, member=member.name, found=where,
                              expected=", ".join(lacking), hint=phrase("member-export"))]
    log.info("portal: %s: %d plans, %d departments from %s", member.name, len(data["plans"]),
             len(data["departments"]), where)
    return member_site(member, data, where), []


def read_members(members: list[Member], root: Path, timeout: float = FETCH_TIMEOUT
                 ) -> tuple[list[MemberSite], list[Problem]]:
    """Every member's site, in the order of ``data/portal.yml``, and the problems of those that
    could not be read. Members are fetched several at once."""
    if not members:
        return [], []
    with ThreadPoolExecutor(max_workers=min(FETCHING_AT_ONCE, len(members))) as pool:
        results = list(pool.map(lambda m: read_member(m, root, timeout), members))
    sites = [site for site, _ in results if site is not None]
    return sites, [p for _, found in results for p in found]
