"""Which search words would find (nearly) every page: written into the search page's letter files.

Pagefind scores every page a word matches, with all of that word's places on each page; a word on most pages
("lee…", "leren" on a site about learning) costs a search most of its time and says little about which page is
meant. The search page uses two lists per first letter (docs/assets/zoeken/, joined into assets/zoeken.js):
- `vaak`: what would find half of the pages or more, mostly through longer words ("bes", "lee", "best": the word
  "best" itself is on a few pages, words that start with it on most). While it is the word being typed it is not
  searched: the page asks for the next letter, as it does below three letters.
- `overal`: what would find nine pages in ten or more. Next to rarer words it counts as little as "de" or "het"
  ("bestuurders leren" is searched as "bestuurders"); on its own it is searched.

- `vormen`: other forms of a word on the site whose stem Pagefind would not match ("opgave" finds words that start
  with "opgave", but Snowball stems "opgaven" to "opgaaf"; "coördinator" and "coördinatoren": "coordinatoor"). The
  search page searches those forms too, so a page that only has the plural is found by the singular.

The counts are taken from Pagefind's own index, after Pagefind ran: a query word matches every indexed word
that starts with its stem, and Pagefind stems with Snowball's Dutch stemmer (its `pagefind_stem` crate), which
the `PyStemmer` package (Snowball's own C code) implements as well.
"""
from __future__ import annotations

import bisect
import json
from pathlib import Path
from typing import Any

import Stemmer

from .patterns import LONGEST_WORD, without_accents

OFTEN = 0.5  # share of the pages from which a word being typed waits for its next letter
EVERYWHERE = 0.9  # share of the pages from which a word counts as little as a stop word next to rarer words
SHORTEST = 3  # the search page does not search shorter words being typed anyway
FORM_ENDINGS = ("'s", "en", "es", "s", "n", "e")  # the endings the search page tries on a word (zoeken.js: ENDINGS)


def page_sets(words: list[Any]) -> dict[str, int]:
    """Pagefind's index words ([word, [[page, [locations], ...], ...]]) -> the pages they are on, as bits.
    Pagefind stores each page number as the step from the one before it."""
    sets: dict[str, int] = {}
    for word, pages, *_ in words:
        bits, number = 0, 0
        for page in pages:
            number += page[0]
            bits |= 1 << number
        sets[word] = sets.get(word, 0) | bits
    return sets


class Counter:
    """How many pages a query word would find in a Pagefind index."""

    def __init__(self, sets: dict[str, int]):
        self._sets = sets
        self._keys = sorted(sets)
        self._stemmer = Stemmer.Stemmer("dutch")

    def pages(self, query_word: str) -> tuple[int, int]:
        """(pages with a word that starts like it, pages with the word itself), as Pagefind matches it."""
        return self._pages_of_stem(self._stemmer.stemWord(without_accents(query_word)))

    def pages_of_all(self, query_words: list[str]) -> dict[str, tuple[int, int]]:
        stems = self._stemmer.stemWords([without_accents(word) for word in query_words])
        return {word: self._pages_of_stem(stem) for word, stem in zip(query_words, stems, strict=True)}

    def _pages_of_stem(self, stem: str) -> tuple[int, int]:
        bits = 0
        for key in self._keys[bisect.bisect_left(self._keys, stem):]:
            if not key.startswith(stem):
                break
            bits |= self._sets[key]
        return bits.bit_count(), self._sets.get(stem, 0).bit_count()

    def most_common(self) -> str:
        """The index word on the most pages: a search for it prepares the search page's engine (zoeken.js)."""
        return max(self._keys, key=lambda key: (self._sets[key].bit_count(), key), default="")


def common(site_words: list[str], counter: Counter, page_count: int) -> tuple[list[str], list[str]]:
    """(vaak, overal): the site's words and their starts (of SHORTEST letters or more) that would find at least
    OFTEN resp. EVERYWHERE of `page_count` pages, sorted."""
    candidates = sorted({word[:end] for word in site_words if len(word) <= LONGEST_WORD
                         for end in range(SHORTEST, len(word) + 1)})
    counts = counter.pages_of_all(candidates)
    often = [q for q in candidates if counts[q][0] >= OFTEN * page_count > counts[q][1]]
    everywhere = [q for q in candidates if counts[q][0] >= EVERYWHERE * page_count]
    return often, everywhere


def other_forms(site_words: list[str]) -> dict[str, list[str]]:
    """{word: its other forms on the site (the word with one of FORM_ENDINGS, or without it) whose stem does not
    start with the word's stem}: Pagefind matches a query word only to index words that start with its stem."""
    stemmer = Stemmer.Stemmer("dutch")
    present = set(site_words)
    forms: dict[str, list[str]] = {}
    for word in sorted(present):
        for longer in (word + ending for ending in FORM_ENDINGS if word + ending in present):
            short, long = stemmer.stemWords([without_accents(word), without_accents(longer)])
            if not long.startswith(short):
                forms.setdefault(word, []).append(longer)
            if not short.startswith(long):
                forms.setdefault(longer, []).append(word)
    return forms


def add_to_letter_files(folder: Path, counter: Counter, page_count: int) -> None:
    """Add `vaak`, `overal` and `vormen` to every letter file in `folder` (searchwords.Vocabulary.parts wrote them), and
    `opwarmen` (Counter.most_common) to hulp.json."""
    if page_count <= 0 or not folder.is_dir():
        return
    warm = counter.most_common()
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "woorden" in data:
            often, everywhere = common(data["woorden"].split(), counter, page_count)
            data.update({name: " ".join(found) for name, found in (("vaak", often), ("overal", everywhere)) if found})
            forms = other_forms(data["woorden"].split())
            if forms:
                data["vormen"] = {word: " ".join(others) for word, others in forms.items()}
        elif path.name == "hulp.json" and warm:
            data["opwarmen"] = warm
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
