"""Readable, stable Dutch URLs from ids, and relative links between them.

Generated HTML links with relative URLs computed here (MkDocs only rewrites links in Markdown),
so a page works under any base path and from a sub-folder deployment.
"""
from __future__ import annotations

import posixpath

from .kinds import ITEM_KINDS

SECTIONS = {k.name: k.folder for k in ITEM_KINDS}  # an item's pages live under its kind's folder name


def item_url(kind: str, ident: str) -> str:
    """'bouwsteen', 'x' -> 'bouwstenen/x/'. Meetings: 'bijeenkomst', 'tafel/datum' -> 'tafels/tafel/datum/'."""
    if kind == "bijeenkomst":
        return f"tafels/{ident}/"
    if kind == "vraag":  # "bouwsteen-id/vraag-id"
        return f"bouwstenen/{ident}/"
    return f"{SECTIONS[kind]}/{ident}/"


def overview_url(kind: str) -> str:
    return f"{SECTIONS[kind]}/"


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
    rel = posixpath.relpath("/" + path, "/" + from_url) if path != from_url else "."
    is_file = bool(path) and not path.endswith("/")  # e.g. 'agenda/x.ics' keeps its name
    rel = "./" if rel == "." else rel if is_file else rel.rstrip("/") + "/"
    return rel + (f"#{anchor}" if anchor else "")
