"""Read one YAML file into plain data plus the line of every value, without YAML 1.1 surprises.

PyYAML follows YAML 1.1: `no`/`on` become booleans, `17:30` becomes 1050, `010` becomes 8 and a
duplicate key silently wins. Editors for this project are not YAML experts, so instead of guessing
we keep such scalars as the text that was written and report them as problems. Plain ISO dates
stay text too; whether that is right depends on the field, which only the schema knows, so they are
handed on as `date_scalars` for the schema check to judge.

The reader cannot be knocked over by a file: it works on the parser's event stream, in one pass and
without recursion, and refuses what content files never need before anything is built from it.
Anchors and aliases (which expand exponentially: "billion laughs"), merge keys, explicit tags
(`!!python/object`, `!!str`, which would otherwise be dropped silently), nesting deeper than
MAX_DEPTH, files larger than MAX_BYTES and characters YAML does not allow are all reported as
problems on their line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem, field_prefix

# libyaml is much faster; the pure-Python loader gives the same events
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()  # YAML 1.1 implicit types, the same ones the loaders use

Path = tuple  # a path into the data: keys (str) and list positions (int)

MAX_BYTES = 512 * 1024  # larger files are refused before parsing
MAX_DEPTH = 20  # lists and blocks inside each other; the schemas need at most 4

_TAG = "tag:yaml.org,2002:"
_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")  # what YAML counts as the end of a line
_NOT_ALLOWED = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # PyYAML's rule
_SHOWN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # kept out of messages: they would break the line

_ANCHOR = "Een & of * aan het begin van een waarde kan hier niet. Schrijf de tekst voluit, of zet hem tussen aanhalingstekens."
_MERGE = "Samenvoegen met << is in deze bestanden niet toegestaan. Schrijf de velden voluit."
_TAG_TEXT = ("Haal het uitroepteken en wat erbij hoort weg. "
             "Begint je tekst met een uitroepteken (!)? Zet de tekst dan tussen aanhalingstekens.")
_DEPTH = (f"Hier zitten meer dan {MAX_DEPTH} lijsten of blokken in elkaar. Zo diep gaat geen enkel veld. "
          "Controleer de haakjes ([ ] en { }) en de inspringing. De rest van het bestand is niet gelezen.")
_DOCUMENTS = "Het bestand bevat meer dan één document (---). Zet elk item in een eigen bestand."
_EMPTY = "Het bestand is leeg. Vul de velden in of verwijder het bestand."
_NOT_A_KEY = "Hier hoort de naam van een veld te staan, gevolgd door een dubbele punt."

# PyYAML's and libyaml's English parser messages, in plain Dutch. Searched in "<context>|<problem>".
_SYNTAX_HINTS = [
    (r"\|mapping values are not allowed", "Er staat een dubbele punt (:) op een plek waar dat niet kan. "
     "Staat er een dubbele punt in je tekst? Zet de tekst dan tussen aanhalingstekens."),
    (r"\|could not find expected ':'", "Hier ontbreekt een dubbele punt (:) achter de naam van het veld."),
    (r"\|expected <block end>", "De inspringing klopt niet. Zet velden die bij elkaar horen precies onder elkaar."),
    (r"\|found unexpected end of stream", "Het bestand houdt op terwijl er nog iets open staat, bijvoorbeeld een aanhalingsteken."),
    (r"\|(did not find )?expected alphabetic or numeric character", "Een tekst mag niet beginnen met * of &. "
     "Zet de tekst tussen aanhalingstekens."),
    (r"\|found character .*cannot start any token", "Deze regel begint met een teken dat YAML niet verwacht (zoals @ of `). "
     "Zet de tekst tussen aanhalingstekens."),
    (r"\|did not find expected key", "De inspringing klopt niet, of een tekst met aanhalingstekens loopt verder dan "
     "de afsluitende aanhalingstekens."),
    (r"\|did not find expected '-' indicator", "De inspringing van deze lijst klopt niet."),
    (r"\|(block )?sequence entries are not allowed", "Hier kan geen lijst beginnen. Zet elk item van een lijst ('- ') "
     "op een eigen regel, ingesprongen onder de naam van het veld."),
    (r"\|(did not find )?expected ',' or '\]'", "Een lijst tussen [ en ] is niet goed afgesloten. Controleer de haakjes. "
     "Staat er een komma of haakje in je tekst? Zet de tekst dan tussen aanhalingstekens."),
    (r"\|(did not find )?expected ',' or '}'", "Een blok tussen { en } is niet goed afgesloten. Controleer de haakjes. "
     "Staat er een komma of haakje in je tekst? Zet de tekst dan tussen aanhalingstekens."),
    (r"\|(did not find expected node content|expected the node content)", "Hier staat een teken (zoals ], } of ,) "
     "waar een waarde hoort. Zet de tekst tussen aanhalingstekens."),
    (r"\|(did not find )?expected '?<document start>", "Deze regel past niet bij de regels erboven. Controleer de "
     "inspringing: de velden van het bestand beginnen helemaal links, zonder spaties ervoor."),
    (r"\|(found unknown escape character|did not find expected hexdecimal number|expected escape sequence"
     r"|found invalid Unicode character escape)", "Tussen dubbele aanhalingstekens heeft een \\ (backslash) een "
     "speciale betekenis. Schrijf \\\\ voor een gewone backslash, of gebruik enkele aanhalingstekens (')."),
    (r"\|found unexpected document (indicator|separator)", "Een regel met --- of ... staat midden in een tekst tussen "
     "aanhalingstekens. Sluit de aanhalingstekens eerder af."),
    (r"^while scanning a block scalar\|", "Na | of > mag op dezelfde regel alleen nog +, - of een cijfer van 1 tot 9 "
     "staan. Zet de tekst op de regels eronder, ingesprongen."),
    (r"^while (scanning|parsing) a tag\||\|found undefined tag handle", "Een uitroepteken (!) aan het begin van een "
     "waarde kan hier niet. " + _TAG_TEXT),
    (r"^while scanning a directive\||\|found incompatible YAML document|\|found duplicate %", "Een regel die begint "
     "met % is hier niet nodig. Haal de regel weg, of zet de tekst tussen aanhalingstekens."),
]


@dataclass
class YamlDocument:
    data: Any
    lines: dict = field(default_factory=dict)  # Path -> line of the value
    key_lines: dict = field(default_factory=dict)  # Path -> line of the key that holds the value
    date_scalars: set = field(default_factory=set)  # Paths of unquoted ISO dates

    def line_of(self, path: Path) -> int:
        """The line of `path`, or of its nearest parent that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def too_large(size: int, display_path: str) -> Problem | None:
    """The problem of a file of `size` bytes, if it is over the limit (callers may ask before reading the file)."""
    if size <= MAX_BYTES:
        return None
    return Problem(display_path, 1, f"Dit bestand is te groot: {-(-size // 1024)} kB. Een bestand mag hoogstens "
                                    f"{MAX_BYTES // 1024} kB zijn. Maak de tekst korter of verdeel hem over meer bestanden.")


