"""Serve a folder over HTTP and drive Debian's chromium through Playwright.

Shared by the pytest fixtures in ``conftest.py`` and by scripts in this folder
(``screenshots.py``) that run outside pytest. Playwright's own browser
downloads are never used: the browser is the system chromium, so nothing
beyond the package registries is fetched.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import logging
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

log = logging.getLogger(__name__)

DEFAULT_BROWSER = "/usr/bin/chromium"

# Flags that keep chromium quiet and self-contained: no sandbox (we run as root
# in CI), no GPU, and no background traffic to anything but our own server.
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def in_ci() -> bool:
    """Whether we run under continuous integration, where browser tests must not skip."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def browser_executable() -> Path:
    """The chromium binary to drive: ``$PLANSITE_BROWSER`` or Debian's ``/usr/bin/chromium``."""
    return Path(os.environ.get("PLANSITE_BROWSER") or DEFAULT_BROWSER)


def launch_browser(playwright: Playwright) -> Browser:
    """Start the system chromium headless with the flags above."""
    return playwright.chromium.launch(
        executable_path=str(browser_executable()), headless=True, args=BROWSER_ARGS)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler that logs through ``logging`` instead of stderr and never caches; a
    test that serves with headers of its own subclasses it."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        # Pagefind loads its index as WebAssembly and JS modules; browsers
        # refuse those with a wrong type.
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
    }

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        log.debug("%s %s", self.address_string(), format % args)


class _Server(http.server.ThreadingHTTPServer):
    """A server that says nothing when the browser drops a request it no longer needs (a page
    left while its filter's files still load); every other failure is printed as usual."""

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_folder(folder: Path, handler_class: type = QuietHandler) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port; yields the base URL ending in ``/``."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {folder}", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
