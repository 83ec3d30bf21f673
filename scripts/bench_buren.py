#!/usr/bin/env python3
"""Benchmark (prints figures): a site build with 17 neighbours, of which 2 trickle and 1 floods.

Usage: python scripts/bench_buren.py [--good 14] [--items 300] [--flood 100000] [--repeat 2]   (also: make bench-buren)

The well-behaved neighbours' open data is exported by the kit itself (opendata.py) from synthetic content
(synthetic.py), with its bouwstenen mapped onto the national ones so every item lands on a real bouwsteen page.
Two neighbours trickle (headers at once, then a byte every half second, for ever); one serves 100,000 valid items.
All are served on 127.0.0.1, the slow ones listed first. Measured, best of --repeat rounds: a build without
neighbours; a cold build (no copies under build/buren/); `make buren`; `make site` right after `make buren`.
The target of issue #19: the build's extra time stays under the budget of one neighbour (10 s), every
well-behaved neighbour appears, and the peak memory is reported. Exit code 1 when a well-behaved one is missing.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from common import copy_project
from leerlandschap.buren import load as load_buren
from leerlandschap.buren_fetch import FILES, Limits
from leerlandschap.kinds import BOUWSTEEN, PRAKTIJK, TAFEL
from leerlandschap.loader import load_content
from leerlandschap.opendata import open_data_documents
from leerlandschap.urls import item_url
from synthetic import write_synthetic_content

ROOT = Path(__file__).resolve().parent.parent

READ_SHARE = 0.7  # synthetic.py: 30% of its items are bouwstenen, which a neighbour's page never reads


def neighbour_data(folder: Path, items: int, workdir: Path) -> int:
    """Write data/<file>.json for one synthetic neighbour; returns the number of items in the four files read."""
    national = sorted(p.stem for p in (ROOT / "content" / BOUWSTEEN.folder).glob("*.yml"))
    mapped: Callable[[str], str] = lambda ref: national[(int(ref.split("-")[1]) - 1) % len(national)]  # synthetic.py: bouwsteen-(i+1) copies i
    content = write_synthetic_content(workdir / "synthetic" / "content", round(items / READ_SHARE))
    for meeting in content.glob(f"{TAFEL.folder}/*/*.yml"):  # meetings copied from the example tafel follow their own tafel
        data = yaml.safe_load(meeting.read_text(encoding="utf-8"))
        data.pop("bron", None)
        meeting.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    documents = open_data_documents(load_content(content))
    for doc in documents.values():
        for item in doc["items"]:
            item["voorbeeldsite"] = False  # a region's own site (synthetic content has the example region's file)
            if isinstance(item.get("bouwstenen"), list):  # the field (praktijk, tafel), not the folder
                item["bouwstenen"] = [mapped(b) for b in item["bouwstenen"]]
            if "opbrengst" in item:
                item["opbrengst"]["bouwstenen"] = [mapped(b) for b in item["opbrengst"]["bouwstenen"]]
            if "vragen" in item:
                item["vragen"] = [f"{mapped(ref.partition('/')[0])}/{ref.partition('/')[2]}" for ref in item["vragen"]]
    (folder / "data").mkdir(parents=True)
    for name in FILES:
        (folder / "data" / f"{name}.json").write_text(json.dumps(documents[name], ensure_ascii=False), encoding="utf-8")
    return sum(len(documents[name]["items"]) for name in FILES)


def flood_data(folder: Path, count: int) -> None:
    """A neighbour that floods: `count` valid practices (small ones) in data/praktijken.json, the other files as given."""
    doc = json.loads((folder / "data" / f"{PRAKTIJK.folder}.json").read_text(encoding="utf-8"))
    real = next(i for i in doc["items"] if not i["voorbeeld"])
    small = {**real, "beschrijving": "Tekst.", "samenvatting": "Kort.", "organisaties": [], "geleerd": []}
    doc["items"] = [{**small, "id": f"p-{n}", "pagina": item_url(PRAKTIJK.name, f"p-{n}")} for n in range(count)]
    (folder / "flood.json").write_text(json.dumps(doc), encoding="utf-8")


class _Neighbours(BaseHTTPRequestHandler):
    """/goed-<n>/data/<file>.json: the shared data; /druppel-<n>/...: a byte every half second; /vloed/: the flood."""

    protocol_version = "HTTP/1.0"
    folder = Path()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        kind, _, rest = self.path.strip("/").partition("/")
        name = rest.rsplit("/", 1)[-1]
        body_file = self.folder / ("flood.json" if kind == "vloed" and name == f"{PRAKTIJK.folder}.json" else f"data/{name}")
        if not body_file.is_file():
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if not kind.startswith("druppel"):
            self.send_header("Content-Length", str(body_file.stat().st_size))
        self.end_headers()
        try:
            with body_file.open("rb") as body:  # streamed: the server's own memory stays out of the figures
                if kind.startswith("druppel"):
                    while byte := body.read(1):
                        self.wfile.write(byte)
                        self.wfile.flush()
                        time.sleep(0.5)
                else:
                    shutil.copyfileobj(body, self.wfile, 64 * 1024)
        except OSError:
            pass  # the reader stopped reading: that is the point


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = type("Neighbours", (_Neighbours,), {"folder": folder})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


# A small process between us and the script: a child's peak memory starts at its parent's size when it is forked,
# and this benchmark holds the flood in memory. The launcher is small, so what it reports is the script's own.
LAUNCHER = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
            "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "print(f'MAXRSS {u.ru_maxrss} {u.ru_utime + u.ru_stime}'); sys.exit(code)")


def run(args: list[str], cwd: Path) -> tuple[float, float, float, str]:
    """Run a script of the project: (seconds, CPU seconds, peak memory in MB, of it and its children; its output)."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", LAUNCHER, sys.executable, *args], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    output, _, usage = result.stdout.rpartition("MAXRSS ")
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{output}{result.stderr}")
    maxrss, cpu = usage.split()
    return seconds, float(cpu), int(maxrss) / 1024, output


