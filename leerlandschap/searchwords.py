"""Dutch word knowledge for search: the words of a page, the parts of its compounds, stop words, Begrippen synonyms.

Pagefind matches a query word against the start of indexed words, so "gesprek" never finds
"contractvoortgangsgesprekken". At build time every compound on a page is split with word frequencies
from `wordfreq`'s Dutch list (Koehn & Knight 2003: the split whose parts have the highest geometric mean
frequency wins, the unsplit word competes), and the parts are indexed as extra, low-weighted text.
handleiding/zoeken.md records why this splitter was chosen and what it does to the benchmark.

The search page gets a small vocabulary file written here: the site's own words (for "Bedoel je …?"
and for splitting a compound typed in the search box), Dutch stop words (`stopwordsiso`) and the
synonyms from the `Ook wel:` lines in docs/begrippen.md (as the site shows the page: a fork's without the example
region's entries, begrippen.py).
"""
from __future__ import annotations

import html
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import stopwordsiso

from .begrippen import Begrippen, heading
from .patterns import LONGEST_WORD

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")  # letters only; "thema's" stays one word
TAG = re.compile(r"<(script|style|template)\b.*?</\1>|<[^>]+>", re.S | re.I)
LINKS = ("s", "e", "en", "")  # Dutch linking sounds between compound parts: voortgang-s-gesprek, kind-er-, ...
MIN_PART = 4  # shorter pieces ("ing", "der") are mostly endings, not words
MIN_COMPOUND = 8
TITLE_PAGES = 3  # a word in a page's title counts as this many pages more when a typo is corrected (Vocabulary.json)
MIN_TAIL = 6  # the end of a Begrippen compound that stands for it ("ambtenaar" in "beleidsambtenaar"); shorter ends
# ("zorg", "tafel") are words of their own on this site
TAIL_PAGES = 3  # ... when the site has that end on this many pages or fewer: else it means something of its own here
# Longer "words" are not Dutch compounds (the longest in common use have about 40 letters) but pasted junk: not split,
# which also keeps the recursive search for parts shallow.
MAX_COMPOUND = LONGEST_WORD
ALSO = "Ook wel:"


# Words of a request to the search box itself ("waar vind ik ...", "zoek informatie over ...", "open data
# downloaden", "vragenset bekijken"): they say what the reader wants to do with a page, nothing about which page,
# but a page that happens to contain them would come first. Not in stopwords-iso.
REQUEST_WORDS = frozenset({"vind", "vinden", "zoek", "zoeken", "zoekt", "informatie", "info", "lees", "lezen",
                           "download", "downloaden", "downloadt", "bekijk", "bekijken", "bekijkt"})


def stopwords() -> frozenset[str]:
    """Dutch stop words from the stopwords-iso collection (package `stopwordsiso`), and the words of a request."""
    return frozenset(stopwordsiso.stopwords("nl")) | REQUEST_WORDS


def words(text: str) -> list[str]:
    """The lower-case words of plain text."""
    return [w.replace("’", "'") for w in WORD.findall(text.lower())]


# Dutch separable verbs: a title that gives an order splits the verb a reader types whole ("Zet blijvend en gericht
# ervaringsdeskundigen in", "Stem ... op elkaar af", "Zet in op leren"). The particle ends the order, or comes right
# after the verb before a preposition.
PARTICLES = frozenset({"aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "samen", "terug", "toe", "uit",
                       "vast", "weg"})
_ONE_SYLLABLE_SHORT = re.compile(r"^[^aeiouy]*[aeiou][^aeiouwy]$")  # zet, stem, leg: the consonant doubles (zetten)
_LONG_VOWEL = re.compile(r"(?:([aeou])\1|(ë)e)([^aeiou])$")  # maak, organiseer, creëer: one vowel before -en (maken)


def infinitive(verb: str) -> str:
    """The infinitive of a verb's stem: zet -> zetten, maak -> maken, creëer -> creëren, geef -> geven."""
    if _ONE_SYLLABLE_SHORT.match(verb):
        return verb + verb[-1] + "en"
    stem = _LONG_VOWEL.sub(lambda m: (m[1] or m[2]) + m[3], verb)
    return re.sub(r"(?<=[aeiouyëj])([fs])$", lambda m: "v" if m[1] == "f" else "z", stem) + "en"


def joined_verbs(title: list[str]) -> list[str]:
    """The whole verb ("inzetten", "afstemmen") of a title that is an order with a separable verb, else []."""
    verb = title[0] if title else ""
    at_end = len(title) > 2 and title[-1] in PARTICLES
    after_verb = len(title) > 2 and title[1] in PARTICLES and title[2] in {"op", "aan", "met", "voor"}
    if not verb.isalpha() or not (at_end or after_verb):
        return []
    return [(title[-1] if at_end else title[1]) + infinitive(verb)]


