"""Fixture sites for tests: a complete project (mkdocs.yml + content) in a temp dir, built for real."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from common import copy_project as make_project  # the same copy the benchmarks use; pytest puts scripts/ on the path

ROOT = Path(__file__).resolve().parent.parent


# A small project: a part of the example content that still holds every kind with pages (a tafel with two meetings,
# a leertafel without, a vragenset, two praktijken, the bouwstenen, bronnen, rollen and thema's they name, the region file), for tests
# whose rule does not need the whole example. A build of it costs about a tenth less CPU than the whole example
# (most of a build is Python, MkDocs and Material starting up), and reading its pages a third of the time.
SMALL = (
    "regio.yml",
    *(f"bouwstenen/{name}.yml" for name in (
        "coordineer-het-leren", "creeer-blijvende-ruimte-voor-reflectie-op-bestuurlijk-niveau",
        "gebruik-monitoring-om-te-blijven-leren", "heb-een-lange-adem-en-creeer-ademruimte", "investeer-in-bestuurlijk-leren",
        "maak-leren-klein-en-concreet", "maak-ruimte-voor-ontmoeting-en-verbinding", "omarm-wrijving-en-ongemak",
        "organiseer-de-governance", "organiseer-domeinoverstijgend-leren", "structureer-het-leren",
        "werk-aan-structuur-en-cultuurverandering")),
    *(f"bronnen/{name}.yml" for name in ("leerlandschap-flevoland", "ruimte-voor-leren", "samen-leren-met-impact", "voorbeeld")),
    "praktijken/bestuurlijk-intervisienetwerk.yml", "praktijken/leerlandschap-flevoland.yml",
    *(f"rollen/{name}.yml" for name in ("beleidsmaker", "bestuurder", "coordinator", "leidinggevende", "professional")),
    "tafels/intervisiegroep-1.yml", "tafels/intervisiegroep-1/2024-06-24.yml", "tafels/intervisiegroep-1/2024-08-28.yml",
    "tafels/leertafel-thuis-op-maat.yml",
    *(f"themas/{name}.yml" for name in ("anders-doen", "anders-kijken", "anders-organiseren", "blijvend-anders-doen",
                                        "blijvend-anders-kijken", "blijvend-anders-organiseren")),
    "vragensets/teamsessie-leren-klein-en-concreet.yml",
)


def make_small_project(dest: Path) -> Path:
    """A project like make_project's with only the SMALL part of the example content. Stops the test if that part
    misses a kind with pages (a kind added to leerlandschap/kinds.py needs an item here too) or fails the check."""
    from leerlandschap import kinds
    from leerlandschap.loader import load_content

    content = dest.parent / f"{dest.name}-inhoud"
    for name in SMALL:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "content" / name, content / name)
    loaded = load_content(content)
    missing = [k.name for k in kinds.DEFAULT.page_kinds if not loaded.of(k)]
    assert missing == [], f"tests/sitebuild.py SMALL has no item of {missing}"
    project = make_project(dest, content)
    shutil.rmtree(content)
    return project


def build(project: Path, site: Path | None = None, epoch: str = "1790000000") -> subprocess.CompletedProcess:
    """Run the real build (check, MkDocs --strict, Pagefind, swap) of a fixture project."""
    site = site or project / "site"
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch)
    return subprocess.run([sys.executable, str(project / "scripts" / "build.py"), "--config", str(project / "mkdocs.yml"),
                           "--site", str(site)], cwd=project, env=env, capture_output=True, text=True)


ZENSICAL = Path(sys.executable).with_name("zensical")  # make test installs it (requirements-zensical.txt)


def zensical_export(project: Path, out: Path, epoch: str = "1790000000") -> tuple[Path, subprocess.CompletedProcess]:
    """Export a built fixture project as scripts/zensical_build.py does (into `out`, the project is only read) and
    build it with Zensical: (the export's config, what Zensical did). The site is in the config's folder, site/."""
    from zensical_build import generate  # scripts/zensical_build.py

    config = generate(project, out)
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch)
    return config, subprocess.run([str(ZENSICAL), "build", "-f", str(config)], cwd=config.parent, env=env,
                                  capture_output=True, text=True)


def without_search(project: Path) -> Path:
    """The project's mkdocs.yml with the plugin option `zoeken: false`: no Pagefind index (about a quarter of a small
    site's build), for a project whose tests never read its search index."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - leerlandschap " in text
    config.write_text(text.replace("\n  - leerlandschap ", "\n  - leerlandschap:\n      zoeken: false\n  #", 1), encoding="utf-8")
    return project


# A fresh MkDocs process without paying for Python and MkDocs' imports each time: a fork server (started once per
# test process) imports MkDocs, Material and the plugin's modules but never builds; every fresh build runs in a new
# child forked from it. Such a child holds no plugin, configuration or Jinja environment of an earlier build (our
# modules keep no state of their own: tests/test_structure.py), so it builds as a new `mkdocs` process does.
_PRELOAD = ["mkdocs.commands.build", "mkdocs.config", "material.plugins.search.plugin", "leerlandschap_mkdocs.plugin"]


def _preview_build(config: str, site: str, url: str, env: dict[str, str]) -> None:
    """In the forked child: the steps `mkdocs serve --dirty` takes for its first build, its output thrown away."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.environ.clear()
    os.environ.update(env)
    os.chdir(Path(config).parent)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    loaded = load_config(config_file=config, site_dir=site, strict=False)
    loaded.plugins.on_startup(command="serve", dirty=True)
    loaded.site_url = url
    mkdocs_build(loaded, serve_url=url, dirty=True)


def fresh_preview_build(config: Path, site: Path, url: str) -> None:
    """A preview's first build of `config` into `site` in a process of its own (see _PRELOAD)."""
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    child = context.Process(target=_preview_build, args=(str(config), str(site), url, dict(os.environ)))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise RuntimeError(f"the fresh build of {config} stopped with exit code {child.exitcode}")


def stop_fork_server() -> None:
    """Stop the fork server and wait for it: no process is left behind, and the CPU of the builds it forked counts
    for this process (resource.RUSAGE_CHILDREN, /usr/bin/time), as a subprocess's would."""
    from multiprocessing import forkserver

    forkserver._forkserver._stop()  # CPython's own way to end it (used by its tests); a no-op when none runs
