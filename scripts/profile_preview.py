#!/usr/bin/env python3
"""Profile what `make serve` does after one save: the same MkDocs dirty rebuild, in this process, under cProfile.

Usage: python scripts/profile_preview.py [--items 1000] [--saves 3] [--top 40]

Builds a temporary project with N synthetic items once (as the preview's first build), then edits one praktijk
`--saves` times and rebuilds after each edit as `mkdocs serve --dirty` does. Prints the CPU seconds of each save
(CPU time, not wall time, so a busy machine inflates it less): of the build itself (the thread the page waits for),
and of the whole process (with the search index and data files a save starts in the background after its page);
then the functions of the last save by cumulative time.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from common import copy_project
from leerlandschap.kinds import PRAKTIJK
from synthetic import write_synthetic_content


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--plain", action="store_true", help="CPU seconds of each save without the profiler (its cost)")
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project", write_synthetic_content(Path(tmp) / "content", args.items))
        os.chdir(project)
        url = "http://127.0.0.1:8000/leerlandschap/"

        def rebuild(first: bool = False) -> None:
            config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(Path(tmp) / "site"), strict=False)
            if first:
                config.plugins.on_startup(command="serve", dirty=True)
            config.site_url = url
            build(config, serve_url=url, dirty=True)

        rebuild(first=True)
        path = project / "content" / PRAKTIJK.folder / "praktijk-1.yml"
        profile = cProfile.Profile(time.process_time)
        for save in range(args.saves):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data["samenvatting"] = f"Bewerking {save}. " + data["samenvatting"]
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            profile = cProfile.Profile(time.process_time)
            start, own, wall = time.process_time(), time.thread_time(), time.perf_counter()
            rebuild() if args.plain else profile.runcall(rebuild)
            print(f"save {save + 1}: {time.thread_time() - own:.2f} s CPU of the build, {time.process_time() - start:.2f} s "
                  f"of the process, {time.perf_counter() - wall:.2f} s wall")
            time.sleep(2)  # the background work of this save, before the next
        if not args.plain:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
