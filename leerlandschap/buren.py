"""Gluren bij de buren: other Leerlandschap sites' practices, tafels, outcomes and vragensets on this site.

Read at build time (sitedata.load_site calls `load`), never in the visitor's browser. A neighbour is untrusted
input: leerlandschap/buren_fetch.py fetches it within limits and checks it against our export schemas
(schemas/export/, the contract of leerlandschap/opendata.py); examples are dropped there. Here:
- a good read is copied to build/buren/<address>/; when a neighbour is down, slow, too large or wrong, the
  build uses that last good copy and says so in one Dutch line. It never fails because of a neighbour;
- `Buren` indexes the items per bouwsteen for the section "Bij de buren" (templates/_buren.html) and compares
  the regions for /buren/ (templates/buren.html). Texts reach HTML only through our templates (autoescape).
"""
from __future__ import annotations

import datetime
import json
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .buren_fetch import FILES, BuurItem, FetchError, Limits, Read, fetch_many, read_files
from .loader import slugify
from .model import Bouwsteen, Content, Regio
from .relations import Relations
from .render import datum

CACHE_DIR = Path("build") / "buren"  # under the project
META = "opgehaald.json"
MEMORY_SECONDS = 600.0  # `mkdocs serve` rebuilds often: one fetch per ten minutes in the same process


