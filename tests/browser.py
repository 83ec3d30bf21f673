"""Headless Chromium (Debian's, driven by Playwright) against a built site served on 127.0.0.1."""
from __future__ import annotations

import functools
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The tests drive Debian's chromium-headless-shell when it is installed (.ci/run installs it): the same Chromium
# version, in the headless build Playwright itself uses for headless runs. A fresh context and a page load cost about
# a quarter of the CPU of the full browser's headless mode (24 loads: 4.5 s against 17 s). Without it: the full browser.
# make screenshots keeps the full browser (CHROMIUM), so the pictures in handleiding/ do not change with this choice.
TEST_CHROMIUM = shutil.which("chromium-headless-shell") or CHROMIUM
# Without these flags Chromium tries Google's services at start-up; the machine has no network for that.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps"]


def on_search_page(url: str, served: str) -> bool:
    """True when `url` is the site's search page with at most a query in its address: no filter, no anchor. A test
    may type its query there instead of opening the page again (test_browser_search.search), as a reader types one
    query after another. Opening it costs Chromium about half a second of CPU (Pagefind's engine and the search that
    warms it up, docs/assets/zoeken/50-zoeken.js): about 100 of the 176 core-seconds of the 136 search tests."""
    parts = urlsplit(url)
    return (parts._replace(query="", fragment="").geturl() == served + "zoeken/" and not parts.fragment
            and all(key == "q" for key, _ in parse_qsl(parts.query, keep_blank_values=True)))


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


class QuietServer(ThreadingHTTPServer):
    """A test's HTTP server that does not print a client hanging up as an error."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A page that moves on (the next search, the next test) cancels what it was still loading, and a neighbour's
        # reader gives up on a slow answer: the client hangs up, which is no error. Anything else is printed as usual.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class SiteServer:
    """Serves a folder on a free port of 127.0.0.1 until stopped."""

    def __init__(self, directory: Path):
        self.httpd = QuietServer(("127.0.0.1", 0), _handler(str(directory)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def hold_the_clock(page: Any) -> None:
    """Stops the page's time (after `page.clock.install()` and a loaded page) until the test moves it on. An
    installed clock alone keeps running with the wall clock: on a busy machine the half second a reader pauses then
    passes by itself between two steps of a test (CI of stop 37). The clock stops a second ahead, because Playwright
    refuses a time that has already passed when the call arrives."""
    page.clock.pause_at(page.evaluate("Date.now()") / 1000 + 1)  # Playwright for Python counts in seconds


def move_the_clock_until(page: Any, condition: str, arg: Any = None, *, under_ms: int = 500, step_ms: int = 50) -> None:
    """With the clock held: waits until the JavaScript function `condition` holds in the page, moving the page's time
    on by `step_ms` whenever it does not yet (Pagefind waits for its engine 50 ms at a time). Fails before `under_ms`
    of the page's time have passed: "before the reader pauses" stays true on a slow machine too."""
    moved = 0
    while True:
        try:
            page.wait_for_function(condition, arg=arg, polling=50, timeout=3000)
            return
        except PlaywrightTimeoutError:
            if moved + step_ms >= under_ms:
                raise AssertionError(f"not true within {moved} ms of the page's time: {condition} ({arg!r})") from None
            page.clock.run_for(step_ms)
            moved += step_ms


# The longest a browser test waits for one thing, in ms: the machine running the tests may be busy (and /beheer/ has
# 2 MB of editor to parse).
WAIT = 20_000


T = TypeVar("T")
# An animation or transition that ends (a message of the editor fading in or out, a menu opening): axe reads the colours
# as they are at that moment, and half-way through a fade a text is paler than before and after it. A clean-clone run
# once failed on the contrast of the editor's message "Back-up van het concept hersteld" (.alert), which comes and
# goes while the coordinator works; it passes at rest. Endless animations (a spinner) never end and do not count.
MOVING = """() => document.getAnimations().some(animation => animation.playState === 'running'
    && animation.effect && animation.effect.getComputedTiming().endTime !== Infinity)"""
# While a check runs: note each frame whether something moves (the message's own timer may start its fade then).
WATCH = f"""() => {{ window.llBewogen = false; window.llKijk = true;
    const look = () => {{ if (({MOVING})()) window.llBewogen = true; if (window.llKijk) requestAnimationFrame(look); }};
    requestAnimationFrame(look); }}"""
WATCHED = "() => { window.llKijk = false; return window.llBewogen; }"


def at_rest(page: Any, check: Callable[[], T]) -> T:
    """check() (an axe run) on the page at rest: once no animation that ends still runs (waited for, at most WAIT),
    and again when something began to move while it ran (at most three runs)."""
    for _ in range(3):
        page.wait_for_function(f"() => !({MOVING})()", polling=50, timeout=WAIT)
        page.evaluate(WATCH)
        try:
            result = check()
        finally:
            moved = page.evaluate(WATCHED)
        if not moved:
            break
    return result


def until(page: Any, condition: Callable[[], object], what: str, wait_ms: int = WAIT) -> None:
    """Let the page run until condition() holds (checked every 50 ms), at most `wait_ms`: a wait for the thing itself,
    not a fixed pause, which a busy machine can outlast."""
    deadline = time.monotonic() + wait_ms / 1000
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        page.wait_for_timeout(50)
