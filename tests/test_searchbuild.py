"""The search index of a build (leerlandschap/searchbuild.py, issue 25: speed): a build's index lands in the site folder
with its vocabulary, and a stopped index leaves nothing behind.

That the whole index (and the site) stays byte-identical to the long way is tests/test_shortcuts.py's first test."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from leerlandschap import searchbuild
from leerlandschap.searchbuild import SCRATCH, BackgroundIndex


def test_a_stopped_index_leaves_no_files_and_no_half_index(tmp_path):
    output = tmp_path / "site" / "pagefind"
    index = BackgroundIndex(output, None, direct=True)
    scratch = index._scratch
    index.pages([("a/", "Een pagina", "<h1>Een pagina</h1><p>Leren met elkaar.</p>")])
    assert scratch.is_dir()
    index.cancel()
    assert not scratch.exists() and not output.exists()
    assert index._child.poll() is not None  # the child process is gone


def test_a_build_index_is_written_into_the_site_folder_with_its_vocabulary(tmp_path):
    output = tmp_path / "site" / "pagefind"
    index = BackgroundIndex(output, None, direct=True)
    index.pages([("a/", "Intervisie", "<h1>Intervisie</h1><p>Leren met collega's in een intervisiegroep.</p>"),
                 ("b/", "Leertafel", "<h1>Leertafel</h1><p>Een tafel waar de regio samen leert.</p>")])
    index.add("over/", "Over", "<h1>Over</h1><p>Over deze site.</p>")
    index.write()
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == 3
    vocabulary = json.loads((output / "leerlandschap-woorden.json").read_text(encoding="utf-8"))
    assert vocabulary["paginas"] == 3 and "intervisiegroep" in vocabulary["woorden"].split()
    assert (output / "leerlandschap-woorden" / "hulp.json").is_file()
    assert not Path(index._scratch).exists()


@pytest.mark.skipif(not hasattr(os, "getsid"), reason="process groups and sessions are POSIX")
def test_the_index_process_has_a_process_group_of_its_own_in_the_builds_session(tmp_path):
    """Its own process group, so that stopping it stops Pagefind too; the build's session, so that it shares the CPU
    with the build thread by thread (Linux autogroup scheduling shares it per session first) and a preview's lower
    priority counts."""
    index = BackgroundIndex(tmp_path / "site" / "pagefind", None, direct=True)
    try:
        child = index._child.pid
        assert os.getpgid(child) == child != os.getpgid(0)
        assert os.getsid(child) == os.getsid(0)
    finally:
        index.cancel()


def test_a_stopped_index_process_ends_at_once_and_cancel_removes_what_it_left(tmp_path):
    """A preview's next save stops the index being made (its process and Pagefind no longer take a core from the
    save's build) and removes the scratch folder only later, once the save's page is shown (later.py)."""
    output = tmp_path / "site" / "pagefind"
    index = BackgroundIndex(output, None, nice=True)
    index.pages([("a/", "Een pagina", "<h1>Een pagina</h1><p>Leren met elkaar.</p>")])
    index.stop()
    assert index._child.wait(timeout=10) is not None  # gone (killed), without cancel() waiting for it
    assert index._scratch.is_dir()
    index.cancel()
    assert not index._scratch.exists() and not output.exists()


def test_the_process_that_builds_the_pages_does_not_load_the_word_frequencies():
    """Dutch word frequencies (wordfreq, with ftfy and langcodes: about 0.6 s to import) split compounds for the
    index, which its own process makes: the process that builds the pages never loads them (issue 25: speed)."""
    code = ("import sys, leerlandschap_mkdocs.plugin, leerlandschap_mkdocs.macros, leerlandschap.sitedata; "
            "print(sorted(name for name in ('wordfreq', 'ftfy', 'langcodes') if name in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"



@pytest.mark.parametrize("step", ["pages", "start"])
def test_a_stop_from_another_thread_while_the_index_starts_a_thread_raises_nothing(tmp_path, monkeypatch, step):
    """A preview's next save stops the index from another thread (leerlandschap_mkdocs/later.py) at any moment: also
    between the moment the index makes one of its threads and the moment that thread runs. Seen once in a full run
    as "cannot join thread before it is started" in the stopping thread."""
    index = BackgroundIndex(tmp_path / "site" / "pagefind", None, direct=True)
    if step == "start":
        index.pages([("a/", "Een pagina", "<h1>Een pagina</h1>")])
    stops: list[BaseException | None] = []
    real_start = threading.Thread.start

    def start_after_a_stop(thread: threading.Thread) -> None:
        if thread.name == "zoekindex" and not stops:  # the stop comes just before the thread runs
            try:
                index.cancel()
                stops.append(None)
            except BaseException as error:  # what the stopping thread would have died of
                stops.append(error)
        real_start(thread)

    monkeypatch.setattr(threading.Thread, "start", start_after_a_stop)
    if step == "pages":
        index.pages([("b/", "Nog een", "<p>tekst</p>")])
    else:
        index.start()
    monkeypatch.undo()
    assert stops == [None]
    for thread in (index._sender, index._launcher):
        if thread is not None:
            thread.join(timeout=10)
    assert index._child.poll() is not None and not index._scratch.exists()


def test_a_new_index_removes_the_scratch_folders_of_processes_that_no_longer_run(tmp_path, monkeypatch):
    """A preview stopped while it made an index, or a killed build, leaves its documents behind; in memory (/dev/shm)
    they would stay until the machine restarts. The next index removes them, and never a folder of a process that
    still runs or a folder that is not a scratch folder."""
    monkeypatch.setattr(searchbuild, "MEMORY", str(tmp_path))
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    left = tmp_path / f"{SCRATCH}{ended.pid}-abc"
    (left / "pages" / "a").mkdir(parents=True)
    (left / "pages" / "a" / "index.html").write_text("<p>oud</p>", encoding="utf-8")
    running = tmp_path / f"{SCRATCH}{os.getppid()}-def"  # the process that started pytest: it runs
    running.mkdir()
    other = tmp_path / "iets-anders-123-x"
    other.mkdir()
    index = BackgroundIndex(tmp_path / "site" / "pagefind", None, direct=True)
    try:
        assert not left.exists() and running.is_dir() and other.is_dir()
        assert index._scratch.parent == tmp_path and index._scratch.name.startswith(f"{SCRATCH}{os.getpid()}-")
    finally:
        index.cancel()


def test_pages_given_in_several_calls_are_indexed_in_the_order_of_the_calls(tmp_path):
    """A build hands its item pages to the index as soon as they are rendered and its overviews a moment later
    (plugin.py, sitedata.load_site): their documents are written in that order, the hand-written pages last, so the
    index numbers them the same way in every build."""
    import gzip

    from leerlandschap.searchindex import SIGNATURE, _read

    output = tmp_path / "site" / "pagefind"
    index = BackgroundIndex(output, None, direct=True)
    index.pages([("bouwstenen/a/", "A", "<h1>A</h1><p>Leren met elkaar.</p>"),
                 ("bouwstenen/b/", "B", "<h1>B</h1><p>Leren in een groep.</p>")])
    index.pages([("bouwstenen/", "Bouwstenen", "<h1>Bouwstenen</h1><p>Alle bouwstenen.</p>")])
    index.add("over/", "Over", "<h1>Over</h1><p>Over deze site.</p>")
    assert index.handed == 3
    index.write()
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = _read(output / f"pagefind.{entry['languages']['nl']['hash']}.pf_meta")
    fragments = [gzip.decompress((output / "fragment" / f"{page[0]}.pf_fragment").read_bytes()) for page in meta[1]]
    urls = [json.loads(fragment.removeprefix(SIGNATURE))["url"] for fragment in fragments]
    # Pagefind numbers the pages as the file system lists the documents: in memory (/dev/shm) the last written first
    written = ["/bouwstenen/a/", "/bouwstenen/b/", "/bouwstenen/", "/over/"]
    assert urls in (written, written[::-1])
