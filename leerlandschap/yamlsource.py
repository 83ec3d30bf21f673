"""Read one YAML file into plain data plus the line of every value, without YAML 1.1 surprises.

PyYAML follows YAML 1.1: `no`/`on` become booleans, `17:30` becomes 1050, `010` becomes 8 and a
duplicate key silently wins. Editors for this project are not YAML experts, so instead of guessing
we keep such scalars as the text that was written and report them as problems. Plain ISO dates
stay text too; whether that is right depends on the field, which only the schema knows, so they are
handed on as `date_scalars` for the schema check to judge.

The reader cannot be knocked over by a file: it works on the parser's event stream, in one pass and
without recursion (yamlevents.py), and refuses what content files never need before anything is built from it.
Anchors and aliases (which expand exponentially: "billion laughs"), merge keys, explicit tags
(`!!python/object`, `!!str`, which would otherwise be dropped silently), nesting deeper than
MAX_DEPTH, files larger than MAX_BYTES and characters YAML does not allow are all reported as
problems on their line.
"""
from __future__ import annotations

import pathlib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .patterns import NOT_IN_YAML
from .problems import Problem, shown
from .yamlevents import TAG_TEXT, Builder, Path

# libyaml is much faster; the pure-Python loader gives the same events
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 512 * 1024  # larger files are refused before parsing
_LINE_BREAK = re.compile(r"\r\n|[\n\r]")  # the end of a line as editors count lines
# Characters YAML does not allow, and three that YAML 1.1 (PyYAML) reads as a line break but editors do not show as
# one (NEL, U+2028, U+2029, pasted from a PDF or Word): each moved the line of every later message by one, and broke
# a title in two with a message about a missing colon. All are said, on the line an editor shows.
_NOT_ALLOWED = re.compile(NOT_IN_YAML + "|[\x85\u2028\u2029]")
_INDENT_BAD = re.compile(rf"[ ]*(?:\t|{_NOT_ALLOWED.pattern})")  # a tab or invisible character before a line's first character

_EMPTY = "Het bestand is leeg. Vul de velden in of verwijder het bestand."

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
     "waarde kan hier niet. " + TAG_TEXT),
    (r"^while scanning a directive\||\|found incompatible YAML document|\|found duplicate %", "Een regel die begint "
     "met % is hier niet nodig. Haal de regel weg, of zet de tekst tussen aanhalingstekens."),
]


@dataclass
class YamlDocument:
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)  # Path -> line of the value
    key_lines: dict[Path, int] = field(default_factory=dict)  # Path -> line of the key that holds the value
    date_scalars: set[Path] = field(default_factory=set)  # Paths of unquoted ISO dates

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
        # The parser's own messages for these are confusing: ours come first. A tab or an invisible character inside
        # a text (pasted from Word) does not change what the file says, so the file is read on with a space in its
        # place, and its other problems are said in the same check (every problem at once). In the indentation, or
        # where the space makes the rest unreadable (an escape code "\x1b[31m" becomes " [31m"), it changes the
        # structure: then the file's other messages would only mislead, and ours are all.
        problems = _character_problems(lines, display_path)
        if any(_INDENT_BAD.match(line) for line in lines):
            return None, problems
        doc, more = read_yaml(_NOT_ALLOWED.sub(" ", text).replace("\t", " "), display_path)
        return (doc, problems + more) if doc is not None else (None, problems)
    if all(not line.strip() or line.lstrip().startswith("#") for line in lines):
        return None, [Problem(display_path, 1, _EMPTY)]
    builder = Builder(display_path)
    loader = _Loader(text)
    try:
        while loader.check_event() and builder.feed(loader.get_event()):
            pass
    except yaml.MarkedYAMLError as err:
        builder.refused = True
        builder.problems.append(_syntax_problem(err, display_path, lines))
    except yaml.YAMLError as err:  # pragma: no cover - the characters a reader error is about were refused above
        builder.refused = True
        builder.problems.append(Problem(display_path, 1, f"Dit bestand is geen geldige YAML ({shown(str(err))})."))
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


def _syntax_problem(err: yaml.MarkedYAMLError, display_path: str, lines: list[str]) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else 1
    long_key = _long_key(err, lines)
    if long_key:
        return Problem(display_path, line, f"Voor de dubbele punt staan hier {long_key} tekens. Zo'n lange naam van een "
                       f"veld kan YAML niet lezen (hoogstens {_KEY_MAX} tekens), en geen veld heeft zo'n naam. Is het "
                       "een tekst? Zet hem dan achter de naam van een veld en een dubbele punt.")
    problem = err.problem or ""
    where = f"{err.context or ''}|{problem}"
    for pattern, hint in _SYNTAX_HINTS:
        if re.search(pattern, where):
            return Problem(display_path, line, hint)
    return Problem(display_path, line, f"De YAML-opmaak klopt hier niet ({shown(problem)}).")


_KEY_MAX = 1024  # YAML's limit for a key without '?': both PyYAML and libyaml forget a longer one
_BLOCK_KEY_START = re.compile(r"[ ]*(?:[-?][ ]+)*")  # where a key can start on a line of a block: after "- " or "? "


def _long_key(err: yaml.MarkedYAMLError, lines: list[str]) -> int | None:
    """The length of the key before the colon the parser stopped at, when it is over YAML's limit. The parser then
    reads the colon as one in a text ("mapping values are not allowed", "could not find expected ':'", or in [ ] and
    { } "expected ','"), which would send the author looking for a colon that is there."""
    mark = err.problem_mark
    if mark is None or mark.line >= len(lines):
        return None
    line = lines[mark.line].removeprefix("\ufeff") if mark.line == 0 else lines[mark.line]  # a BOM has no column
    if not line[mark.column:].startswith(":"):
        return None
    head = line[:mark.column]
    if "flow" in (err.context or ""):
        start = max(head.rfind(c) for c in "{[,") + 1
    else:
        start = _BLOCK_KEY_START.match(head).end()  # type: ignore[union-attr]  # matches any text
    key = head[start:].strip()
    if len(head) - start <= _KEY_MAX or not key or (key[0] not in "\"'" and ": " in key):  # "titel: a: b"
        return None
    return len(head) - start


def line_of_key(path: pathlib.Path, key: str) -> int:
    """The line of `key:` written at the start of a line of the file at `path` (a top-level key of a YAML file or of
    a Markdown page's front matter); 1 when there is none or the file cannot be read."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), 1)