def three(figures: list[float]) -> tuple[float, float, float]:
    """(seconds, CPU seconds, peak memory) of a run's figures."""
    seconds, cpu, memory = figures
    return seconds, cpu, memory


def build(project: Path) -> tuple[float, float, float, str]:
    """`make site` of the project (scripts/build.py: check, MkDocs with the neighbours, Pagefind)."""
    return run([str(project / "scripts" / "build.py"), "--config", str(project / "mkdocs.yml"), "--site",
                str(project / "site")], project)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--good", type=int, default=14, help="well-behaved neighbours (besides 2 that trickle and 1 that floods)")
    parser.add_argument("--items", type=int, default=300, help="items per well-behaved neighbour")
    parser.add_argument("--flood", type=int, default=100_000, help="valid items served by the flooding neighbour")
    parser.add_argument("--repeat", type=int, default=2, help="rounds; the best of each kind counts")
    args = parser.parse_args()
    limits = Limits()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        shared = tmp / "neighbour"
        count = neighbour_data(shared, args.items, tmp)
        flood_data(shared, args.flood)
        httpd, url = serve(shared)
        kinds = ["druppel-1", "druppel-2", "vloed"] + [f"goed-{n}" for n in range(1, args.good + 1)]  # the slow ones first
        plain = copy_project(tmp / "zonder")
        with_neighbours = copy_project(tmp / "met")
        regio = with_neighbours / "content" / "regio.yml"
        buren = "".join(f"  - naam: Regio {kind}\n    adres: {url}{kind}/\n" for kind in kinds)
        text = regio.read_text(encoding="utf-8")
        assert "\nburen: []\n" in text, "the example region file should say 'buren: []'"
        regio.write_text(text.replace("\nburen: []\n", f"\nburen:\n{buren}"), encoding="utf-8")
        runs: dict[str, list[tuple[float, float, float]]] = {"zonder buren": [], "koud (geen kopieën)": [], "make buren": [],
                                                        "make site na make buren": []}
        output = ""
        for _ in range(args.repeat):  # interleaved, so a busy moment of the machine hits every kind alike
            *figures, _ = build(plain)
            runs["zonder buren"].append(three(figures))
            shutil.rmtree(with_neighbours / "build", ignore_errors=True)
            *figures, output = build(with_neighbours)
            runs["koud (geen kopieën)"].append(three(figures))
            *figures, _ = run([str(with_neighbours / "scripts" / "buren.py"), "--content", str(with_neighbours / "content")],
                              with_neighbours)
            runs["make buren"].append(three(figures))
            *figures, _ = build(with_neighbours)
            runs["make site na make buren"].append(three(figures))
        regio_data = load_content(with_neighbours / "content").regio
        tracemalloc.start()  # slows Python down a lot: only the memory of this run counts, not its time
        found = load_buren(with_neighbours, regio_data, always=True, say=lambda line: None)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        httpd.shutdown()
        httpd.server_close()
        site = with_neighbours / "site"
        appear = [kind for kind in kinds if kind.startswith("goed")
                  and 'class="ll-kaart"' in (site / "buren" / f"regio-{kind}" / "index.html").read_text(encoding="utf-8")
                  and found and next(b for b in found.buren if b.naam == f"Regio {kind}").items]
    best = {name: min(r[0] for r in results) for name, results in runs.items()}
    cpu = {name: min(r[1] for r in results) for name, results in runs.items()}
    memory = {name: max(r[2] for r in results) for name, results in runs.items()}
    print(f"{len(kinds)} neighbours: 2 trickle (a byte every 0.5 s), 1 floods ({args.flood} valid items), "
          f"{args.good} well-behaved with {count} items each; budget per neighbour {limits.budget:g} s")
    for name in runs:
        print(f"{name:>24}: best {best[name]:6.2f} s of {', '.join(f'{r[0]:.2f}' for r in runs[name])}; "
              f"CPU {cpu[name]:.2f} s; peak memory {memory[name]:.0f} MB")
    for name in ("koud (geen kopieën)", "make site na make buren"):
        extra = best[name] - best["zonder buren"]
        verdict = "under" if extra < limits.budget else "NOT under"
        print(f"extra time of the build, {name}: {extra:+.2f} s ({verdict} the budget of {limits.budget:g} s per neighbour); "
              f"extra CPU {cpu[name] - cpu['zonder buren']:+.2f} s")
    print(f"well-behaved neighbours that appear: {len(appear)} of {args.good}")
    print(f"neighbour phase alone (fetch and read of all 17, as make buren): peak Python memory {peak / 1024 / 1024:.0f} MB "
          "(tracemalloc; peak memory above is the whole process with its children, ru_maxrss)")
    print("what the build said about the neighbours:")
    print("".join(f"  {line}\n" for line in output.splitlines() if line.startswith("Buren:")), end="")
    return 0 if len(appear) == args.good else 1


if __name__ == "__main__":
    sys.exit(main())