def order_verbs(title: list[str], is_word: Callable[[str], bool]) -> list[str]:
    """The verb a reader types for a title that is an order: the whole separable verb ("inzetten"), else the first
    word's infinitive when `is_word` knows it ("Coördineer het leren": "coördineren", "Creëer": "creëren")."""
    verb, joined = title[0] if title else "", joined_verbs(title)
    if joined or not verb.isalpha() or verb.endswith("en"):
        return joined
    return [whole for whole in [infinitive(verb)] if is_word(whole)]


def text_of(fragment: str) -> str:
    """Plain text of an HTML fragment (tags dropped, entities decoded)."""
    return html.unescape(TAG.sub(" ", fragment))


class Splitter:
    """Splits Dutch compounds into their parts using word frequencies; one per build (the frequency list is large)."""

    def __init__(self, frequencies: dict[str, float] | None = None):
        if frequencies is None:  # imported here: the list and its library cost 0.6 s, and only the index's process needs them
            from wordfreq import get_frequency_dict

            frequencies = get_frequency_dict("nl")
        self.freq = frequencies
        self._cache: dict[str, tuple[str, ...]] = {}
        self._segments: dict[str, list[tuple[tuple[str, ...], float]]] = {}

    def _log(self, word: str) -> float:
        return math.log(self.freq[word])

    def _segs(self, word: str) -> list[tuple[tuple[str, ...], float]]:
        """Ways to cut `word` into known words, best (highest mean log frequency) first; at most a few kept."""
        if word in self._segments:
            return self._segments[word]
        found: list[tuple[tuple[str, ...], float]] = []
        if word in self.freq:
            found.append(((word,), self._log(word)))
        for i in range(MIN_PART, len(word) - MIN_PART + 1):
            head = word[:i]
            for link in LINKS:
                if link and not head.endswith(link):
                    continue
                core = head[: len(head) - len(link)]
                if len(core) < MIN_PART or core not in self.freq:
                    continue
                for rest, _ in self._segs(word[i:])[:3]:
                    parts = (core, *rest)
                    found.append((parts, sum(self._log(p) for p in parts) / len(parts)))
        found.sort(key=lambda seg: (-seg[1], len(seg[0]), seg[0]))
        self._segments[word] = found[:3]
        return self._segments[word]

    def parts(self, word: str) -> tuple[str, ...]:
        """The parts of a compound and the known words made of neighbouring parts; () if `word` is no compound.

        "contractvoortgangsgesprekken" -> contract, voortgang, gesprekken, voortgangsgesprekken, ...
        """
        word = word.lower()
        if word in self._cache:
            return self._cache[word]
        result: tuple[str, ...] = ()
        if MIN_COMPOUND <= len(word) <= MAX_COMPOUND and word.isalpha():
            segs = self._segs(word)
            best = segs[0][0] if segs else (word,)
            if len(best) > 1:
                spans, start = [], 0
                for part in best:
                    begin = word.index(part, start)
                    spans.append((begin, begin + len(part)))
                    start = begin + len(part)
                joined = [word[spans[a][0]:spans[b][1]] for a in range(len(best)) for b in range(a + 1, len(best))
                          if (a, b) != (0, len(best) - 1)]
                result = tuple(dict.fromkeys([*best, *(j for j in joined if j in self.freq)]))
        self._cache[word] = result
        return result

    def parts_of_words(self, page_words: list[str]) -> list[str]:
        """The compound parts of every word, each once, in order of appearance."""
        found: dict[str, None] = {}
        for word in dict.fromkeys(w for w in page_words if len(w) >= MIN_COMPOUND):
            for part in self.parts(word):
                found.setdefault(part, None)
        return list(found)


def parse_synonyms(markdown: str) -> dict[str, list[str]]:
    """`Ook wel:` lines of a Begrippen page: every word of a group -> the other words of its group.

    Under a heading `## Term {#anchor}`, a paragraph `Ook wel: a, b, c` names other words for the term.
    """
    groups: list[list[str]] = []
    term = None
    for line in markdown.splitlines():
        head = heading(line)
        if head and head.level == 2:
            term = _plain(head.title)
            continue
        if term and line.startswith(ALSO):
            others = [_plain(part) for part in line[len(ALSO):].split(",")]
            groups.append(list(dict.fromkeys([term, *(o for o in others if o)])))
    synonyms: dict[str, list[str]] = {}
    for group in groups:
        for member in group:
            synonyms.setdefault(member, [])
            synonyms[member] += [other for other in group if other != member and other not in synonyms[member]]
    return synonyms


def parse_terms(markdown: str) -> dict[str, tuple[str, str]]:
    """The entries of a Begrippen page: each `## Term {#anchor}` and each word of its `Ook wel:` line ->
    (the entry's heading as written, its anchor)."""
    terms: dict[str, tuple[str, str]] = {}
    entry = None
    for line in markdown.splitlines():
        head = heading(line)
        if head and head.level == 2:
            entry = (re.sub(r"[*_`]", "", head.title).strip(), head.anchor) if head.anchor else None
            if entry:
                terms.setdefault(_plain(head.title), entry)
            continue
        if entry and line.startswith(ALSO):
            for other in line[len(ALSO):].split(","):
                if _plain(other):
                    terms.setdefault(_plain(other), entry)
    return terms


