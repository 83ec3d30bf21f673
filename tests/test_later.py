"""A preview's save makes its search index and data files after its page is shown, and only the newest save's
(leerlandschap_mkdocs/later.py, issue 25: the preview after a save). The builds here are stand-ins for MkDocs' build:
each does what the plugin does in one (begin, then leave its work) on the real example content and a real index."""
from __future__ import annotations

import json
import threading
import time
import types
from pathlib import Path

import pytest

from conftest import EXAMPLE_CONTENT
from leerlandschap.begrippen import PAGE, Begrippen
from leerlandschap.sitedata import SiteData, load_site
from leerlandschap_mkdocs.later import AfterSave, Work
from sitebuild import ROOT


@pytest.fixture(scope="module")
def site() -> SiteData:
    return load_site(EXAMPLE_CONTENT)


def work(site_dir: Path, site: SiteData, address: str, word: str) -> Work:
    """One save's work: the data files naming `address`, a search index of one page saying `word`."""
    page = ("praktijken/a/", "Een praktijk", f"<h1>Een praktijk</h1><p>Leren met {word}.</p>")
    return Work(site_dir, data=(site, address), where=(site_dir / "pagefind", Begrippen(ROOT / PAGE)), pages=[page])


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def words(site_dir: Path) -> list[str]:
    """The words of the search page's word list (written with the index, swapped in with it); none while there is no
    index yet or, for a moment, while a new one is swapped in (safepaths.swap_folder). Never half a file."""
    try:
        text = (site_dir / "pagefind" / "leerlandschap-woorden.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return json.loads(text)["woorden"].split()


def test_a_saves_work_waits_until_its_build_has_returned_to_the_server(tmp_path, site):
    after = AfterSave(grace=0)
    writing = threading.Event()  # the build is still writing its pages until this is set
    server = types.SimpleNamespace()

    def build() -> None:
        after.begin()
        after.leave(work(tmp_path, site, "https://een.example/", "ochtendoverleg"))
        writing.wait(30)

    server.builder = build
    after.wrap(server)  # type: ignore[arg-type]  # the server's builder is all it uses
    running = threading.Thread(target=server.builder)
    running.start()
    time.sleep(1)  # time enough for the work to begin, were it not waiting
    assert not (tmp_path / "vragen.json").exists() and not (tmp_path / "pagefind").exists()
    writing.set()
    running.join()
    wait_for(lambda: "ochtendoverleg" in words(tmp_path), 120, "the index after the build")
    assert "https://een.example/" in (tmp_path / "nieuw.xml").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "vragen.json").read_text(encoding="utf-8"))


def test_a_newer_save_drops_the_work_an_older_save_has_not_begun(tmp_path, site):
    first, second = tmp_path / "eerste", tmp_path / "tweede"
    saves = iter([(first, "ochtendoverleg"), (second, "middagoverleg")])

    def build() -> None:
        folder, word = next(saves)
        folder.mkdir()
        after.begin()
        after.leave(work(folder, site, "https://x.example/", word))

    after = AfterSave(grace=1)  # the first save's work waits a second after its build: the second save comes first
    server = types.SimpleNamespace(builder=build)
    after.wrap(server)  # type: ignore[arg-type]  # the server's builder is all it uses
    server.builder()
    after.grace = 0  # the second save's work begins as soon as its build has returned
    server.builder()
    wait_for(lambda: "middagoverleg" in words(second), 120, "the second save's index")
    assert (second / "vragen.json").is_file()
    time.sleep(2)  # long past the first save's wait, had the second not ended it
    assert not any(first.iterdir())  # nothing of the first save, ever: its work ended when the second began


def test_without_a_server_a_newer_save_stops_the_index_of_an_older_one(tmp_path, site):
    """The first build of a preview (and a test's builds) have no server to wait for: the work starts at once. A save
    that begins meanwhile stops it, and only its own index is swapped in."""
    after = AfterSave()
    first, second = tmp_path / "eerste", tmp_path / "tweede"
    first.mkdir()
    second.mkdir()
    after.begin()
    after.leave(work(first, site, "https://x.example/", "ochtendoverleg"))
    after.begin()  # a Python process and Pagefind take longer than this to make the first index
    after.leave(work(second, site, "https://x.example/", "middagoverleg"))
    wait_for(lambda: "middagoverleg" in words(second), 120, "the second save's index")
    assert not (first / "pagefind").exists()
    assert (second / "vragen.json").is_file()


def test_after_a_failed_save_the_last_good_saves_work_is_done(tmp_path, site):
    """A save with an error keeps the last good save's pages in the preview: that save's index and data files are made
    even though the failed save, when it began, stopped them."""
    after = AfterSave()
    after.begin()
    after.leave(work(tmp_path, site, "https://x.example/", "ochtendoverleg"))
    after.begin()  # the next save begins (and stops the work of the one before) ...
    after.failed()  # ... and stops with an error in the content
    wait_for(lambda: "ochtendoverleg" in words(tmp_path), 120, "the good save's index")
    assert "https://x.example/" in (tmp_path / "nieuw.xml").read_text(encoding="utf-8")
