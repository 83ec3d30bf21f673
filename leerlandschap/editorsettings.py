"""Editors' YAML settings (.vscode/settings.json): which schema checks which content file, from the kinds registry.

The YAML language server gives completion and checks while typing when `yaml.schemas` maps each schema to the
files of its kind, in content/ and in a fork's regio/. `python scripts/editorsettings.py` writes the file;
tests/test_kinds.py checks that the committed file equals what this module makes of it.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .discover import REGIO_DIR, REGIO_FILE
from .kinds import Kind, active
from .schemas import schema_path

CONTENT_DIR = "content"


def patterns(kind: Kind[Any]) -> list[str]:
    """The files of a kind, as glob patterns from the project root: content/<folder>/*.yml, regio/<folder>/*.yml."""
    if kind.single_file:
        return [f"{CONTENT_DIR}/{REGIO_FILE}", f"{REGIO_DIR}/{REGIO_FILE}"]
    if kind.parent:
        return [f"{layer}/{kind.parent.folder}/*/*.yml" for layer in (CONTENT_DIR, REGIO_DIR)]
    return [f"{layer}/{kind.folder}/*.yml" for layer in (CONTENT_DIR, REGIO_DIR)]


def yaml_schemas(project: Path) -> dict[str, list[str]]:
    """{'./schemas/praktijk.schema.json': ['content/praktijken/*.yml', 'regio/praktijken/*.yml'], ...}"""
    mapping = {}
    for kind in active().kinds:
        path = schema_path(kind.name).resolve()
        shown = f"./{path.relative_to(project.resolve()).as_posix()}" if path.is_relative_to(project.resolve()) else path.as_posix()
        mapping[shown] = patterns(kind)
    return mapping


def settings(project: Path, current: dict[str, Any]) -> dict[str, Any]:
    """The settings file's content: `current` (the file as it is) with `yaml.schemas` made from the registry."""
    return {**current, "yaml.schemas": yaml_schemas(project)}


def settings_text(project: Path, current: dict[str, Any]) -> str:
    return json.dumps(settings(project, current), ensure_ascii=False, indent=2) + "\n"
