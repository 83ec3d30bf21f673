"""Build the Pagefind search index for a built site folder, with byte-identical output.

Pagefind 1.5 writes its filter indexes in hash-map order, which changes from run to run
(upstream issue Pagefind/pagefind#638: fragments are stable, filter and meta indexes are not).
`canonicalise` rewrites those few files in sorted order and renames them by content hash, so two
builds of the same content are byte-identical, search index included.
"""
from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import cbor2

from .searchcommon import Counter, add_to_letter_files, page_sets
from .searchdocs import VOCABULARY, VOCABULARY_PARTS

SIGNATURE = b"pagefind_dcd"  # Pagefind's marker in front of every CBOR index file
# What a page shows but is not its content: controls, navigation and text for screen readers only. Left out
# of the index, so search snippets never read "Start vergadermodus Printen Print als kaartjes".
EXCLUDE_SELECTORS = ["button", "form", "select", "nav", "noscript", "template", ".ll-settools",
                     ".ll-voegtoe", ".ll-naar-mijnset", ".ll-verborgen"]


def index_site(site_dir: Path) -> None:
    """Write `<site_dir>/pagefind/`; raises CalledProcessError with Pagefind's output on failure."""
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet", *_excluded()],
                   check=True, capture_output=True, text=True)
    canonicalise(site_dir / "pagefind")


