"""Which pages an edit changes, so a preview re-renders only those (`make serve`, under a second at 1000 items).

An item's page shows the item and the titles and details of the items it points to and that point to it
(backlinks). So after an edit, the pages to render again are those of the changed items, of everything linked
to them before or after the edit, and every page about many items at once (overviews, agreements, landscape,
news), which are always rendered again. A tafel's page and its meetings show one timeline, so they go together,
and what their meetings link to names the tafel as well.
Changes to the shared vocabulary (themas, rollen, bronnen, the region file) reach almost every page: those
render everything. tests/test_preview.py checks, edit by edit, that this equals rendering the whole site.
"""
from __future__ import annotations

import dataclasses

from .kinds import BIJEENKOMST, BOUWSTEEN, BRON, ROL, TAFEL, THEMA, active
from .model import Bijeenkomst, Content
from .opendata import plain
from .schemas import Schema
from .urls import QUESTION

Key = tuple[str, str]  # (kind, id), e.g. ("praktijk", "samen-lunchen")
EVERYTHING_KINDS = {THEMA.name, ROL.name, BRON.name}  # the vocabulary every page names: an edit there renders all pages


def items(content: Content) -> dict[Key, object]:
    return {(kind.name, ident): item for kind in active().page_kinds for ident, item in content.of(kind).items()}


References = dict[Key, tuple[object, frozenset[Key]]]  # key -> (the item, the keys it refers to)


def references(content: Content, earlier: References | None = None) -> References:
    """What every item refers to. An item equal to its version in `earlier` keeps that answer: a preview after one
    save works out the references of the edited item only, not of all 1000."""
    schemas: dict[str, Schema] = {}
    found: References = {}
    for (kind, ident), item in items(content).items():
        kept = (earlier or {}).get((kind, ident))
        if kept is not None and kept[0] == item:
            found[(kind, ident)] = kept
            continue
        schema = schemas.setdefault(kind, Schema.load(kind))
        found[(kind, ident)] = (item, frozenset((ref.kind if ref.kind != QUESTION else BOUWSTEEN.name, ref.target.partition("/")[0])
                                               for ref in schema.references(plain(item))))
    return found


def links(content: Content, refs: References | None = None) -> dict[Key, set[Key]]:
    """Both directions of every reference between items: key -> the keys it is linked with."""
    linked: dict[Key, set[Key]] = {}

    def link(a: Key, b: Key) -> None:
        linked.setdefault(a, set()).add(b)
        linked.setdefault(b, set()).add(a)

    for key, (item, targets) in (references(content) if refs is None else refs).items():
        for target in targets:
            link(key, target)
        if isinstance(item, Bijeenkomst):
            link(key, (TAFEL.name, item.tafel))
            if not item.bron:
                link(key, (BRON.name, content.of(TAFEL)[item.tafel].bron))
    return linked


def affected(old: Content, new: Content, old_refs: References | None = None,
             new_refs: References | None = None) -> set[Key] | None:
    """The items whose pages must be rendered again after going from `old` to `new`; None means all of them.
    `old_refs`/`new_refs`: references() of both, when the caller keeps them (else they are worked out here)."""
    if dataclasses.replace(old.regio, herkomst=None) != dataclasses.replace(new.regio, herkomst=None):
        return None
    before, after = items(old), items(new)
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    if any(kind in EVERYTHING_KINDS for kind, _ in changed):
        return None
    old_links, new_links = links(old, old_refs), links(new, new_refs)
    result = set(changed)
    for key in changed:
        result |= old_links.get(key, set()) | new_links.get(key, set())
    # A tafel's timeline runs through all its meetings (agreements carry forward): a change to one of them, or to
    # the tafel, renders the tafel and all its meetings.
    tafels = {ident for kind, ident in result if kind == TAFEL.name}
    tafels |= {m.tafel for content in (old, new) for (kind, ident), m in items(content).items()
               if kind == BIJEENKOMST.name and (kind, ident) in result and isinstance(m, Bijeenkomst)}
    for content in (old, new):
        result |= {(TAFEL.name, t) for t in tafels if t in content.of(TAFEL)}
        result |= {(BIJEENKOMST.name, m.id) for m in content.of(BIJEENKOMST).values() if m.tafel in tafels}
    # Pages that list a meeting's outcome name its tafel too (a bouwsteen's "opbrengsten van tafels").
    for key in [k for k in result if k[0] == BIJEENKOMST.name and k[1].partition("/")[0] in tafels]:
        result |= old_links.get(key, set()) | new_links.get(key, set())
    return result
