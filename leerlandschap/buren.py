"""Gluren bij de buren: other Leerlandschap sites' practices, tafels, outcomes and vragensets on this site.

Read at build time (sitedata.load_site calls `load`), never in the visitor's browser. A neighbour is untrusted
input: leerlandschap/buren_fetch.py fetches it within a time budget and a size cap, buren_read.py checks it against
our export schemas (schemas/export/, the contract of leerlandschap/opendata.py); examples are dropped there. Here:
- a good read is copied to build/buren/<address>/ (buren_cache.py); a copy younger than the region's `buren_vers_uren`
  is used without asking the neighbour again; when a neighbour is down, slow, too large or wrong, the build uses the
  last good copy (the site says from when) and says so in one Dutch line. It never fails because of a neighbour;
- `Buren` indexes the items per bouwsteen for the section "Bij de buren" (templates/_buren.html) and compares
  the regions for /buren/ (templates/buren.html). Texts reach HTML only through our templates (autoescape).
"""
from __future__ import annotations

import contextlib
import datetime
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .buren_cache import CACHE_DIR, Copy
from .buren_fair import fetch_all
from .buren_fetch import FetchError, Limits, Raw
from .buren_read import BuurItem, read_files
from .herkomst import Bestand
from .kinds import BOUWSTEEN
from .model import Bouwsteen, Content
from .patterns import slugify
from .regiomodel import Buurregio, Regio
from .relations import Relations
from .render import datum
from .safepaths import UnsafePath
from .woorden import aantal

__all__ = ["CACHE_DIR", "Buren", "Buur", "load"]
MEMORY_SECONDS = 600.0  # `mkdocs serve` rebuilds often: one fetch per ten minutes in the same process
RETRY_HOURS = 1.0  # a build tries a neighbour that failed again after this long; `make buren` always does


@dataclass(frozen=True)
class Buur:
    naam: str
    adres: str
    slug: str  # its page on our site: buren/<slug>/
    items: tuple[BuurItem, ...] = ()
    opgehaald: datetime.datetime | None = None  # when the data in `items` was read from the neighbour
    melding: str = ""  # one Dutch line when fresh data could not be read ("" when all went well)
    verslag: tuple[str, ...] = ()  # per file: read, skipped and why (for `make buren`)

    def van_soort(self, soort: str) -> list[BuurItem]:
        return [i for i in self.items if i.soort == soort]

    @property
    def aantallen(self) -> str:
        """'3 goede praktijken, 1 tafel, 2 opbrengsten en 0 vragensets'."""
        parts = [aantal(len(self.van_soort(soort)), word) for soort, word in
                 (("praktijk", "goede praktijk"), ("tafel", "tafel"), ("bijeenkomst", "opbrengst"), ("vragenset", "vragenset"))]
        return ", ".join(parts[:-1]) + " en " + parts[-1]

    @property
    def stand(self) -> str:
        """'22 november 2026': the date of the copy shown."""
        return datum(self.opgehaald.date()) if self.opgehaald else ""


@dataclass(frozen=True)
class Telling:
    practices: int = 0
    tables: int = 0  # tafels
    opbrengsten: int = 0

    @property
    def tekst(self) -> str:
        """'2 praktijken, 1 opbrengst'; '' when there is nothing."""
        parts = [(self.practices, "praktijk", ""), (self.tables, "tafel", ""), (self.opbrengsten, "opbrengst", "")]
        return ", ".join(aantal(n, one, many) for n, one, many in parts if n)