def aantal(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


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
        parts = [aantal(len(self.van_soort(soort)), *words) for soort, words in
                 (("praktijk", ("goede praktijk", "goede praktijken")), ("tafel", ("tafel", "tafels")),
                  ("bijeenkomst", ("opbrengst", "opbrengsten")), ("vragenset", ("vragenset", "vragensets")))]
        return ", ".join(parts[:-1]) + " en " + parts[-1]

    @property
    def stand(self) -> str:
        """'22 november 2026': the date of the copy shown."""
        return datum(self.opgehaald.date()) if self.opgehaald else ""


@dataclass(frozen=True)
class Telling:
    praktijken: int = 0
    tafels: int = 0
    opbrengsten: int = 0

    @property
    def tekst(self) -> str:
        """'2 praktijken, 1 opbrengst'; '' when there is nothing."""
        parts = [(self.praktijken, "praktijk", "praktijken"), (self.tafels, "tafel", "tafels"),
                 (self.opbrengsten, "opbrengst", "opbrengsten")]
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
        real = lambda items: sum(1 for i in items if not i.voorbeeld)
        rows = []
        for b in content.bouwstenen.values():
            cells = [Telling(real(r.praktijken_by_bouwsteen[b.id]), real(r.tafels_by_bouwsteen[b.id]),
                             real(r.bijeenkomsten_by_bouwsteen[b.id]))]
            per_buur = {buur.slug: items for buur, items in self._per_bouwsteen.get(b.id, [])}
            for buur in self.buren:
                items = per_buur.get(buur.slug, [])
                count = lambda soort, items=items: sum(1 for i in items if i.soort == soort)
                cells.append(Telling(count("praktijk"), count("tafel"), count("bijeenkomst")))
            rows.append((b, cells))
        return rows


def _newest_first(item: BuurItem) -> tuple:
    return (-(item.datum or datetime.date.min).toordinal(), item.titel.casefold(), item.id)


# The copy under build/buren/ ---------------------------------------------------------------------------------

def cache_key(adres: str) -> str:
    """'https://zuidkust.github.io/leerlandschap/' -> 'zuidkust.github.io-leerlandschap' (a folder name)."""
    rest = adres.split("://", 1)[-1]
    return re.sub(r"[^a-z0-9.]+", "-", rest.lower()).strip("-.") or "buur"


def _write_copy(folder: Path, raw: dict[str, bytes], adres: str, when: datetime.datetime) -> None:
    new = folder.with_name(folder.name + ".nieuw")
    shutil.rmtree(new, ignore_errors=True)
    new.mkdir(parents=True)
    for name, data in raw.items():
        (new / f"{name}.json").write_bytes(data)
    (new / META).write_text(json.dumps({"adres": adres, "opgehaald": when.isoformat()}) + "\n", encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    new.rename(folder)


def _read_copy(folder: Path, adres: str) -> tuple[Read, datetime.datetime] | None:
    """The last good copy, checked again (the kit may have changed since); None when there is none that works."""
    try:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        if meta.get("adres") != adres:
            return None
        raw = {name: (folder / f"{name}.json").read_bytes() for name in FILES}
        return read_files(raw, adres), datetime.datetime.fromisoformat(meta["opgehaald"])
    except (OSError, ValueError, KeyError, TypeError, FetchError):
        return None


# Loading all neighbours ----------------------------------------------------------------------------------------

_memory: dict[tuple, tuple[float, Buren]] = {}


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


def _one(naam: str, adres: str, slug: str, results: list[bytes | FetchError], folder: Path, now: datetime.datetime,
         say: Callable[[str], None]) -> Buur:
    """One neighbour: its fresh files if they are all good (and then a new copy), else its last good copy."""
    raw = {name: r for name, r in zip(FILES, results, strict=True) if isinstance(r, bytes)}
    try:
        failure = next((r for r in results if isinstance(r, FetchError)), None)
        if failure is not None:
            raise failure
        read = read_files(raw, adres)
    except FetchError as error:
        problem = str(error)
    else:
        try:
            _write_copy(folder, raw, adres, now)
        except OSError as error:
            say(f"Buren: de kopie van {naam} kon niet worden bewaard in {folder} ({error.strerror}).")
        if read.fout:
            shown = ", ".join(read.fout[:3]) + (" …" if len(read.fout) > 3 else "")
            what = ("is 1 item", "het niet klopt") if len(read.fout) == 1 else (f"zijn {len(read.fout)} items", "ze niet kloppen")
            say(f"Buren: van {naam} {what[0]} overgeslagen omdat {what[1]} met het schema: {shown}. 'make buren' noemt ze allemaal.")
        return Buur(naam, adres, slug, tuple(read.items), now, "", tuple(read.verslag))
    copy = _read_copy(folder, adres)
    if copy is not None:
        read, when = copy
        line = f"Buren: {naam} ({adres}) is niet bijgewerkt: {problem}. De site gebruikt de kopie van {datum(when.date())}."
        buur = Buur(naam, adres, slug, tuple(read.items), when, line, tuple(read.verslag))
    else:
        line = f"Buren: {naam} ({adres}) is niet gelezen: {problem}. Er is nog geen kopie, dus de site toont niets van deze buren."
        buur = Buur(naam, adres, slug, (), None, line)
    say(line)
    return buur


def load(project: Path, regio: Regio, always: bool = False, limits: Limits | None = None,
         say: Callable[[str], None] = print) -> Buren:
    """The neighbours named in the region file, fresh when possible, else their last good copy.

    Within one process (`mkdocs serve`) a read is reused for MEMORY_SECONDS, unless `always`. `say` gets one
    Dutch line for each neighbour with a problem; neighbours that went well are not mentioned.
    """
    if not regio.buren:
        return Buren()
    key = (Path(project).resolve(), regio.buren, regio.buren_in_nieuwsfeed, regio.site.adres)
    remembered = _memory.get(key)
    if not always and remembered and time.monotonic() - remembered[0] < MEMORY_SECONDS:
        return remembered[1]
    limits = limits or Limits.from_environment()
    cache = Path(project) / CACHE_DIR
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
    urls = {buur.adres: [f"{buur.adres}data/{name}.json" for name in FILES] for buur, _ in entries}
    fetched = fetch_many([u for us in urls.values() for u in us], limits)
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    buren = [_one(buur.naam, buur.adres, slug, [fetched[u] for u in urls[buur.adres]], cache / cache_key(buur.adres), now, say)
             for buur, slug in entries]
    result = Buren(tuple(buren), regio.buren_in_nieuwsfeed)
    _memory[key] = (time.monotonic(), result)
    return result
