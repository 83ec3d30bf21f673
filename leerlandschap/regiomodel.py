"""The region file's part of the content model: the region, its website settings, contact, licence and neighbours.

Field names are the Dutch keys of `regio.yml` (see `schemas/regio.schema.json`).
"""
from __future__ import annotations

from dataclasses import dataclass

from .herkomst import Bestand, Ids, Texts


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

    @property
    def is_voorbeeldregio(self) -> bool:
        """True for upstream's example region (content/regio.yml, not a fork's regio/regio.yml): the site is then the
        kit's example site, which the region it shows did not make. Pages and statements say so (voorbeeld.py)."""
        return self.herkomst is not None and self.herkomst.laag == "content"
