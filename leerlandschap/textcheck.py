"""Every text value is untrusted: characters, line breaks and Markdown that would break or slow down what is built.

Checked for each string the schema knows, after the schema's own checks:
- characters XML 1.0 forbids (U+0001, U+FFFE, lone surrogates…), in any field: a feed with one of them does not
  parse. YAML refuses them in the file itself, but an escape between double quotes ("\\x01") produces them;
- characters that override the direction of the text (U+202A-U+202E), in any field: the text would show reversed;
- line breaks and other control characters in single-line fields (titles, places, times, roles, names…): a bare
  carriage return in a calendar is read as a new line by many calendar apps, and such a title breaks pages and
  messages. A field may hold more lines only when its schema says so: a Markdown field (its description says
  "Markdown", the one rule, which the editor (cms.py) uses too) or `"x-meerdere-regels": true`;
- Markdown that makes Python-Markdown slow or makes it recurse without end: lists and quotes nested deeper than
  MAX_NESTING, more than MAX_LINES lines, square brackets that close late or never (each `[` makes the link
  parser scan forward to its `]`: 20,000 of them took minutes), and many mixed runs of `*` and `_` in a paragraph
  (`*_*_…`: quadratic in the emphasis parser). Runs of `<`, backticks or a single kind of `*` or `_` were tried and
  are not slow. The limits are far above what any real text needs.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

# XML 1.0's Char production, negated (tab, LF and CR are allowed)
XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# In a single-line field: every control character (C0, DEL, C1 with NEL), the Unicode line and paragraph separators,
# and the byte order mark (calendar readers drop it)
SINGLE_LINE_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
# In any field: the characters that embed or override the direction of the text after them (U+202A-U+202E). An
# RLO makes "Samen leren" read as "nerel nemaS" on the page, in the feed and in calendars, and can make a text show
# other than it reads in the file ("Trojan Source"). Real text never needs them (a neighbour's lose them, buren_read.py).
DIRECTION_OVERRIDE = re.compile("[\u202a-\u202e]")
# Characters that end a line for some program but that editors do not show as one: the vertical tab of Word's line
# break (Shift+Enter), the form feed of a PDF's page break, a bare CR, NEL, U+2028 and U+2029. The editing page turns
# each into a line break where a text may hold more lines and into a space elsewhere (cms_rules.py), and takes out
# the other characters the rules above refuse, so what a coordinator pastes is never refused after saving.
UNSEEN_BREAKS = "\x0b\x0c\r\x85\u2028\u2029"
# In a one-line text: what a feed reader or a calendar reads as something else. The editing page refuses both before
# saving, with these words (cms_rules.py).
MOJIBAKE = ("Deze tekst lijkt verkeerd gecodeerd: een nieuwsfeedlezer maakt er '{fixed}' van. Staat er bijvoorbeeld Ã© "
            "waar é hoort? Typ die letters opnieuw.")
CALENDAR_BREAK = "\\N"
CALENDAR_BREAK_MESSAGE = ("In deze tekst staat \\N. Een agenda leest dat als een nieuwe regel. Zet er een spatie tussen, "
                          "of schrijf / in plaats van \\.")
# Characters that show nothing on their own: spaces, controls and format characters (a zero-width space U+200B, a word
# joiner U+2060, a soft hyphen U+00AD), letters fonts draw as blank (Hangul fillers, the braille blank), and marks
# that only change the character before them (the combining grapheme joiner, variation selectors, tag characters:
# at the end of "❤️" or a flag they belong there). A title of only these is an empty heading and a link without a
# name on every list; neighbours' titles are judged by the same rule (buren_read.py).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_ATTACHED = frozenset("\u034f") | frozenset(map(chr, [*range(0xFE00, 0xFE10), *range(0xE0020, 0xE0080),
                                                         *range(0xE0100, 0xE01F0)]))
MAX_NESTING = 10  # lists and block quotes inside each other in a Markdown field
MAX_LINES = 400  # lines in one Markdown field (the tables extension's check is quadratic in a block's lines)
TOO_MANY_LINES = ("Deze tekst heeft {lines} regels. Een tekst mag hoogstens {most} regels hebben. Maak de tekst korter, "
                  "of verdeel hem over meer items.")  # also said by the editor before saving (cms_rules)
MAX_BRACKET_SCAN = 30_000  # characters the link parser may scan for closing brackets, in one Markdown field
MAX_EMPHASIS = 25_000  # sum over paragraphs of (runs of * and _)²: mixed runs make the emphasis parser quadratic

_NAMES = {"\t": "een tab", "\n": "een regeleinde", "\r": "een regeleinde (CR)", "\x85": "een regeleinde (NEL)",
          "\u2028": "een regeleinde (U+2028)", "\u2029": "een alinea-einde (U+2029)"}
_BREAKS = "\n\r\x85\u2028\u2029"
# The start of a line that opens a list item or a quote, after at most three spaces; repeated: "- - > 1. x"
_MARKER = re.compile(r" {0,3}(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)| {0,3}>[ \t]?")


def is_markdown(sub: dict[str, Any]) -> bool:
    """Markdown fields say so in their description ('Uitleg in Markdown.'); templates render exactly these with | md."""
    return sub.get("type") == "string" and "markdown" in str(sub.get("description", "")).lower()


def is_multiline(sub: dict[str, Any]) -> bool:
    return is_markdown(sub) or bool(sub.get("x-meerdere-regels"))


def invisible(char: str) -> bool:
    """True for a character that shows nothing on its own (see _BLANK_LETTERS)."""
    return unicodedata.category(char)[0] in "CZ" or char in _BLANK_LETTERS or char in _ATTACHED


def readable(text: str) -> bool:
    """True when `text` shows something: a character that is not invisible."""
    return not all(invisible(char) for char in text)


def describe(char: str) -> str:
    """'een tab', or 'een onzichtbaar teken (U+0001)'."""
    return _NAMES.get(char, f"een onzichtbaar teken (U+{ord(char):04X})")


def text_problems(text: str, sub: dict[str, Any]) -> Iterator[str]:
    """Dutch messages (without a field prefix) for what is wrong with `text` in a field of schema `sub`."""
    if (found := XML_FORBIDDEN.search(text)) is not None:
        yield (f"In deze tekst staat {describe(found.group())}. Dat teken kan niet in een webpagina, agenda of "
               "nieuwsfeed. Haal het weg. Staat er tussen dubbele aanhalingstekens een \\ met een code, zoals \\x01? "
               "Haal die code weg.")
        return
    if (found := DIRECTION_OVERRIDE.search(text)) is not None:
        yield (f"In deze tekst staat een onzichtbaar teken dat de leesrichting omdraait (U+{ord(found.group()):04X}). "
               "Dan tonen de site, de agenda en de nieuwsfeed de tekst anders dan hij hier staat. Haal het teken weg, "
               "bijvoorbeeld door de tekst opnieuw te typen.")
        return
    if not is_multiline(sub) and (found := SINGLE_LINE_FORBIDDEN.search(text)) is not None:
        char = found.group()
        if char in _BREAKS:
            yield ("Deze tekst hoort op één regel te staan, maar er staat een regeleinde in. Zet de tekst op één "
                   "regel. Begint de tekst met > of |? Schrijf dan >- of zet de tekst tussen aanhalingstekens.")
        else:
            yield (f"In deze tekst staat {describe(char)}. Die hoort niet in een tekst van één regel. "
                   "Haal het teken weg, bijvoorbeeld door de tekst opnieuw te typen.")
        return
    if text and not readable(text):
        yield ("In deze tekst staat niets leesbaars: alleen spaties of onzichtbare tekens. Typ de tekst opnieuw, of "
               "haal het veld weg als het niet verplicht is.")
        return
    if not is_multiline(sub) and text != text.strip():  # feed readers drop them: the text would differ per place
        yield "Deze tekst begint of eindigt met een spatie (of een ander leeg teken). Haal die spatie weg."
        return
    if not is_multiline(sub) and (invisible(text[0]) or (invisible(text[-1]) and text[-1] not in _ATTACHED)):
        char = text[0] if invisible(text[0]) else text[-1]
        yield (f"Deze tekst begint of eindigt met een onzichtbaar teken (U+{ord(char):04X}). Haal het weg, "
               "bijvoorbeeld door de tekst opnieuw te typen.")
        return
    if not is_multiline(sub) and (fixed := mojibake(text)) is not None:  # feed readers "repair" such text
        yield MOJIBAKE.format(fixed=fixed[:60])
        return
    if not is_multiline(sub) and CALENDAR_BREAK in text:  # RFC 5545: \N is a line break (icalendar writes it as one)
        yield CALENDAR_BREAK_MESSAGE
        return
    if is_markdown(sub):
        yield from markdown_problems(text)


def mojibake(text: str) -> str | None:
    """The text a reader makes of `text` when it takes it for UTF-8 read as Latin-1 ('Ã©' -> 'é'), as feedparser
    does; None when no reader would change it (any real text: 'Café' is not valid UTF-8 read as Latin-1)."""
    if text.isascii():
        return None
    try:
        fixed = text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return fixed if fixed != text else None


def markdown_problems(text: str) -> Iterator[str]:
    lines = re.split(r"\r\n|[\n\r]", text)
    if len(lines) > MAX_LINES:
        yield TOO_MANY_LINES.format(lines=len(lines), most=MAX_LINES)
        return
    depth = max((nesting(line) for line in lines), default=0)
    if depth > MAX_NESTING:
        yield (f"Hier zitten {depth} lijsten of citaten in elkaar. Dat mag hoogstens {MAX_NESTING} keer. "
               "Maak de lijst minder diep: begin minder regels met '- ', '1. ' of '>' achter elkaar of ingesprongen.")
    if emphasis_cost(text) > MAX_EMPHASIS:
        yield ("In deze tekst staan heel veel * en _ bij elkaar (voor schuine of vette tekst). Dat maakt het bouwen "
               "van de site heel traag. Gebruik minder * en _, verdeel de tekst over meer alinea's, of schrijf \\* en "
               "\\_ voor een gewoon teken.")
    if bracket_scan(text) > MAX_BRACKET_SCAN:
        yield ("In deze tekst staan veel vierkante haken ([) die pas laat of nooit gesloten worden met ]. Dat maakt "
               "het bouwen van de site heel traag. Sluit elke [ vlak erna met ] (een link schrijf je als "
               "[tekst](https://...)), of schrijf \\[ voor een gewone haak.")


def nesting(line: str) -> int:
    """How many lists and quotes a line of Markdown opens or continues: indentation (4 spaces a level) plus the
    list markers and '>' at its start. Generous: an indented code block counts too."""
    expanded = line.expandtabs(4)
    rest = expanded.lstrip(" ")
    depth = (len(expanded) - len(rest)) // 4
    position = 0
    while (match := _MARKER.match(rest, position)) is not None and match.end() > position:
        depth += 1
        position = match.end()
    return depth


_BLANK_LINE = re.compile(r"\n[ \t]*\n")  # between two Markdown blocks
_DELIMITER_RUN = re.compile(r"(?<!\\)(?:\*+|_+)")


def emphasis_cost(text: str) -> int:
    """Sum over paragraphs of the square of their runs of * and _ (unescaped): Python-Markdown's emphasis parser
    takes time in that measure when the runs mix (`*_*_*_…` with 5,000 pairs took seconds)."""
    return sum(len(_DELIMITER_RUN.findall(block)) ** 2 for block in _BLANK_LINE.split(text))


_BRACKET_TOKEN = re.compile(r"\\.|[\[\]()]", re.DOTALL)  # an escaped character counts as nothing


def bracket_scan(text: str) -> int:
    """How many characters Python-Markdown's link parsers walk: from every `[` to its `]`, and from every `](` to
    its `)` (to the end of the paragraph when there is none). Backslash-escaped characters do not count; one stack
    per kind of bracket keeps this linear."""
    if "[" not in text:
        return 0
    total = 0
    for block in _BLANK_LINE.split(text):
        opened: dict[str, list[int]] = {"[": [], "(": []}
        matched: dict[int, int] = {}  # position of a `(` -> position of its `)`
        for token in _BRACKET_TOKEN.finditer(block):
            char, position = token.group(), token.start()
            if char in opened:
                opened[char].append(position)
            elif char in ("]", ")"):
                kind = "[" if char == "]" else "("
                if opened[kind]:
                    start = opened[kind].pop()
                    if kind == "[":
                        total += position - start
                    else:
                        matched[start] = position
        total += sum(len(block) - start for start in opened["["])
        total += sum(matched.get(link.start() + 1, len(block)) - link.start() for link in re.finditer(r"\]\(", block))
    return total
