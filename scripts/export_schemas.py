#!/usr/bin/env python3
"""Write the open-data schemas (schemas/export/) from the authors' schemas and the model (leerlandschap/exportschema.py).

Usage:
  python scripts/export_schemas.py           (writes the files; run it after changing schemas/*.schema.json or the model)
  python scripts/export_schemas.py --check   (exit 1 and name the files that are not up to date)
"""
from __future__ import annotations

import argparse
import sys

from common import guarded
from leerlandschap.exportschema import dumps, export_kinds, export_schema
from leerlandschap.opendata import EXPORT_SCHEMA_DIR, export_version


def generated() -> dict[str, str]:
    """File name -> text of every export schema."""
    return {f"{folder}.schema.json": dumps(export_schema(kind, folder, export_version(folder)))
            for kind, folder in export_kinds()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="alleen controleren, niets schrijven")
    args = parser.parse_args()
    stale = [name for name, text in generated().items()
             if not (EXPORT_SCHEMA_DIR / name).is_file() or (EXPORT_SCHEMA_DIR / name).read_text(encoding="utf-8") != text]
    if args.check:
        for name in stale:
            print(f"schemas/export/{name} is niet bijgewerkt. Voer uit: python scripts/export_schemas.py")
        return 1 if stale else 0
    for name in stale:
        (EXPORT_SCHEMA_DIR / name).write_text(generated()[name], encoding="utf-8")
        print(f"schemas/export/{name} bijgewerkt.")
    return 0


if __name__ == "__main__":
    sys.exit(guarded(main, "de schema's in schemas/export/"))
