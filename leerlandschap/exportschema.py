"""The open-data schemas (schemas/export/), generated from the authors' schemas and the model, never copied.

A data file holds every field of the model for each item (opendata.plain), so the export schema of a kind is its
author schema (schemas/<name>.schema.json) read through the model:
- every field the model writes is there and required; a field the author may leave out has its default, so an
  optional field whose default is None may be null, and one whose default is "" may be empty;
- a reference to another item (`x-verwijzing`) is an id; limits that only guide authors (maximum lengths, numbers,
  list sizes) and the editor's hints (`x-…`) are left out, so a reader does not refuse what a build may write;
- the fields no author writes (id, pagina, voorbeeld, herkomst and a few the model adds) are described in EXTRA;
  `voorbeeldsite` (SITE_FIELDS) is a fact of the site that every item carries, so no reader of one file misses it.
`make schemas` (scripts/export_schemas.py) writes the files; tests/test_export_schemas.py checks they are up to date.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from . import model, patterns, regiomodel
from .kinds import AANVULLING, BIJEENKOMST, BOUWSTEEN, PRAKTIJK, REGIO, TAFEL, THEMA, VRAGENSET, Kind, active
from .schemas import SCHEMA_DIR, read_schema

ID = f"^{patterns.ID}$"
DRAFT = "http://json-schema.org/draft-07/schema#"
KEPT = ("type", "enum", "const", "format", "pattern", "items", "properties", "required", "additionalProperties")
REFERENCE_PATTERNS = {"vraag": f"^{patterns.ID}/{patterns.ID}$"}  # x-verwijzing -> id pattern

# The fields no author writes: (class, field) -> its schema. COMMON applies to every item kind.
COMMON: dict[str, dict[str, Any]] = {
    "id": {"description": "De id van het item: de naam van het bestand zonder .yml.", "type": "string", "pattern": ID},
    "pagina": {"description": "Het adres van de pagina van het item op de site, vanaf het adres van de site (dat eindigt "
                              "op /). Het volledige adres is het adres van de site met dit erachter, bijvoorbeeld "
                              "https://regio.example/leerlandschap/" + PRAKTIJK.folder + "/x/.",
               "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*/$"},
    "voorbeeld": {"description": "true als het item een verzonnen voorbeeld is (de bron heeft soort 'voorbeeld'; de titel "
                                 "begint dan met 'Voorbeeld:'). Toon zo'n item nooit als echt werk van de regio.",
                  "type": "boolean"},
    "voorbeeldsite": {"description": "true als het item op de voorbeeldsite van de kit Leerlandschap staat. Die site laat "
                                     "zien hoe de kit werkt, met een voorbeeldregio die de site niet gemaakt heeft en niet "
                                     "bijhoudt. Toon zo'n item nooit als echt werk van een regio, ook als 'voorbeeld' false is.",
                      "type": "boolean"},
    "herkomst": {"description": f"Het bestand in de repository waar het item staat, bijvoorbeeld content/{PRAKTIJK.folder}/x.yml.",
                 "type": "string", "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._/-]*\\.ya?ml$"},
}
EXTRA: dict[tuple[type, str], dict[str, Any]] = {
    (model.Bijeenkomst, "id"): {"description": "De id van de bijeenkomst: de id van de tafel, een /, en de naam van het "
                                               "bestand zonder .yml.", "type": "string", "pattern": REFERENCE_PATTERNS["vraag"]},
    (model.Bijeenkomst, "tafel"): {"description": "De id van de tafel waar de bijeenkomst bij hoort.", "type": "string",
                                   "pattern": ID},
    (model.Bouwsteen, "regio_toelichting"): {"description": "Uitleg van de regio bij deze landelijke bouwsteen, in "
                                                            "Markdown. Leeg als de regio niets toevoegt.", "type": "string"},
    (model.Bouwsteen, "regio_bron"): {"description": "De id van de bron van wat de regio bij deze landelijke bouwsteen "
                                                     "toevoegt (uitleg en eigen vragen). Leeg als de regio niets toevoegt.",
                                      "type": "string"},
    (model.Reflectievraag, "regionaal"): {"description": "true als de regio deze vraag zelf heeft toegevoegd (in "
                                                         f"regio/{AANVULLING.folder}/).", "type": "boolean"},
    (model.Leervraag, "regionaal"): {"description": "true als de regio deze vraag zelf heeft toegevoegd (in "
                                                    f"regio/{AANVULLING.folder}/).", "type": "boolean"},
    (regiomodel.Contact, "voorbeeld"): {"description": "true als het adres een voorbeeldadres is (zoals example.org) dat "
                                                  "niemand bereikt.", "type": "boolean"},
}
# Fields of the site, not of the item, that every item of every data file carries (opendata.py writes them), with
# their default: what a reader fills in for a neighbour on an older kit. Added within each file's version.
SITE_FIELDS: dict[str, Any] = {"voorbeeldsite": False}
# The fields of the region file that are published (opendata.py); the rest (the editor's settings, how long a
# neighbour's copy is kept, ...) stays private until it is added here and the schemas are generated again.
REGIO_FIELDS = ("naam", "motto", "beschrijving", "site", "pijlers", "fasen", "elementen", "uitgangspunten", "structuur",
                "partners", "contact", "licentie", "website", "verbergen", "buren", "buren_in_nieuwsfeed", "bron",
                "voorbeeld", "herkomst")
TITLES = {BIJEENKOMST.folder: "bijeenkomsten van tafels, met hun opbrengst", PRAKTIJK.folder: "goede praktijken",
          THEMA.folder: "thema's", REGIO.folder: "de regio"}  # a file's name in the schema's title; else its folder
NOTES = {REGIO.folder: " (versie 2 voegde 'licentie' toe)"}  # what a version added, for the schema's description
# Fields added to a file while its version stayed the same: a minor version ("1.1" is version 1 plus these). Only
# fields with a default may be added so. A reader fills in a missing one with the model's default (a neighbour on an
# older kit does not write it) and skips item fields it does not know (a neighbour on a newer kit added them), so
# an addition never cuts neighbours off. Removing a field or changing what one means is a new version.
ADDITIONS: dict[str, tuple[str, ...]] = {
    PRAKTIJK.folder: ("indeling", "status", "bron_plek"),
    TAFEL.folder: ("indeling", "bron_plek"),
    BOUWSTEEN.folder: ("indeling", "bron_plek", "leervragen_ook_bij"),
    VRAGENSET.folder: ("werkwijze_bron", "samengesteld"),
}


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """(the type, whether None is allowed)."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], True
    return hint, False


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


