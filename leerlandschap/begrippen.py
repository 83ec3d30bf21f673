"""The Begrippen page (docs/begrippen.md) as a site shows it: without the example region's own entries in a fork.

Upstream's glossary explains the words of the national content and of the example region (Flevoland). An entry that
only makes sense for the example region has the class `voorbeeldregio` on its heading, `## KDC {#kdc .voorbeeldregio}`:
that marker is the only list of them. A region's fork (regio/regio.yml, discover.shows_example) does not show the
example region, so its site leaves those entries out, everywhere the glossary is used:

- the page itself (`for_site`: the macros hook for MkDocs, scripts/zensical_build.py for the Zensical export);
- the links from item pages to the glossary (pages.jargon_in with `Begrippen.hidden`);
- the search's glossary data and synonyms (searchwords.terms_from, synonyms_from with `Begrippen.markdown`).

No MkDocs here: the core reads the page as plain text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

EXAMPLE_ONLY = "voorbeeldregio"  # the class on the heading of an entry that belongs to the example region only
PAGE = Path("docs") / "begrippen.md"  # the Begrippen page, from the project's folder
# A heading with an optional attribute list (attr_list): "## Term {#anchor .class}" -> level, title, attributes.
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*(?:\{:?\s*([^}]*)\})?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_SOURCE_LINES = re.compile(r"^Bron: (.+?)(?:\n\s*\n|\Z)", re.M | re.S)  # an entry's "Bron:" paragraph
_ITALIC = re.compile(r"\*([^*\n][^*]*?)\*")  # *title*, also across a line break


@dataclass(frozen=True)
class Heading:
    level: int
    title: str  # as written, without the attribute list
    anchor: str | None  # the `#anchor` of its attribute list
    example_only: bool  # it carries the class EXAMPLE_ONLY


def heading(line: str) -> Heading | None:
    """The heading on this line of Markdown, or None."""
    found = HEADING.match(line)
    if not found:
        return None
    attributes = (found.group(3) or "").split()
    anchor = next((a[1:] for a in attributes if a.startswith("#")), None)
    return Heading(len(found.group(1)), found.group(2), anchor or None, "." + EXAMPLE_ONLY in attributes)


def _sections(markdown: str) -> list[tuple[Heading | None, list[str]]]:
    """The page cut at its headings (not in fenced code): the text before the first, then each heading with its lines."""
    found: list[tuple[Heading | None, list[str]]] = [(None, [])]
    fenced = False
    for line in markdown.splitlines(keepends=True):
        if _FENCE.match(line):
            fenced = not fenced
        head = None if fenced else heading(line.rstrip("\n"))
        if head is not None:
            found.append((head, []))
        found[-1][1].append(line)
    return found


def example_only(markdown: str) -> frozenset[str]:
    """The anchors of the entries that belong to the example region only."""
    return frozenset(head.anchor for head, _ in _sections(markdown) if head and head.example_only and head.anchor)


def for_site(markdown: str, voorbeeldregio: bool) -> str:
    """The page as a site shows it. With the example region (upstream) as written. Without it (a fork): every section
    whose heading is marked EXAMPLE_ONLY is left out, with the sections under it, and a link on the page to a left-out
    anchor (`[pijlers](#pijler)`) becomes its plain text."""
    if voorbeeldregio or "." + EXAMPLE_ONLY not in markdown:
        return markdown
    kept: list[str] = []
    removed: set[str] = set()
    inside: int | None = None  # the level of the left-out heading whose section this is
    for head, lines in _sections(markdown):
        if head is not None and inside is not None and head.level <= inside:
            inside = None
        if head is not None and inside is None and head.example_only:
            inside = head.level
        if inside is None:
            kept += lines
        elif head is not None and head.anchor:
            removed.add(head.anchor)
    text = "".join(kept)
    if removed:
        links = re.compile(r"\[([^\]\n]+)\]\(#(" + "|".join(map(re.escape, sorted(removed))) + r")\)")
        text = links.sub(r"\1", text)
    return text


@dataclass(frozen=True)
class Begrippen:
    """A site's Begrippen page: its file, and whether the site shows the example region (upstream's does)."""

    path: Path
    voorbeeldregio: bool = True

    def markdown(self) -> str:
        """The page's Markdown as the site shows it; '' when there is no such file."""
        if not self.path.is_file():
            return ""
        return for_site(self.path.read_text(encoding="utf-8"), self.voorbeeldregio)

    def hidden(self) -> frozenset[str]:
        """The anchors of the entries the site leaves out: none on upstream's site."""
        if self.voorbeeldregio or not self.path.is_file():
            return frozenset()
        return example_only(self.path.read_text(encoding="utf-8"))

    def citing(self, titels: Iterable[str]) -> set[str]:
        """The titles of sources that an entry the site shows names in its "Bron:" paragraph, in italics as written
        there: the whole title, or its part before a colon ('*Samenwerken aan een lerende regio*')."""
        cited = {" ".join(name.split()) for paragraph in _SOURCE_LINES.findall(self.markdown())
                 for name in _ITALIC.findall(paragraph)}
        return {t for t in titels if t in cited or any(t.startswith(f"{name}:") for name in cited)}
