"""The JSON Schemas in `schemas/` as the one contract: validation with Dutch messages, and references.

Editors get completion from the same files through the YAML language server. Two annotations of
our own ride along and are ignored by other tools: `x-verwijzing` (this string is the id of an item
of that type) and `x-foutmelding` (what to tell an author whose text does not match `pattern`).
"""
from __future__ import annotations

import datetime
import difflib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, cast

import jsonschema
import jsonschema.validators

from . import kinds
from .patterns import calendar_date
from .problems import Problem, field_prefix, shown
from .textcheck import text_problems
from .yamlevents import Path as YamlPath
from .yamlsource import YamlDocument

# The schemas live in the repository's schemas/ (editors' YAML files point there); `pip install .` ships a copy in
# the package as leerlandschap/schemas_data/ (pyproject.toml: package-dir), which wins when it is there.
_PACKAGED = Path(__file__).resolve().parent / "schemas_data"
SCHEMA_DIR = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parent.parent / "schemas"


def schema_path(name: str, sub: str = "") -> Path:
    """schemas/[<sub>/]<name>.schema.json, or the file of that name in a folder of the registry in use
    (kinds.Registry.schema_dirs: the schemas of kinds added elsewhere), which comes first."""
    for folder in (*kinds.active().schema_dirs, SCHEMA_DIR):
        path = folder / sub / f"{name}.schema.json"
        if path.is_file():
            return path
    return SCHEMA_DIR / sub / f"{name}.schema.json"

_TYPE_NAMES = {"string": "tekst", "integer": "een heel getal", "number": "een getal", "boolean": "true of false",
               "array": "een lijst (regels die beginnen met '- ')", "object": "een blok met velden eronder"}


FIRST_YEAR, LAST_YEAR = 2000, 2100  # dates outside these years are typing errors (and 9999-12-31 + 1 day overflows)


def to_date(value: object) -> datetime.date | None:
    """The date of a 'JJJJ-MM-DD' text between FIRST_YEAR and LAST_YEAR; None for anything else."""
    day = calendar_date(value) if isinstance(value, str) else None
    return day if day is not None and FIRST_YEAR <= day.year <= LAST_YEAR else None


_FORMATS = jsonschema.FormatChecker(formats=())
_FORMATS.checks("date")(lambda value: not isinstance(value, str) or to_date(value) is not None)


def _whole_pattern(validator: object, pattern: str, instance: object, schema: dict[str, Any]) -> Iterator[jsonschema.ValidationError]:
    """`pattern` with fullmatch semantics: the whole value must match. JSON Schema's own keyword searches, and in
    Python `^…$` also matches a value that ends in a newline (an id with a newline would become a folder name)."""
    if isinstance(instance, str) and not re.fullmatch(pattern, instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r} as a whole")


def read_schema(name: str, schema_dir: Path | None = None, sub: str = "") -> dict[str, Any]:
    """The schema `<schema_dir>/<name>.schema.json` as data, by default found by `schema_path`: the one reader of
    schema files (authors' and export)."""
    path = schema_dir / f"{name}.schema.json" if schema_dir else schema_path(name, sub)
    return cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))


def _is_integer(_checker: object, value: object) -> bool:
    """`type: integer` is a whole number as written: JSON Schema also counts 2024.0 (YAML reads `jaar: 2024.0` as a
    float), which pages then showed as '(2024.0)' and '60.0 minuten'."""
    return isinstance(value, int) and not isinstance(value, bool)


# The one validator for every schema of the project (authors' schemas here, export schemas in opendata.py).
Validator = jsonschema.validators.extend(jsonschema.Draft7Validator, {"pattern": _whole_pattern},
                                         type_checker=jsonschema.Draft7Validator.TYPE_CHECKER.redefine("integer", _is_integer))


def _found(value: object) -> str:
    if value is None:
        return "niets (het veld is leeg)"
    if isinstance(value, bool):
        return f"de ja/nee-waarde {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met velden"
    return f"de tekst '{shown(value)}'"


@dataclass(frozen=True)
class Reference:
    kind: str  # content type the id points to, e.g. "bouwsteen"
    target: str
    path: YamlPath


