"""YAML parser events to plain data, in one pass and without recursion (the reader's inner part, yamlsource.py).

Refuses what content files never need before anything is built from it: anchors and aliases ("billion laughs"),
merge keys, explicit tags, nesting deeper than MAX_DEPTH, more than one document. Scalars that YAML 1.1 would read
otherwise than written (`no`, `010`, `17:30`) stay text and are reported; plain ISO dates stay text and are handed
on as `date_scalars` for the schema check to judge.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from .patterns import ISO_DATE_RE
from .problems import Problem, field_prefix, shown

_RESOLVER = yaml.resolver.Resolver()  # YAML 1.1 implicit types, the same ones the loaders use
# The tag YAML 1.1 gives a plain scalar; typed here because PyYAML's stubs leave Resolver.resolve untyped
_resolve: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = _RESOLVER.resolve

Path = tuple[str | int, ...]  # a path into the data: keys (str) and list positions (int)

MAX_DEPTH = 20  # lists and blocks inside each other; the schemas need at most 4

_TAG = "tag:yaml.org,2002:"
_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")

_ANCHOR = "Een & of * aan het begin van een waarde kan hier niet. Schrijf de tekst voluit, of zet hem tussen aanhalingstekens."
_MERGE = "Samenvoegen met << is in deze bestanden niet toegestaan. Schrijf de velden voluit."
TAG_TEXT = ("Haal het uitroepteken en wat erbij hoort weg. "
            "Begint je tekst met een uitroepteken (!)? Zet de tekst dan tussen aanhalingstekens.")
_DEPTH = (f"Hier zitten meer dan {MAX_DEPTH} lijsten of blokken in elkaar. Zo diep gaat geen enkel veld. "
          "Controleer de haakjes ([ ] en { }) en de inspringing. De rest van het bestand is niet gelezen.")
_DOCUMENTS = "Het bestand bevat meer dan één document (---). Zet elk item in een eigen bestand."
_NOT_A_KEY = "Hier hoort de naam van een veld te staan, gevolgd door een dubbele punt."


@dataclass
class _Frame:
    """A list or block being read."""
    path: Path | None  # None: read but not kept (a bad or repeated key's value, a second document)
    value: Any  # the list or dict being filled; None when not kept
    mapping: bool
    expect_key: bool = True  # mappings: the next node is a key
    key: str | None = None  # mappings: the key waiting for its value; None when that value is not kept
    count: int = 0  # lists: items so far


class Builder:
    """Turns parser events into plain data, without recursion; refuses what content files never need."""

    def __init__(self, display_path: str):
        self.display_path = display_path
        self.root: Any = None
        self.lines: dict[Path, int] = {}
        self.key_lines: dict[Path, int] = {}
        self.date_scalars: set[Path] = set()
        self.problems: list[Problem] = []
        self.refused = False  # something was found that makes the document unusable
        self.stack: list[_Frame] = []
        self.documents = 0
        self._refusals: set[tuple[int, str]] = set()

    def problem(self, line: int, message: str, path: Path = ()) -> None:
        self.problems.append(Problem(self.display_path, line, _prefix(path) + message))

    def refuse(self, line: int, message: str) -> None:
        self.refused = True
        if (line, message) not in self._refusals:  # ten aliases on a line are one problem
            self._refusals.add((line, message))
            self.problem(line, message)

    def feed(self, event: yaml.Event) -> bool:
        """Take in one event; False when reading must stop."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents == 2:
                self.refuse(_line(event), _DOCUMENTS)
        elif isinstance(event, yaml.CollectionEndEvent):
            frame = self.stack.pop()
            if frame.path is not None:
                self.deliver(frame.value)
        elif isinstance(event, yaml.NodeEvent):
            return self.node(event)
        return True

    def node(self, event: yaml.NodeEvent) -> bool:
        line = _line(event)
        path, is_key = self.place()
        scalar = event if isinstance(event, yaml.ScalarEvent) else None
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            self.refuse(line, _ANCHOR)
        tag = getattr(event, "tag", None)  # set only when written in the file
        if tag is not None:
            written = "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag
            self.refuse(line, f"'{shown(written)}' aan het begin van een waarde kan hier niet. {TAG_TEXT}")
        if is_key and scalar is not None and scalar.value == "<<" and not scalar.style:
            self.refuse(line, _MERGE)
            path = None
        if isinstance(event, yaml.CollectionStartEvent):
            if len(self.stack) >= MAX_DEPTH:
                self.refuse(line, _DEPTH)
                return False  # reading on would only cost time: stop here
            if is_key and path is not None:
                self.problem(line, _NOT_A_KEY)
            if is_key:
                self.stack[-1].key = path = None
            if path is not None:
                self.lines[path] = line
            mapping = isinstance(event, yaml.MappingStartEvent)
            self.stack.append(_Frame(path, None if path is None else {} if mapping else [], mapping))
        elif is_key:
            self.stack[-1].key = self.key(scalar, path, line) if scalar is not None and path is not None else None
        elif path is not None:
            self.lines[path] = line
            self.deliver(self.scalar(scalar, path) if scalar is not None and tag is None else None)
        return True

    def place(self) -> tuple[Path | None, bool]:
        """Where the node that starts now goes: its path (None: not kept) and whether it is a mapping's key.

        For a key the path is that of its mapping."""
        if not self.stack:
            return (() if self.documents == 1 else None), False
        parent = self.stack[-1]
        if parent.mapping:
            is_key, parent.expect_key = parent.expect_key, not parent.expect_key
            if is_key:
                return parent.path, True
            return (None if parent.path is None or parent.key is None else parent.path + (parent.key,)), False
        parent.count += 1
        return (None if parent.path is None else parent.path + (parent.count - 1,)), False

    def deliver(self, value: Any) -> None:
        if not self.stack:
            self.root = value
        elif self.stack[-1].mapping:
            self.stack[-1].value[self.stack[-1].key] = value
        else:
            self.stack[-1].value.append(value)

    def key(self, event: yaml.ScalarEvent, path: Path, line: int) -> str | None:
        key, known = event.value, self.stack[-1].value
        if key == "<<":
            self.problem(line, _NOT_A_KEY)
            return None
        if key in known:
            first = self.key_lines[path + (key,)]
            self.problem(line, f"Het veld '{shown(key)}' staat hier twee keer (ook op regel {first}). Haal er één weg.")
            return None
        known[key] = None  # until its value arrives
        self.key_lines[path + (key,)] = line
        return key

    def scalar(self, event: yaml.ScalarEvent, path: Path) -> Any:
        raw = event.value
        if event.style:  # quoted or block text: always text (plain is None or "")
            return raw
        kind = _resolve(yaml.ScalarNode, raw, event.implicit)[len(_TAG):]
        line = _line(event)
        if kind == "null":
            return None
        if kind == "bool":
            if raw.lower() in ("true", "false"):
                return raw.lower() == "true"
            value = "true" if raw.lower() in ("yes", "on", "y") else "false"
            self.problem(line, f"'{raw}' wordt in YAML gelezen als ja/nee-waarde ({value}), niet als tekst. "
                               f"Bedoel je tekst? Zet die tussen aanhalingstekens: \"{raw}\". "
                               "Bedoel je ja of nee? Schrijf dan true of false.", path)
            return raw
        if kind in ("int", "float") and len(raw) > 30:  # beyond any count or order; Python refuses huge ints
            self.problem(line, f"'{shown(raw)}' is een heel lang getal. Schrijf een korter getal, of zet tekst "
                               "tussen aanhalingstekens.", path)
            return raw
        if kind == "int" and _PLAIN_INT.fullmatch(raw):
            return int(raw)
        if kind == "float" and _PLAIN_FLOAT.fullmatch(raw):
            return float(raw)
        if kind in ("int", "float"):  # 010, 0x1f, 1_000, 17:30 (base 60), .inf: read otherwise than written
            self.problem(line, f"'{raw}' wordt in YAML gelezen als {_number(raw)}. "
                               f"Zet het tussen aanhalingstekens: \"{raw}\".", path)
            return raw
        if kind == "timestamp":
            if ISO_DATE_RE.fullmatch(raw):
                self.date_scalars.add(path)
                return raw
            self.problem(line, f"'{shown(raw)}' wordt in YAML gelezen als datum en tijd. Schrijf een datum als "
                               "JJJJ-MM-DD, of zet tekst tussen aanhalingstekens.", path)
            return raw
        return raw


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 1


def _number(raw: str) -> str:
    """What YAML 1.1 makes of a scalar it takes for a number: 'het getal 8' for 010."""
    try:
        return f"het getal {yaml.safe_load(raw)!r}"
    except ValueError:  # 0x_ or ._ look like numbers to the resolver, but have no digits
        return "een getal"


def _prefix(path: Path) -> str:
    """The field's name before a message, unless it would not read as one (empty, spaces, line breaks)."""
    prefix = field_prefix(path)
    return prefix if re.fullmatch(r"[^\s:]+: ", prefix) or not prefix else ""
