"""The search index of a build, made beside it: the documents (searchdocs.py), Pagefind, then the index made
byte-stable (searchindex.canonicalise), all in one child process on the second core while MkDocs writes the site.

`BackgroundIndex` runs that child (`python -m leerlandschap.searchbuild`). The generated pages are handed over as
soon as the content is loaded; the hand-written pages (docs/*.md) follow as MkDocs renders their Markdown, before
any theme template runs. Pagefind's Python API (`add_html_file`) answers one file per 100 ms, which would take
minutes at a thousand pages: one Pagefind process reads the documents from a scratch folder instead, which the
child empties again while it makes the index byte-stable (on a busy disk, removing 1756 documents at the end of a
build took seconds). The scratch folder is in memory where the system has such a folder (/dev/shm): on a disk,
making a folder and a file for each of 1756 documents took 2 s of the index's 4.5 s before Pagefind could start.
Pagefind numbers the pages in the order the file system lists them, so the index files depend on the scratch
folder's file system; in memory that order follows the order the documents are written in, the same in every build
(on a disk it follows the disk's own hashing, which differs from disk to disk). A full build's
Pagefind writes straight into the new site folder (nothing is moved at the end); a preview's index is made aside and
replaces the one the preview serves only when it is complete.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from . import searchfamilies, searchwhole
from .begrippen import Begrippen
from .safepaths import swap_folder
from .searchcommon import Counter, add_to_letter_files, page_sets
from .searchdocs import VOCABULARY, VOCABULARY_PARTS, Writer
from .searchindex import canonicalise, pagefind
from .searchwords import synonyms_from, terms_from

NICE = "nice"  # the child's fourth argument when it runs at a lower priority
FORK = "regio"  # its fifth when the site does not show the example region: nor its entries on Begrippen (begrippen.py)
MEMORY = "/dev/shm"  # a folder in memory (Linux), for the scratch folder of the documents
SCRATCH = "leerlandschap-zoek-"  # + the process id + a random part: the scratch folder's name


def scratch_folder() -> Path:
    """A new scratch folder for the documents, in memory where the system has such a folder, named after this process.
    First removes the scratch folders of this user's processes that no longer run (a preview stopped while it made
    an index, a build that was killed): in memory they would stay until the machine restarts."""
    base = MEMORY if os.path.isdir(MEMORY) and os.access(MEMORY, os.W_OK | os.X_OK) else tempfile.gettempdir()
    if os.name == "posix":  # elsewhere os.kill(pid, 0) is no harmless question
        for old in Path(base).glob(f"{SCRATCH}*-*"):
            pid = old.name.removeprefix(SCRATCH).split("-", 1)[0]
            with contextlib.suppress(OSError):
                if pid.isdigit() and old.stat().st_uid == os.getuid() and not _running(int(pid)):
                    shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{SCRATCH}{os.getpid()}-", dir=base))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


class BackgroundIndex:
    """Index the site's pages on a second core while the site is being written: the child starts at once (its
    start-up and word lists load while the content loads), `pages` hands it the generated pages, `add` the
    hand-written pages as they come, `start()` tells it the last is in, `write()` waits for the index when the site
    is written, `cancel()` stops it."""

    def __init__(self, output: Path, begrippen: Begrippen | None = None, direct: bool = False, nice: bool = False):
        """`output`: site/pagefind; `begrippen`: the Begrippen page as the site shows it, whose `Ook wel:` lines become
        synonyms; `direct`: Pagefind writes into `output` itself (a build's site folder, which nobody reads before
        the build ends; MkDocs empties it before any page is read, and the child only writes after that);
        `nice`: the child and its Pagefind run at a lower priority (a preview's: its next save's build goes first)."""
        self._output = output
        self._direct = direct
        self._scratch = scratch_folder()
        self._made = output if direct else self._scratch / "pagefind"
        self._cancelled = threading.Event()
        self._finishing = threading.Lock()  # the index moved into place, or everything stopped: one, then the other
        self._stopped = False
        self._written = False
        self._error: BaseException | None = None
        self._handwritten: list[list[Any]] = []
        self.handed = 0  # generated pages given so far (pages())
        self._sender: threading.Thread | None = None  # the last of the threads that hand pages over, each after the one before
        self._launcher: threading.Thread | None = None
        self._log = (self._scratch / "uitvoer.txt").open("w+", encoding="utf-8")
        self._child = subprocess.Popen(
            [sys.executable, "-m", "leerlandschap.searchbuild", str(self._scratch), str(self._made),
             str(begrippen.path if begrippen else ""), NICE if nice else "", "" if not begrippen or begrippen.voorbeeldregio else FORK],
            stdin=subprocess.PIPE, stdout=self._log, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
            process_group=0)  # its own process group: cancel() stops Pagefind along with it (_stop)
        # Not a session of its own (start_new_session): Linux with autogroup scheduling (most desktops and servers)
        # shares the CPU per session first, so Pagefind's threads together got only as much as the build's own
        # thread while the build wrote its pages, and a preview's lower priority (`nice`) counted for nothing.

    def pages(self, pages: list[tuple[str, str, str]]) -> None:
        """Generated pages: (URL path from the site root such as 'bouwstenen/x/', title, HTML body). The child makes
        their documents while the build goes on; pages given in more than one call reach it in the order of the calls
        (a build hands over the item pages as soon as they are rendered, the overviews a moment later). `handed`
        counts them."""
        self.handed += len(pages)
        sender = threading.Thread(target=self._send, args=([[u, t, b, False] for u, t, b in pages], self._sender),
                                  name="zoekindex", daemon=True)
        sender.start()  # before it is kept: cancel(), from another thread, joins only a thread that runs
        self._sender = sender

    def _send(self, pages: list[list[Any]], previous: threading.Thread | None) -> None:
        try:
            if previous is not None:  # the pages of an earlier call go first
                previous.join()
            assert self._child.stdin is not None
            self._child.stdin.write(json.dumps(pages, ensure_ascii=False) + "\n")
            self._child.stdin.flush()
        except BaseException as error:  # handed to write(); a cancelled child no longer reads
            if not self._cancelled.is_set():
                self._error = error

    def add(self, url: str, title: str, html: str) -> None:
        """A hand-written page, as MkDocs rendered its Markdown; ignored once `start()` ran."""
        if self._launcher is None:
            self._handwritten.append([url, title, html, True])

    def start(self) -> None:
        """Every page is in: the child makes the rest of the documents, the vocabulary and the index (in a thread)."""
        if self._launcher is None:
            launcher = threading.Thread(target=self._launch, name="zoekindex", daemon=True)
            launcher.start()  # before it is kept, as in pages()
            self._launcher = launcher

    def _launch(self) -> None:
        try:
            if self._sender is not None:
                self._sender.join()
            assert self._child.stdin is not None
            if self._error is not None or self._cancelled.is_set():
                return
            self._child.stdin.write(json.dumps(self._handwritten, ensure_ascii=False) + "\n")
            self._child.stdin.close()
            if self._child.wait() != 0 and not self._cancelled.is_set():
                self._log.seek(0)
                raise subprocess.CalledProcessError(self._child.returncode, self._child.args, self._log.read())
        except BaseException as error:  # handed to write()
            if not self._cancelled.is_set():
                self._error = error

    def write(self) -> None:
        """Called when the site is written: wait for the (byte-stable) index; a preview's replaces the old one."""
        try:
            self.start()
            assert self._launcher is not None
            self._launcher.join()
            if self._error is not None:
                raise self._error
            with self._finishing:
                if self._cancelled.is_set():
                    raise RuntimeError("de zoekindex is afgebroken")
                if not self._direct:  # the preview serves the old index until the new one is in place, whole
                    swap_folder(self._made, self._output)
                self._written = True
        finally:
            self.cancel()

    def stop(self) -> None:
        """Stop the child and its Pagefind at once (no waiting); `cancel()` then removes what they left."""
        self._cancelled.set()
        with self._finishing:  # not while a finished index is being moved into place
            if self._child.poll() is None:
                _stop(self._child)

    def cancel(self) -> None:
        """Stop the child (and its Pagefind) and remove the scratch folder, and a direct index left unfinished.
        Any thread may call it, more than once: the first call does it."""
        self._cancelled.set()
        with self._finishing:
            if self._stopped:
                return
            self._stopped = True
        if self._child.poll() is None:
            _stop(self._child)
        for thread in (self._sender, self._launcher):
            if thread is not None:
                thread.join()
        self._child.wait()
        if self._child.stdin is not None:
            with contextlib.suppress(OSError):  # the child is gone: what was left to write no longer matters
                self._child.stdin.close()
        self._log.close()
        shutil.rmtree(self._scratch, ignore_errors=True)
        if self._direct and not self._written:
            shutil.rmtree(self._made, ignore_errors=True)


