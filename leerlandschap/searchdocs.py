"""The documents Pagefind indexes: one per page of the site, with what a result needs to explain itself.

The site's own HTML is not changed. Each page goes to Pagefind as a small document that wraps the page's
content in `data-pagefind-body` (so overviews, hand-written pages and /bronnen/ pages are found too) and adds:
- meta `soortnaam` and `deel`: the kind of item and the section of the site, shown on each result;
- a `soort` filter for pages whose template has none (overzicht, pagina, bron);
- a lower weight for reflection questions and almost empty meeting pages, which otherwise crowd out the
  bouwstenen and overviews they belong to (lower, never hidden);
- the parts of the page's Dutch compounds as extra text, weighted below the real words (searchwords.py), and the
  words of the page's name in its address that its text lacks ("pilots"), with the same low weight.
  They exist only in this document, never in the site's HTML: no reader or screen reader meets them. They come last
  in the document, and meta `verborgen` says how many words they are, so a result's excerpt leaves them out too.
- the words of the line above an item's title that says what kind of item it is (MARKED), moved among those last
  words with the weight of the page's text: found, but never the start of an excerpt.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from .kinds import BRON, active
from .patterns import without_accents
from .problems import shown
from .searchwords import Splitter, Vocabulary, order_verbs, text_of, words

VOCABULARY = "leerlandschap-woorden.json"  # next to Pagefind's files: loaded only for a word the site lacks
VOCABULARY_PARTS = "leerlandschap-woorden"  # folder next to it: what every search needs, in small files
SOORT = re.compile(r'data-pagefind-filter="soort:([^"]+)"')
# A page that says it has nothing to find yet; every other page is indexed.
NOT_SEARCHABLE = "data-ll-niet-zoeken"
BODY_NAME = "data-pagefind-body"
BODY_VALUE = re.compile(r'(?:="[^"]*")?')  # after the name: its value, if it has one (without_body_attribute)
# Pagefind stores every element with an id as an anchor in the page's fragment (for sub-results, which the search
# page does not use): the document leaves ids out, so each result loads less (without_ids).
ID_VALUE = re.compile(r"""\sid=(?:"[^"]*"|'[^']*')""")
LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
H1 = re.compile(r"<h1[\s>]")
# Words in <nav>, <form> etc. are left out by Pagefind (searchindex.EXCLUDE_SELECTORS); the vocabulary skips them too.
SKIPPED = re.compile(r"<(nav|form|button|select|noscript|template)\b.*?</\1>", re.S | re.I)
# Text a page shows of another page (a card's summary, a question listed on a role page) carries
# data-pagefind-ignore in the templates: Pagefind indexes it on that other page only, and so do the vocabulary and
# the compound parts here. The element is found by its name and attribute; elements of the same name inside it count.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# The attributes before it, whole: a value that says " data-pagefind-body" (a title in an aria-label) is no attribute.
ATTRIBUTES = r"""(?:\s+[^\s"'<>/=]+(?:="[^"]*"|='[^']*'|=[^\s"'<>=`]+)?)*?"""
IGNORED_START = re.compile(rf"<([A-Za-z][A-Za-z0-9]*){ATTRIBUTES}\s+data-pagefind-ignore(?:=\"[^\"]*\")?(?=[\s>/])")
BODY_START = re.compile(rf"<([A-Za-z][A-Za-z0-9]*){ATTRIBUTES}\s+data-pagefind-body(?:=\"[^\"]*\")?(?=[\s>/])")

# What a result says it is, for pages that are not an item of a kind (kinds.Kind.label says it for those).
LABELS = {"vraag": "Reflectievraag", "bij de buren": "Bij de buren", "overzicht": "Overzicht", "pagina": "Pagina"}
# Sections of the menu (mkdocs.yml `nav`) for pages outside the content folders.
SECTIONS = {"": "Home", "afspraken": "Tafels", "landschap": "Tafels", "buren": "Bij de buren",
            "mijn-vragenset": "Vragensets", "vraag": "Bouwstenen"}
