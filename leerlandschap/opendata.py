"""Open data: the whole model as JSON, one file per content type, for other regions and tools.

Each file names the JSON Schema that documents its fields (copied next to it), lists items in the
site's order and contains no build-time values, so it is stable between builds.
"""
from __future__ import annotations

import dataclasses
import datetime
import json

from .kinds import BIJEENKOMST, ITEM_KINDS
from .model import Content, Herkomst
from .schemas import SCHEMA_DIR

OPEN_DATA = (*ITEM_KINDS, BIJEENKOMST)  # one file each: data/<folder>.json, items of schema <name>


def _plain(value):
    if isinstance(value, Herkomst):  # the file the item comes from, as the repository names it
        return value.pad
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def open_data_files(content: Content) -> dict[str, str]:
    """{'data/bouwstenen.json': text, ..., 'data/schemas/bouwsteen.schema.json': text}"""
    files = {}
    for kind in OPEN_DATA:
        items = [_plain(item) for item in getattr(content, kind.folder).values()]
        files[f"data/{kind.folder}.json"] = _dump({"soort": kind.name, "schema": f"schemas/{kind.name}.schema.json",
                                                   "items": items})
    files["data/regio.json"] = _dump({"soort": "regio", "schema": "schemas/regio.schema.json", "items": [_plain(content.regio)]})
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files[f"data/schemas/{path.name}"] = path.read_text(encoding="utf-8")
    return files
