"""Headless Chromium (Debian's, driven by Playwright) against a built site served on 127.0.0.1."""
from __future__ import annotations

import functools
import os
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The tests drive Debian's chromium-headless-shell when it is installed (.ci/run installs it): the same Chromium
# version, in the headless build Playwright itself uses for headless runs. A fresh context and a page load cost about
# a quarter of the CPU of the full browser's headless mode (24 loads: 4.5 s against 17 s). Without it: the full browser.
# make screenshots keeps the full browser (CHROMIUM), so the pictures in handleiding/ do not change with this choice.
TEST_CHROMIUM = shutil.which("chromium-headless-shell") or CHROMIUM
# Without these flags Chromium tries Google's services at start-up; the machine has no network for that.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps"]


def require_chromium() -> None:
    if not Path(TEST_CHROMIUM).exists():
        if os.environ.get("CI"):  # CI installs chromium (.ci/run); missing there is a failure, not a skip
            pytest.fail("chromium is not installed")
        pytest.skip("chromium is not installed (apt-get install chromium)")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@functools.cache
def _handler(directory: str):
    return functools.partial(_QuietHandler, directory=directory)


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A page that moves on (the next search, the next test) cancels what it was still loading: the browser
        # hangs up, which is no error of the site. Anything else is printed as usual.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class SiteServer:
    """Serves a folder on a free port of 127.0.0.1 until stopped."""

    def __init__(self, directory: Path):
        self.httpd = _Server(("127.0.0.1", 0), _handler(str(directory)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
