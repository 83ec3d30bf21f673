"""The base of every item read from one content file: where it was read from, and the tuple types of its fields."""
from __future__ import annotations

from dataclasses import dataclass, field

Ids = tuple[str, ...]
Texts = tuple[str, ...]


@dataclass(frozen=True)
class Herkomst:
    """Where an item was read from, so messages, edit links, freshness and open data name the real file."""

    laag: str  # "content" (upstream: national content and the example region) or "regio" (a region's fork)
    pad: str  # path from the project root with forward slashes, e.g. "regio/praktijken/x.yaml"
    regels: tuple[tuple[str, int], ...] = ()  # line of each top-level field, e.g. (("herzien_voor", 12),)

    def regel(self, veld: str) -> int:
        return dict(self.regels).get(veld, 1)


@dataclass(frozen=True)
class Bestand:
    """An item read from one content file. The loader fills `herkomst`; equality ignores it."""

    herkomst: Herkomst | None = field(default=None, kw_only=True, compare=False, repr=False)
    # True for an invented example (its bron has soort "voorbeeld"); the loader then also starts its title
    # with "Voorbeeld: ", so every page, list, feed, calendar and search result that shows the title labels it.
    voorbeeld: bool = field(default=False, kw_only=True)
