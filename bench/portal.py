"""``bench/portal.py``: what a portal costs as its members grow.

Builds the 1x synthetic repository's ``data.json`` once (``plansite synth``: 5,000 tasks, 300
departments, 2,000 indicators), then a portal over 1, 4 and 16 members that each publish that
data (read from local copies, as a CI matrix's portal job reads its groups' artifacts), timing
each build and the peak memory of its processes, and how long reading the members' data takes
apart. It also builds the 1x site itself once to weigh what each member adds to the portal's
first search (its index's entry and metadata files). Writes ``bench/portal-results.md``.

    .venv/bin/python bench/portal.py [--members 1 4 16] [--no-member-site]
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from factories import copy_site_files, make_repo  # noqa: E402
from measure import site_figures  # noqa: E402
from plansite.publishing.export import json_text  # noqa: E402
from plansite.reading.repository import load_repository  # noqa: E402
from plansite.site.portal import read_members  # noqa: E402
from plansite.synthetic import synth_repository  # noqa: E402
from run import BASE_SIZE, build  # noqa: E402 - the bench's own build, measured the same way

def portal_with(members: int, data: Path, work: Path) -> Path:
    """A portal of ``members`` members that each publish ``data``."""
    root = copy_site_files(make_repo(work / f"portal-{members}"))
    (root / "data" / "portal.yml").write_text("members:\n" + "".join(
        f"  - id: m{i}\n    name: member {i}\n    url: https://m{i}.example.gov.cn/\n"
        f"    data: {data}\n" for i in range(members)), encoding="utf-8")
    return root


def index_entry_bytes(site: Path) -> int:
    """What a portal's search loads of one member before searching it: entry and metadata."""
    folder = site / "pagefind"
    return sum(f.stat().st_size for f in [folder / "pagefind-entry.json",
                                           *folder.glob("*.pf_meta")])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--no-member-site", action="store_true",
                        help="skip building the 1x site (the first-search figure)")
    args = parser.parse_args()
    started = time.monotonic()
    rows = []
    with tempfile.TemporaryDirectory(prefix="plansite-portal-bench-") as tmp:
        work = Path(tmp)
        member = work / "member"
        synth_repository(member, seed=1, **BASE_SIZE)
        data = work / "data.json"
        data.write_text(json_text(load_repository(member)[0]), encoding="utf-8")
        size_mb = data.stat().st_size / 1e6
        print(f"member data.json: {size_mb:.1f} MB", flush=True)
        for count in args.members:
            root = portal_with(count, data, work)
            began = time.monotonic()
            sites, problems = read_members(load_repository(root)[0].members, root)
            assert len(sites) == count and not problems, problems
            reading = time.monotonic() - began
            result = build(root, root / "site", strict=True)
            figures = site_figures(root / "site")
            rows.append((count, result.seconds, result.peak_mb, reading, figures.largest[0]))
            print(f"  {count} members: {result.seconds:.1f} s, {result.peak_mb:,.0f} MB, "
                  f"reading {reading:.1f} s", flush=True)
        entry = 0
        if not args.no_member_site:
            copy_site_files(member)
            build(member, member / "site", strict=True)
            entry = index_entry_bytes(member / "site")
    lines = [
        "# Benchmark: a portal over many member sites",
        "",
        f"Run by `bench/portal.py` on {datetime.date.today().isoformat()}, this machine "
        f"(shared; whole run {(time.monotonic() - started) / 60:.1f} min, load average at the end "
        f"{os.getloadavg()[1]:.1f} on {os.cpu_count()} cores). Every member publishes "
        f"the data of `plansite synth --tasks 5000 --departments 300 --indicators 2000 --seed 1` "
        f"({size_mb:.1f} MB of data.json), read from a local copy as a CI matrix's portal job "
        "reads its groups' artifacts.",
        "",
        "| members | tasks in all | portal build | peak memory | reading the members' data | largest page |",
        "|---:|---:|---:|---:|---:|---|",
        *(f"| {count} | {count * BASE_SIZE['tasks']:,} | {seconds:.1f} s | {peak:,.0f} MB | "
          f"{reading:.1f} s | {largest[0]} ({largest[1] / 1024:.0f} KB) |"
          for count, seconds, peak, reading, largest in rows),
    ]
    if entry:
        lines += ["", f"A member of 1x adds {entry / 1024:.0f} KB (its index's entry and metadata) "
                  "to what the portal's first search loads, then the chunks the query needs."]
    text = "\n".join(lines) + "\n"
    (ROOT / "bench" / "portal-results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