TEXT_WEIGHT = "1"  # Pagefind's weight of a page's own text (the line above a title keeps it when moved)
LOW_WEIGHT = "0.25"  # reflection questions and meetings with little text: found, but below their bouwsteen or tafel
FEW_WORDS = 80  # a meeting page with fewer words than this has no report yet
TITLE_PARTS_WEIGHT = "3"  # parts of the title's compounds: below the title itself (h1 = 7), above body text
PARTS_WEIGHT = "0.5"  # parts of the other compounds: below every real word
# Meta field: how many words at the end of a page's indexed text are these parts (and address words). A result's
# excerpt is cut from the words before them (docs/assets/zoeken/40-resultaten.js), so no reader meets them.
HIDDEN_META = "verborgen"
# The note on the page of an invented example (templates/_macros.html, voorbeeld_uitleg). Such a page gets meta
# `voorbeeld`: the search page puts it after real pages that match as well (40-resultaten.js, titleFirst).
EXAMPLE = "data-ll-voorbeeld"
EXAMPLE_META = "voorbeeld"
# A hand-written page's `zoekwoorden` (its front matter): words a reader may search it by that it does not say
# ("avg" for Privacy, "colofon" for Over deze site). They travel with the page's HTML to the index only, in this
# element (with_keywords), and are indexed like the parts of its title: hidden, weighted below the title.
KEYWORDS = re.compile(r'<p data-ll-zoekwoorden>([^<]*)</p>')
# What kind of item a page is, in the line above its title ("Tafels · intervisiegroep · landelijk": the kicker),
# marked data-ll-kenmerk in the template. Its words (not what it marks data-pagefind-ignore inside, such as the link
# to the overview) are found as the page's text is, but the document moves them after the page's own text, among the
# hidden words: a result's excerpt never starts with "· intervisiegroep · landelijk." (without_marked).
MARKED = "data-ll-kenmerk"
MARKED_META = "kenmerk"  # that line's text: a result shows it when it alone holds the searched word (40-resultaten.js)
MARKED_START = re.compile(rf"<([A-Za-z][A-Za-z0-9]*){ATTRIBUTES}\s+{MARKED}(?=[\s>/=])")


def keywords_problem(keywords: object) -> str | None:
    """What is wrong with a page's `zoekwoorden` (a text with commas, or a list of texts), in Dutch; None if nothing.
    YAML makes `2024` or `yes` in a list a number or a truth value: that is said too, not silently changed."""
    if keywords is None or isinstance(keywords, str):
        return None
    if isinstance(keywords, list) and all(isinstance(k, str) for k in keywords):
        return None
    return ("zoekwoorden moet woorden met komma's ertussen zijn (zoekwoorden: avg, gdpr) of een lijst van woorden; "
            f"nu staat er {shown(keywords)}. Staat er een getal of een woord als yes, no, on of off in? Zet het dan tussen "
            "aanhalingstekens.")


def with_keywords(html_text: str, keywords: object) -> str:
    """The page's HTML for the index, with its front matter's `zoekwoorden` in the element KEYWORDS reads (only the
    index sees it, never the site). Keywords with a problem (keywords_problem) are left out."""
    if keywords_problem(keywords):
        return html_text
    items = keywords.split(",") if isinstance(keywords, str) else keywords if isinstance(keywords, list) else []
    found = " ".join(k.strip() for k in items if k.strip())
    return f"{html_text}<p data-ll-zoekwoorden>{html.escape(found)}</p>" if found else html_text


def kind_of(url: str, body: str, handwritten: bool) -> str:
    found = SOORT.search(body)
    if found:
        return html.unescape(found.group(1))
    if handwritten:
        return "pagina"
    return BRON.name if url.startswith(f"{BRON.folder}/") and url.count("/") == 2 else "overzicht"


def label_of(kind: str) -> str:
    """'praktijk' -> 'Goede praktijk': the kind of a search result in words."""
    known = active().by_name.get(kind)
    return (known.label or known.name.capitalize()) if known else LABELS.get(kind, kind.capitalize())


def element_end(body: str, start: re.Match[str]) -> int:
    """Where the element whose start tag `start` found (group 1: its name) ends in `body`, after its end tag."""
    name = start.group(1)
    tags = re.compile(rf"<(/?){name}\b[^<>]*?(/?)>", re.I)
    depth = 0
    for tag in tags.finditer(body, start.start()):
        if depth == 0 and (tag.group(2) or name.lower() in VOID):  # <br data-pagefind-ignore/>: nothing inside
            return tag.end()
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return len(body)


