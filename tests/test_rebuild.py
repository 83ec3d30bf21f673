"""A preview's save (`make serve` = mkdocs serve --dirty) writes only what changed, and the site it leaves equals a fresh
full build of the same content, page for page (leerlandschap_mkdocs/rebuild.py). A save with an error keeps the last
good site. The builds run in this process the way `mkdocs serve` runs them: one plugin kept from build to build."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from sitebuild import fresh_preview_build, make_small_project, stop_fork_server

pytestmark = pytest.mark.build  # builds a project of its own, several times

URL = "http://127.0.0.1:8000/leerlandschap/"  # the address `mkdocs serve` gives the site it serves
EPOCH = "1790000000"


@pytest.fixture(scope="module", autouse=True)
def fork_server():
    yield
    stop_fork_server()


@pytest.fixture
def project(tmp_path, monkeypatch):
    # The small part of the example content: saving and rebuilding follow the same rules at any size.
    project = make_small_project(tmp_path / "project")
    config = project / "mkdocs.yml"  # no search index: it is written in the background, after the pages
    config.write_text(config.read_text(encoding="utf-8").replace("  - leerlandschap ", "  - leerlandschap:\n      zoeken: false\n  #"),
                      encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project)
    yield project
    # MkDocs keeps one plugin object per process: leave it as `mkdocs build` starts it, for the next test's builds.
    load_config(config_file=str(config), strict=False).plugins.on_startup(command="build", dirty=False)


class Preview:
    def __init__(self, project: Path):
        self.project, self.site = project, project.parent / "preview"
        self.builds = 0

    def save(self) -> None:
        config = load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.site), strict=False)
        if not self.builds:  # MkDocs keeps a plugin that has on_startup for every later build in this process
            config.plugins.on_startup(command="serve", dirty=True)
        self.builds += 1
        config.site_url = URL
        build(config, serve_url=URL, dirty=True)


def pages(site: Path) -> dict[str, str]:
    """Every HTML page and the sitemap, by path (hashed: a difference names the page, not its 100 KB). The data files
    (feed, calendars, open data) are written in the background after the pages, and tested in test_serve.py."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.suffix == ".html" or p.name.startswith("sitemap.xml")}


def fresh(project: Path) -> dict[str, str]:
    site = project.parent / f"fresh-{len(list(project.parent.glob('fresh-*')))}"
    fresh_preview_build(project / "mkdocs.yml", site, URL)
    return pages(site)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 10_000_000  # later than the version before, however fast the edit
    os.utime(path, ns=(stamp, stamp))


def written_since(site: Path, moment: int) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html") if p.stat().st_mtime_ns > moment}


def test_saves_leave_the_site_a_fresh_build_makes(project):
    preview = Preview(project)
    preview.save()
    praktijk = project / "content" / "praktijken" / "leerlandschap-flevoland.yml"
    edit(praktijk, "samenvatting: >-\n", "samenvatting: >-\n  Nieuwe zin uit de test.\n")
    before = max(p.stat().st_mtime_ns for p in preview.site.rglob("index.html"))
    preview.save()
    assert pages(preview.site) == fresh(project)
    written = written_since(preview.site, before)
    assert "praktijken/leerlandschap-flevoland/index.html" in written
    assert "bouwstenen/coordineer-het-leren/vragen/visie-organiseren/index.html" not in written  # not linked to it
    # A title that other pages show (a bouwsteen's, on its praktijken and questions), then a setting on every page.
    edit(project / "content" / "bouwstenen" / "coordineer-het-leren.yml", "titel: Coördineer het leren", "titel: Coördineer samen het leren")
    preview.save()
    assert pages(preview.site) == fresh(project)
    edit(project / "content" / "regio.yml", "  naam: Leerlandschap Flevoland", "  naam: Leerlandschap Proef")
    before = max(p.stat().st_mtime_ns for p in preview.site.rglob("index.html"))
    preview.save()
    assert pages(preview.site) == fresh(project)
    assert "Leerlandschap Proef" in (preview.site / "praktijken" / "leerlandschap-flevoland" / "index.html").read_text()
    assert len(written_since(preview.site, before)) == len(list(preview.site.rglob("index.html")))