def read_yaml(text: str, display_path: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `text`; return the document (None if unusable) and every problem found."""
    large = too_large(len(text.encode("utf-8", "surrogatepass")), display_path)
    if large:
        return None, [large]
    lines = _LINE_BREAK.split(text)
    if "\t" in text or _NOT_ALLOWED.search(text):
        return None, _character_problems(lines, display_path)  # the parser's own messages for these are confusing
    if all(not line.strip() or line.lstrip().startswith("#") for line in lines):
        return None, [Problem(display_path, 1, _EMPTY)]
    builder = _Builder(display_path)
    loader = _Loader(text)
    try:
        while loader.check_event() and builder.feed(loader.get_event()):
            pass
    except yaml.MarkedYAMLError as err:
        builder.refused = True
        builder.problems.append(_syntax_problem(err, display_path))
    except yaml.YAMLError as err:  # pragma: no cover - the characters a reader error is about were refused above
        builder.refused = True
        builder.problems.append(Problem(display_path, 1, f"Dit bestand is geen geldige YAML ({_show(str(err))})."))
    finally:
        loader.dispose()
    if builder.refused:
        return None, builder.problems
    if builder.documents == 0:  # nothing but a byte order mark
        return None, [Problem(display_path, 1, _EMPTY)]
    return YamlDocument(builder.root, builder.lines, builder.key_lines, builder.date_scalars), builder.problems


def _character_problems(lines: list[str], display_path: str) -> list[Problem]:
    problems = [Problem(display_path, n, "Er staat een tab-teken op deze regel. Gebruik spaties in plaats van tabs.")
                for n, line in enumerate(lines, 1) if "\t" in line]
    for n, line in enumerate(lines, 1):
        if (found := _NOT_ALLOWED.search(line)) is not None:
            problems.append(Problem(display_path, n, f"Er staat een onzichtbaar teken op deze regel "
                                                     f"(U+{ord(found.group()):04X}). Haal het weg, bijvoorbeeld door "
                                                     "de regel opnieuw te typen."))
    return problems


def _syntax_problem(err: yaml.MarkedYAMLError, display_path: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else 1
    problem = err.problem or ""
    where = f"{err.context or ''}|{problem}"
    for pattern, hint in _SYNTAX_HINTS:
        if re.search(pattern, where):
            return Problem(display_path, line, hint)
    return Problem(display_path, line, f"De YAML-opmaak klopt hier niet ({_show(problem)}).")


def _show(text: str, limit: int = 60) -> str:
    """Text as it may appear inside a message: on one line, and not endless."""
    text = _SHOWN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text if len(text) <= limit else text[:limit] + "…"


@dataclass
class _Frame:
    """A list or block being read."""
    path: Path | None  # None: read but not kept (a bad or repeated key's value, a second document)
    value: Any  # the list or dict being filled; None when not kept
    mapping: bool
    expect_key: bool = True  # mappings: the next node is a key
    key: str | None = None  # mappings: the key waiting for its value; None when that value is not kept
    count: int = 0  # lists: items so far


class _Builder:
    """Turns parser events into plain data, without recursion; refuses what content files never need."""

    def __init__(self, display_path: str):
        self.display_path = display_path
        self.root: Any = None
        self.lines: dict = {}
        self.key_lines: dict = {}
        self.date_scalars: set = set()
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
            shown = "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag
            self.refuse(line, f"'{_show(shown)}' aan het begin van een waarde kan hier niet. {_TAG_TEXT}")
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
            self.problem(line, f"Het veld '{_show(key)}' staat hier twee keer (ook op regel {first}). Haal er één weg.")
            return None
        known[key] = None  # until its value arrives
        self.key_lines[path + (key,)] = line
        return key

    def scalar(self, event: yaml.ScalarEvent, path: Path) -> Any:
        raw = event.value
        if event.style:  # quoted or block text: always text (plain is None or "")
            return raw
        kind = _RESOLVER.resolve(yaml.ScalarNode, raw, event.implicit)[len(_TAG):]
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
            self.problem(line, f"'{_show(raw)}' is een heel lang getal. Schrijf een korter getal, of zet tekst "
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
            if _ISO_DATE.fullmatch(raw):
                self.date_scalars.add(path)
                return raw
            self.problem(line, f"'{_show(raw)}' wordt in YAML gelezen als datum en tijd. Schrijf een datum als "
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
