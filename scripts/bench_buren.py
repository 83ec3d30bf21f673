#!/usr/bin/env python3
"""Benchmark (prints figures, asserts nothing): a site build with five neighbours of 1000 items each.

Usage: python scripts/bench_buren.py [--neighbours 5] [--items 1000] [--repeat 3]

The neighbours' open data is exported by the kit itself (opendata.py) from synthetic content (synthetic.py),
with its bouwstenen mapped onto the national ones so every item lands on a real bouwsteen page, and served
on 127.0.0.1, each by its own server. Our site is the example content; the target of issue #14 is that the
build with neighbours takes at most twice the build without.
"""
from __future__ import annotations

import argparse
import functools
import json
import platform
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from common import copy_project
from leerlandschap.buren import FILES
from leerlandschap.loader import load_content
from leerlandschap.opendata import open_data_documents
from synthetic import write_synthetic_content

ROOT = Path(__file__).resolve().parent.parent

READ_SHARE = 0.7  # synthetic.py: 30% of its items are bouwstenen, which a neighbour's page never reads


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def neighbour_data(folder: Path, items: int, workdir: Path) -> int:
    """Write data/<file>.json for one synthetic neighbour; returns the number of items in the four files read."""
    national = sorted(p.stem for p in (ROOT / "content" / "bouwstenen").glob("*.yml"))
    mapped = lambda ref: national[(int(ref.split("-")[1]) - 1) % len(national)]  # synthetic.py: bouwsteen-(i+1) copies i
    content = write_synthetic_content(workdir / "synthetic" / "content", round(items / READ_SHARE))
    for meeting in content.glob("tafels/*/*.yml"):  # meetings copied from the example tafel follow their own tafel
        data = yaml.safe_load(meeting.read_text(encoding="utf-8"))
        data.pop("bron", None)
        meeting.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    documents = open_data_documents(load_content(content))
    for doc in documents.values():
        for item in doc["items"]:
            if "bouwstenen" in item and isinstance(item["bouwstenen"], list):
                item["bouwstenen"] = [mapped(b) for b in item["bouwstenen"]]
            if "opbrengst" in item:
                item["opbrengst"]["bouwstenen"] = [mapped(b) for b in item["opbrengst"]["bouwstenen"]]
            if "vragen" in item:
                item["vragen"] = [f"{mapped(ref.partition('/')[0])}/{ref.partition('/')[2]}" for ref in item["vragen"]]
    (folder / "data").mkdir(parents=True)
    for name in FILES:
        (folder / "data" / f"{name}.json").write_text(json.dumps(documents[name], ensure_ascii=False), encoding="utf-8")
    return sum(len(documents[name]["items"]) for name in FILES)


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def timed_build(project: Path) -> float:
    """`make site` of the project (scripts/build.py: check, MkDocs with the neighbours, Pagefind), in seconds."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(project / "scripts" / "build.py"), "--config", str(project / "mkdocs.yml"),
                             "--site", str(project / "site")], cwd=project, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stdout}{result.stderr}")
    print("".join(f"  {line}\n" for line in result.stdout.splitlines() if line.startswith("Buren:")), end="")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--neighbours", type=int, default=5)
    parser.add_argument("--items", type=int, default=1000, help="items per neighbour (practices, tafels, meetings, sets)")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind; the best counts")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        shared = tmp / "neighbour"
        count = neighbour_data(shared, args.items, tmp)
        servers = [serve(shared) for _ in range(args.neighbours)]  # one server (and address) per neighbour
        plain = copy_project(tmp / "zonder")
        with_neighbours = copy_project(tmp / "met")
        regio = with_neighbours / "content" / "regio.yml"
        buren = "".join(f"  - naam: Regio {i + 1}\n    adres: {url}\n" for i, (_, url) in enumerate(servers))
        text = regio.read_text(encoding="utf-8")
        assert "\nburen: []\n" in text, "the example region file should say 'buren: []'"
        regio.write_text(text.replace("\nburen: []\n", f"\nburen:\n{buren}"), encoding="utf-8")
        kinds = (("zonder buren", plain), ("met buren", with_neighbours))
        runs: dict[str, list] = {name: [] for name, _ in kinds}
        for _ in range(args.repeat):  # interleaved, so a busy moment of the machine hits both kinds alike
            for name, project in kinds:
                runs[name].append(timed_build(project))
        best = {}
        for name, project in kinds:
            best[name] = min(runs[name])
            pages = sum(1 for _ in (project / "site").rglob("index.html"))
            print(f"site {name:>12}: best {best[name]:6.2f} s of {', '.join(f'{r:.2f}' for r in runs[name])}; {pages} pages")
        for httpd, _ in servers:
            httpd.shutdown()
            httpd.server_close()
    ratio = best["met buren"] / best["zonder buren"]
    print(f"{args.neighbours} neighbours x {count} items read ({args.neighbours * count} in all): "
          f"{ratio:.2f}x the build without neighbours (target: at most 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
