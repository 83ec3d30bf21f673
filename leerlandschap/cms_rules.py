"""The checker's rules that the editing page /beheer/ applies before it saves, taken from the checker's own definitions.

Sveltia CMS checks what the configuration (cms.py) can say: required fields, patterns, lengths, list sizes. Some
rules of `make check` are beyond that, and a file that breaks one stops the build after the coordinator saved it:
their meeting never appears. beheer.js (templates/beheer-opslaan.js, beheer-datum.js) gets these rules from here,
so the form and the checker cannot drift apart:

  characters   textcheck: what no text may hold (XML_FORBIDDEN, DIRECTION_OVERRIDE), what a one-line text may not
               hold (SINGLE_LINE_FORBIDDEN) and the line breaks editors do not show (UNSEEN_BREAKS). Pasted text
               brings them unseen (Word, a PDF, a phone number from Outlook); the page cleans them before saving.
               And what shows nothing (textcheck.invisible: Unicode's categories C and Z, which JavaScript names
               p{C} and p{Z} (with a backslash), and the blank letters and attached marks): taken off both ends of a one-line
               text (a zero-width space copied from a web page), and a text of nothing else is left out.
  years        schemas.FIRST_YEAR and LAST_YEAR: the date field refuses a date outside them (a typo such as 1027).
  taken        crosscheck.TAKEN_QUESTION: an addition's question named as a question of its bouwsteen itself.
  unique       crosscheck.UNIQUE_LISTS: a short name twice in one list (two agreements of one meeting) is refused
               before saving, with the number of each item; so is a short name the site uses itself
               (crosscheck.RESERVED_LIST_IDS: a reflection question named 'index'), with the checker's reason.
  in order     rules.TIME_ORDER and PERIOD_ORDER: a meeting's end time after its start time ("15:00-13:00"), a
               tafel's end date not before its start date; refused before saving, in the checker's words.
  one line     textcheck.MOJIBAKE and CALENDAR_BREAK: a one-line text a feed reader would "repair" ('CafÃ©') or in
               which a calendar reads \\N as a new line ('G:\\Notulen'); refused before saving, in the checker's
               words, with the field's label (`labels`: per collection, each field's dotted path -> its label).
  file names   per collection whose file name Sveltia makes from the title: the name the checker accepts (cms.slug_pattern,
               from patterns.ID, WINDOWS_NAMES and the kind's reserved names). Sveltia checks that pattern only where
               the name is typed; a praktijk titled 'Nul' or 'Index' was saved as nul.yml or index.yml, which the
               checker refuses. A new item whose name does not fit is refused before saving.
  multiline    per collection, the fields whose text may hold more lines (the Markdown fields of the form).
  lines        textcheck.MAX_LINES and TOO_MANY_LINES: a Markdown text of more lines (a long report pasted into
               Verslag) is refused before saving, in the checker's words, with the field's label.
"""
from __future__ import annotations

from typing import Any

from .cms_hints import ID_MESSAGE
from .crosscheck import RESERVED_LIST_IDS, TAKEN_QUESTION, UNIQUE_LISTS
from .kinds import AANVULLING, BOUWSTEEN
from .model import Content
from .rules import PERIOD, PERIOD_ORDER, TIME_FIELD, TIME_ORDER
from .schemas import FIRST_YEAR, LAST_YEAR
from .textcheck import (
    _ATTACHED,
    _BLANK_LETTERS,
    CALENDAR_BREAK,
    CALENDAR_BREAK_MESSAGE,
    DIRECTION_OVERRIDE,
    MAX_LINES,
    MOJIBAKE,
    SINGLE_LINE_FORBIDDEN,
    TOO_MANY_LINES,
    UNSEEN_BREAKS,
    XML_FORBIDDEN,
)


def js_source(pattern: str) -> str:
    """A Python character class as the source of a JavaScript RegExp with the 'u' flag: each character outside
    printable ASCII written as \\u{…}, so the page's rule is the checker's, character for character."""
    return "".join(char if "\x20" < char < "\x7f" else f"\\u{{{ord(char):x}}}" for char in pattern)