def _stop(child: subprocess.Popen[str]) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(child.pid, signal.SIGKILL)
        else:  # pragma: no cover - no process groups (Windows)
            child.kill()
    except ProcessLookupError:  # already gone
        pass


def main(argv: list[str]) -> int:
    """`python -m leerlandschap.searchbuild SCRATCH OUTPUT [BEGRIPPEN.md] [nice] [regio]` (run by BackgroundIndex).

    Standard input: lines of [[url, title, HTML body, hand-written?], ...] until it closes: the generated pages (the
    item pages, then the overviews) and last the hand-written ones (known a little later). Writes the documents into
    SCRATCH/pages, Pagefind's index into OUTPUT with the vocabulary files next to it, and makes the index byte-stable."""
    scratch, output = Path(argv[0]), Path(argv[1])
    begrippen = Begrippen(Path(argv[2]), argv[4:5] != [FORK]) if len(argv) > 2 and argv[2] else None
    if argv[3:4] == [NICE] and hasattr(os, "nice"):  # Pagefind, started below, inherits the priority
        os.nice(10)
    writer = Writer(scratch / "pages")  # loads the word frequencies while the build still loads the content
    for line in sys.stdin:
        for url, title, body, handwritten in json.loads(line):
            writer.page(url, title, body, handwritten)
    shutil.rmtree(output, ignore_errors=True)  # what an earlier build left there would stay in the index's folder
    indexed = subprocess.run(pagefind(scratch / "pages", output), capture_output=True, text=True)
    if indexed.returncode != 0:
        sys.stdout.write(indexed.stdout + indexed.stderr)
        return indexed.returncode
    # The documents are read. Removed now, not beside what follows: a thread would keep canonicalise from using the
    # second core (twocores.py never forks a process with threads). In memory (/dev/shm) this takes a few ms.
    shutil.rmtree(scratch / "pages", ignore_errors=True)
    writer.write_vocabulary(output / VOCABULARY, synonyms_from(begrippen), terms_from(begrippen))
    index_words: list[Any] = []
    page_count = canonicalise(output, index_words)
    # the letter files of the search page: which words would find (nearly) every page
    counter = Counter(page_sets(index_words))
    add_to_letter_files(output / VOCABULARY_PARTS, counter, page_count)
    # common Dutch words the search page must not cut into the site's words ("leerkracht")
    searchwhole.add(output / VOCABULARY, output / VOCABULARY_PARTS, writer.splitter.freq, lambda w: counter.pages(w)[0])
    # and which pages a word must leave out: found only through another word of its stem ("oudere" for "ouders")
    searchfamilies.add_to_letter_files(output / VOCABULARY_PARTS, output / "fragment")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
