"""Screenshots of the site for the README: home, a department and the indicator table, at 375 px
(a phone) and 1280 px (a desktop), written to screenshots/.

Run by ``make screenshots``. It builds the site from this repository's data into a temporary
folder (the developer's site/ is left alone), serves it locally and photographs it in Debian's
chromium.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

from browser_support import launch_browser, serve_folder

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
PAGES = {"home": "", "department": "departments/zhujianwei/", "indicators": "indicators/"}
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}

log = logging.getLogger("screenshots")


def take(site: Path, out: Path = OUT) -> list[Path]:
    """Photograph every page of :data:`PAGES` at every width of :data:`WIDTHS` into ``out``."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve_folder(site) as base, sync_playwright() as playwright:
        browser = launch_browser(playwright)
        try:
            for device, (width, height) in WIDTHS.items():
                context = browser.new_context(locale="zh-CN", viewport={"width": width,
                                                                       "height": height},
                                              is_mobile=device == "phone")
                page = context.new_page()
                for name, url in PAGES.items():
                    page.goto(base + url, wait_until="networkidle")
                    path = out / f"{name}-{width}.png"
                    page.screenshot(path=str(path))
                    written.append(path)
                    log.info("wrote %s", path.relative_to(ROOT))
                context.close()
        finally:
            browser.close()
    return written


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from plansite.adapter.build import build_site

    with tempfile.TemporaryDirectory(prefix="plansite-shots-") as temp:
        site = Path(temp) / "site"
        code, output = build_site(ROOT, site)
        if code != 0:
            sys.stderr.write(output)
            return code
        take(site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
