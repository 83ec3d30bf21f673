"""Readable, stable Dutch URLs from ids, and relative links between them.

Generated HTML links with relative URLs computed here (MkDocs only rewrites links in Markdown),
so a page works under any base path and from a sub-folder deployment.
"""
from __future__ import annotations

import posixpath

from .kinds import BOUWSTEEN, active

QUESTION = "vraag"  # a reflection question's page: "bouwsteen-id/vraag-id", under its bouwsteen


def section(kind: str) -> str:
    """The URL section of a kind's pages (kinds.Kind.section): an item's pages live under its kind's folder name."""
    return BOUWSTEEN.section if kind == QUESTION else active().by_name[kind].section


def item_url(kind: str, ident: str) -> str:
    """'bouwsteen', 'x' -> 'bouwstenen/x/'. Meetings: 'bijeenkomst', 'tafel/datum' -> 'tafels/tafel/datum/'."""
    return f"{section(kind)}/{ident}/"


def overview_url(kind: str) -> str:
    return f"{section(kind)}/"


def src_uri(url: str) -> str:
    """The Markdown source path MkDocs needs for a page URL: 'bouwstenen/x/' -> 'bouwstenen/x.md'."""
    stripped = url.strip("/")
    if not stripped:
        return "index.md"
    if "/" not in stripped:  # a section's own page, e.g. 'bouwstenen/' or 'afspraken/'
        return f"{stripped}/index.md"
    return f"{stripped}.md"


def relative(from_url: str, to_url: str) -> str:
    """Relative link between two directory-style URLs ('' is the home page); keeps '#anchor'."""
    path, _, anchor = to_url.partition("#")
    rel = _relpath(path, from_url) if path != from_url else "."
    is_file = bool(path) and not path.endswith("/")  # e.g. 'agenda/x.ics' keeps its name
    rel = "./" if rel == "." else rel if is_file else rel.rstrip("/") + "/"
    return rel + (f"#{anchor}" if anchor else "")


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath('/' + path, '/' + start), without its normalising when no segment is '.' or '..' (our URLs):
    it runs for every link of every page."""
    to, base = [x for x in path.split("/") if x], [x for x in start.split("/") if x]
    if any(x in (".", "..") for x in (*to, *base)):
        return posixpath.relpath("/" + path, "/" + start)
    common = 0
    for a, b in zip(to, base, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."
