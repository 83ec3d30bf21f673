#!/usr/bin/env python3
"""Build the site with search: check content, MkDocs build (the plugin indexes search alongside), swap into place.

Usage: python scripts/build.py [--site DIR] [--config mkdocs.yml]      (also: make site)

The build happens in a temporary folder next to the target; only a complete build replaces the
old site, so a failed build never leaves a half-written site behind. SOURCE_DATE_EPOCH defaults to
the time of the last commit, which makes two builds of the same commit byte-identical.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import guarded
from leerlandschap.safepaths import UnsafePath, inside, swap_folder
from leerlandschap.woorden import aantal

ROOT = Path(__file__).resolve().parent.parent


def last_commit_time(repo: Path) -> str | None:
    result = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%ct"], capture_output=True, text=True)
    return result.stdout.strip() or None if result.returncode == 0 else None


def build(site: Path, config: Path, timings: dict[str, float] | None = None) -> int:
    timings = {} if timings is None else timings
    project = config.resolve().parent
    try:  # inside the project (or inside the folder given with --site), never through a symlink
        target = Path(os.path.abspath(site))
        site = inside(project if target.is_relative_to(project) else target.parent, target)
    except UnsafePath as error:
        print(f"De site is niet gebouwd: {error}")
        return 1
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if "SOURCE_DATE_EPOCH" not in env and (epoch := last_commit_time(project)):
        env["SOURCE_DATE_EPOCH"] = epoch
    temporary = site.parent / f".site-bouw-{os.getpid()}"
    shutil.rmtree(temporary, ignore_errors=True)
    start = time.perf_counter()
    try:
        # The plugin checks the content as MkDocs starts (one check, not two). If the build fails, the content is
        # checked here again to list its problems the way `make check` does; otherwise MkDocs' own message is shown.
        mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "-f", str(config),
                                 "-d", str(temporary)], env=env, cwd=project, capture_output=True, encoding="utf-8",
                                errors="replace")
        timings["totaal"] = time.perf_counter() - start  # content check, MkDocs and the search index alongside
        if mkdocs.returncode != 0:  # the checker is loaded only now: 0.2 s of every build's start
            from leerlandschap.loader import check_content

            _, problems = check_content(project / "content", Path.cwd() if project.is_relative_to(Path.cwd()) else project,
                                        parallel=True)
            if problems:
                print("\n".join(str(p) for p in problems))
                print(f"\nDe site is niet gebouwd: {aantal(len(problems), 'probleem')} in de inhoud. De vorige site is niet "
                      "veranderd.")
                return 1
        sys.stdout.write(mkdocs.stdout)
        sys.stdout.flush()
        sys.stderr.write(mkdocs.stderr)
        sys.stderr.flush()
        if mkdocs.returncode != 0:
            print("\nDe site is niet gebouwd (zie de melding hierboven). De vorige site is niet veranderd.")
            return 1
        swap_folder(temporary, site)  # the previous site is served until the new one is in place, whole
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    pages = sum(1 for _ in site.rglob("index.html"))
    print(f"Site gebouwd in {site}: {pages} pagina's, met zoekindex.")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description="Bouw de site met zoekfunctie.")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="map voor de gebouwde site (standaard: site/)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args()
    return build(args.site, args.config)


if __name__ == "__main__":
    sys.exit(guarded(main, "de inhoud of de site"))
