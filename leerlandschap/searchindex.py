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
import subprocess
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

import cbor2
from pagefind_bin_extended import get_executable

from .twocores import on_two_cores

SIGNATURE = b"pagefind_dcd"  # Pagefind's marker in front of every CBOR index file
# What a page shows but is not its content: controls, navigation and text for screen readers only. Left out
# of the index, so search snippets never read "Start vergadermodus Printen Print als kaartjes".
EXCLUDE_SELECTORS = ["button", "form", "select", "nav", "noscript", "template", ".ll-settools",
                     ".ll-voegtoe", ".ll-naar-mijnset", ".ll-verborgen"]


def pagefind(site: Path, output: Path | None = None) -> list[str]:
    """The command that indexes the pages in `site` into `output` (default: `site`/pagefind), leaving out
    EXCLUDE_SELECTORS. It runs Pagefind's own program: `python -m pagefind` only finds that program and starts it,
    which took 0.25 s of every build."""
    where = ["--output-path", str(output)] if output is not None else []
    return [str(get_executable()), "--site", str(site), *where, "--quiet", *excluded()]


def index_site(site_dir: Path) -> None:
    """Write `<site_dir>/pagefind/`; raises CalledProcessError with Pagefind's output on failure."""
    subprocess.run(pagefind(site_dir), check=True, capture_output=True, text=True)
    canonicalise(site_dir / "pagefind")


# Word locations per index chunk. Pagefind writes chunks of about 20000 (12 KB gzip each, no setting for it) and a
# first search loads one or two of them; smaller chunks make a first search lighter (issue 22).
INDEX_CHUNK = 5000
# Places of a word kept per page: the best-weighted ones (a title before body text), the earliest first. Pagefind
# hands every place of every matching page to the search page at each search; a word on nearly every page ("leren",
# ten places per page) made a keystroke take over 100 ms. Scores hardly change: Pagefind's term frequency
# saturates after a few places (BM25), and the snippet is cut around the places kept.
PLACES_PER_PAGE = 3
MIN_CHUNKS = 8  # from this many new chunks on, a second core encodes every other one (twocores.py)
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
    names = on_two_cores(partial(_write_all, index_dir, prefix), groups, MIN_CHUNKS)  # encoding is most of the time
    return [[first, last, name] for (first, last), name in zip(bounds, names, strict=True)]


def _write_all(folder: Path, prefix: str, groups: Sequence[list[Any]]) -> list[str]:
    return [_write(folder, prefix, ".pf_index", [group], 7) for group in groups]


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


def excluded() -> list[str]:
    """Pagefind's options that leave out EXCLUDE_SELECTORS."""
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
