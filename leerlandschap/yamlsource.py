"""Read one YAML file into plain data plus the line of every value, without YAML 1.1 surprises.

PyYAML follows YAML 1.1: `no`/`on` become booleans, `17:30` becomes 1050, `010` becomes 8 and a
duplicate key silently wins. Editors for this project are not YAML experts, so instead of guessing
we keep such scalars as the text that was written and report them as problems. Plain ISO dates
stay text too; whether that is right depends on the field, which only the schema knows, so they are
handed on as `date_scalars` for the schema check to judge.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .problems import Problem, field_prefix

try:  # libyaml is much faster; the pure-Python loader gives the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

Path = tuple  # a path into the data: keys (str) and list positions (int)

_TAG = "tag:yaml.org,2002:"
_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# PyYAML's English parser messages, in plain Dutch. Matched on the start of the problem text.
_SYNTAX_HINTS = [
    ("mapping values are not allowed", "Er staat een dubbele punt (:) op een plek waar dat niet kan. "
     "Staat er een dubbele punt in je tekst? Zet de tekst dan tussen aanhalingstekens."),
    ("could not find expected ':'", "Hier ontbreekt een dubbele punt (:) achter de naam van het veld."),
    ("found character '\\t'", "Er staat een tab-teken. Gebruik spaties om in te springen."),
    ("expected <block end>", "De inspringing klopt niet. Zet velden die bij elkaar horen precies onder elkaar."),
    ("found unexpected end of stream", "Het bestand houdt op terwijl er nog iets open staat, bijvoorbeeld een aanhalingsteken."),
    ("found undefined alias", "Er staat een * (verwijzing naar een anker) die niet bestaat. Zet de tekst tussen aanhalingstekens."),
    ("expected a single document", "Het bestand bevat meer dan één document (---). Zet elk item in een eigen bestand."),
    ("expected alphabetic or numeric character", "Een tekst mag niet beginnen met * of &. Zet de tekst tussen aanhalingstekens."),
    ("found character that cannot start any token", "Deze regel begint met een teken dat YAML niet verwacht (zoals @ of `). "
     "Zet de tekst tussen aanhalingstekens."),
    ("while scanning a quoted scalar", "Een aanhalingsteken wordt niet afgesloten."),
    ("did not find expected key", "De inspringing klopt niet, of een tekst met aanhalingstekens loopt verder dan de afsluitende aanhalingstekens."),
    ("did not find expected '-' indicator", "De inspringing van deze lijst klopt niet."),
]


@dataclass
class YamlDocument:
    data: object
    lines: dict = field(default_factory=dict)  # Path -> line of the value
    key_lines: dict = field(default_factory=dict)  # Path -> line of the key that holds the value
    date_scalars: set = field(default_factory=set)  # Paths of unquoted ISO dates

    def line_of(self, path: Path) -> int:
        """The line of `path`, or of its nearest parent that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def read_yaml(text: str, display_path: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `text`; return the document (None if unusable) and every problem found."""
    problems = [Problem(display_path, n, "Er staat een tab-teken op deze regel. Gebruik spaties in plaats van tabs.")
                for n, line in enumerate(text.splitlines(), 1) if "\t" in line]
    if problems:
        return None, problems  # the parser's own message for tabs is confusing; ours is enough
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return None, [Problem(display_path, 1, "Het bestand is leeg. Vul de velden in of verwijder het bestand.")]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(err, display_path)]
    except yaml.YAMLError as err:  # pragma: no cover - errors without a position are rare
        return None, [Problem(display_path, 1, f"Dit bestand is geen geldige YAML ({err}).")]
    converter = _Converter(display_path)
    doc = YamlDocument(converter.convert(node, ()), converter.lines, converter.key_lines, converter.date_scalars)
    return doc, converter.problems


def _syntax_problem(err: yaml.MarkedYAMLError, display_path: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else 1
    problem = err.problem or ""
    for start, hint in _SYNTAX_HINTS:
        if problem.startswith(start):
            return Problem(display_path, line, hint)
    return Problem(display_path, line, f"De YAML-opmaak klopt hier niet ({problem}).")


class _Converter:
    def __init__(self, display_path: str):
        self.display_path = display_path
        self.lines: dict = {}
        self.key_lines: dict = {}
        self.date_scalars: set = set()
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, message: str, path: tuple = ()) -> None:
        self.problems.append(Problem(self.display_path, node.start_mark.line + 1, field_prefix(path) + message))

    def convert(self, node: yaml.Node, path: Path):
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                self.problem(key_node, "Hier hoort de naam van een veld te staan, gevolgd door een dubbele punt.")
                continue
            key = key_node.value
            if key in result:
                first = self.key_lines[path + (key,)]
                self.problem(key_node, f"Het veld '{key}' staat hier twee keer (ook op regel {first}). "
                                       "Haal er één weg.")
                continue
            self.key_lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = self.convert(value_node, path + (key,))
        return result

    def scalar(self, node: yaml.ScalarNode, path: Path):
        raw = node.value
        if node.style or not node.tag.startswith(_TAG):  # quoted or block text: always text (plain is None or "")
            return raw
        kind = node.tag[len(_TAG):]
        if kind == "null":
            return None
        if kind == "bool":
            if raw.lower() in ("true", "false"):
                return raw.lower() == "true"
            value = "true" if raw.lower() in ("yes", "on", "y") else "false"
            self.problem(node, f"'{raw}' wordt in YAML gelezen als ja/nee-waarde ({value}), niet als tekst. "
                               f"Bedoel je tekst? Zet die tussen aanhalingstekens: \"{raw}\". "
                               "Bedoel je ja of nee? Schrijf dan true of false.", path)
            return raw
        if kind == "int" and _PLAIN_INT.fullmatch(raw):
            return int(raw)
        if kind == "float" and _PLAIN_FLOAT.fullmatch(raw):
            return float(raw)
        if kind in ("int", "float"):  # 010, 0x1f, 1_000, 17:30 (base 60), .inf: read otherwise than written
            self.problem(node, f"'{raw}' wordt in YAML gelezen als het getal {yaml.safe_load(raw)!r}. "
                               f"Zet het tussen aanhalingstekens: \"{raw}\".", path)
            return raw
        if kind == "timestamp":
            if _ISO_DATE.fullmatch(raw):
                self.date_scalars.add(path)
                return raw
            self.problem(node, f"'{raw}' wordt in YAML gelezen als datum en tijd. Schrijf een datum als "
                               "JJJJ-MM-DD, of zet tekst tussen aanhalingstekens.", path)
            return raw
        return raw
