"""Shapes of text checked in more than one place, defined once: an id and a date (the loader, the schema check, the
YAML reader, the editing page, open data and the scripts; the schemas' own `pattern`s are held to them by
tests/test_structure.py), the characters YAML refuses (our own files, and a neighbour's texts), an address
that is only an example (the loader marks it, `make check` says so), and the longest word."""
from __future__ import annotations

import datetime
import re
import unicodedata

ID = r"[a-z0-9]+(-[a-z0-9]+)*"  # a file name without .yml, and so an item's id: 'coordineer-het-leren'
ISO_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"  # JJJJ-MM-DD: '2026-01-12'
# A longer run of letters is no Dutch word (the longest compounds have about 40): not hyphenated, split or searched.
LONGEST_WORD = 60
# A character YAML does not allow in a file (PyYAML's rule): control characters, surrogates, non-characters.
NOT_IN_YAML = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"

# How every text a template of `make new` or `make regio` leaves for its author starts (scripts/sjablonen/): such a
# text still on the site was never filled in (`make check` names it).
PLACEHOLDER_START = "Schrijf hier "

# Domains reserved for examples (RFC 2606 and RFC 6761): an address there reaches nobody.
EXAMPLE_DOMAINS = re.compile(r"(^|[@.])(example\.(org|com|net)|[a-z0-9-]+\.example|example)$")

# Names Windows gives to devices: a file of that name (with any extension) cannot be made or checked out there, so a
# region's fork with `nul.yml` would not open on a Windows computer.
WINDOWS_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10))})

ID_RE = re.compile(ID)
ISO_DATE_RE = re.compile(ISO_DATE)


def calendar_date(value: str) -> datetime.date | None:
    """The date of a text written as JJJJ-MM-DD that names a real day; None for anything else ('2026-02-30')."""
    if not ISO_DATE_RE.fullmatch(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def slugify(text: str) -> str:
    """A safe id from a title: 'Coördineer het leren!' -> 'coordineer-het-leren'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# The longest id a script makes from a title or a name (make new, make regio). A reference to an item may be 100
# characters (the schemas), and a file name 255 bytes; a title of a few hundred letters would break both.
LONGEST_MADE_ID = 80


def made_id(text: str) -> str:
    """slugify(text), cut after its last whole word that fits in LONGEST_MADE_ID: an id and file name for a new item."""
    slug = slugify(text)
    if len(slug) <= LONGEST_MADE_ID:
        return slug
    words = slug[:LONGEST_MADE_ID + 1].rsplit("-", 1)[0]  # the whole words within the limit
    return words if LONGEST_MADE_ID // 2 <= len(words) <= LONGEST_MADE_ID else slug[:LONGEST_MADE_ID].strip("-")


def without_accents(word: str) -> str:
    """'Coördinator' -> 'coordinator': a word as Pagefind indexes it, lower case and without accents."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def is_example_address(adres: str) -> bool:
    """True for 'x@example.org', 'https://example.org/form' or 'https://regio.example/...'."""
    host = adres.split("://", 1)[1].split("/", 1)[0] if "://" in adres else adres.rpartition("@")[2]
    return bool(EXAMPLE_DOMAINS.search(host.lower()))