def _fields(collection: dict[str, Any]) -> list[dict[str, Any]]:
    return collection.get("fields") or [field for file in collection.get("files", []) for field in file["fields"]]


def _js_class(chars: frozenset[str]) -> str:
    """The characters as the inside of a JavaScript character class, in runs: 'A-Z' for A..Z."""
    runs: list[list[int]] = []
    for code in sorted(map(ord, chars)):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(js_source(chr(a)) + (f"-{js_source(chr(b))}" if b > a else "") for a, b in runs)


def _multiline(settings: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for collection in settings["collections"]:
        names = [field["name"] for field in _fields(collection) if field.get("widget") == "markdown"]
        if names:
            out[collection["name"]] = names
    return out


def _in_order(settings: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Per collection: the fields that must come in order, with the checker's message ({start} and {end} filled in)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for collection in settings["collections"]:
        names = {field["name"] for field in _fields(collection)}
        found = ([{"time": TIME_FIELD, "message": TIME_ORDER}] if TIME_FIELD in names else []) + \
                ([{"dates": list(PERIOD), "message": PERIOD_ORDER}] if set(PERIOD) <= names else [])
        if found:
            out[collection["name"]] = found
    return out


def _labels(fields: list[dict[str, Any]], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for field in fields:
        path = prefix + field["name"]
        out[path] = field["label"]
        out.update(_labels(field.get("fields", []), path + "."))
    return out


def _file_names(settings: dict[str, Any]) -> dict[str, dict[str, str]]:
    out = {}
    for collection in settings["collections"]:
        slug = collection.get("slug")
        if isinstance(slug, dict) and "template" in slug and "pattern" in slug and collection.get("create") is not False:
            why = slug["pattern"][1].removeprefix(ID_MESSAGE).strip()
            out[collection["name"]] = {"pattern": slug["pattern"][0],
                                       "message": f"Met deze titel krijgt het bestand de naam '{{slug}}'. Die naam kan "
                                                  f"niet. {why} Kies een andere titel."}
    return out


def _unique(path: tuple[str, ...], word: str) -> dict[str, Any]:
    reserved, why = RESERVED_LIST_IDS.get(path, (frozenset(), ""))
    return {"path": list(path), "word": word, "reserved": sorted(reserved), "why": why}


def save_rules(settings: dict[str, Any], content: Content | None = None) -> dict[str, Any]:
    """What beheer.js needs (see the module docstring); `settings` is Sveltia's configuration (cms.config), `content`
    the site's content (the questions each bouwsteen has of itself)."""
    bouwstenen = content.of(BOUWSTEEN).values() if content else ()
    return {
        "breaks": js_source(f"[{UNSEEN_BREAKS}]"),
        "forbidden": js_source(XML_FORBIDDEN.pattern),
        "direction": js_source(DIRECTION_OVERRIDE.pattern),
        "one_line": js_source(SINGLE_LINE_FORBIDDEN.pattern),
        "invisible": f"[\\p{{C}}\\p{{Z}}{_js_class(_BLANK_LETTERS | _ATTACHED)}]",
        "attached": f"[{_js_class(_ATTACHED)}]",
        "years": [FIRST_YEAR, LAST_YEAR],
        "unique": [_unique(path, word) for path, word in UNIQUE_LISTS.items()],
        "in_order": _in_order(settings),
        "multiline": _multiline(settings),
        "file_names": _file_names(settings),
        "calendar_break": [CALENDAR_BREAK, CALENDAR_BREAK_MESSAGE],
        "mojibake": MOJIBAKE,
        "lines": [MAX_LINES, TOO_MANY_LINES],
        "taken": {"collection": AANVULLING.folder, "message": TAKEN_QUESTION,
                  "questions": {b.id: [q.id for q in b.reflectievragen if not q.regionaal] for b in bouwstenen}},
        "labels": {c["name"]: _labels(_fields(c)) for c in settings["collections"] if "name" in c},
    }