class BackgroundIndex:
    """Index the site's pages on a second core while the site is being written.

    Every generated page exists in memory before MkDocs writes a single file; the hand-written pages
    (docs/*.md) follow as MkDocs renders their Markdown (`add`), before any theme template runs. `start()`
    hands all pages to a child process (searchdocs.py: kind, section, weight and compound parts added to each
    page, the vocabulary file written; a process, so this work never competes with MkDocs for Python's lock),
    then to one Pagefind process: its Python API (`add_html_file`) answers one file per 100 ms, which would
    take minutes at a thousand pages. `write()` waits for the index and puts it into the site, with the
    vocabulary file the search page loads along with it. The index is made byte-stable (`canonicalise`) in a child
    process as well, so only moving it into the site is left for the end of the build.
    """

    def __init__(self, pages: list[tuple[str, str, str]], output: Path, begrippen: Path | None = None):
        """`pages`: (URL path from the site root such as 'bouwstenen/x/', title, HTML body); `output`: site/pagefind;
        `begrippen`: the Markdown of the Begrippen page, whose `Ook wel:` lines become synonyms."""
        self._output = output
        self._begrippen = begrippen
        self._scratch = Path(tempfile.mkdtemp(prefix="leerlandschap-zoek-"))
        self._process: subprocess.Popen[str] | None = None
        self._cancelled = threading.Event()
        self._error: BaseException | None = None
        self._handwritten: list[list[Any]] = []
        self._documents: subprocess.Popen[str] | None = None
        self._launcher: threading.Thread | None = None
        # The generated pages are made into documents right away, while MkDocs reads the hand-written ones.
        self._first = threading.Thread(target=self._begin, args=([[u, t, b, False] for u, t, b in pages],),
                                       name="zoekindex", daemon=True)
        self._first.start()

    def _begin(self, pages: list[list[Any]]) -> None:
        try:
            listing = self._scratch / "paginas.json"
            listing.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
            self._documents = subprocess.Popen(
                [sys.executable, "-m", "leerlandschap.searchdocs", str(listing), str(self._scratch / "pages"),
                 str(self._scratch / VOCABULARY), str(self._begrippen or "")],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
        except BaseException as error:  # handed to write()
            self._error = error

    def add(self, url: str, title: str, html: str) -> None:
        """A hand-written page, as MkDocs rendered its Markdown; ignored once `start()` ran."""
        if self._launcher is None:
            self._handwritten.append([url, title, html, True])

    def start(self) -> None:
        """Every page is in: make the documents and the vocabulary, then run Pagefind (in a thread)."""
        if self._launcher is None:
            self._launcher = threading.Thread(target=self._launch, name="zoekindex", daemon=True)
            self._launcher.start()

    def _launch(self) -> None:
        try:
            self._first.join()
            if self._error is not None:
                return
            assert self._documents is not None
            output, _ = self._documents.communicate(json.dumps(self._handwritten, ensure_ascii=False))
            if self._documents.returncode != 0:
                raise subprocess.CalledProcessError(self._documents.returncode, self._documents.args, output)
            if self._cancelled.is_set():
                return
            # Pagefind, then its index made byte-stable (canonicalise), both on the second core while MkDocs renders.
            for command in ([sys.executable, "-m", "pagefind", "--site", str(self._scratch / "pages"), "--output-path",
                             str(self._scratch / "pagefind"), "--quiet", *_excluded()],
                            [sys.executable, "-m", "leerlandschap.searchindex", str(self._scratch / "pagefind")]):
                if self._cancelled.is_set():
                    return
                self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                output, _ = self._process.communicate()
                if self._process.returncode != 0:
                    raise subprocess.CalledProcessError(self._process.returncode, self._process.args, output)
        except BaseException as error:  # handed to write()
            self._error = error

    def write(self) -> None:
        """Called when the site is written: wait for the (byte-stable) index and move it into the site."""
        try:
            self.start()
            assert self._launcher is not None
            self._launcher.join()
            if self._error is not None:
                raise self._error
            if self._cancelled.is_set():
                raise RuntimeError("de zoekindex is afgebroken")
            shutil.move(self._scratch / VOCABULARY, self._scratch / "pagefind" / VOCABULARY)
            shutil.move(self._scratch / VOCABULARY_PARTS, self._scratch / "pagefind" / VOCABULARY_PARTS)
            shutil.rmtree(self._output, ignore_errors=True)
            shutil.move(self._scratch / "pagefind", self._output)
        finally:
            self.cancel()

    def cancel(self) -> None:
        self._cancelled.set()
        self._first.join()
        for child in (self._documents, self._process):
            if child is not None and child.poll() is None:
                child.kill()
        if self._launcher is not None:
            self._launcher.join()
        for child in (self._documents, self._process):
            if child is not None:
                child.wait()
        shutil.rmtree(self._scratch, ignore_errors=True)


# Word locations per index chunk. Pagefind writes chunks of about 20000 (12 KB gzip each, no setting for it) and a
# first search loads one or two of them; smaller chunks make a first search lighter (issue 22).
INDEX_CHUNK = 5000
# Places of a word kept per page: the best-weighted ones (a title before body text), the earliest first. Pagefind
# hands every place of every matching page to the search page at each search; a word on nearly every page ("leren",
# ten places per page) made a keystroke take over 100 ms. Scores hardly change: Pagefind's term frequency
# saturates after a few places (BM25), and the snippet is cut around the places kept.
PLACES_PER_PAGE = 3
PAGEFIND_FIRST_WEIGHT = 25  # the weight Pagefind's reader starts with before a weight marker (pagefind_web/src/index.rs)


def rechunk(index_dir: Path, prefix: str, chunks: list[Any], collected: list[Any] | None = None) -> list[Any]:
    """Pagefind's index chunks ([from, to, name] in the meta) split again into chunks of about INDEX_CHUNK word
    locations, in Pagefind's own layout: words in order, each chunk's bounds the shortest prefixes that tell it from
    its neighbours (pagefind/src/index/mod.rs, chunk_meta). A word is never cut off from the words that start with
    it: Pagefind scores a word together with its longer forms in the chunks it loaded ("intervisie" with
    "intervisiegroep"), so they must stay in one chunk for the scores to stay the same. Returns the new list."""
    words: list[Any] = []
    for _first, _last, name in chunks:
        path = index_dir / f"{name}.pf_index"
        words += _read(path)[0]  # [[word, [[page, [locations], …], …], …]]
        path.unlink()
    for word in words:
        for page in word[1]:
            page[1] = fewer_places(page[1])
    words.sort(key=lambda word: word[0])
    if collected is not None:
        collected += words
    groups: list[list[Any]] = [[]]
    in_group: set[str] = set()  # the words of the last group: is a prefix of this word among them?
    size = 0
    for word in words:
        if size >= INDEX_CHUNK and not any(word[0][:n] in in_group for n in range(1, len(word[0]) + 1)):
            groups.append([])
            in_group = set()
            size = 0
        groups[-1].append(word)
        in_group.add(word[0])
        size += sum(len(page[1]) + 1 for page in word[1])
    groups = [group for group in groups if group]
    bounds = [[group[0][0], group[-1][0]] for group in groups]
    for left, right in itertools.pairwise(bounds):
        same = next((i for i, (a, b) in enumerate(zip(left[1], right[0], strict=False)) if a != b),
                    min(len(left[1]), len(right[0])))
        left[1], right[0] = left[1][:same + 1], right[0][:same + 1]
    return [[first, last, _write(index_dir, prefix, ".pf_index", [group], 7)]
            for (first, last), group in zip(bounds, groups, strict=True)]


def fewer_places(locations: list[int]) -> list[int]:
    """Pagefind's places of a word on a page (a negative number -(w + 1) sets weight w for the places after it),
    cut to the PLACES_PER_PAGE best-weighted ones, in page order."""
    if len(locations) <= PLACES_PER_PAGE:  # most words: once or twice on a page
        return locations
    weight, places = PAGEFIND_FIRST_WEIGHT, []
    for number in locations:
        if number < 0:
            weight = -number - 1
        else:
            places.append((weight, number))
    if len(places) <= PLACES_PER_PAGE:
        return locations
    kept = sorted(sorted(places, key=lambda place: (-place[0], place[1]))[:PLACES_PER_PAGE], key=lambda place: place[1])
    out: list[int] = []
    weight = PAGEFIND_FIRST_WEIGHT
    for place_weight, number in kept:
        if place_weight != weight:
            out.append(-place_weight - 1)
            weight = place_weight
        out.append(number)
    return out


def _excluded() -> list[str]:
    return [part for selector in EXCLUDE_SELECTORS for part in ("--exclude-selectors", selector)]


def _read(path: Path) -> Any:  # decoded CBOR: Pagefind's index structures, read by key
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a Pagefind index file")
    return cbor2.loads(data[len(SIGNATURE):])


def _write(folder: Path, prefix: str, suffix: str, value: object, digits: int) -> str:
    """Store `value` under a name derived from its content; returns the hash part of the name."""
    raw = SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, mtime=0))
    return name


