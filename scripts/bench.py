#!/usr/bin/env python3
"""Benchmarks that print figures (never asserted in tests): checking and building N items.

Usage: python scripts/bench.py [--items 100 1000 3000] [--repeat 3] [--no-site]      (also: make bench)

Phases: load + check (best of --repeat), then a full site build (MkDocs --strict + Pagefind) of the same
synthetic content in a temporary copy of the project.
"""
from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import shutil  # noqa: E402

from build import build  # noqa: E402
from synthetic import write_synthetic_content  # noqa: E402
from zensical_build import generate  # noqa: E402

from common import copy_project  # noqa: E402
from leerlandschap.loader import check_content  # noqa: E402


def site_build(content: Path, workdir: Path) -> tuple[dict, int]:
    """Build the site of `content` in a copy of the project; returns phase timings and the page count."""
    copy_project(workdir, content)
    timings: dict = {}
    if build(workdir / "site", workdir / "mkdocs.yml", timings) != 0:
        raise SystemExit("build failed")
    return timings, sum(1 for _ in (workdir / "site").rglob("index.html"))


def best_of(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def baseline_build(workdir: Path) -> float:
    """The same pages as plain Markdown files built by plain Material (no macros, no hooks, no generation)."""
    import subprocess

    import yaml

    config_path = generate(workdir, workdir / "baseline")  # every page written out as a Markdown file
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config.update({"plugins": [], "strict": False, "extra": {}})
    config["theme"] = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_path)], check=True,
                   cwd=config_path.parent, env=dict(__import__("os").environ, NO_MKDOCS_2_WARNING="1"))
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-site", action="store_true", help="only load + check, no site builds")
    parser.add_argument("--no-browser", action="store_true", help="skip page weight, search weight and serve reload")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"best of {args.repeat}")
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for n in args.items:
            content = write_synthetic_content(Path(tmp) / f"content-{n}", n)
            files = sum(1 for _ in content.rglob("*.yml"))

            def check(content=content):
                _model, problems = check_content(content)
                assert not problems, problems[:3]

            seconds = best_of(args.repeat, check)
            results[n] = seconds
            print(f"load + check {n:>5} items ({files} files): {seconds:6.3f} s  ({files / seconds:,.0f} files/s)")
        if 1000 in results and 3000 in results:
            print(f"growth 1000 -> 3000 items (check): {results[3000] / results[1000]:.2f}x")
        if args.no_site:
            return 0
        totals = {}
        for n in args.items:
            workdir = Path(tmp) / f"project-{n}"
            timings, pages = site_build(Path(tmp) / f"content-{n}", workdir)
            totals[n] = sum(timings.values())
            print(f"site {n:>5} items, {pages:>5} pages: check {timings['controle']:.2f} s, mkdocs {timings['mkdocs']:.2f} s, "
                  f"pagefind {timings['zoekindex']:.2f} s, total {totals[n]:.2f} s ({pages / totals[n]:,.0f} pages/s)")
            plain = baseline_build(workdir)
            print(f"      baseline: the same pages as plain Material Markdown {plain:.2f} s; "
                  f"our MkDocs phase is {timings['mkdocs'] / plain:.2f}x that")
            if n == 1000 and not args.no_browser:
                from bench_browser import serve_reload_seconds, transfer_sizes

                view, search = transfer_sizes(workdir / "site", "bouwstenen/bouwsteen-1/", "bestuurders")
                print(f"first view of a bouwsteen page (HTML+CSS+JS, gzipped): {view / 1024:.0f} KB; "
                      f"first search (gzipped): {search / 1024:.0f} KB")
                reload = serve_reload_seconds(workdir, "praktijken/praktijk-1/", workdir / "content" / "praktijken" / "praktijk-1.yml")
                print(f"make serve with {n} items: page updated {reload:.1f} s after saving a content file")
            shutil.rmtree(workdir)
        if 1000 in totals and 3000 in totals:
            print(f"growth 1000 -> 3000 items (site): {totals[3000] / totals[1000]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
