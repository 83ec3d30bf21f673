"""Packaging by the book: the built wheel, installed into a clean venv with only its runtime dependencies, gives a
working `mkdocs build` with the plugin.

Decision (issue 25, test time): the venv is clean (no --system-site-packages, no .venv on its path) and gets the
project as a wheel built from a copy of its committed-style tree, installed by pip without the checkout (not
editable). Its runtime dependencies are not downloaded again: the wheel's own Requires-Dist (what pip would resolve,
extras left out) is followed through the distributions of .venv, each version must satisfy the range the wheel
asks for, and exactly those distributions' files are linked into the clean venv. A runtime dependency missing from
pyproject.toml is then missing in the venv, as with `pip install .`; a test or lint tool there would be a runtime
dependency. The build runs where only the installed package can be imported: `python -P -m mkdocs` does not put the
working directory (the copied tree, with leerlandschap/ in it) on sys.path, like the `mkdocs` command.
"""
import os
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT
from htmltools import parse_file

pytestmark = pytest.mark.build  # builds the project's wheel and a site in a fresh venv (seconds)

_BUILT = shutil.ignore_patterns(".git", ".venv", "site", ".site-*", "build", "__pycache__", ".pytest_cache", "node_modules",
                                "*.egg-info")


def SKIP(folder: str, names: list[str]) -> set[str]:  # noqa: N802 (used like shutil's ignore_patterns)
    """What the copy leaves out: what is built or installed, and a fork's own regio/. In a region's fork the copy is
    the kit as upstream has it; with the fork's regio/ it built the region's site, and a region that chose a licence
    or hid a bouwsteen failed its CI here."""
    return _BUILT(folder, names) | ({"regio"} if Path(folder) == ROOT else set())


def runtime_closure(wheel: Path) -> dict[str, metadata.Distribution]:
    """The distributions of this interpreter that pip would install for the wheel (its Requires-Dist without
    extras, followed through each dependency's own Requires-Dist); a version outside the asked range fails."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        wanted = Parser().parsestr(archive.read(name).decode("utf-8")).get_all("Requires-Dist") or []
    found: dict[str, metadata.Distribution] = {}
    followed: set[tuple[str, str]] = set()  # (distribution, extra) whose requirements are queued already
    queue = [(Requirement(text), "") for text in wanted]
    while queue:
        requirement, extra = queue.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        dist = metadata.distribution(requirement.name)
        assert requirement.specifier.contains(dist.version, prereleases=True), (str(requirement), dist.version)
        key = canonicalize_name(requirement.name)
        found[key] = dist
        for wanted_extra in {"", *requirement.extras} - {e for k, e in followed if k == key}:
            followed.add((key, wanted_extra))
            queue.extend((Requirement(text), wanted_extra) for text in dist.requires or [])
    return found


def link_distributions(dists: list[metadata.Distribution], site_packages: Path) -> None:
    """The installed files of `dists` (their RECORD), linked into another site-packages; scripts are left out. A
    top-level folder that no other distribution of this interpreter writes into is linked whole."""
    owners: dict[str, set[str]] = {}
    for dist in metadata.distributions():
        name = canonicalize_name(dist.metadata["Name"])
        for file in dist.files or []:
            owners.setdefault(file.parts[0], set()).add(name)
    for dist in dists:
        name = canonicalize_name(dist.metadata["Name"])
        for file in dist.files or []:
            top = file.parts[0]
            if top == ".." or "__pycache__" in file.parts:
                continue
            whole = owners[top] == {name}
            target = site_packages / (top if whole else file)
            if not target.exists() and not target.is_symlink():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.symlink_to(Path(str(dist.locate_file(top if whole else file))).resolve())


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("packaging")
    project = tmp / "leerlandschap"
    shutil.copytree(ROOT, project, ignore=SKIP)
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-deps",
                             "--no-build-isolation", "--wheel-dir", str(tmp / "dist"), str(project)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = (tmp / "dist").glob("leerlandschap-*.whl")
    shutil.rmtree(project / "build", ignore_errors=True)  # setuptools' build folder: not part of the tree
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    link_distributions(list(runtime_closure(wheel).values()), Path(purelib))
    result = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                             "--disable-pip-version-check", "--no-deps", "--no-index", str(wheel)],
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
    probe = "import importlib.metadata as m; print('\\n'.join(f\"{d.metadata['Name']}=={d.version}\" for d in m.distributions()))"
    listed = subprocess.run([str(venv / "bin" / "python"), "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                            check=True).stdout.lower().replace("_", "-")
    assert "leerlandschap==" in listed and "mkdocs-material==" in listed and "pagefind-bin-extended==" in listed
    assert not [tool for tool in ("pytest==", "ruff==", "mypy==", "playwright==") if tool in listed]


def test_mkdocs_build_in_a_clean_venv_gives_the_whole_site(installed):
    project, venv = installed
    env = dict(os.environ, SOURCE_DATE_EPOCH="1790000000", NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONPATH", None)
    result = subprocess.run([str(venv / "bin" / "python"), "-P", "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    page = parse_file(site / "bouwstenen" / "coordineer-het-leren" / "index.html")
    assert "Coördineer het leren" in page.find_all("h1")[0].all_text()
    assert (site / "pagefind" / "pagefind.js").is_file()  # the search index, by the plugin
    assert (site / "data" / "schemas" / "export" / "regio.schema.json").is_file()
    footer = next(e for e in parse_file(site / "index.html").find_all("footer"))
    assert "Voor de inhoud is geen open licentie gegeven." in footer.all_text()