def without_ids(body: str) -> str:
    """`body` without the id attributes of its start tags: ` id="…"` (or '…') after `<` and a letter, with no `<` or
    `>` between the two, is removed; text that says id= is kept. The first such attribute of a tag goes, as a regular
    expression would take it (tests/test_searchindex.py holds that expression and compares). Found from each `id=`
    instead of trying every tag of the page: 0.25 -> 0.05 s at 1000 items, on the index's longest path."""
    out, at = [], 0
    k = body.find("id=", 1)
    while k >= 0:
        j = k - 1  # where the attribute's white space is
        if j >= at and body[j].isspace():
            lt = body.rfind("<", at, j)
            if lt >= 0 and lt + 2 <= j and body[lt + 1] in LETTERS and body.find(">", lt, j) < 0:
                attribute = ID_VALUE.match(body, j)
                if attribute is not None:
                    out.append(body[at:j])
                    at = attribute.end()
                    k = body.find("id=", at + 1)
                    continue
        k = body.find("id=", k + 1)
    out.append(body[at:])
    return "".join(out)


def without_body_attribute(body: str) -> str:
    """`body` without ` data-pagefind-body` (and its quoted value, if any) wherever white space comes before it: what
    re.sub(r'\\sdata-pagefind-body(?:="[^"]*")?', "", body) removes (tests/test_searchindex.py holds that expression
    and compares). Found from each name instead: a pattern that starts with white space is tried at every space of
    the page (0.09 -> 0.02 s at 1000 items, on the index's longest path)."""
    out, at = [], 0
    k = body.find(BODY_NAME, 1)
    while k >= 0:
        if k - 1 >= at and body[k - 1].isspace():  # the same white space as the pattern's \s (Unicode)
            end = BODY_VALUE.match(body, k + len(BODY_NAME))
            assert end is not None  # an optional group always matches
            out.append(body[at:k - 1])
            at = end.end()
            k = body.find(BODY_NAME, at)
        else:
            k = body.find(BODY_NAME, k + 1)
    out.append(body[at:])
    return "".join(out)


def without_elements(body: str, start_tag: re.Pattern[str]) -> tuple[str, list[str]]:
    """`body` without the elements whose start tag `start_tag` finds (each leaves a space), and those elements."""
    out, taken, at = [], [], 0
    while (start := start_tag.search(body, at)) is not None:
        out.append(body[at:start.start()])
        out.append(" ")
        at = element_end(body, start)
        taken.append(body[start.start():at])
    out.append(body[at:])
    return "".join(out), taken


def without_ignored(body: str) -> str:
    """`body` without the elements marked data-pagefind-ignore (and what is inside them)."""
    return without_elements(body, IGNORED_START)[0]


def without_marked(body: str) -> tuple[str, list[str], str]:
    """`body` without the elements marked MARKED, their words (not those of what is ignored inside them), and their
    text as the page shows it, without the separators at its ends ("intervisiegroep · landelijk")."""
    if MARKED not in body:
        return body, [], ""
    rest, marked = without_elements(body, MARKED_START)
    texts = [" ".join(text_of(without_ignored(element)).split()).strip(" ·") for element in marked]
    return rest, [w for text in texts for w in words(text)], " · ".join(text for text in texts if text)


def own_part(body: str) -> str:
    """The element of `body` marked data-pagefind-body (an item's <article>), or all of `body` when none is marked.
    What a template puts after it (the editor's links "Voor wie de site bijhoudt: Aanpassen") is not the item's
    text: Pagefind itself leaves out what is outside such an element, and so does the document made of the page."""
    start = BODY_START.search(body)
    return body[start.start():element_end(body, start)] if start else body


def section_of(url: str) -> str:
    first = url.strip("/").split("/")[0]
    kind = active().by_folder.get(first)
    if kind is not None and kind.overview:
        return kind.overview
    return SECTIONS.get(first, "Over deze site")


