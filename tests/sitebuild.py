"""Fixture sites for tests: a complete project (mkdocs.yml + content) in a temp dir, built for real."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "macros", "leerlandschap", "schemas", "scripts"]


def make_project(dest: Path, content: Path = ROOT / "content") -> Path:
    """Copy the project's site machinery to `dest` with `content` as its content folder."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, dest / part)
    shutil.copytree(content, dest / "content")
    return dest


def build(project: Path, site: Path | None = None, epoch: str = "1790000000") -> subprocess.CompletedProcess:
    """Run the real build (check, MkDocs --strict, Pagefind, swap) of a fixture project."""
    site = site or project / "site"
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch)
    return subprocess.run([sys.executable, str(project / "scripts" / "build.py"), "--config", str(project / "mkdocs.yml"),
                           "--site", str(site)], cwd=project, env=env, capture_output=True, text=True)