def _plain(text: str) -> str:
    return " ".join(words(re.sub(r"[*_`]", "", text).strip().rstrip(".")))


@dataclass
class Vocabulary:
    """The site's words as the search page needs them; fed page by page, written once."""

    stop: frozenset[str] = field(default_factory=stopwords)
    pages: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    titled: Counter[str] = field(default_factory=Counter)  # on how many pages the word is in the title

    def add(self, page_words: list[str], title_words: Sequence[str] = ()) -> None:
        """The words of one page (its compound parts included); `title_words`: those of its title."""
        self.pages += 1
        self.counts.update({w for w in page_words if 1 < len(w) <= LONGEST_WORD and w not in self.stop})
        self.titled.update({w for w in title_words if w in self.counts})

    def json(self, synonyms: dict[str, list[str]]) -> str:
        # The order of "Bedoel je …?": a correction goes to the first word within reach. Most pages first, and a word
        # of a page's title counts as TITLE_PAGES pages more: readers look for pages by their names ("begripen" is
        # "begrippen", the page, not "begrijpen", a word that stands on as many pages).
        ranked = sorted(self.counts, key=lambda w: (-self.counts[w] - TITLE_PAGES * self.titled[w], w))
        data = {"paginas": self.pages, "woorden": " ".join(ranked), "stopwoorden": " ".join(sorted(self.stop)),
                "synoniemen": {key: synonyms[key] for key in sorted(synonyms)}}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    def with_tails(self, synonyms: dict[str, list[str]], terms: dict[str, tuple[str, str]] | None = None
                   ) -> dict[str, list[str]]:
        """The Begrippen synonyms, plus: the end of a one-word compound among them stands for the compounds that end
        with it and the rest of their group ("ambtenaar" -> "beleidsambtenaar", "beleidsmaker", …; "centrum" ->
        "kinderdagcentrum", "kdc"), when it is a site word of MIN_TAIL letters or more on TAIL_PAGES pages or fewer
        and not a Begrippen word itself. A reader's "gemeenteambtenaar" or "dagcentrum" then finds what Begrippen
        says they are; "landschap" or "voorbeeld" keep their own meaning on this site."""
        tails: dict[str, list[str]] = {}
        for word, others in synonyms.items():
            if " " in word:
                continue
            for start in range(MIN_PART, len(word) - MIN_TAIL + 1):
                tail = word[start:]
                if (tail in synonyms or tail in (terms or {}) or tail in self.stop
                        or not 0 < self.counts[tail] <= TAIL_PAGES):
                    continue
                found = tails.setdefault(tail, [])
                found += [w for w in (word, *others) if w not in found]
        return synonyms | tails

    def parts(self, synonyms: dict[str, list[str]], terms: dict[str, tuple[str, str]] | None = None) -> dict[str, str]:
        """What a first search needs, in small files (name -> text), so that it does not load the whole list: one
        file per first letter (`<code point in hex>.json`) with the site's words, the stop words and the synonyms
        that start with it, and `hulp.json` with the page count and the letters that have a file. A query loads
        the files of its words' first letters only. The whole list (json()) is loaded only when a word of the query
        is not on the site (for "Bedoel je …?"). `terms` (a Begrippen entry or one of its other words -> the
        entry's heading and anchor) goes with the letter files too: "wat is een leertafel" shows the entry first."""
        by_letter: dict[str, dict[str, Any]] = {}

        def letter(word: str) -> dict[str, Any]:
            return by_letter.setdefault(word[0], {"woorden": [], "stopwoorden": [], "synoniemen": {}, "begrippen": {}})

        for word in sorted(self.counts):
            letter(word)["woorden"].append(word)
        for word in sorted(self.stop):
            letter(word)["stopwoorden"].append(word)
        for key in sorted(synonyms):
            letter(key)["synoniemen"][key] = synonyms[key]
        for term, entry in sorted((terms or {}).items()):
            letter(term)["begrippen"][term] = list(entry)
        files = {f"{ord(first):x}.json": _compact({name: " ".join(v) if isinstance(v, list) else v
                                                   for name, v in found.items() if v})
                 for first, found in by_letter.items()}
        files["hulp.json"] = _compact({"paginas": self.pages, "letters": "".join(sorted(by_letter))})
        return files


def _compact(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def synonyms_from(begrippen: Begrippen | None) -> dict[str, list[str]]:
    return parse_synonyms(begrippen.markdown()) if begrippen else {}


def terms_from(begrippen: Begrippen | None) -> dict[str, tuple[str, str]]:
    return parse_terms(begrippen.markdown()) if begrippen else {}
