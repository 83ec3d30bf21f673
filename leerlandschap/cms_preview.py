"""The words of the editor's page previews (templates/beheer-voorbeeld.js), taken from the real page templates.

The preview of a meeting and of a praktijk in /beheer/ shows the same headings and facts as the page the site
builds. So that they can never drift apart, nothing is written twice: at build time the section headings
(`<h2 id="…">…</h2>`), the labels of the facts (`<dt>…</dt><dd>… item.<field> …</dd>`) and the kicker are read
from templates/bijeenkomst.html and templates/praktijk.html, and a meeting's title comes from the real macro
(_macros.html: bijeenkomst_titel). The script gets them as JSON and shows them with the form's values as text.
"""
from __future__ import annotations

import datetime
import re
from types import SimpleNamespace
from typing import Any

from .cms import collection_name
from .kinds import PRAKTIJK
from .render import TEMPLATES, datum, environment

HEADING = re.compile(r'<h2 id="([\w-]+)"[^>]*>([^<{]+)</h2>')  # other attributes (data-pagefind-ignore) may follow
FACT = re.compile(r"<dt\b[^>]*>(.*?)</dt><dd>(.*?)</dd>")
FIELD = re.compile(r"\bitem\.(\w+)")
KICKER = re.compile(r'<p class="ll-kicker"[^>]*>.*?</a>(?:\s*·\s*([^<{]+))?</p>|<p class="ll-kicker"[^>]*><a [^>]*>([^<]+)</a>')
TAG = re.compile(r"<[^>]+>")
# _macros.html: bron_regel, its first words by default ("Bron") and what follows them (its attributes may change)
SOURCE_LINE = re.compile(r'macro bron_regel\([^)]*\bwat="([^"]+)"\).*?<p class="ll-bron"[^>]*>\{\{ wat \}\}([^<{]*)<a ', re.S)
PAGES = {"bijeenkomst": "bijeenkomst.html", "praktijk": "praktijk.html"}


def page_words(template: str) -> dict[str, Any]:
    """{'koppen': {section id: heading}, 'feiten': {field: label}, 'soort': kicker} of one page template."""
    source = (TEMPLATES / template).read_text(encoding="utf-8")
    facts = {}
    for label, value in FACT.findall(source):
        field = FIELD.search(value)
        if field and field.group(1) not in facts:
            facts[field.group(1)] = TAG.sub("", label).strip()
    kicker = KICKER.search(source)
    return {"koppen": {ident: text.strip() for ident, text in HEADING.findall(source)}, "feiten": facts,
            "soort": next((part.strip() for part in (kicker.groups() if kicker else ()) if part), "")}


def meeting_title_prefix() -> str:
    """The words before the date in a meeting's title without its own title ("Bijeenkomst van "), from the macro."""
    day = datetime.date(2000, 1, 2)
    macros = environment().get_template("_macros.html").make_module({"c": None})
    title = str(getattr(macros, "bijeenkomst_titel")(SimpleNamespace(titel="", voorbeeld=False, datum=day)))  # noqa: B009
    return title[: -len(datum(day))] if title.endswith(datum(day)) else ""


OWN_PREVIEW = collection_name(PRAKTIJK)  # the collection with a page preview of its own besides the meetings (beheer-voorbeeld.js)


def field_lists(settings: dict[str, Any], meeting_collections: dict[str, str]) -> dict[str, list[list[Any]]]:
    """{collection or file name: [[field, label, is Markdown], ...]} for every form without a page preview of its
    own: the script shows their filled fields, and Markdown as the site does (never Sveltia's own preview)."""
    forms = []
    for collection in settings["collections"]:
        name = collection.get("name", "")
        if collection.get("hide") or name == OWN_PREVIEW or name in meeting_collections:
            continue
        forms += [(f["name"], f["fields"]) for f in collection.get("files", ())] or [(name, collection.get("fields"))]
    return {name: [[f["name"], f.get("label", f["name"]), f.get("widget") == "markdown"] for f in fields]
            for name, fields in forms if name and fields}


def preview_words(meeting_collections: dict[str, str], settings: dict[str, Any]) -> dict[str, Any]:
    """Everything the preview script needs: the pages' words, which collection holds which tafel's meetings, and the
    fields of every other form (field_lists)."""
    source_line = SOURCE_LINE.search((TEMPLATES / "_macros.html").read_text(encoding="utf-8"))
    return {**{kind: page_words(template) for kind, template in PAGES.items()},
            "titel_bijeenkomst": meeting_title_prefix(), "bron": source_line.group(1) + source_line.group(2) if source_line else "",
            "vergaderverslagen": meeting_collections, "praktijkformulier": OWN_PREVIEW,
            "velden": field_lists(settings, meeting_collections)}