@dataclass
class Buren:
    """All neighbours of this site, with their items per bouwsteen (computed once)."""

    buren: tuple[Buur, ...] = ()
    in_nieuwsfeed: bool = False
    _per_bouwsteen: dict[str, list[tuple[Buur, list[BuurItem]]]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for buur in self.buren:
            mine: dict[str, list[BuurItem]] = {}
            for item in sorted(buur.items, key=_newest_first):
                for b in dict.fromkeys(item.bouwstenen):
                    mine.setdefault(b, []).append(item)
            for b, items in mine.items():
                self._per_bouwsteen.setdefault(b, []).append((buur, items))

    def __bool__(self) -> bool:
        return bool(self.buren)

    def bij_bouwsteen(self, bouwsteen_id: str, soorten: tuple[str, ...] = ("praktijk", "bijeenkomst")) -> list[tuple[Buur, list[BuurItem]]]:
        """Per neighbour that has any: its items of these kinds on this bouwsteen, newest first."""
        found = [(buur, [i for i in items if i.soort in soorten]) for buur, items in self._per_bouwsteen.get(bouwsteen_id, [])]
        return [(buur, items) for buur, items in found if items]

    def vergelijking(self, content: Content, r: Relations) -> list[tuple[Bouwsteen, list[Telling]]]:
        """Per bouwsteen: our own counts (without examples), then each neighbour's."""
        real: Callable[[Sequence[Bestand]], int] = lambda items: sum(1 for i in items if not i.voorbeeld)
        rows = []
        for b in content.of(BOUWSTEEN).values():
            cells = [Telling(real(r.praktijken_by_bouwsteen[b.id]), real(r.tafels_by_bouwsteen[b.id]),
                             real(r.bijeenkomsten_by_bouwsteen[b.id]))]
            per_buur = {buur.slug: items for buur, items in self._per_bouwsteen.get(b.id, [])}
            for buur in self.buren:
                items = per_buur.get(buur.slug, [])
                def count(soort: str, items: list[BuurItem] = items) -> int:  # a def: mypy cannot type a lambda's default
                    return sum(1 for i in items if i.soort == soort)
                cells.append(Telling(count("praktijk"), count("tafel"), count("bijeenkomst")))
            rows.append((b, cells))
        return rows


def _newest_first(item: BuurItem) -> tuple[int, str, str]:
    return (-(item.datum or datetime.date.min).toordinal(), item.titel.casefold(), item.id)


# Loading all neighbours ----------------------------------------------------------------------------------------

Memory = dict[tuple[Path, tuple[Buurregio, ...], bool, int, str], tuple[float, Buren]]  # results of `load`, kept by its caller (a preview's sitedata.SiteCache)


def _slugs(regio: Regio) -> list[str]:
    taken: set[str] = set()
    slugs = []
    for number, buur in enumerate(regio.buren, 1):
        base = slugify(buur.naam) or f"regio-{number}"
        base = base if base != "index" else "regio-index"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _moment(when: datetime.datetime) -> str:
    """'2 december 2026 om 14:05 (UTC)'."""
    return f"{datum(when.date())} om {when:%H:%M} (UTC)"


def _fresh(naam: str, adres: str, slug: str, result: Raw, copy: Copy | None, now: datetime.datetime, limits: Limits,
           say: Callable[[str], None]) -> Buur:
    """A neighbour that answered: its items (a new copy is kept), or its last good copy when the files are unusable."""
    try:
        read = read_files(result, adres, limits.max_items)
    except FetchError as error:
        return _fallback(naam, adres, slug, str(error), copy, now, limits, say, remember=True)
    if copy is not None:
        try:
            copy.write(result, now)
        except (OSError, UnsafePath) as error:
            say(f"Buren: de kopie van {naam} kon niet worden bewaard ({getattr(error, 'strerror', None) or error}).")
    if read.fout:
        shown = ", ".join(read.fout[:3]) + (" …" if len(read.fout) > 3 else "")
        what = ("is 1 item", "het niet klopt") if len(read.fout) == 1 else (f"zijn {len(read.fout)} items", "ze niet kloppen")
        say(f"Buren: van {naam} {what[0]} overgeslagen omdat {what[1]} met het schema: {shown}. 'make buren' noemt ze allemaal.")
    if read.voorbeeldsite:
        say(f"Buren: {naam} ({adres}) is de voorbeeldsite van de kit Leerlandschap, niet de site van een regio. De site "
            "toont er niets van.")
    if read.te_veel:
        say(f"Buren: van {naam} {'is 1 item' if read.te_veel == 1 else f'zijn {read.te_veel} items'} overgeslagen omdat een "
            f"buur hoogstens {limits.max_items} items mag hebben; de eerste {limits.max_items} staan op de site.")
    return Buur(naam, adres, slug, tuple(read.items), now, "", tuple(read.verslag))


def _fallback(naam: str, adres: str, slug: str, problem: str, copy: Copy | None, now: datetime.datetime, limits: Limits,
              say: Callable[[str], None], remember: bool) -> Buur:
    """A neighbour that could not be read now: its last good copy, labelled with its date, or nothing."""
    if remember and copy is not None:
        with contextlib.suppress(OSError, UnsafePath):  # the folder's problem is said once by `load`
            copy.remember_failure(now, problem)
    kept = copy.read(limits.max_items) if copy is not None else None
    if kept is not None:
        read, when = kept
        line = f"Buren: {naam} ({adres}) is niet bijgewerkt: {problem}. De site gebruikt de kopie van {datum(when.date())}."
        buur = Buur(naam, adres, slug, tuple(read.items), when, line, tuple(read.verslag))
    else:
        line = f"Buren: {naam} ({adres}) is niet gelezen: {problem}. Er is nog geen kopie, dus de site toont niets van deze buren."
        buur = Buur(naam, adres, slug, (), None, line)
    say(line)
    return buur


def load(project: Path, regio: Regio, always: bool = False, limits: Limits | None = None,
         say: Callable[[str], None] = print, now: datetime.datetime | None = None, memory: Memory | None = None) -> Buren:
    """The neighbours named in the region file: a copy younger than `buren_vers_uren`, else fetched now, else the
    last good copy (labelled with its date on the site).

    `always` (make buren) fetches every neighbour, whatever the copies. A failed try is not repeated by a build
    within RETRY_HOURS (nor within the freshness window, if that is shorter). With a `memory` (`mkdocs serve` keeps
    one) a result is reused for MEMORY_SECONDS, unless `always`. `say` gets one Dutch line for each neighbour with a
    problem; neighbours that went well are not mentioned.
    """
    if not regio.buren:
        return Buren()
    key = (Path(project).resolve(), regio.buren, regio.buren_in_nieuwsfeed, regio.buren_vers_uren, regio.site.adres)
    memory = memory if memory is not None else {}
    remembered = memory.get(key)
    if not always and remembered and time.monotonic() - remembered[0] < MEMORY_SECONDS:
        return remembered[1]
    limits = limits or Limits.from_environment()
    now = now or datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    fresh_for = datetime.timedelta(hours=regio.buren_vers_uren)
    retry_after = min(fresh_for, datetime.timedelta(hours=RETRY_HOURS))
    entries = []
    seen: set[str] = set()
    for buur, slug in zip(regio.buren, _slugs(regio), strict=True):
        if buur.adres in seen:
            say(f"Buren: {buur.naam} heeft hetzelfde adres als een buur die eerder in het regiobestand staat; die slaan we over.")
            continue
        seen.add(buur.adres)
        if regio.site.adres and buur.adres.rstrip("/") == regio.site.adres.rstrip("/"):
            say(f"Buren: {buur.naam} heeft het adres van deze site zelf; die slaan we over.")
            continue
        entries.append((buur, slug))
    copies: dict[str, Copy | None] = {}
    refused: list[str] = []
    for buur, _ in entries:
        where = Copy(Path(project), buur.adres)
        try:
            where.folder  # noqa: B018 (raises UnsafePath for a folder that could leave the project)
        except UnsafePath as error:
            copies[buur.adres] = None
            refused += [str(error)] if str(error) not in refused else []
        else:
            copies[buur.adres] = where
    for problem in refused:
        say(f"Buren: de kopieën van de buren worden niet bewaard en niet gelezen: {problem}")
    done: dict[str, Buur] = {}
    if not always:
        for buur, slug in entries:
            copy = copies[buur.adres]
            fetched = copy.fetched() if copy is not None else None
            attempt = copy.attempt() if copy is not None else None
            if copy is not None and fetched is not None and now - fetched < fresh_for:
                kept = copy.read(limits.max_items)
                if kept is not None:
                    read, when = kept
                    done[buur.adres] = Buur(buur.naam, buur.adres, slug, tuple(read.items), when, "", tuple(read.verslag))
            elif attempt is not None and now - attempt[0] < retry_after and (fetched is None or attempt[0] >= fetched):
                problem = f"{attempt[1]} (bij de poging van {_moment(attempt[0])}; 'make buren' probeert het nu opnieuw)"
                done[buur.adres] = _fallback(buur.naam, buur.adres, slug, problem, copy, now, limits, say, remember=False)
    fetched_now = fetch_all([buur.adres for buur, _ in entries if buur.adres not in done], limits)
    buren = []
    for buur, slug in entries:
        if buur.adres in done:
            buren.append(done[buur.adres])
            continue
        result, copy = fetched_now[buur.adres], copies[buur.adres]
        if isinstance(result, FetchError):
            buren.append(_fallback(buur.naam, buur.adres, slug, str(result), copy, now, limits, say, remember=True))
        else:
            buren.append(_fresh(buur.naam, buur.adres, slug, result, copy, now, limits, say))
    found = Buren(tuple(buren), regio.buren_in_nieuwsfeed)
    memory[key] = (time.monotonic(), found)
    return found
