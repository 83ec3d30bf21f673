"""Judged search benchmark: the queries in tests/data/zoekvragen.yml through the real search page in Chromium.

Prints success@1, success@3, MRR and queries without result, per kind of query, for this site's search
(Pagefind with our query understanding, /zoeken/) and for Material for MkDocs' built-in lunr search on the
same pages. For lunr the same project is built with Material's `search` plugin into a temporary folder and its
search worker (the one Material's search box talks to) is driven in the same Chromium with the same queries.

Usage: python scripts/zoekkwaliteit.py [--site site] [--zonder-lunr] [--details] [--vragen file.yml]
"""
from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast

import yaml
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "data" / "zoekvragen.yml"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
TOP = 10


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The site at http://127.0.0.1:<port>/ (Pagefind needs http, not file://)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def load_queries(path: Path = QUERIES) -> list[dict[str, Any]]:
    return cast(list[dict[str, Any]], yaml.safe_load(path.read_text(encoding="utf-8")))


# The search page has answered `q` for good: not while a word being typed waits for its next letter (zoeken.js).
ANSWERED = "q => { const l = document.querySelector('#ll-resultaten'); return l.dataset.query === q && !l.dataset.wacht; }"


def ours(page: Page, base: str, queries: list[str]) -> list[list[str]]:
    """Result URLs (from the site root) of our search page, typed into its field one query after another."""
    page.goto(base + "zoeken/")
    page.wait_for_function("document.querySelector('#ll-zoekstatus').textContent.length > 0")
    ranked = []
    for query in queries:
        page.fill("#ll-zoekveld", query)
        page.wait_for_function(ANSWERED, arg=query.strip())
        hrefs = page.eval_on_selector_all("#ll-resultaten li > a", "links => links.map(a => a.href)")
        ranked.append([href.removeprefix(base).split("#")[0] for href in hrefs[:TOP]])  # a part of a page is that page
    return ranked


LUNR = """async ([worker, queries]) => {
  const index = await (await fetch("search/search_index.json")).json();
  const w = new Worker(worker);
  const ask = (message) => new Promise((resolve) => { w.onmessage = (e) => resolve(e.data); w.postMessage(message); });
  await ask({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  const out = [];
  for (const q of queries) {
    const answer = await ask({ type: 2, data: q });
    const urls = [];
    for (const group of (answer.data && answer.data.items) || []) {
      const url = group[0].location.split("#")[0];
      if (!urls.includes(url)) urls.push(url);
    }
    out.push(urls);
  }
  w.terminate();
  return out;
}"""


def lunr(page: Page, base: str, site: Path, queries: list[str]) -> list[list[str]]:
    """Result URLs of Material's lunr search worker for the same queries."""
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    page.goto(base)
    found = page.evaluate(LUNR, [f"assets/javascripts/workers/{worker.name}", queries])
    return [[url.removeprefix("./") for url in urls[:TOP]] for urls in found]


def build_lunr_site(dest: Path) -> Path:
    """The same project built with Material's built-in search (lunr) instead of Pagefind."""
    from common import copy_project  # scripts/ is on the path: this script runs from there

    project = copy_project(dest / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - leerlandschap ", "  - search:\n      lang: nl\n  - leerlandschap:\n      zoeken: false\n  #", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(dest / "site")],
                   cwd=project, check=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    return dest / "site"


def scores(judged: list[dict[str, Any]], ranked: list[list[str]]) -> dict[str, dict[str, float]]:
    """Per kind and overall: success@1, success@3, MRR (first good result in the top 10), queries without result."""
    groups: dict[str, list[tuple[dict[str, Any], list[str]]]] = defaultdict(list)
    for item, urls in zip(judged, ranked, strict=True):
        groups[item["soort"]].append((item, urls))
        groups["alle"].append((item, urls))
    table = {}
    for kind, rows in groups.items():
        ranks = [next((i + 1 for i, url in enumerate(urls) if url in item["goed"]), None) for item, urls in rows]
        table[kind] = {"n": len(rows), "s@1": sum(r == 1 for r in ranks) / len(rows),
                       "s@3": sum(r is not None and r <= 3 for r in ranks) / len(rows),
                       "mrr": sum(1 / r for r in ranks if r) / len(rows),
                       "leeg": sum(not urls for _, urls in rows)}
    return table


def report(name: str, table: dict[str, dict[str, float]]) -> str:
    lines = [f"{name}", f"  {'soort':<10} {'n':>3} {'succes@1':>9} {'succes@3':>9} {'MRR':>6} {'zonder resultaat':>17}"]
    for kind in sorted(table, key=lambda k: (k == "alle", k)):
        row = table[kind]
        lines.append(f"  {kind:<10} {row['n']:>3} {row['s@1']:>9.2f} {row['s@3']:>9.2f} {row['mrr']:>6.2f} {row['leeg']:>17}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--zonder-lunr", action="store_true", help="alleen onze zoekfunctie meten")
    parser.add_argument("--details", action="store_true", help="toon per vraag de eerste drie resultaten")
    parser.add_argument("--vragen", type=Path, default=QUERIES, help="een ander bestand met beoordeelde zoekvragen")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    judged = load_queries(args.vragen)
    queries = [item["q"] for item in judged]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        with served(args.site) as base:
            ranked = ours(page, base, queries)
        print(report("Deze zoekfunctie (Pagefind + zoekhulp)", scores(judged, ranked)))
        if args.details:
            for item, urls in zip(judged, ranked, strict=True):
                good = next((i + 1 for i, url in enumerate(urls) if url in item["goed"]), "-")
                print(f"    [{good}] {item['q']!r}: {urls[:3]}")
        if not args.zonder_lunr:
            with tempfile.TemporaryDirectory(prefix="zoekkwaliteit-lunr-") as temp:
                site = build_lunr_site(Path(temp))
                with served(site) as base:
                    print(report("Material lunr (ingebouwde search-plugin)", scores(judged, lunr(page, base, site, queries))))
        browser.close()
    print(json.dumps({"vragen": len(judged)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
