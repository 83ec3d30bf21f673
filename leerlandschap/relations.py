"""Relations computed from references: every link has its way back, and none is written by hand.

Collect first, render later: one pass over the model fills every index, so page generation is a
lookup and the cost grows linearly with the number of items.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from .herkomst import Bestand
from .kinds import BIJEENKOMST, BOUWSTEEN, PRAKTIJK, ROL, TAFEL, THEMA, VRAGENSET
from .model import Bijeenkomst, Bouwsteen, Content, Leervraag, Praktijk, Reflectievraag, Tafel, Vragenset

V = TypeVar("V")


def _lists() -> defaultdict[str, list[V]]:
    return defaultdict(list)


@dataclass
class Relations:
    bouwstenen_by_thema: defaultdict[str, list[Bouwsteen]] = field(default_factory=_lists)  # thema -> [Bouwsteen]
    praktijken_by_bouwsteen: defaultdict[str, list[Praktijk]] = field(default_factory=_lists)  # bouwsteen -> [Praktijk]
    bijeenkomsten_by_bouwsteen: defaultdict[str, list[Bijeenkomst]] = field(default_factory=_lists)  # bouwsteen -> [Bijeenkomst]
    tafels_by_bouwsteen: defaultdict[str, list[Tafel]] = field(default_factory=_lists)  # bouwsteen -> [Tafel]
    vragensets_by_bouwsteen: defaultdict[str, list[Vragenset]] = field(default_factory=_lists)  # bouwsteen -> [Vragenset]
    vragensets_by_vraag: defaultdict[str, list[Vragenset]] = field(default_factory=_lists)  # "b/v" -> [Vragenset]
    vragen_by_rol: defaultdict[str, list[tuple[Bouwsteen, Reflectievraag]]] = field(default_factory=_lists)  # rol -> [(Bouwsteen, Reflectievraag)]
    leervragen_by_rol: defaultdict[str, list[tuple[Bouwsteen, Leervraag]]] = field(default_factory=_lists)  # rol -> [(Bouwsteen, Leervraag)]
    vragensets_by_rol: defaultdict[str, list[Vragenset]] = field(default_factory=_lists)  # rol -> [Vragenset]
    tafels_by_rol: defaultdict[str, list[Tafel]] = field(default_factory=_lists)  # rol -> [Tafel]
    bijeenkomsten_by_tafel: defaultdict[str, list[Bijeenkomst]] = field(default_factory=_lists)  # tafel -> [Bijeenkomst]
    items_by_bron: defaultdict[str, list[tuple[str, Bestand]]] = field(default_factory=_lists)  # bron -> [(kind, item)]

    def themas_of(self, content: Content, bouwsteen_ids: Iterable[str]) -> list[str]:
        """Thema ids touched by these bouwstenen, in thema order, without repeats."""
        touched = {content.of(BOUWSTEEN)[b].thema for b in bouwsteen_ids}
        return [t for t in content.of(THEMA) if t in touched]


def compute(content: Content) -> Relations:
    r = Relations()
    for b in content.of(BOUWSTEEN).values():
        r.bouwstenen_by_thema[b.thema].append(b)
        r.items_by_bron[b.bron].append(("bouwsteen", b))
        if b.regio_bron:  # what the region adds to it (regio/aanvullingen/)
            r.items_by_bron[b.regio_bron].append(("aanvulling", b))
        for vraag in b.reflectievragen:
            for rol in vraag.rollen:
                r.vragen_by_rol[rol].append((b, vraag))
        for leervraag in b.leervragen:
            r.leervragen_by_rol[leervraag.rol].append((b, leervraag))
    for p in content.of(PRAKTIJK).values():
        r.items_by_bron[p.bron].append(("praktijk", p))
        for b_id in p.bouwstenen:
            r.praktijken_by_bouwsteen[b_id].append(p)
    for s in content.of(VRAGENSET).values():
        r.items_by_bron[s.bron].append(("vragenset", s))
        if s.werkwijze_bron and s.werkwijze_bron != s.bron:  # the werkwijze has a source of its own: it is used there too
            r.items_by_bron[s.werkwijze_bron].append(("werkwijze", s))
        for rol in s.rollen:
            r.vragensets_by_rol[rol].append(s)
        for ref in s.vragen:
            r.vragensets_by_vraag[ref].append(s)
        for b_id in dict.fromkeys(ref.partition("/")[0] for ref in s.vragen):
            r.vragensets_by_bouwsteen[b_id].append(s)
    for t in content.of(TAFEL).values():
        r.items_by_bron[t.bron].append(("tafel", t))
        for b_id in t.bouwstenen:
            r.tafels_by_bouwsteen[b_id].append(t)
        for rol in dict.fromkeys(d.rol for d in t.deelnemers):
            r.tafels_by_rol[rol].append(t)
    for m in content.of(BIJEENKOMST).values():
        r.bijeenkomsten_by_tafel[m.tafel].append(m)
        if m.bron:
            r.items_by_bron[m.bron].append(("bijeenkomst", m))
        for b_id in m.opbrengst.bouwstenen:
            r.bijeenkomsten_by_bouwsteen[b_id].append(m)
    for kind, items in (("thema", content.of(THEMA)), ("rol", content.of(ROL))):
        for item in items.values():
            r.items_by_bron[item.bron].append((kind, item))
    r.items_by_bron[content.regio.bron].append(("regio", content.regio))  # the home page's words about the region
    return r