def canonicalise(pagefind_dir: Path, collected: list[Any] | None = None) -> int:
    """Returns the number of pages; `collected`, when given, receives every index word with its pages."""
    pages = 0
    entry_path = pagefind_dir / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in sorted(entry["languages"].items()):
        meta_path = pagefind_dir / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)  # [version, pages, index chunks, filters [[name, hash]], sorts, meta fields]
        filters = []
        for name, old_hash in sorted(meta[3]):
            old_path = pagefind_dir / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = _read(old_path)  # [name, [[value, [page numbers]]]]
            values = sorted([value, sorted(pages)] for value, pages in values)
            old_path.unlink()
            filters.append([name, _write(pagefind_dir / "filter", f"{language}_", ".pf_filter", [filter_name, values], 7)])
        meta[3] = filters
        meta[2] = rechunk(pagefind_dir / "index", f"{language}_", meta[2], collected)
        pages += info.get("page_count", 0)
        meta_path.unlink()
        info["hash"] = _write(pagefind_dir, f"pagefind.{language}_", ".pf_meta", meta, 10).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return pages


if __name__ == "__main__":  # BackgroundIndex runs this in a child process on Pagefind's output folder
    index_words: list[Any] = []
    page_count = canonicalise(Path(sys.argv[1]), index_words)
    # the letter files of the search page are next to it: which words would find (nearly) every page
    add_to_letter_files(Path(sys.argv[1]).parent / VOCABULARY_PARTS, Counter(page_sets(index_words)), page_count)
