"""The search index of a build, made beside it: the documents (searchdocs.py), Pagefind, then the index made
byte-stable (searchindex.canonicalise), all in one child process on the second core while MkDocs writes the site.

`BackgroundIndex` runs that child (`python -m leerlandschap.searchbuild`). The generated pages are handed over as
soon as the content is loaded; the hand-written pages (docs/*.md) follow as MkDocs renders their Markdown, before
any theme template runs. Pagefind's Python API (`add_html_file`) answers one file per 100 ms, which would take
minutes at a thousand pages: one Pagefind process reads the documents from a scratch folder instead, which the
child empties again while it makes the index byte-stable (on a busy disk, removing 1756 documents at the end of a
build took seconds). The scratch folder stays in the system's temporary folder: Pagefind numbers the pages in the
order the file system lists them, so a folder in memory (/dev/shm) would give other index files. A full build's
Pagefind writes straight into the new site folder (nothing is moved at the end); a preview's index is made aside and
replaces the one the preview serves only when it is complete.
"""
from __future__ import annotations

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

from .searchcommon import Counter, add_to_letter_files, page_sets
from .searchdocs import VOCABULARY, VOCABULARY_PARTS, Writer
from .searchindex import canonicalise, excluded
from .searchwords import synonyms_from, terms_from

LISTING = "paginas.json"


class BackgroundIndex:
    """Index the site's pages on a second core while the site is being written: `add` the hand-written pages as
    they come, `start()` when the last is in, `write()` when the site is written, `cancel()` to stop."""

    def __init__(self, pages: list[tuple[str, str, str]], output: Path, begrippen: Path | None = None,
                 direct: bool = False):
        """`pages`: (URL path from the site root such as 'bouwstenen/x/', title, HTML body); `output`: site/pagefind;
        `begrippen`: the Markdown of the Begrippen page, whose `Ook wel:` lines become synonyms; `direct`: Pagefind
        writes into `output` itself (a full build's fresh site folder, which nobody reads before the build ends)."""
        self._output = output
        self._direct = direct
        self._begrippen = begrippen
        self._scratch = Path(tempfile.mkdtemp(prefix="leerlandschap-zoek-"))
        self._made = output if direct else self._scratch / "pagefind"
        self._child: subprocess.Popen[str] | None = None
        self._cancelled = threading.Event()
        self._written = False
        self._error: BaseException | None = None
        self._handwritten: list[list[Any]] = []
        self._launcher: threading.Thread | None = None
        # The generated pages go to the child right away: it makes their documents while MkDocs reads the rest.
        self._first = threading.Thread(target=self._begin, args=([[u, t, b, False] for u, t, b in pages],),
                                       name="zoekindex", daemon=True)
        self._first.start()

    def _begin(self, pages: list[list[Any]]) -> None:
        try:
            (self._scratch / LISTING).write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
            self._child = subprocess.Popen(
                [sys.executable, "-m", "leerlandschap.searchbuild", str(self._scratch), str(self._made),
                 str(self._begrippen or "")],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
                start_new_session=True)  # its own process group: cancel() stops Pagefind along with it
        except BaseException as error:  # handed to write()
            self._error = error

    def add(self, url: str, title: str, html: str) -> None:
        """A hand-written page, as MkDocs rendered its Markdown; ignored once `start()` ran."""
        if self._launcher is None:
            self._handwritten.append([url, title, html, True])

    def start(self) -> None:
        """Every page is in: the child makes the rest of the documents, the vocabulary and the index (in a thread)."""
        if self._launcher is None:
            self._launcher = threading.Thread(target=self._launch, name="zoekindex", daemon=True)
            self._launcher.start()

    def _launch(self) -> None:
        try:
            self._first.join()
            if self._error is not None or self._cancelled.is_set():
                return
            assert self._child is not None
            output, _ = self._child.communicate(json.dumps(self._handwritten, ensure_ascii=False))
            if self._child.returncode != 0 and not self._cancelled.is_set():
                raise subprocess.CalledProcessError(self._child.returncode, self._child.args, output)
        except BaseException as error:  # handed to write()
            self._error = error

    def write(self) -> None:
        """Called when the site is written: wait for the (byte-stable) index; a preview's replaces the old one."""
        try:
            self.start()
            assert self._launcher is not None
            self._launcher.join()
            if self._error is not None:
                raise self._error
            if self._cancelled.is_set():
                raise RuntimeError("de zoekindex is afgebroken")
            if not self._direct:
                shutil.rmtree(self._output, ignore_errors=True)
                shutil.move(self._made, self._output)
            self._written = True
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop the child (and its Pagefind) and remove the scratch folder, and a direct index left unfinished."""
        self._cancelled.set()
        self._first.join()
        child = self._child
        if child is not None and child.poll() is None:
            _stop(child)
        if self._launcher is not None:
            self._launcher.join()
        if child is not None:
            child.wait()
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
    """`python -m leerlandschap.searchbuild SCRATCH OUTPUT [BEGRIPPEN.md]` (run by BackgroundIndex).

    SCRATCH/paginas.json: [[url, title, HTML body, hand-written?], ...]; then more pages in the same form on standard
    input (the hand-written pages, known a little later). Writes the documents into SCRATCH/pages, Pagefind's index
    into OUTPUT with the vocabulary files next to it, and makes the index byte-stable."""
    scratch, output = Path(argv[0]), Path(argv[1])
    begrippen = Path(argv[2]) if len(argv) > 2 and argv[2] else None
    writer = Writer(scratch / "pages")
    for url, title, body, handwritten in json.loads((scratch / LISTING).read_text(encoding="utf-8")):
        writer.page(url, title, body, handwritten)
    for url, title, body, handwritten in json.loads(sys.stdin.read() or "[]"):
        writer.page(url, title, body, handwritten)
    shutil.rmtree(output, ignore_errors=True)  # what an earlier build left there would stay in the index's folder
    pagefind = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(scratch / "pages"), "--output-path",
                               str(output), "--quiet", *excluded()], capture_output=True, text=True)
    if pagefind.returncode != 0:
        sys.stdout.write(pagefind.stdout + pagefind.stderr)
        return pagefind.returncode
    # The documents are read: removed beside the rest (mostly waiting for the disk, which lets go of Python's lock).
    emptying = threading.Thread(target=shutil.rmtree, args=(scratch / "pages",), kwargs={"ignore_errors": True})
    emptying.start()
    writer.write_vocabulary(output / VOCABULARY, synonyms_from(begrippen), terms_from(begrippen))
    index_words: list[Any] = []
    page_count = canonicalise(output, index_words)
    # the letter files of the search page: which words would find (nearly) every page
    add_to_letter_files(output / VOCABULARY_PARTS, Counter(page_sets(index_words)), page_count)
    emptying.join()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
