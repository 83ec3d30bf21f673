"""Packaging by the book: `pip install .` into a clean venv gives a working `mkdocs build` with the plugin.

Decision: the venv is really clean (no --system-site-packages, no reuse of .venv): pip resolves the runtime
dependencies from pyproject.toml through the package index, as a region's web team would. pip's cache keeps this
at about 35 s on the development machine; the first run on a new machine downloads about 40 MB once. The project
is installed from a copy of its committed-style tree (not editable), and the build runs where only the installed
package can be imported: the `mkdocs` command of the venv does not put the working directory on sys.path.
"""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from htmltools import parse_file

pytestmark = pytest.mark.build  # installs the project into a fresh venv (seconds to minutes)

SKIP = shutil.ignore_patterns(".git", ".venv", "site", ".site-*", "build", "__pycache__", ".pytest_cache", "node_modules",
                              "*.egg-info")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("packaging")
    project = tmp / "leerlandschap"
    shutil.copytree(ROOT, project, ignore=SKIP)
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    result = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(project)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, venv


def test_the_installed_package_carries_its_templates_and_schemas(installed, tmp_path):
    _, venv = installed
    probe = ("import leerlandschap.render as r, leerlandschap.schemas as s, leerlandschap_mkdocs.plugin as p;"
             "print(r.TEMPLATES); print(s.SCHEMA_DIR); print(p.__file__)")
    out = subprocess.run([str(venv / "bin" / "python"), "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True)
    templates, schemas, plugin = out.stdout.splitlines()
    for path in (templates, schemas, plugin):
        assert str(venv) in path, path  # from the venv, not from the source tree
    assert os.path.isfile(os.path.join(templates, "bouwsteen.html"))
    assert os.path.isfile(os.path.join(schemas, "regio.schema.json"))
    assert os.path.isfile(os.path.join(schemas, "export", "regio.schema.json"))
    # The test and lint tools are optional groups, not runtime dependencies.
    listed = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "list", "--format=freeze"], capture_output=True,
                            text=True, check=True).stdout.lower().replace("_", "-")
    assert "mkdocs-material==" in listed and "pagefind-bin-extended==" in listed
    assert not [tool for tool in ("pytest==", "ruff==", "mypy==", "playwright==") if tool in listed]


def test_mkdocs_build_in_a_clean_venv_gives_the_whole_site(installed):
    project, venv = installed
    env = dict(os.environ, SOURCE_DATE_EPOCH="1790000000", NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONPATH", None)
    result = subprocess.run([str(venv / "bin" / "mkdocs"), "build", "--strict"], cwd=project, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    page = parse_file(site / "bouwstenen" / "coordineer-het-leren" / "index.html")
    assert "Coördineer het leren" in page.find_all("h1")[0].all_text()
    assert (site / "pagefind" / "pagefind.js").is_file()  # the search index, by the plugin
    assert (site / "data" / "schemas" / "export" / "regio.schema.json").is_file()
    footer = next(e for e in parse_file(site / "index.html").find_all("footer"))
    assert "Voor de inhoud is geen open licentie gegeven." in footer.all_text()