def test_a_save_with_an_error_keeps_the_last_good_site_and_the_next_good_save_catches_up(project):
    preview = Preview(project)
    preview.save()
    good = pages(preview.site)
    praktijk = project / "content" / "praktijken" / "leerlandschap-flevoland.yml"
    edit(praktijk, "samenvatting: >-\n", "samenvatting: >-\n  Eerst dit.\n")
    edit(praktijk, "\nbouwstenen:\n", "\nbouwstenen:\n  - bestaat-niet\n")  # a reference to no bouwsteen
    with pytest.raises(Abort) as error:
        preview.save()
    assert "praktijken/leerlandschap-flevoland.yml:" in str(error.value) and "bestaat-niet" in str(error.value)
    assert pages(preview.site) == good
    edit(praktijk, "\n  - bestaat-niet\n", "\n")
    preview.save()
    assert pages(preview.site) == fresh(project)
    assert "Eerst dit." in (preview.site / "praktijken" / "leerlandschap-flevoland" / "index.html").read_text()


def test_a_page_a_hand_written_page_links_to_stays_in_every_save(project):
    """MkDocs checks and rewrites the links of Markdown pages: a linked item page must stay known to it."""
    page = project / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZie [een praktijk](praktijken/leerlandschap-flevoland.md).\n",
                    encoding="utf-8")
    preview = Preview(project)
    preview.save()
    edit(project / "content" / "praktijken" / "bestuurlijk-intervisienetwerk.yml", "samenvatting: >-\n",
         "samenvatting: >-\n  Iets anders.\n")
    preview.save()
    assert 'href="../praktijken/leerlandschap-flevoland/"' in (preview.site / "over" / "index.html").read_text()
    assert pages(preview.site) == fresh(project)
    # An edited hand-written page is converted again (an unchanged one is kept from the save before).
    edit(page, "Zie [een praktijk]", "Lees [een praktijk]")
    preview.save()
    assert "Lees <a" in (preview.site / "over" / "index.html").read_text()
    assert pages(preview.site) == fresh(project)


def test_the_preview_hears_a_save_at_once_and_not_the_reading_of_a_file(tmp_path):
    """On Linux the preview listens to the files (inotify) instead of looking at all of them twice a second; reading
    a file, which every build does, is no change."""
    import time

    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.inotify import InotifyObserver

    from leerlandschap_mkdocs.rebuild import watch_quickly

    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "a.yml").write_text("titel: A\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(folder))
    assert watch_quickly(server)
    server.watch(str(tmp_path / "content"))  # a path watched after the switch is heard too (and counted once)
    server.observer.start()
    try:
        (folder / "a.yml").read_text(encoding="utf-8")
        time.sleep(0.5)
        assert not server._want_rebuild
        start = time.monotonic()
        (folder / "a.yml").write_text("titel: B\n", encoding="utf-8")
        while not server._want_rebuild and time.monotonic() - start < 5:
            time.sleep(0.01)
        assert server._want_rebuild
        # The kernel tells of the save (inotify); MkDocs' observer would look at every file twice a second. Checked by
        # the observer's kind, not by a stopwatch: a busy machine can be late either way.
        assert isinstance(server.observer, InotifyObserver)
        assert server.build_delay == 0.05  # and the build starts after 0.05 s without a change (MkDocs waits 0.1 s)
    finally:
        server.observer.stop()
        server.observer.join()


def test_a_preview_asks_git_once_for_the_macros_variable():
    """mkdocs-macros asks git its questions (commit, tag, author, ...) on every build; a preview's server asks them once
    (rebuild.ask_git_once, from on_serve) and every later build gets the same answers. Run in a process of its own:
    the change is meant for a `mkdocs serve` process only."""
    code = """
import subprocess
from mkdocs_macros import context
asked = []
real = subprocess.check_output
subprocess.check_output = lambda command, *a, **k: asked.append(command) or real(command, *a, **k)
from leerlandschap_mkdocs.rebuild import ask_git_once
ask_git_once()
first = context.get_git_info()
once = len(asked)
ask_git_once()
second = context.get_git_info()
print(once, len(asked), first == second, first is not second)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    once, twice, same, copy = result.stdout.split()
    assert int(once) > 0 and twice == once  # git was asked for the first build only
    assert same == "True" and copy == "True"  # each build gets its own copy of the same answers
