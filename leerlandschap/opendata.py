"""Open data: the whole model as JSON, one file per content type, for other regions and tools.

The contract (version EXPORT_VERSION, or the file's own version in EXPORT_VERSIONS): every file `data/<folder>.json` is an object with `versie`, `soort`,
`schema` and `items`, and validates against `schemas/export/<folder>.schema.json`, which is published next to
it under `data/schemas/export/`. A reader checks `versie` first; a change of the fields means a new version.
Every item carries `pagina` (the path of its page from the site's address), so other sites can link to it;
neighbours (leerlandschap/buren.py) are read with these same schemas. tests/test_opendata_contract.py
validates every export against them.

The authors' schemas (`schemas/*.schema.json`, for the YAML files) are published too, under `data/schemas/`.
Files list items in the site's order and contain no build-time values, so they are stable between builds.
"""
from __future__ import annotations

import dataclasses
import datetime
import json
import re
from pathlib import Path
from typing import Any

import jsonschema

from . import urls
from .kinds import BIJEENKOMST, ITEM_KINDS
from .model import Content, Herkomst
from .schemas import SCHEMA_DIR, Validator
from .voorbeeld import shown_title

OPEN_DATA = (*ITEM_KINDS, BIJEENKOMST)  # one file each: data/<folder>.json, items of schema <name>
EXPORT_VERSION = 1
# A file whose fields changed has its own, higher version: a reader of the old version refuses unknown fields.
# regio.json 2: the region's licence for its content (`licentie`) was added.
EXPORT_VERSIONS = {"regio": 2}
EXPORT_SCHEMA_DIR = SCHEMA_DIR / "export"
# The fields of the region file that are published. A new field stays private until it is added here and to
# schemas/export/regio.schema.json (the region file also holds site settings that are nobody else's business).
REGIO_FIELDS = ("naam", "motto", "beschrijving", "bron", "pijlers", "fasen", "elementen", "uitgangspunten", "structuur",
                "partners", "contact", "licentie", "website", "site", "verbergen", "buren", "buren_in_nieuwsfeed", "voorbeeld", "herkomst")


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _is_date(value: object) -> bool:
    """JSON Schema's `format: date` for the export: a real date as JJJJ-MM-DD (other types are `type`'s business)."""
    if not isinstance(value, str):
        return True
    try:
        return bool(_ISO_DATE.fullmatch(value)) and bool(datetime.date.fromisoformat(value))
    except ValueError:
        return False


EXPORT_FORMATS = jsonschema.FormatChecker(formats=())
EXPORT_FORMATS.checks("date")(_is_date)


def export_validator(schema: dict) -> jsonschema.Draft7Validator:
    """Draft 7 with whole-value patterns (schemas.Validator): a neighbour's id ending in a newline does not pass."""
    return Validator(schema, format_checker=EXPORT_FORMATS)


def plain(value):
    if isinstance(value, Herkomst):  # the file the item comes from, as the repository names it
        return value.pad
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def export_schema_path(folder: str) -> str:
    """Where a data file's schema is, from data/ (also the `schema` value in the file)."""
    return f"schemas/export/{folder}.schema.json"


def load_export_schema(folder: str, schema_dir: Path = EXPORT_SCHEMA_DIR) -> dict:
    return json.loads((schema_dir / f"{folder}.schema.json").read_text(encoding="utf-8"))


def export_version(folder: str) -> int:
    """The version of data/<folder>.json (also the `const` of `versie` in its schema)."""
    return EXPORT_VERSIONS.get(folder, EXPORT_VERSION)


def document(kind_name: str, folder: str, items: list[dict]) -> dict:
    return {"versie": export_version(folder), "soort": kind_name, "schema": export_schema_path(folder), "items": items}


def _shown(item: Any) -> dict[str, str]:
    """The title as readers of the site see it ("Voorbeeld: …" for an invented item), so a reader that shows `titel`
    as it is never presents an example as real; `voorbeeld` says the same to a program."""
    return {"titel": shown_title(item)} if isinstance(getattr(item, "titel", None), str) else {}


def open_data_documents(content: Content) -> dict[str, dict]:
    """{'praktijken': {...}, ..., 'regio': {...}}: every data file as plain data."""
    documents = {}
    for kind in OPEN_DATA:
        items = [{**plain(item), **_shown(item), "pagina": urls.item_url(kind.name, item.id)}
                 for item in getattr(content, kind.folder).values()]
        documents[kind.folder] = document(kind.name, kind.folder, items)
    regio = plain(content.regio)
    documents["regio"] = document("regio", "regio", [{name: regio[name] for name in REGIO_FIELDS if name in regio}])
    return documents


def open_data_files(content: Content) -> dict[str, str]:
    """{'data/bouwstenen.json': text, ..., 'data/schemas/export/bouwstenen.schema.json': text, 'data/schemas/bouwsteen.schema.json': text}"""
    files = {f"data/{name}.json": _dump(doc) for name, doc in open_data_documents(content).items()}
    for path in sorted(EXPORT_SCHEMA_DIR.glob("*.schema.json")):
        files[f"data/schemas/export/{path.name}"] = path.read_text(encoding="utf-8")
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files[f"data/schemas/{path.name}"] = path.read_text(encoding="utf-8")
    return files


def describe_files() -> list[dict]:
    """What the open-data page documents: per data file its export schema, and each item field's meaning."""
    files = []
    for folder in [k.folder for k in OPEN_DATA] + ["regio"]:
        schema = load_export_schema(folder)
        item = schema["properties"]["items"]["items"]
        files.append({"naam": folder, "schema": export_schema_path(folder), "beschrijving": item.get("description", ""),
                      "velden": [(name, spec.get("description", "")) for name, spec in item["properties"].items()]})
    return files