def _field(author: dict[str, Any], hint: Any, default: Any, required: bool) -> dict[str, Any]:
    """The export schema of one field: `author` is its author schema, `hint` its model type, `required` whether an
    author must write it (else the model's `default` fills it in)."""
    hint, nullable = _unwrap(hint)
    spec: dict[str, Any] = {"description": author["description"]} if author.get("description") else {}
    spec.update((key, author[key]) for key in KEPT if key in author)
    if "x-verwijzing" in author:
        spec["pattern"] = REFERENCE_PATTERNS.get(author["x-verwijzing"], ID)
    may_be_empty = not required and default == ""
    if "minLength" in author and not may_be_empty:
        spec["minLength"] = author["minLength"]
    if "pattern" in spec and may_be_empty:  # empty, or the author's pattern (kept as it is, so it is checked as such)
        spec["anyOf"] = [{"const": ""}, {"pattern": spec.pop("pattern")}]
    if dataclasses.is_dataclass(hint):
        spec.update(_object(author, typing.cast(type, hint)))
    elif typing.get_origin(hint) is tuple:
        item_hint = typing.get_args(hint)[0]
        if dataclasses.is_dataclass(item_hint):
            spec["items"] = {"type": "object", **_object(author["items"], typing.cast(type, item_hint))}
        else:
            spec["items"] = _field(author["items"], item_hint, dataclasses.MISSING, True)
    if nullable and default is None:
        types_ = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
        spec["type"] = types_ if "null" in types_ else [*types_, "null"]
        if "enum" in spec:
            spec["enum"] = [*spec["enum"], None]
    return spec


