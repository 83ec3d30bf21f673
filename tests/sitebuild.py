"""Fixture sites for tests: a complete project (mkdocs.yml + content) in a temp dir, built for real."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from common import copy_project as make_project  # noqa: F401  (the same copy the benchmarks use; pytest puts scripts/ on the path)

ROOT = Path(__file__).resolve().parent.parent


def build(project: Path, site: Path | None = None, epoch: str = "1790000000") -> subprocess.CompletedProcess:
    """Run the real build (check, MkDocs --strict, Pagefind, swap) of a fixture project."""
    site = site or project / "site"
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch)
    return subprocess.run([sys.executable, str(project / "scripts" / "build.py"), "--config", str(project / "mkdocs.yml"),
                           "--site", str(site)], cwd=project, env=env, capture_output=True, text=True)


def without_search(project: Path) -> Path:
    """The project's mkdocs.yml with the plugin option `zoeken: false`: no Pagefind index (about a quarter of a small
    site's build), for a project whose tests never read its search index."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - leerlandschap " in text
    config.write_text(text.replace("\n  - leerlandschap ", "\n  - leerlandschap:\n      zoeken: false\n  #", 1), encoding="utf-8")
    return project
