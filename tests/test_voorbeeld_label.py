"""The example label lives where titles are shown, never in the data (issue 25).

Requirement: an invented item (its bron has soort "voorbeeld") is marked `voorbeeld` and keeps its author's title;
every place that shows the title says "Voorbeeld: " in front of it, exactly once, whether or not the author typed the
label. Checked here for the example tafel of the content (author typed the label), and for items made invented in the
test (no label typed): a praktijk, a rol and a meeting without a title of its own.
"""
from __future__ import annotations

import dataclasses
import datetime
import json
import re

import icalendar

from leerlandschap import kinds
from leerlandschap.agenda import Stamps, calendar_files
from leerlandschap.feed import recent
from leerlandschap.model import Content
from leerlandschap.opendata import open_data_documents
from leerlandschap.pages import PageMaker
from leerlandschap.voorbeeld import meeting_title, shown_title, without_label
from leerlandschap.vragendata import questions_json

TAFEL = "voorbeeldtafel-jongeren-rond-18"  # content/tafels/: its YAML title is "Voorbeeld: thematafel Jongeren rond 18"
STAMPS = Stamps(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))


def _invented(content: Content, folder: str, ident: str) -> Content:
    items = content.of(kinds.BY_FOLDER[folder])
    return content.replaced(kinds.BY_FOLDER[folder], {**items, ident: dataclasses.replace(items[ident], voorbeeld=True)})


def test_the_data_holds_the_fact_not_the_label(example_content):
    tafel = example_content.of(kinds.TAFEL)[TAFEL]
    assert tafel.voorbeeld and tafel.titel == "thematafel Jongeren rond 18"
    examples = [x for f in ("tafels", "bijeenkomsten", "praktijken", "vragensets") for x in example_content.items[f].values()
                if x.voorbeeld]
    assert len(examples) == 4  # the example tafel and its three meetings
    assert not [x.id for x in examples if x.titel.casefold().startswith("voorbeeld")]


def test_the_label_rules():
    @dataclasses.dataclass(frozen=True)
    class Item:
        titel: str
        voorbeeld: bool = False

    assert shown_title(Item("Samen lunchen", voorbeeld=True)) == "Voorbeeld: Samen lunchen"
    assert shown_title(Item("Samen lunchen")) == "Samen lunchen"
    assert shown_title(Item("", voorbeeld=True)) == ""
    assert meeting_title(Item("", voorbeeld=True), "Leertafel Wonen") == "Voorbeeld: bijeenkomst van Leertafel Wonen"
    assert meeting_title(Item(""), "3 februari 2026") == "Bijeenkomst van 3 februari 2026"
    assert meeting_title(Item("Start", voorbeeld=True), "x") == "Voorbeeld: Start"
    assert without_label("Voorbeeld: thematafel") == "thematafel"
    assert without_label("  voorbeeld:thematafel") == "thematafel"
    assert without_label("Voorbeeldtafel Wonen") == "Voorbeeldtafel Wonen"  # a word, not the label
    assert without_label("Voorbeeld:") == "Voorbeeld:"  # nothing would be left


def _h1(body: str) -> str:
    return re.sub(r"<[^>]+>|\u00ad", "", re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1)).strip()


def test_the_example_tafel_is_labelled_once_everywhere(example_content):
    pages = {p.url: p for p in PageMaker(example_content).all_pages()}
    page = pages[f"tafels/{TAFEL}/"]
    shown = "Voorbeeld: thematafel Jongeren rond 18"
    assert page.title == shown and _h1(page.body) == shown  # page title (search result) and h1
    assert f">{shown}</a>" in pages["tafels/"].body  # the overview list
    meeting = pages[f"tafels/{TAFEL}/2026-08-25/"]
    assert meeting.title == "Voorbeeld: Start van het thema jongeren die 18 worden"
    assert shown in meeting.body  # the kicker names its tafel
    ics = calendar_files(example_content, "https://regio.example/", STAMPS)[f"agenda/{TAFEL}.ics"]
    cal = icalendar.Calendar.from_ical(ics)
    assert str(cal["X-WR-CALNAME"]).startswith(shown + " (")
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert summaries and all(s.startswith(shown + ": Voorbeeld: ") for s in summaries)
    feed = [n.titel for n in recent(example_content) if n.kind == "bijeenkomst"]
    assert "Opbrengst: Voorbeeld: Start van het thema jongeren die 18 worden" in feed
    record = next(t for t in open_data_documents(example_content)["tafels"]["items"] if t["id"] == TAFEL)
    assert record["titel"] == shown and record["voorbeeld"] is True
    assert all(text.count("Voorbeeld: Voorbeeld") == 0 for text in [page.body, meeting.body, ics, *feed])


