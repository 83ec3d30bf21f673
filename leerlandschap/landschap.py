"""The landscape at a glance: tafels by kind and status, and how well the bouwstenen are covered.

Numbers only; the page template draws them as SVG (no chart library, nothing fetched) and repeats
them in a table, which is also the charts' text alternative. Invented examples never count: the
landscape shows what really happens in the region.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import Bouwsteen, Content
from .relations import Relations


@dataclass(frozen=True)
class Dekking:
    bouwsteen: Bouwsteen
    praktijken: int
    opbrengsten: int
    vragensets: int

    @property
    def totaal(self) -> int:
        return self.praktijken + self.opbrengsten + self.vragensets


def coverage(content: Content, r: Relations) -> list[Dekking]:
    def real(items: list) -> int:
        return sum(1 for item in items if not item.voorbeeld)

    return [Dekking(b, real(r.praktijken_by_bouwsteen[b.id]), real(r.bijeenkomsten_by_bouwsteen[b.id]),
                    real(r.vragensets_by_bouwsteen[b.id])) for b in content.bouwstenen.values()]


def tafel_counts(content: Content) -> dict[str, list[tuple[str, int]]]:
    """Counts by kind, by status and by frequency, in a stable order."""
    tafels = [t for t in content.tafels.values() if not t.voorbeeld]
    by = lambda attr: sorted(Counter(getattr(t, attr) or "onbekend" for t in tafels).items())
    return {"soort": by("soort"), "status": by("status"), "frequentie": by("frequentie")}
