"""Reading a neighbour's open data once it is fetched (buren_fetch.py): checked, capped, cleaned.

Every file is checked (`parse`): JSON, its `versie` (another version is refused, never guessed), and the export
schema around the items. Then at most MAX_ITEMS items of the neighbour are read (the rest is skipped and counted),
every item on its own (`read_files`): an item that does not fit is skipped and named, examples are dropped, texts
lose control characters and are shortened, and links are the neighbour's address plus the item's checked `pagina`.
Items of the kit's example site (`voorbeeldsite`) are dropped too: the region that site shows did not make it.
A file that is unusable as a whole is a FetchError: a short Dutch reason for one line.
"""
from __future__ import annotations

import datetime
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import jsonschema

from .buren_fetch import FILES, MAX_ITEMS, FetchError
from .exportschema import addition_defaults, export_kinds
from .kinds import BIJEENKOMST, PRAKTIJK, TAFEL, VRAGENSET
from .model import has_outcome
from .opendata import EXPORT_VERSION, export_validator, load_export_schema
from .patterns import NOT_IN_YAML
from .textcheck import readable

TEXT_LIMIT = 400  # characters of a neighbour's text we show
# Characters that YAML would not let our own authors write (control characters, surrogates, non-characters).
_NOT_ALLOWED = re.compile(NOT_IN_YAML + "|[\u202a-\u202e\u2066-\u2069]")  # and bidi overrides, which can make a text read backwards
_SPACE = re.compile(r"\s+")
SOORT_NAMEN = {"praktijk": "goede praktijk", "tafel": "tafel", "bijeenkomst": "opbrengst", "vragenset": "vragenset"}


def clean(text: object, limit: int = TEXT_LIMIT) -> str:
    """A neighbour's text as one safe line: no control characters, spaces folded, at most `limit` characters."""
    line = _SPACE.sub(" ", _NOT_ALLOWED.sub("", str(text or ""))).strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class BuurItem:
    soort: str  # "praktijk", "tafel", "bijeenkomst" (an outcome) or "vragenset"
    id: str
    titel: str
    tekst: str  # a short plain text: summary, goal, or the insights of a meeting
    datum: datetime.date | None
    url: str  # absolute: the item's page on the neighbour's site
    bouwstenen: tuple[str, ...] = ()
    bij: str = ""  # an outcome: the title of its tafel; a tafel: its status

    @property
    def soortnaam(self) -> str:
        return SOORT_NAMEN[self.soort]


@dataclass
class Read:
    items: list[BuurItem] = field(default_factory=list)
    verslag: list[str] = field(default_factory=list)
    fout: list[str] = field(default_factory=list)  # items refused by the schema: "<file>: <id> (veld <field>)"
    te_veel: int = 0  # items not read because the neighbour has more than max_items
    voorbeeldsite: int = 0  # items skipped because they are on the kit's example site (`voorbeeldsite`), not a region's


# A file's validator without its items, a single item's validator, and `as_ours` (parsed JSON in, parsed JSON out)
_Checks = tuple[jsonschema.Draft7Validator, jsonschema.Draft7Validator, Callable[[Any], Any]]


@functools.cache
def _schemas() -> dict[str, _Checks]:
    """Per file: a validator for the file without its items, one for a single item, and `as_ours` (below)."""
    found: dict[str, _Checks] = {}
    kinds = {folder: kind for kind, folder in export_kinds()}
    for folder in FILES:
        schema = load_export_schema(folder)
        envelope = {**schema, "properties": {**schema["properties"], "items": {"type": "array"}}}
        item = schema["properties"]["items"]["items"]
        found[folder] = (export_validator(envelope), export_validator(item),
                         functools.partial(_as_ours, tuple(item["properties"]), addition_defaults(kinds[folder], folder)))
    return found


def _as_ours(known: tuple[str, ...], defaults: dict[str, Any], item: object) -> object:
    """A neighbour's item in the form of this kit's version (exportschema.ADDITIONS): a field added within the version
    that an older kit does not write gets its default, a field a newer kit added is skipped. The rest is checked as is."""
    if not isinstance(item, dict):
        return item
    return {**defaults, **{name: value for name, value in item.items() if name in known}}


