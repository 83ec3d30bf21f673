"""No kind's folder name is written out in the code: every module gets it from the registry (leerlandschap/kinds.py).

Issue #25: "grep for a kind's folder name finds it in kinds.py and templates only". This test reads every Python
file of the packages and scripts and reports each string literal that names a kind's folder as a path, URL, file or
key: the whole text is the folder name ("praktijken"), or it stands between slashes, at the start or end of a path
('tafels/', 'data/praktijken.json'). Words in sentences ("3 tafels") are language, not folders. A field name the
schemas define (a praktijk's `bouwstenen`, a vragenset's `rollen`) used as a key (`item["bouwstenen"]`) is a field, not
a folder: it is allowed.

The same goes for names in code: `model.Content` holds every kind's items in one mapping read with
`content.of(kinds.PRAKTIJK)`, so it has no attribute named after a folder, and no code reads an attribute or declares
a dataclass field named after a folder (`content.tafels`, `praktijken: int`) unless the schemas define that name as
a field (a praktijk's `bouwstenen`, a vragenset's `rollen`: data, not a folder).
"""
from __future__ import annotations

import ast
import dataclasses
import json
import re
from pathlib import Path

from leerlandschap import kinds, model

ROOT = Path(__file__).resolve().parent.parent
# The folders of content/ and regio/ as the README and the issue name them (the registry must know each one).
FOLDERS = ("bronnen", "themas", "rollen", "bouwstenen", "praktijken", "vragensets", "tafels", "bijeenkomsten", "aanvullingen")
CODE = [*sorted((ROOT / "leerlandschap").rglob("*.py")), *sorted((ROOT / "leerlandschap_mkdocs").rglob("*.py")),
        *sorted((ROOT / "scripts").glob("*.py"))]
ALLOWED: dict[tuple[str, str], str] = {
    # (file, literal): why it must stay
    ("leerlandschap/woorden.py", "bouwstenen"): "Dutch plurals of nouns the site counts (woorden.MEERVOUD): language",
    ("leerlandschap/woorden.py", "praktijken"): "Dutch plurals of nouns the site counts: language, not a folder",
    ("leerlandschap/woorden.py", "bronnen"): "Dutch plurals of nouns the site counts: language, not a folder",
    ("leerlandschap/woorden.py", "rollen"): "Dutch plurals of nouns the site counts: language, not a folder",
    ("leerlandschap/woorden.py", "tafels"): "Dutch plurals of nouns the site counts: language, not a folder",
    ("leerlandschap/woorden.py", "vragensets"): "Dutch plurals of nouns the site counts: language, not a folder",
    ("leerlandschap/woorden.py", "bijeenkomsten"): "Dutch plurals of nouns the site counts: language, not a folder",
}


def _schema_fields() -> set[str]:
    names: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            names.update(node.get("properties", {}) if isinstance(node.get("properties"), dict) else ())
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in (ROOT / "schemas").rglob("*.schema.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return names


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _keys(tree: ast.AST) -> set[int]:
    """Constants used as a subscript (`x["a"]`), a dict key (`{"a": ...}`) or the key of `x.get("a")`."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            found.add(id(node.slice))
        elif isinstance(node, ast.Dict):
            found |= {id(k) for k in node.keys if isinstance(k, ast.Constant)}
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
              and node.args and isinstance(node.args[0], ast.Constant)):
            found.add(id(node.args[0]))
    return found


def folder_literals(path: Path, fields: set[str]) -> list[tuple[int, str, str]]:
    """(line, folder, literal) for every string literal in `path` that names a folder as a path, URL, file or key."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip, keys = _docstrings(tree), _keys(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in skip:
            continue
        for folder in FOLDERS:
            if not re.search(rf"(?:^|/){folder}(?:/|\.|$)", node.value):
                continue
            if id(node) in keys and node.value in fields:
                continue  # a field of an item, e.g. a praktijk's `bouwstenen`
            found.append((node.lineno, folder, node.value))
    return sorted(found)


def test_the_registry_knows_every_folder():
    assert {k.folder for k in kinds.ALL} >= set(FOLDERS)


def test_the_scanner_finds_folder_names_written_as_paths(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""About praktijken/ in a docstring."""\n'
                      'A = "praktijken"\nB = f"tafels/{x}/"\nC = "data/bijeenkomsten.json"\n'
                      'D = "Er zijn 3 tafels."\nE = item["bouwstenen"]\nF = "handleiding/bronnen-en-voorbeelden.md"\n',
                      encoding="utf-8")
    found = folder_literals(sample, {"bouwstenen"})
    assert [(line, folder) for line, folder, _ in found] == [(2, "praktijken"), (3, "tafels"), (4, "bijeenkomsten")]


def test_no_folder_name_outside_the_registry():
    fields = _schema_fields()
    problems = []
    for path in CODE:
        shown = path.relative_to(ROOT).as_posix()
        if shown == "leerlandschap/kinds.py":
            continue
        for line, folder, literal in folder_literals(path, fields):
            if (shown, folder) not in ALLOWED:
                problems.append(f"{shown}:{line}: {literal!r} names the folder {folder!r}: use kinds.<KIND>.folder")
    assert not problems, "\n".join(problems)


def test_every_allowed_literal_is_still_there():
    fields = _schema_fields()
    present = {(p.relative_to(ROOT).as_posix(), folder) for p in CODE for _, folder, _ in folder_literals(p, fields)}
    assert set(ALLOWED) <= present, set(ALLOWED) - present


def folder_names(path: Path, fields: set[str]) -> list[tuple[int, str]]:
    """(line, name) for every attribute read or written (`x.tafels`) and every field declared in a class body
    (`praktijken: int`) in `path` whose name is a folder and not a field the schemas define."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set(FOLDERS) - fields
    found = [(node.lineno, node.attr) for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr in names]
    found += [(node.lineno, node.target.id) for cls in ast.walk(tree) if isinstance(cls, ast.ClassDef)
              for node in cls.body if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
              and node.target.id in names]
    return sorted(found)


def test_content_has_no_attribute_named_after_a_folder():
    """Every kind's items are in `Content.items`, read with `Content.of(kind)`. (The region file, regio.yml, is one
    file, not a folder of items: `Content.regio` holds its settings.)"""
    folders = set(FOLDERS) | {k.folder for k in kinds.ALL if not k.single_file}
    assert not folders & {f.name for f in dataclasses.fields(model.Content)}
    assert not folders & set(dir(model.Content))


def test_the_scanner_finds_attributes_and_fields_named_after_folders(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("class Telling:\n    praktijken: int\n    bouwstenen: int\n    opbrengsten: int\n\n"
                      "A = content.tafels\nB = item.bouwstenen\nC = content.of(TAFEL)\nD = t.praktijken_by_bouwsteen\n"
                      "content.vragensets = {}\n", encoding="utf-8")
    assert folder_names(sample, {"bouwstenen"}) == [(2, "praktijken"), (6, "tafels"), (10, "vragensets")]


def test_no_attribute_or_field_named_after_a_folder():
    fields = _schema_fields()
    problems = [f"{path.relative_to(ROOT).as_posix()}:{line}: `{name}` is named after the folder {name!r}: read "
                f"content.of(kinds.<KIND>), give a field an English name that says what it holds"
                for path in CODE for line, name in folder_names(path, fields)]
    assert not problems, "\n".join(problems)
