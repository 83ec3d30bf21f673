"""The typed content model: every kind of item as a frozen dataclass, and the checked content as a whole.

The region file's part is in regiomodel.py, the base of every item in herkomst.py. Field names are the Dutch keys
authors write in YAML (`schemas/`); items are built only from data that passed the schema check: nothing here validates.
"""
from __future__ import annotations

import dataclasses
import datetime
import functools
import types
import typing
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .herkomst import Bestand, Ids, Texts
from .regiomodel import Regio

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
B = TypeVar("B", bound=Bestand)


@dataclass(frozen=True)
class Bron(Bestand):
    id: str
    titel: str
    uitgever: str
    soort: str
    jaar: int | None = None
    url: str | None = None
    toelichting: str = ""


@dataclass(frozen=True)
class Thema(Bestand):
    id: str
    titel: str
    onderdeel: str
    volgorde: int
    samenvatting: str
    bron: str
    toelichting: str = ""


@dataclass(frozen=True)
class Rol(Bestand):
    id: str
    titel: str
    meervoud: str
    beschrijving: str
    bron: str


@dataclass(frozen=True)
class Reflectievraag:
    id: str
    vraag: str
    rollen: Ids = ()
    regionaal: bool = False  # added by the region (regio/aanvullingen/)


@dataclass(frozen=True)
class Leervraag:
    rol: str
    vraag: str
    regionaal: bool = False


@dataclass(frozen=True)
class Bouwsteen(Bestand):
    id: str
    titel: str
    thema: str
    samenvatting: str
    toelichting: str
    bron: str
    volgorde: int = 100
    reflectievragen: tuple[Reflectievraag, ...] = ()
    leervragen: tuple[Leervraag, ...] = ()
    regio_toelichting: str = ""  # the region's own explanation (regio/aanvullingen/)
    regio_bron: str = ""  # the bron of the region's addition: of its explanation and its own questions
    indeling: str = "bron"  # who chose the roles of its reflection questions: "bron" (the source) or "site" (this site)
    bron_plek: str = ""  # where in the source: a heading or short passage
    leervragen_ook_bij: str = ""  # the other bouwsteen on the source's page of its leervragen when the source does not say which (_macros.html)

    def vraag_ref(self, vraag: Reflectievraag) -> str:
        """The id other items use for one of this bouwsteen's questions."""
        return f"{self.id}/{vraag.id}"


@dataclass(frozen=True)
class Aanvulling(Bestand):
    """What a region adds to a national bouwsteen; the id is the bouwsteen's id."""

    id: str
    bron: str
    toelichting: str = ""
    reflectievragen: tuple[Reflectievraag, ...] = ()
    leervragen: tuple[Leervraag, ...] = ()


@dataclass(frozen=True)
class Praktijk(Bestand):
    id: str
    titel: str
    samenvatting: str
    beschrijving: str
    bouwstenen: Ids
    datum: datetime.date
    bron: str
    regio: str = ""
    organisaties: Texts = ()
    periode: str = ""
    geleerd: Texts = ()
    contact_rol: str | None = None
    eigenaar_rol: str | None = None
    herzien_voor: datetime.date | None = None
    indeling: str = "bron"  # who chose its bouwstenen: "bron" (the source or author) or "site" (this site)
    status: str = "onbekend"  # "in voorbereiding" is a plan, not yet done
    bron_plek: str = ""  # where in the source: a heading or short passage


@dataclass(frozen=True)
class Vragenset(Bestand):
    id: str
    titel: str
    doel: str
    rollen: Ids
    vragen: Ids  # "bouwsteen-id/vraag-id"
    datum: datetime.date
    bron: str
    duur_minuten: int | None = None
    werkvorm: str | None = None
    extra_vragen: Texts = ()
    werkwijze: str = ""
    werkwijze_bron: str | None = None  # the werkwijze's own bron, when it is not the set's
    samengesteld: bool = False  # composed by this site from the bron's questions (the bron gives no such set)


@dataclass(frozen=True)
class Deelnemer:
    rol: str
    organisatie: str = ""
    aantal: int | None = None


@dataclass(frozen=True)
class Opzet:
    schikken: Texts = ()
    dekken: Texts = ()
    manieren: Texts = ()


@dataclass(frozen=True)
class Tafel(Bestand):
    id: str
    titel: str
    soort: str
    samenvatting: str
    doel: str
    status: str
    bron: str
    onderzoeksvragen: Texts = ()
    deelnemers: tuple[Deelnemer, ...] = ()
    frequentie: str = ""
    startdatum: datetime.date | None = None
    einddatum: datetime.date | None = None
    opzet: Opzet = Opzet()
    regio: str = ""
    indeling: str = "bron"  # who chose its bouwstenen: "bron" (the source or author) or "site" (this site)
    bouwstenen: Ids = ()
    eigenaar_rol: str | None = None
    herzien_voor: datetime.date | None = None
    bron_plek: str = ""  # where in the source: a heading or short passage


@dataclass(frozen=True)
class Afspraak:
    status: str
    tekst: str = ""  # empty when a later meeting only updates an earlier agreement (same id)
    eigenaar: str | None = None
    id: str | None = None
    deadline: datetime.date | None = None


