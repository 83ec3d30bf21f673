"""Dutch words that are words of their own, not the sum of their parts: the search page does not split them.

A word the site does not have is searched by its parts when the site has those ("praktijkvoorbeelden": praktijk,
voorbeelden), or by the longest part it has ("crisisopvang": crisis). That suits a compound a reader makes up or
rarely meets. A word every Dutch reader knows as one word means something else than its parts: "leerkracht" (a
teacher) is not "leer" and "kracht", "leerlingen" not "leer" and "lingen". Searched by its parts it found 132 pages
about learning.

Which words are that is taken from how often they are written: `wordfreq`'s Dutch list (already used to split the
site's own compounds, searchwords.Splitter), from WHOLE_ZIPF on its Zipf scale (3.5: about once in 300,000 words;
"leerkracht" 4.1, "huisarts" 4.1, "jeugdzorg" 3.7; "crisisopvang" 2.3, "praktijkvoorbeeld" 2.4, "ouderavond" 3.0
are searched by their parts as before). Only words the search page could cut into the site's words are listed:
- `heel` in the whole list (leerlandschap-woorden.json, loaded for a word the site does not have): such words;
- `heel` in a letter file: the site's own long words on a few pages that are words of their own, which a search
  does not add their parts to ("privacyverklaring" on one page is searched by "privacy" too; 30-plan.js, searchPlan).
A compound whose last part Begrippen defines is still that concept (30-plan.js: "jeugdprofessionals").
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

WHOLE_ZIPF = 3.5
SHORTEST = 7  # a shorter word is hardly cut into two words of the site (its parts have 3 letters or more)
LONG_SITE_WORD = 8  # the search page searches the parts of a site word from this length (30-plan.js: compound)
RARE = 3  # ... when Pagefind finds it on this many pages or fewer (30-plan.js: RARE)
FIRST_PART, LAST_PART = 3, 5  # the shortest start and end of a word the search page takes as a part (30-plan.js)


def zipf(frequency: float) -> float:
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


def cuttable(word: str, site: set[str]) -> bool:
    """Could the search page cut `word` into site words: it starts with one, or ends with a longer one."""
    return (any(word[:i] in site for i in range(FIRST_PART, len(word) - 2))
            or any(word[i:] in site for i in range(FIRST_PART, len(word) - LAST_PART + 1)))


def whole_words(site_words: set[str], frequencies: dict[str, float]) -> tuple[list[str], list[str]]:
    """(words not on the site, long site words) that are common Dutch words of their own, sorted."""
    least = 10 ** WHOLE_ZIPF / 1e9
    common = [w for w, f in frequencies.items() if f >= least and len(w) >= SHORTEST and w.isalpha()]
    others = sorted(w for w in common if w not in site_words and cuttable(w, site_words))
    own = sorted(w for w in common if w in site_words and len(w) >= LONG_SITE_WORD and cuttable(w, site_words - {w}))
    return others, own


def add(vocabulary: Path, letters: Path, frequencies: dict[str, float], pages: Callable[[str], int]) -> None:
    """Write `heel` into the whole list and into the letter files (searchdocs.Writer.write_vocabulary wrote them).
    `pages`: on how many pages Pagefind finds a word; a site word on more is not searched by its parts anyway."""
    if not vocabulary.is_file():
        return
    data = json.loads(vocabulary.read_text(encoding="utf-8"))
    known = set(data.get("woorden", "").split()) | set(data.get("stopwoorden", "").split())  # a stop word is left out anyway
    others, own = whole_words(known, frequencies)
    if others:
        data["heel"] = " ".join(others)
        vocabulary.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    by_letter: dict[str, list[str]] = {}
    for word in (w for w in own if pages(w) <= RARE):
        by_letter.setdefault(word[0], []).append(word)
    for letter, found in sorted(by_letter.items()):
        path = letters / f"{ord(letter):x}.json"
        if path.is_file():
            part = json.loads(path.read_text(encoding="utf-8"))
            part["heel"] = " ".join(found)
            path.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