class Writer:
    """Writes the Pagefind documents into a folder and keeps the site's vocabulary."""

    def __init__(self, folder: Path, splitter: Splitter | None = None):
        self.folder = folder
        self.splitter = splitter or Splitter()
        self.words = Vocabulary()
        self.urls: list[str] = []
        self._plain: dict[str, str] = {}  # word -> without accents (the same few thousand words on every page)

    def plain(self, word: str) -> str:
        """patterns.without_accents, kept per word."""
        found = self._plain.get(word)
        if found is None:
            found = self._plain[word] = without_accents(word)
        return found

    def page(self, url: str, title: str, body: str, handwritten: bool = False) -> None:
        if NOT_SEARCHABLE in body:  # e.g. a neighbour's page before anything of theirs was read
            return
        target = self.folder / url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.document(url, title, body, handwritten), encoding="utf-8")
        self.urls.append(url)

    def document(self, url: str, title: str, body: str, handwritten: bool) -> str:
        keywords = words(html.unescape(" ".join(KEYWORDS.findall(body)))) if handwritten else []
        body, marked, about = without_marked(own_part(KEYWORDS.sub("", body)))
        kind = kind_of(url, body, handwritten)
        text_words = words(text_of(SKIPPED.sub(" ", without_ignored(body))))
        title_words = words(title)
        # a bouwsteen's title is an order: its verb as a reader types it ("inzetten", "coördineren"), unless the page has it
        verbs = order_verbs(title_words, self.splitter.freq.__contains__) if kind == "bouwsteen" else []
        verbs = [verb for verb in verbs if verb not in text_words and verb not in self.words.stop]
        title_parts = [*dict.fromkeys([*keywords, *verbs, *self.splitter.parts_of_words(title_words)])]
        # a part that is also a word of the page is found through that word: repeating it only makes results bigger
        seen = {*text_words, *marked}
        # The words of the page's own name in its address that the page does not say: an editor chose the name
        # ("pilots" in praktijken/pilots-blijvend-lerende-omgeving/, "teamsessie"), and a reader may know the item by it.
        # An address has no accents and may name a longer form the page does say ("coordinator" for the page that
        # says "Coördinatoren"): such a word is the page's own word, and adding it would hide the accented one.
        said = {self.plain(w) for w in {*text_words, *marked, *title_words}}
        named = [w for w in dict.fromkeys(words(url.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")))
                 if w.isalpha() and len(w) >= 3 and not any(s.startswith(w) for s in said)]
        parts = [p for p in self.splitter.parts_of_words([*text_words, *marked, *named])
                 if p not in title_parts and p not in seen]
        parts = [*named, *(p for p in parts if p not in named)]
        self.words.add([*title_words, *text_words, *marked, *title_parts, *parts], title_words)
        low = kind == "vraag" or (kind == "bijeenkomst" and len(text_words) < FEW_WORDS)
        weight = f' data-pagefind-weight="{LOW_WEIGHT}"' if low else ""
        heading = "" if H1.search(body) else f"<h1>{html.escape(title)}</h1>"
        extra = "".join(f'<p data-pagefind-weight="{w}">{html.escape(" ".join(ps))}</p>'
                        for w, ps in ((LOW_WEIGHT if low else TEXT_WEIGHT, marked),
                                      (LOW_WEIGHT if low else TITLE_PARTS_WEIGHT, title_parts), (PARTS_WEIGHT, parts))
                        if ps)
        own = without_ids(without_body_attribute(body))
        meta = [("soortnaam", label_of(kind)), ("deel", section_of(url))]
        if EXAMPLE in body:
            meta.append((EXAMPLE_META, "ja"))
        hidden = len(marked) + len(title_parts) + len(parts)  # one word each, the last words of Pagefind's text of the page
        if hidden:
            meta.append((HIDDEN_META, str(hidden)))
        if about:
            meta.append((MARKED_META, about))
        spans = "".join(f'<span data-pagefind-meta="{key}:{html.escape(value)}"></span>' for key, value in meta)
        if not SOORT.search(body):
            spans += f'<span data-pagefind-filter="soort:{html.escape(kind)}"></span>'
        return (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
                f'</head><body><main data-pagefind-body><div{weight}>{heading}{own}</div>'
                f"{extra}{spans}</main></body></html>")

    def vocabulary(self, synonyms: dict[str, list[str]]) -> str:
        return self.words.json(synonyms)

    def write_vocabulary(self, path: Path, synonyms: dict[str, list[str]],
                         terms: dict[str, tuple[str, str]] | None = None) -> None:
        """The whole list at `path`, the small files in the folder VOCABULARY_PARTS next to it."""
        synonyms = self.words.with_tails(synonyms, terms)
        path.write_text(self.vocabulary(synonyms), encoding="utf-8")
        folder = path.parent / VOCABULARY_PARTS
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in self.words.parts(synonyms, terms).items():
            (folder / name).write_text(text, encoding="utf-8")