def test_an_invented_praktijk_is_labelled_in_every_output(example_content):
    ident = next(iter(example_content.of(kinds.PRAKTIJK)))
    titel = example_content.of(kinds.PRAKTIJK)[ident].titel
    content = _invented(example_content, "praktijken", ident)
    shown = f"Voorbeeld: {titel}"
    pages = {p.url: p for p in PageMaker(content).all_pages()}
    assert pages[f"praktijken/{ident}/"].title == shown and _h1(pages[f"praktijken/{ident}/"].body) == shown
    assert f">{shown}</a>" in pages["praktijken/"].body
    assert any(n.titel == shown for n in recent(content) if n.id == ident)
    record = next(p for p in open_data_documents(content)["praktijken"]["items"] if p["id"] == ident)
    assert record["titel"] == shown and record["voorbeeld"] is True


def test_an_invented_rol_is_labelled_where_its_title_is_shown(example_content):
    """A rol's page is named by its plural (meervoud), which is not its title; its title is labelled in lists."""
    ident = "coordinator"
    titel = example_content.of(kinds.ROL)[ident].titel
    content = _invented(example_content, "rollen", ident)
    shown = f"Voorbeeld: {titel}"
    data = json.loads(questions_json(content))
    assert any(shown in q["rollen"] for q in data["vragen"].values())
    assert f'<option value="{shown}">' in {p.url: p for p in PageMaker(content).all_pages()}["vragensets/"].body


def test_a_meeting_without_a_title_is_named_after_its_tafel_with_one_label(example_content):
    ident = f"{TAFEL}/2026-08-25"
    meetings = {**example_content.of(kinds.BIJEENKOMST), ident: dataclasses.replace(example_content.of(kinds.BIJEENKOMST)[ident], titel="")}
    content = example_content.replaced(kinds.BIJEENKOMST, meetings)
    page = next(p for p in PageMaker(content).all_pages() if p.url == f"tafels/{ident}/")
    assert page.title == "Voorbeeld: bijeenkomst van thematafel Jongeren rond 18"
    assert _h1(page.body) == "Voorbeeld: bijeenkomst van 25 augustus 2026"  # the h1 names the date, as before


def test_an_invented_items_meta_description_is_labelled_too(example_content):
    """The meta description is what a search engine shows under the title: it says "Voorbeeld: " as the title does,
    once, for the example tafel (its summary already says it is invented), its meeting, and a praktijk and a vragenset
    made invented here (their summaries do not say so) (true to the sources, round three)."""
    praktijk = next(iter(example_content.of(kinds.PRAKTIJK)))
    vragenset = next(iter(example_content.of(kinds.VRAGENSET)))
    content = _invented(_invented(example_content, "praktijken", praktijk), "vragensets", vragenset)
    pages = {p.url: p for p in PageMaker(content).all_pages()}
    for url in (f"tafels/{TAFEL}/", f"tafels/{TAFEL}/2026-08-25/", f"praktijken/{praktijk}/", f"vragensets/{vragenset}/"):
        assert pages[url].description.startswith("Voorbeeld: ") and "Voorbeeld: Voorbeeld" not in pages[url].description, url
    real = next(p for p in example_content.of(kinds.PRAKTIJK) if p != praktijk)
    assert not pages[f"praktijken/{real}/"].description.startswith("Voorbeeld")
