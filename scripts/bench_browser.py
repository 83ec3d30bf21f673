"""Browser-side figures for scripts/bench.py: bytes of a first page view and a first search, and serve reload time."""
from __future__ import annotations

import functools
import gzip
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import cast
from urllib.parse import urlsplit

import yaml

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class _Quiet(SimpleHTTPRequestHandler):
    # Keep connections open, as every static host does (Python's default, HTTP/1.0, opens one per file), and send
    # each answer at once, as static hosts do on such connections (nginx: tcp_nodelay on). Without that, Nagle's
    # algorithm holds back the body of a small file until the browser acknowledges the headers: 40 ms per file.
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass


def _gzipped(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6, mtime=0))  # what a server with gzip on would send


def transfer_sizes(site: Path, page_path: str, query: str, listing: list[tuple[str, int]] | None = None) -> tuple[int, int]:
    """(first view of `page_path` in KB-bytes gzipped: HTML+CSS+JS, first search for `query` gzipped).
    `listing`, when given, receives (path, gzipped bytes) of every file the first search loaded."""
    from playwright.sync_api import sync_playwright

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            responses = []
            page.on("response", lambda r: responses.append(r))
            page.goto(base + page_path, wait_until="networkidle")
            first_view = sum(_gzipped(r.body()) for r in responses
                             if r.ok and r.request.resource_type in ("document", "stylesheet", "script"))
            # search loads nothing until the first search: no Pagefind file and no vocabulary on a normal page
            assert not [r.url for r in responses if "/pagefind/" in r.url], "search files loaded before a search"
            page.get_by_role("searchbox", name="Zoek op deze site").fill(query)
            responses.clear()
            page.keyboard.press("Enter")
            page.locator("#ll-resultaten li").first.wait_for()
            page.wait_for_load_state("networkidle")
            loaded = [(r.url.removeprefix(base), _gzipped(r.body())) for r in responses
                      if r.ok and ("/pagefind/" in r.url or r.url.endswith("zoeken.js"))]
            search = sum(size for _, size in loaded)
            if listing is not None:
                listing.extend(loaded)
            browser.close()
    finally:
        httpd.shutdown()
    return first_view, search


KEYSTROKES = """async (query) => {
  const input = document.querySelector("#ll-zoekveld");
  const list = document.querySelector("#ll-resultaten");
  const times = [];
  let previous = "";
  for (let i = 1; i <= query.length; i++) {
    const typed = query.slice(0, i);
    if (!typed.trim() || typed.trim() === previous) continue;
    previous = typed.trim();
    const start = performance.now();
    input.value = typed;
    input.dispatchEvent(new Event("input"));
    await new Promise((done) => {
      const check = () => (list.dataset.query === typed.trim() ? done() : requestAnimationFrame(check));
      check();
    });
    times.push(performance.now() - start);
  }
  return times;
}"""


def keystroke_ms(site: Path, queries: list[str], typings: int = 1) -> list[list[float]]:
    """Milliseconds from each keystroke in the search page's field until its results are on the page, typing
    `queries` letter by letter (the first search of the page, with its downloads, included): one list per typing,
    each on a freshly opened search page with nothing kept from the typing before (a new browser context)."""
    from playwright.sync_api import sync_playwright

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    typed: list[list[float]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for _ in range(typings):
                page = browser.new_page()  # a context of its own: no cache, no connections from the typing before
                page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/zoeken/")
                page.wait_for_function("document.querySelector('#ll-zoekstatus').textContent.length > 0")
                times: list[float] = []
                for query in queries:
                    times += page.evaluate(KEYSTROKES, query)
                typed.append(times)
                page.close()
            browser.close()
    finally:
        httpd.shutdown()
    return typed


def serve_reload_seconds(project: Path, page_path: str, content_file: Path) -> float:
    """Seconds from saving a content file until `make serve` (mkdocs serve --dirty) serves the changed page."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"],
                               cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # mkdocs serve serves under the path of the site's address (the region file's, else mkdocs.yml's)
    site_url = yaml.safe_load((project / "content" / "regio.yml").read_text(encoding="utf-8")).get("site", {}).get("adres") \
        or yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    url = f"http://127.0.0.1:{port}{urlsplit(site_url).path.rstrip('/')}/{page_path}"

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return cast(bytes, response.read()).decode("utf-8")  # typeshed leaves urlopen's result untyped
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 300
        while not fetch() and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(2)  # let the watcher settle
        data = yaml.safe_load(content_file.read_text(encoding="utf-8"))
        data["samenvatting"] = "Bewerkt in de meting. " + data["samenvatting"]
        content_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        start = time.monotonic()
        while "Bewerkt in de meting" not in fetch():
            if time.monotonic() - start > 300:
                return float("inf")
            time.sleep(0.05)
        return time.monotonic() - start
    finally:
        process.terminate()
        process.wait(timeout=30)
