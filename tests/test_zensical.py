"""The successor path: generated pages in a folder, a config without hooks, and (where installable) Zensical."""
import os
import subprocess
import sys

import pytest
import yaml

from htmltools import parse_file
from sitebuild import ROOT, build, make_project

sys.path.insert(0, str(ROOT / "scripts"))
from zensical_build import generate


def article(path):
    return next(a for a in parse_file(path).find_all("article") if a.has_class("ll-item")).all_text()


def test_generated_folder_builds_without_hooks_and_matches_the_normal_site(tmp_path):
    project = make_project(tmp_path / "project")
    config = generate(project, tmp_path / "zensical")
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert "hooks" not in settings and settings["site_name"] == "Leerlandschap Flevoland"
    assert (tmp_path / "zensical" / "docs" / "bouwstenen" / "coordineer-het-leren.md").is_file()
    assert (tmp_path / "zensical" / "docs" / "agenda" / "alle-tafels.ics").is_file()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1790000000")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)],
                            cwd=config.parent, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert build(project).returncode == 0
    page = "bouwstenen/coordineer-het-leren/index.html"
    assert article(config.parent / "site" / page) == article(project / "site" / page)


def test_zensical_builds_the_site():
    pytest.importorskip("zensical", reason="Zensical is not installable here (its zensical-ui package is missing)")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "zensical_build.py")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (ROOT / "build" / "zensical" / "site" / "bouwstenen" / "coordineer-het-leren" / "index.html").is_file()
