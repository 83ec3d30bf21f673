"""Words that Pagefind's stemmer merges but that are different words: which pages a search for one must leave out.

Pagefind finds a query word through its Snowball stem, and Snowball's Dutch stemmer (3.0) gives one stem to words of
different meaning: "ouders" (parents) and "oudere" (older) are both "ouder"; "gezin" (family) and "zinnen"
(sentences) both "zin", since the stemmer drops a leading "ge-"; "begeleiding" (guidance) is "beleid" (policy),
"gemeente" is "meen". A search for "ouders" then found the Privacy page, which only says "oudere".

After Pagefind ran, the words of every page are read from its fragments. The words of one stem are put in families
(`family_keys`): the forms of one word (plural, verb endings, a past participle with "ge-": "gemaakt" and "maken").
For each word in a stem with more than one family, the letter file of that word gets the pages a search for it
must leave out (`apart`): the pages that Pagefind would find for it only through a word of another family. The
search page (docs/assets/zoeken/27-betekenis.js, ownWord) drops them from what Pagefind answers for that word.
"""
from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from pathlib import Path

import Stemmer

from .patterns import LONGEST_WORD, without_accents

WORD = re.compile(r"[^\W\d_]+")
FRAGMENT_HEAD = b"pagefind_dcd"  # Pagefind 1.5 starts a decompressed fragment with this signature
# A past participle ("gemaakt", "gedeeld", "gebeurde"; with a particle before "ge": "opgezet", "afgestemd") is a
# form of its verb. A strong one ("gekozen") is left out: it cannot be told from a noun ("gezinnen").
PARTICIPLE = re.compile(r"^(aan|af|bij|door|in|mee|na|om|op|samen|terug|toe|uit|vast|weg|)ge(\w{2,}?)(?:t|d|de|den|te|ten)$")


def _plain(word: str) -> str:
    """Long vowels single and v/z as f/s, as the forms of one word alternate: jaar/jaren, geef/geven, lees/lezen."""
    return re.sub(r"([aeou])\1", r"\1", word).replace("v", "f").replace("z", "s")


def _forms(word: str, stem: str) -> set[str]:
    """The word (plain, _plain) and, for a past participle, its verb's start: "opgezet" -> "opzet"; for a noun
    in "-atie", its verb's: "organisatie" -> "organiseer"."""
    bare = without_accents(word)
    forms = {bare}
    match = PARTICIPLE.match(bare)
    if match and not stem.startswith("ge"):
        forms.add(match[1] + match[2])
    noun = re.match(r"(\w{3,})aties?$", bare)  # "organisatie" is about "organiseren" (zoeken.js: derived)
    if noun:
        forms.add(noun[1] + "eer")
    return {_plain(form) for form in forms}


def family_keys(word: str, stem: str, group: set[str]) -> set[str]:
    """What the forms of one word share within a stem (`group`: the stem's words on the site): their first letters (as
    many as the stem has, less one), also after a past participle's "ge-" is taken off. "gezin" and "zinnen" (stem
    "zin") differ; "gemaakt" and "maken" share one. Words that share a key are one family.
    A stem ending in "-er" with both "-ers" and "-ere(n)" on the site is a noun with "-s" (ouders) and an adjective
    or a person with "-e" (oudere, ouderen): two families, unless the bare word is there too (beter, betere)."""
    bare = without_accents(word)
    size = max(2, len(_plain(stem)) - 1)
    keys = {form[:size] for form in _forms(word, stem)}
    if stem.endswith("er") and stem + "s" in group and {stem + "e", stem + "en"} & group:
        rest = bare[len(stem):] if bare.startswith(stem) else "?"
        keys = {key + ("+e" if rest[:1] == "e" else "+s" if rest[:1] == "s" else "") for key in keys}
        if not rest:  # the word itself: the forms of both
            keys |= {key + "+e" for key in keys} | {key + "+s" for key in keys}
    return keys


def families_of(words: set[str], stem: str) -> list[set[str]]:
    """The words of one stem in families: words that share a key (family_keys), directly or through another."""
    groups: list[tuple[set[str], set[str]]] = []  # (keys, words)
    for word in sorted(words):
        keys, members = family_keys(word, stem, words), {word}
        for old in [g for g in groups if g[0] & keys]:
            groups.remove(old)
            keys |= old[0]
            members |= old[1]
        groups.append((keys, members))
    return [members for _, members in groups]


def page_words(fragment_dir: Path) -> dict[str, set[str]]:
    """{page (Pagefind's id: the fragment's name): the lower-case words of its text}."""
    pages: dict[str, set[str]] = {}
    for path in sorted(fragment_dir.glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        data = json.loads(raw.removeprefix(FRAGMENT_HEAD))
        text = " ".join([data.get("content", ""), *[str(v) for v in (data.get("meta") or {}).values()]])
        pages[path.stem] = {w for w in WORD.findall(text.lower()) if len(w) <= LONGEST_WORD}
    return pages


def apart(pages: dict[str, set[str]]) -> dict[str, list[str]]:
    """{word: the pages a search for it must leave out}, for the words whose stem has more than one family."""
    stemmer = Stemmer.Stemmer("dutch")
    all_words = sorted({w for words in pages.values() for w in words})
    stem_of = dict(zip(all_words, stemmer.stemWords([without_accents(w) for w in all_words]), strict=True))
    by_stem: dict[str, set[str]] = defaultdict(set)
    for word, stem in stem_of.items():
        by_stem[stem].add(word)
    families = {stem: families_of(words, stem) for stem, words in by_stem.items() if len(words) > 1}
    mixed = {stem for stem, groups in families.items() if len(groups) > 1}
    if not mixed:
        return {}
    stems_sorted = sorted(set(stem_of.values()))
    word_pages: dict[str, set[str]] = defaultdict(set)
    for page, words in pages.items():
        for word in words:
            word_pages[word].add(page)
    out: dict[str, list[str]] = {}
    for stem in sorted(mixed):
        longer = {s for s in stems_sorted if s.startswith(stem)}
        for members in families[stem]:
            # Pagefind finds a page for these words through every index word that starts with the stem. It stays
            # when one of them is a word of this family, or a longer word that starts as this family's words do
            # ("gezinsbescherming" for "gezin", "beleidsmaker" for "beleid"; not for "zinnen" or "begeleiding").
            starts = {key.split("+")[0] for word in members for key in family_keys(word, stem, by_stem[stem])}

            def ours(word: str, stem: str = stem, members: set[str] = members, starts: set[str] = starts) -> bool:
                if stem_of[word] == stem:
                    return word in members
                return any(form.startswith(start) for form in _forms(word, stem_of[word]) for start in starts)

            matching = [w for w in word_pages if stem_of[w] in longer]
            found = set().union(*(word_pages[w] for w in matching))
            kept = set().union(*(word_pages[w] for w in matching if ours(w)))
            left_out = sorted(found - kept)
            for word in members if left_out else ():
                out[word] = left_out
    return out


def add_to_letter_files(folder: Path, fragment_dir: Path) -> None:
    """Write `apart` ({word: "page page"}) into the letter file of each word's first letter."""
    if not folder.is_dir() or not fragment_dir.is_dir():
        return
    by_letter: dict[str, dict[str, str]] = defaultdict(dict)
    for word, left_out in apart(page_words(fragment_dir)).items():
        by_letter[word[0]][word] = " ".join(left_out)
    for letter, entries in sorted(by_letter.items()):
        path = folder / f"{ord(letter):x}.json"
        if not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        data["apart"] = dict(sorted(entries.items()))
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