class Schema:
    """One content type's schema."""

    def __init__(self, kind: str, schema: dict[str, Any]):
        self.kind = kind
        self.schema = schema
        self.validator = Validator(schema, format_checker=_FORMATS)

    @classmethod
    def load(cls, kind: str, schema_dir: Path | None = None) -> Schema:
        return cls(kind, read_schema(kind, schema_dir))

    @cached_property
    def fingerprint(self) -> str:
        """Changes when the schema does: results checked against an older schema are not reused."""
        return json.dumps(self.schema, sort_keys=True)

    @cached_property
    def fields(self) -> list[str]:
        return list(self.schema["properties"])

    def validate(self, doc: YamlDocument, display_path: str) -> list[Problem]:
        errors = list(self.validator.iter_errors(doc.data))
        problems = [p for err in errors for p in self._problem(err, doc, display_path)]
        judged = {tuple(err.absolute_path) for err in errors}  # one message a value: the schema's comes first
        problems += [Problem(display_path, doc.line_of(path), field_prefix(path) + message)
                     for path, sub, text in self.strings(doc.data) if path not in judged
                     for message in text_problems(text, sub)]
        for path in sorted(doc.date_scalars, key=str):  # unquoted dates are only right where a date is meant
            sub = self.subschema(path)
            if sub is not None and sub.get("type") == "string" and sub.get("format") != "date":
                problems.append(Problem(display_path, doc.line_of(path),
                                        f"{field_prefix(path)}'{shown(_value_at(doc.data, path))}' wordt in YAML gelezen als datum. "
                                        "Bedoel je tekst? Zet die dan tussen aanhalingstekens."))
        return problems

    def subschema(self, path: YamlPath) -> dict[str, Any] | None:
        sub: dict[str, Any] | None = self.schema
        for step in path:
            assert sub is not None
            sub = sub.get("items") if isinstance(step, int) else sub.get("properties", {}).get(step)
            if sub is None:
                return None
        return sub

    def strings(self, data: object) -> Iterator[tuple[YamlPath, dict[str, Any], str]]:
        """(path, subschema, text) of every string the schema describes as text."""
        stack: list[tuple[dict[str, Any], object, YamlPath]] = [(self.schema, data, ())]
        while stack:
            sub, value, path = stack.pop()
            if isinstance(value, str) and sub.get("type") == "string":
                yield path, sub, value
            elif isinstance(value, dict):
                stack += [(sub["properties"][key], item, path + (key,))
                          for key, item in value.items() if key in sub.get("properties", {})]
            elif isinstance(value, list) and isinstance(sub.get("items"), dict):
                stack += [(sub["items"], item, path + (i,)) for i, item in enumerate(value)]

    def references(self, data: object) -> list[Reference]:
        found: list[Reference] = []

        def walk(sub: dict[str, Any], value: object, path: YamlPath) -> None:
            if "x-verwijzing" in sub and isinstance(value, str):
                found.append(Reference(sub["x-verwijzing"], value, path))
            elif isinstance(value, dict):
                for key, item in value.items():
                    if key in sub.get("properties", {}):
                        walk(sub["properties"][key], item, path + (key,))
            elif isinstance(value, list) and "items" in sub:
                for i, item in enumerate(value):
                    walk(sub["items"], item, path + (i,))

        walk(self.schema, data, ())
        return found

    def _problem(self, err: jsonschema.ValidationError, doc: YamlDocument, display_path: str) -> list[Problem]:
        path = tuple(err.absolute_path)
        line = doc.line_of(path)
        where = field_prefix(path)
        v, value, sub = err.validator, err.instance, err.schema
        if v == "additionalProperties":
            allowed = list(sub.get("properties", {}))
            return [Problem(display_path, doc.key_lines.get(path + (key,), line), _unknown_key(shown(key), allowed))
                    for key in value if key not in allowed]
        if v == "required":
            missing = re.findall(r"'([^']+)' is a required property", err.message)
            return [Problem(display_path, line, f"{where}Het verplichte veld '{name}' ontbreekt.") for name in missing]
        if v == "type":
            expected = _TYPE_NAMES.get(err.validator_value, err.validator_value)
            hint = " Zet tekst tussen aanhalingstekens." if err.validator_value == "string" and value is not None else ""
            if value is None:
                return [Problem(display_path, line, f"{where}Dit veld is leeg. Hier hoort {expected} te staan.")]
            return [Problem(display_path, line, f"{where}Hier hoort {expected} te staan, maar er staat {_found(value)}.{hint}")]
        if v == "enum":
            choices = ", ".join(f"'{c}'" for c in err.validator_value)
            close = difflib.get_close_matches(str(value), [str(c) for c in err.validator_value], n=1, cutoff=0.6)
            guess = f" Bedoel je '{close[0]}'?" if close else ""
            return [Problem(display_path, line, f"{where}'{shown(value)}' is geen geldige keuze.{guess} Kies uit: {choices}.")]
        if v == "format":
            if isinstance(value, str) and calendar_date(value) is not None:
                return [Problem(display_path, line, f"{where}{value} ligt niet tussen {FIRST_YEAR} en {LAST_YEAR}. "
                                                    "Controleer het jaartal, bijvoorbeeld 2027-01-01.")]
            return [Problem(display_path, line, f"{where}'{shown(value)}' is geen geldige datum. "
                                                "Schrijf een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2027-01-01.")]
        if v == "pattern":
            return [Problem(display_path, line,
                            f"{where}'{shown(value)}' heeft niet de goede vorm. {sub.get('x-foutmelding', '')}".rstrip())]
        if v == "minLength":
            return [Problem(display_path, line, f"{where}Dit veld is leeg. Vul tekst in of haal het veld weg.")]
        if v == "maxLength":
            return [Problem(display_path, line, f"{where}Deze tekst is te lang: {len(value)} tekens. Hier passen "
                                                f"hoogstens {err.validator_value} tekens. Maak de tekst korter.")]
        if v == "minItems":
            return [Problem(display_path, line, f"{where}Deze lijst moet minstens {err.validator_value} "
                                                f"{'item' if err.validator_value == 1 else 'items'} hebben.")]
        if v == "maxItems":
            return [Problem(display_path, line, f"{where}Deze lijst is te lang: {len(value)} items. Hier passen "
                                                f"hoogstens {err.validator_value} items. Maak de lijst korter.")]
        if v == "minimum":
            return [Problem(display_path, line, f"{where}Het getal moet {err.validator_value} of hoger zijn.")]
        if v == "maximum":
            return [Problem(display_path, line, f"{where}Het getal moet {err.validator_value} of lager zijn.")]
        return [Problem(display_path, line, f"{where}Deze waarde klopt niet ({err.message}).")]  # pragma: no cover


def _value_at(data: object, path: YamlPath) -> object:
    for step in path:
        data = data[step]  # type: ignore[index]  # a path the YAML reader recorded in this very data
    return data


def _unknown_key(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"Onbekend veld '{key}'. Bedoel je '{close[0]}'?"
    return f"Onbekend veld '{key}'. Mogelijke velden hier: {', '.join(allowed)}."
