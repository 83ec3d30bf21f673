"""Agreements through time: an agreement made at one meeting stays open until a later meeting closes it.

A later meeting updates an agreement by repeating its id (often with only a new status). Agreements
without an id cannot be updated and keep the status they were given. Everything here is computed
from the meeting files; nobody maintains a list of open agreements by hand.
"""
from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from .kinds import BIJEENKOMST, ROL
from .model import Afspraak, Bijeenkomst, Content

T = TypeVar("T")

OPEN = ("open", "loopt")


@dataclass
class Verloop:
    """One agreement and every meeting that mentioned it, in date order."""

    key: str
    tafel: str
    stappen: list[tuple[Bijeenkomst, Afspraak]] = field(default_factory=list)

    def _last(self, field_of: Callable[[Afspraak], T | None], until: Bijeenkomst | None = None) -> T | None:
        """The latest value a meeting gave (an empty value does not count as given)."""
        for _meeting, afspraak in reversed(self.upto(until)):
            if field_of(afspraak):
                return field_of(afspraak)
        return None

    def upto(self, meeting: Bijeenkomst | None) -> list[tuple[Bijeenkomst, Afspraak]]:
        if meeting is None:
            return self.stappen
        return [(m, a) for m, a in self.stappen if (m.datum, m.id) <= (meeting.datum, meeting.id)]

    @property
    def tekst(self) -> str:
        return self._last(lambda a: a.tekst) or ""

    @property
    def eigenaar(self) -> str | None:
        return self._last(lambda a: a.eigenaar)

    @property
    def deadline(self) -> datetime.date | None:
        return self._last(lambda a: a.deadline)

    @property
    def gemaakt(self) -> Bijeenkomst:
        return self.stappen[0][0]

    def status(self, until: Bijeenkomst | None = None) -> str:
        return self.upto(until)[-1][1].status

    @property
    def is_open(self) -> bool:
        return self.status() in OPEN


@dataclass
class Moment:
    """What the timeline shows at one meeting."""

    bijeenkomst: Bijeenkomst
    nieuw: list[Verloop]
    bijgewerkt: list[tuple[Verloop, str]]  # (agreement, status it got at this meeting)
    doorgeschoven: list[Verloop]  # made earlier, still open, not discussed at this meeting


def agreements(content: Content) -> dict[str, list[Verloop]]:
    """Per tafel, every agreement in the order it was made."""
    per_tafel: dict[str, dict[str, Verloop]] = {}
    for meeting in sorted(content.of(BIJEENKOMST).values(), key=lambda m: (m.datum, m.id)):
        tafel = per_tafel.setdefault(meeting.tafel, {})
        for index, afspraak in enumerate(meeting.opbrengst.afspraken):
            key = afspraak.id or f"{meeting.id}#{index + 1}"
            tafel.setdefault(key, Verloop(key, meeting.tafel)).stappen.append((meeting, afspraak))
    return {t: list(v.values()) for t, v in per_tafel.items()}


def timeline(meetings: list[Bijeenkomst], verlopen: list[Verloop]) -> list[Moment]:
    moments = []
    for meeting in sorted(meetings, key=lambda m: (m.datum, m.id)):
        here = [v for v in verlopen if any(m is meeting for m, _ in v.stappen)]
        nieuw = [v for v in here if v.gemaakt is meeting]
        bijgewerkt = [(v, v.status(meeting)) for v in here if v.gemaakt is not meeting]
        before = [v for v in verlopen if (v.gemaakt.datum, v.gemaakt.id) < (meeting.datum, meeting.id) and v not in here]
        doorgeschoven = [v for v in before if v.status(meeting) in OPEN]
        moments.append(Moment(meeting, nieuw, bijgewerkt, doorgeschoven))
    return moments


def open_agreements(content: Content) -> list[Verloop]:
    """All open agreements across tafels: by owner role, then due date (none last), then text."""
    everything = [v for verlopen in agreements(content).values() for v in verlopen if v.is_open]
    rol_order = {rol: i for i, rol in enumerate(content.of(ROL))}
    return sorted(everything, key=lambda v: (rol_order.get(v.eigenaar or "", len(rol_order)), v.deadline or datetime.date.max,
                                             v.tekst))
