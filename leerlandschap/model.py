"""The typed content model: every kind of item as a frozen dataclass.

Field names are the Dutch keys authors write in YAML (see `schemas/`). Items are built only from
data that has passed the schema check, so the builder below converts and never validates.
"""
from __future__ import annotations

import dataclasses
import datetime
import functools
import types
import typing
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
    # True for an invented example (its bron has soort "voorbeeld"). The only fact about it in the data: every page,
    # list, feed, calendar and search result that shows the title adds the label (voorbeeld.py).
    voorbeeld: bool = field(default=False, kw_only=True)


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
    indeling: str = "bron"  # who chose the roles of its reflection questions: "bron" (the source) or "site" (this site)
    bron_plek: str = ""  # where in the source: a heading or short passage

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


@dataclass(frozen=True)
class Onderdeel:
    naam: str
    toelichting: str


@dataclass(frozen=True)
class Groep:
    """A named list of short points: an element of the learning landscape, or a part of the region's structure."""

    naam: str
    punten: Texts = ()


@dataclass(frozen=True)
class Contact:
    """How visitors reach the region: a role or team and a general address, never a person's name.

    `adres` is an e-mail address or the https address of a web form (the schema allows nothing else).
    """

    rol: str
    adres: str = ""
    # True for an address under a domain that is reserved for examples (example.org and the like, RFC 2606): it
    # reaches nobody, so every place that shows it says it is an example. Set by the loader, never by an author.
    voorbeeld: bool = False

    @property
    def is_formulier(self) -> bool:
        return self.adres.startswith("https://")

    @property
    def link(self) -> str:
        """The href for the address: the form itself, or a mailto: link."""
        if not self.adres:
            return ""
        return self.adres if self.is_formulier else f"mailto:{self.adres}"


@dataclass(frozen=True)
class Licentie:
    """The licence a region gives on its own content (region file `licentie`); shown in the footer and open data."""

    naam: str
    url: str = ""


@dataclass(frozen=True)
class Kleuren:
    primair: str = ""
    accent: str = ""


@dataclass(frozen=True)
class Site:
    """Settings of the region's website (the MkDocs glue applies them)."""

    naam: str = ""
    beschrijving: str = ""
    adres: str = ""
    repository: str = ""
    tak: str = "main"
    logo: str = ""
    favicon: str = ""
    kleuren: Kleuren = Kleuren()

    def absolute(self, path: str) -> str:
        """The full address of a file of the published site, e.g. 'https://x.org/ll/agenda/a.ics'; '' without `adres`."""
        return self.adres + path if self.adres else ""

    def webcal(self, path: str) -> str:
        """The same address as a webcal:// link, which calendar apps open as a subscription; '' without `adres`."""
        return "webcal://" + self.adres.split("://", 1)[1] + path if self.adres else ""


@dataclass(frozen=True)
class Buurregio:
    """Another Leerlandschap site whose open data this site reads at build time (leerlandschap/buren.py)."""

    naam: str
    adres: str  # the site's address, ending in "/"


@dataclass(frozen=True)
class Beheer:
    """Where the editing page /beheer/ saves (leerlandschap/cms.py): a git platform, or only the browser ("proef")."""

    platform: str = "proef"  # "github", "gitlab" or "proef"
    repository: str = ""  # "owner/name" (GitLab: "group/subgroup/name")
    server: str = ""  # GitLab only: a self-managed server, e.g. "https://gitlab.regio.nl"; "" is gitlab.com
    applicatie_id: str = ""  # GitLab only: the OAuth application id for sign-in with PKCE


@dataclass(frozen=True)
class Beloften:
    """What the region promises visitors. Only what its region file says is shown; nothing is assumed."""

    reactietermijn: str = ""
    privacy: str = ""
    bijdragen: str = ""


@dataclass(frozen=True)
class Regio(Bestand):
    naam: str
    motto: str
    beschrijving: str
    bron: str
    pijlers: tuple[Onderdeel, ...] = ()
    fasen: tuple[Onderdeel, ...] = ()
    elementen: tuple[Groep, ...] = ()
    uitgangspunten: Texts = ()
    structuur: tuple[Groep, ...] = ()
    partners: Texts = ()
    contact: Contact | None = None
    licentie: Licentie | None = None  # None: no open licence given for the content
    website: str = ""
    site: Site = Site()
    verbergen: Ids = ()
    beheer: Beheer = Beheer()
    buren: tuple[Buurregio, ...] = ()  # neighbours shown under "Bij de buren" and on /buren/
    buren_in_nieuwsfeed: bool = False  # the neighbours' new items also go into nieuw.xml
    buren_vers_uren: int = 24  # hours a fetched copy of a neighbour is used without fetching again (buren.py)
    gebied: str = ""  # the value of `regio` on the region's own tafels and praktijken, e.g. "Flevoland"; see is_eigen
    fasen_soorten: Ids = ()  # the kinds of tafel the phases are described for; () is every own tafel
    beloften: Beloften = Beloften()


@dataclass(frozen=True)
class Content:
    """Everything in `content/`, checked and cross-referenced. Dicts keep a stable, sorted order."""

    regio: Regio
    bronnen: dict[str, Bron] = field(default_factory=dict)
    themas: dict[str, Thema] = field(default_factory=dict)
    rollen: dict[str, Rol] = field(default_factory=dict)
    bouwstenen: dict[str, Bouwsteen] = field(default_factory=dict)
    praktijken: dict[str, Praktijk] = field(default_factory=dict)
    vragensets: dict[str, Vragenset] = field(default_factory=dict)
    tafels: dict[str, Tafel] = field(default_factory=dict)
    bijeenkomsten: dict[str, Bijeenkomst] = field(default_factory=dict)

    def is_eigen(self, item) -> bool:
        """True for a real (not invented) tafel or praktijk of this region: its `regio` is the region's own area or
        empty. National items and other regions' items are shown, but apart, and never counted as the region's."""
        if item.voorbeeld:
            return False
        regio = getattr(item, "regio", "").casefold()
        if not self.regio.gebied:  # the region did not say how its own items name it: only 'landelijk' is another's
            return regio != "landelijk"
        return not regio or regio == self.regio.gebied.casefold()

    def eigen(self, items) -> list:
        return [item for item in items if self.is_eigen(item)]

    def met_fasen(self, tafel) -> bool:
        """Whether the learning phases of the region file apply to this tafel (only where the region says so)."""
        return bool(self.regio.fasen) and self.is_eigen(tafel) and (
            not self.regio.fasen_soorten or tafel.soort in self.regio.fasen_soorten)

    def vraag(self, ref: str) -> tuple[Bouwsteen, Reflectievraag] | None:
        """Look up a reflection question by its "bouwsteen-id/vraag-id"."""
        bouwsteen_id, _, vraag_id = ref.partition("/")
        bouwsteen = self.bouwstenen.get(bouwsteen_id)
        if bouwsteen is None:
            return None
        for vraag in bouwsteen.reflectievragen:
            if vraag.id == vraag_id:
                return bouwsteen, vraag
        return None


def build(cls: type, data: dict, **extra):
    """Build a dataclass from schema-checked data; nested items, tuples and dates by annotation."""
    hints = _hints(cls)
    values = {name: _convert(hints[name], value) for name, value in data.items() if name in hints}
    return cls(**values, **extra)


@functools.cache
def _hints(cls: type) -> dict:
    return typing.get_type_hints(cls)


def _convert(hint, value):
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