def _object(author: dict[str, Any], cls: type, only: tuple[str, ...] = (), first: tuple[str, ...] = (),
            site: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object of the model: `first`, the author's fields in the author's order, the fields only the model has,
    then voorbeeld, the `site` fields (SITE_FIELDS, for an item of a data file) and herkomst. All are required: the
    model writes every field."""
    fields = {f.name: f for f in dataclasses.fields(cls) if not only or f.name in only}
    hints = _hints(cls)
    props = author.get("properties", {})
    last = [n for n in ("voorbeeld", *site, "herkomst") if n in fields or n in site]
    order = list(first) + [n for n in props if n in fields and n not in first]
    order += [n for n in fields if n not in order and n not in last] + last
    properties: dict[str, dict[str, Any]] = {}
    for name in order:
        if (cls, name) in EXTRA:
            properties[name] = dict(EXTRA[(cls, name)])
        elif name in props:
            properties[name] = _field(props[name], hints[name], _default(fields[name]), name in author.get("required", []))
        elif name in COMMON:
            properties[name] = dict(COMMON[name])
        else:
            raise ValueError(f"{cls.__name__}.{name}: geen beschrijving in het auteursschema of in exportschema.EXTRA")
    return {"additionalProperties": False, "required": list(properties), "properties": properties}


def _author(name: str) -> dict[str, Any]:
    return read_schema(name, SCHEMA_DIR)  # the kit's own author schema, also for a fork


def export_schema(kind: Kind[Any], folder: str, version: int) -> dict[str, Any]:
    """The schema of data/<folder>.json, whose items are of `kind`."""
    author = _author(kind.name)
    if kind is REGIO:
        item = _object(author, kind.cls, only=REGIO_FIELDS, site=tuple(SITE_FIELDS))
    else:
        first = ("id", "tafel", "pagina") if kind is BIJEENKOMST else ("id", "pagina")
        item = _object(author, kind.cls, first=first, site=tuple(SITE_FIELDS))
    return {
        "$schema": DRAFT,
        "$id": f"{folder}.schema.json",
        "title": f"Open data: {TITLES.get(folder, folder)} (versie {version})",
        "description": f"Het bestand data/{folder}.json van een Leerlandschap-site, precies zoals de site het publiceert. "
                       f"Lees eerst 'versie': alleen versie {version} heeft deze vorm{NOTES.get(folder, '')}. Verandert "
                       "de vorm, dan krijgt het bestand een nieuwe versie." + _minor(folder, version),
        "type": "object",
        "additionalProperties": False,
        "required": ["versie", "soort", "schema", "items"],
        "properties": {
            "versie": {"description": "Versie van de vorm van dit bestand. Controleer deze voordat je de items leest.",
                       "type": "integer", "const": version},
            "soort": {"description": "Welke soort items in het bestand staan.", "type": "string", "const": kind.name},
            "schema": {"description": "Waar dit schema staat, vanaf de map data/ van de site.", "type": "string",
                       "const": f"schemas/export/{folder}.schema.json"},
            "items": {"description": "De items, in de volgorde van de site.", "type": "array",
                      "items": {"title": author.get("title", kind.name), "description": author.get("description", ""),
                                "type": "object", **item}},
        },
    }


def additions(folder: str) -> tuple[str, ...]:
    """Every field added to data/<folder>.json within its version: its own (ADDITIONS), then the site's (SITE_FIELDS)."""
    return ADDITIONS.get(folder, ()) + tuple(SITE_FIELDS)


def _minor(folder: str, version: int) -> str:
    added = additions(folder)
    names = ", ".join(f"'{name}'" for name in added[:-1]) + f" en '{added[-1]}'" if len(added) > 1 else f"'{added[0]}'"
    return (f" Later kwamen er velden bij, zonder nieuwe versie (versie {version}.1): {names}. Mist een item die velden, "
            "lees ze dan als hun standaardwaarde. Velden die je niet kent, sla je over.")


def addition_defaults(kind: Kind[Any], folder: str) -> dict[str, Any]:
    """The default of each field added to `folder` within its version, as the data file writes it: the model's, or
    SITE_FIELDS' for a field of the site."""
    fields = {f.name: f for f in dataclasses.fields(kind.cls)}
    return {name: SITE_FIELDS[name] if name in SITE_FIELDS else _default(fields[name]) for name in additions(folder)}


def export_kinds() -> list[tuple[Kind[Any], str]]:
    """(kind, folder) of every data file."""
    return [(k, k.folder) for k in active().page_kinds] + [(REGIO, REGIO.folder)]


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