def parse(folder: str, raw: bytes) -> dict[str, Any]:
    """A neighbour's data file, checked as a whole: JSON, the version, and the fields around the items."""
    name = f"data/{folder}.json"
    try:  # A byte order mark at the start is skipped: JSON (RFC 8259, 8.1) lets a reader ignore it, Windows tools write it
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FetchError(f"{name} is niet in UTF-8 geschreven, zoals JSON moet") from None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise FetchError(f"{name} is geen geldige JSON") from None
    if not isinstance(data, dict):
        raise FetchError(f"{name} is geen open data van een Leerlandschap-site")
    versie = data.get("versie")
    if versie is None:
        raise FetchError(f"{name} noemt geen versie van de open data (de site gebruikt waarschijnlijk een oude kit)")
    if versie != EXPORT_VERSION or isinstance(versie, bool):
        raise FetchError(f"{name} heeft versie {clean(versie, 20)} van de open data; deze site kan alleen versie "
                         f"{EXPORT_VERSION} lezen")
    envelope = _schemas()[folder][0]
    error = next(iter(envelope.iter_errors(data)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "het bestand"
        raise FetchError(f"{name} klopt niet met het schema ({clean(where, 60)})")
    return data


def _items(documents: dict[str, dict[str, Any]], adres: str, max_items: int) -> Read:
    """The items we show, from checked documents: at most `max_items`, valid, real (no examples, nothing of the example
    site), cleaned, absolute links."""
    read = Read()
    room = max_items
    validators = _schemas()
    valid: dict[str, list[dict[str, Any]]] = {}
    example_tafels: set[str] = set()
    for folder in FILES:
        _, item_validator, as_ours = validators[folder]
        kept, examples, on_example_site, wrong = [], 0, 0, []
        items = documents[folder]["items"]
        over = max(0, len(items) - room)
        items, room = items[:room], max(0, room - len(items))
        read.te_veel += over
        for number, item in enumerate(map(as_ours, items), 1):
            error = next(iter(item_validator.iter_errors(item)), None)
            if error is not None:
                ident = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else f"nummer {number}"
                veld = "/".join(str(p) for p in error.absolute_path) or error.validator
                wrong.append(f"{clean(ident, 80)} (veld {clean(veld, 60)})")
                read.fout.append(f"{folder}: {wrong[-1]}")
            elif folder != BIJEENKOMST.folder and not readable(clean(item["titel"], 200)):
                # Only spaces or invisible characters: a link without a name on our pages (a meeting has its tafel's)
                wrong.append(f"{clean(item['id'], 80)} (veld titel: er staat niets leesbaars)")
                read.fout.append(f"{folder}: {wrong[-1]}")
            elif item["voorbeeldsite"]:  # the kit's example site: none of it is a region's real work
                on_example_site += 1
            elif item["voorbeeld"] or (folder == BIJEENKOMST.folder and item["tafel"] in example_tafels):
                examples += 1
                if folder == TAFEL.folder:
                    example_tafels.add(item["id"])
            else:
                kept.append(item)
        valid[folder] = kept
        read.voorbeeldsite += on_example_site
        line = f"{folder}: {len(kept)} gelezen"
        if on_example_site:
            line += f", {on_example_site} overgeslagen omdat ze op de voorbeeldsite van de kit staan"
        if examples:
            line += f", {examples} overgeslagen omdat {'het een' if examples == 1 else 'ze'} verzonnen "
            line += "voorbeeld is" if examples == 1 else "voorbeelden zijn"
        if wrong:
            line += f", {len(wrong)} overgeslagen omdat {'het niet klopt' if len(wrong) == 1 else 'ze niet kloppen'} met het schema: "
            line += ", ".join(wrong[:5]) + (" …" if len(wrong) > 5 else "")
        if over:
            line += f", {over} overgeslagen omdat een buur hoogstens {max_items} items mag hebben"
        read.verslag.append(line)
    url: Callable[[dict[str, Any]], str] = lambda item: adres + item["pagina"]  # `pagina` matched the schema's pattern: a plain relative path
    tafels = {t["id"]: t for t in valid[TAFEL.folder]}
    for p in valid[PRAKTIJK.folder]:
        read.items.append(BuurItem(PRAKTIJK.name, p["id"], clean(p["titel"], 200), clean(p["samenvatting"]),
                                   datetime.date.fromisoformat(p["datum"]), url(p), tuple(p["bouwstenen"])))
    for t in valid[TAFEL.folder]:
        start = datetime.date.fromisoformat(t["startdatum"]) if t["startdatum"] else None
        read.items.append(BuurItem(TAFEL.name, t["id"], clean(t["titel"], 200), clean(t["samenvatting"]), start, url(t),
                                   tuple(t["bouwstenen"]), clean(t["status"], 40)))
    for m in valid[BIJEENKOMST.folder]:
        opbrengst = m["opbrengst"]
        if not has_outcome(opbrengst["inzichten"], opbrengst["afspraken"], opbrengst["vervolgacties"], m["verslag"]):
            continue  # a meeting without an outcome yet (planned, or not written down)
        tafel = clean(tafels[m["tafel"]]["titel"], 200) if m["tafel"] in tafels else ""
        titel = clean(m["titel"], 200)
        titel = titel if readable(titel) else f"Bijeenkomst van {tafel or clean(m['tafel'], 80)}"
        read.items.append(BuurItem(BIJEENKOMST.name, m["id"], titel, clean(" ".join(opbrengst["inzichten"])),
                                   datetime.date.fromisoformat(m["datum"]), url(m), tuple(opbrengst["bouwstenen"]), tafel))
    for s in valid[VRAGENSET.folder]:
        bouwstenen = tuple(dict.fromkeys(ref.partition("/")[0] for ref in s["vragen"]))
        read.items.append(BuurItem(VRAGENSET.name, s["id"], clean(s["titel"], 200), clean(s["doel"]),
                                   datetime.date.fromisoformat(s["datum"]), url(s), bouwstenen))
    return read


def read_files(raw: dict[str, bytes], adres: str, max_items: int = MAX_ITEMS) -> Read:
    """Everything we show of a neighbour from its raw files; FetchError when a file as a whole is unusable."""
    return _items({folder: parse(folder, raw[folder]) for folder in FILES}, adres, max_items)