@dataclass(frozen=True)
class Opbrengst:
    inzichten: Texts = ()
    afspraken: tuple[Afspraak, ...] = ()
    vervolgacties: Texts = ()
    bouwstenen: Ids = ()


@dataclass(frozen=True)
class Bijeenkomst(Bestand):
    id: str  # "<tafel-id>/<file name>"
    tafel: str
    datum: datetime.date
    titel: str = ""
    tijd: str = ""
    locatie: str = ""
    fase: str | None = None
    deelnemers: Ids = ()
    opbrengst: Opbrengst = Opbrengst()
    verslag: str = ""
    bron: str | None = None  # None: the tafel's bron applies

    @property
    def heeft_uitkomst(self) -> bool:
        """Whether the meeting has an outcome (see `has_outcome`); without one, it is only announced."""
        o = self.opbrengst
        return has_outcome(o.inzichten, o.afspraken, o.vervolgacties, self.verslag)


def has_outcome(inzichten: typing.Sized, afspraken: typing.Sized, vervolgacties: typing.Sized, verslag: str) -> bool:
    """The rule "a meeting has an outcome", for our own meetings and a neighbour's alike: something of what the
    meeting yielded was written down, an insight, an agreement, a follow-up action or a report. The bouwstenen it
    touches are not an outcome on their own: they say what the meeting is about, which is known beforehand."""
    return bool(len(inzichten) or len(afspraken) or len(vervolgacties) or verslag)


class KindOf(typing.Protocol[T_co]):  # what Content.of needs of a kinds.Kind (kinds imports this module, not back)
    @property
    def folder(self) -> str: ...

    @property
    def cls(self) -> type[T_co]: ...


@dataclass(frozen=True)
class Content:
    """Everything in `content/`, checked and cross-referenced; dicts keep a stable, sorted order. `items` holds every
    kind's items by folder (the loader fills it from the registry); code reads them typed: `content.of(kinds.PRAKTIJK)`."""

    regio: Regio
    items: dict[str, dict[str, Bestand]] = field(default_factory=dict)  # folder -> id -> item

    def of(self, kind: KindOf[T]) -> dict[str, T]:
        """The items of a kind (kinds.Kind) by id, in the loader's order; empty for a kind without items."""
        return typing.cast(dict[str, T], self.items.get(kind.folder, {}))

    def replaced(self, kind: KindOf[T], items: dict[str, T]) -> Content:
        """A copy with `items` as the items of `kind` (the rest is shared): for tests and previews."""
        return dataclasses.replace(self, items={**self.items, kind.folder: typing.cast(dict[str, Bestand], items)})

    def is_eigen(self, item: Bestand) -> bool:
        """True for a real (not invented) tafel or praktijk of this region: its `regio` is empty, the region's area or
        its name (as `make new` writes). Others' items are shown apart, never counted as the region's."""
        if item.voorbeeld:
            return False
        regio = getattr(item, "regio", "").casefold()
        if not self.regio.gebied:  # the region did not say how its own items name it: only 'landelijk' is another's
            return regio != "landelijk"
        return regio in ("", self.regio.gebied.casefold(), self.regio.naam.casefold())

    def eigen(self, items: Iterable[B]) -> list[B]:
        return [item for item in items if self.is_eigen(item)]

    def met_fasen(self, tafel: Tafel) -> bool:
        """Whether the learning phases of the region file apply to this tafel (only where the region says so)."""
        return bool(self.regio.fasen) and self.is_eigen(tafel) and (
            not self.regio.fasen_soorten or tafel.soort in self.regio.fasen_soorten)

    def vraag(self, ref: str) -> tuple[Bouwsteen, Reflectievraag] | None:
        """Look up a reflection question by its "bouwsteen-id/vraag-id" (the bouwsteen found by class: no registry here)."""
        bouwsteen_id, _, vraag_id = ref.partition("/")
        bouwsteen = next((b for items in self.items.values() if isinstance(b := items.get(bouwsteen_id), Bouwsteen)), None)
        vraag = next((v for v in bouwsteen.reflectievragen if v.id == vraag_id), None) if bouwsteen else None
        return (bouwsteen, vraag) if bouwsteen and vraag else None


def build(cls: type[T], data: dict[str, Any], **extra: object) -> T:
    """Build a dataclass from schema-checked data; nested items, tuples and dates by annotation."""
    hints = _hints(typing.cast(Hashable, cls))  # a class is hashable; mypy does not see that for type[T]
    values = {name: _convert(hints[name], value) for name, value in data.items() if name in hints}
    return cls(**values, **extra)


@functools.cache
def _hints(cls: Hashable) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(hint: Any, value: Any) -> Any:  # a type hint of any form; schema-checked YAML data
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        origin = typing.get_origin(hint)
    if origin is tuple:
        item_hint = typing.get_args(hint)[0]
        return tuple(_convert(item_hint, item) for item in value)
    if hint is datetime.date:
        return datetime.date.fromisoformat(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return build(hint, value)
    return value
