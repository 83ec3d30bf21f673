"""Property: any text in a single-line field is either refused by the checker, or reaches the calendar (parsed back
with icalendar) and the Atom feed (parsed with feedparser) as exactly that text, in exactly one property.

The checker is the real one (the YAML reader and the schema with its text rules); the calendar and the feed are the
real writers (agenda.py, feed.py) on the example content with the one field replaced.
"""
from __future__ import annotations

import dataclasses
import datetime
import functools

import feedparser
import icalendar
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE_CONTENT, ROOT
from leerlandschap import kinds
from leerlandschap.agenda import Stamps, calendar
from leerlandschap.feed import atom
from leerlandschap.loader import load_content
from leerlandschap.schemas import Schema
from leerlandschap.yamlsource import read_yaml

SITE = "https://leren.voorbeeldregio.nl/"
STAMPS = Stamps(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
# Every character Hypothesis likes, plus the ones that break calendars and feeds
NASTY = list("\r\n\t\x00\x01\x0b\x0c\x1b\x7f\x85\u2028\u2029\ufeff\ufffe ;,\\:\"'<>&]") + ["\r\n", "\\n", "&amp;", "]]>"]
PIECE = st.one_of(st.characters(), st.sampled_from(NASTY), st.text(max_size=3))
PRINTABLE = st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30)
TEXT = st.one_of(st.lists(PIECE, min_size=1, max_size=15).map("".join), PRINTABLE)  # half hostile, half plausible
# As many examples as the profile gives (tests/conftest.py); half or more of them are refused by the checker.
PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def content():
    return load_content(EXAMPLE_CONTENT)


@pytest.fixture(scope="module")
def meeting(content):
    """A meeting with an outcome (so it is in the feed too) and its file's data."""
    found = next(m for m in content.of(kinds.BIJEENKOMST).values() if m.opbrengst.inzichten)
    doc, problems = read_yaml((ROOT / found.herkomst.pad).read_text(encoding="utf-8"), found.herkomst.pad)
    assert doc is not None and not problems
    return found, doc.data


schema = functools.cache(Schema.load)


@functools.cache
def file_data(relative: str) -> dict:
    doc, problems = read_yaml((ROOT / relative).read_text(encoding="utf-8"), relative)
    assert doc is not None and not problems
    return doc.data


def checked(kind: str, data: dict, field: str) -> str | None:
    """What `make check` makes of a file with this data (written as YAML the way an editor would): None when it is
    refused, else the text of `field` as the checker read it (YAML itself may turn a NEL into a space, say)."""
    try:
        text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)  # libyaml: the same YAML, sooner
    except yaml.YAMLError:  # text YAML cannot even write (such a file cannot exist)
        return None
    doc, problems = read_yaml(text, "x.yml")
    if doc is None or problems or schema(kind).validate(doc, "x.yml"):
        event("refused by the checker")
        return None
    event("accepted: compared in calendar and feed")
    return doc.data[field]


def events(text: str) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(text).walk("VEVENT")


def feed(text: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(text.encode("utf-8"))
    assert not parsed.bozo, parsed.bozo_exception  # well-formed XML, whatever the text
    return parsed


@PROPERTY
@given(text=TEXT)
def test_a_meeting_title_is_refused_or_the_same_in_calendar_and_feed(content, meeting, text):
    found, data = meeting
    text = checked("bijeenkomst", {**data, "titel": text}, "titel")
    if text is None:
        return
    changed = dataclasses.replace(found, titel=text)
    tafel = content.of(kinds.TAFEL)[found.tafel]
    [event] = events(calendar(content, [changed], "Agenda", SITE, STAMPS))
    label = "Voorbeeld: " if found.voorbeeld else ""  # an invented meeting and tafel are labelled where shown
    assert str(event["SUMMARY"]) == f"{label}{tafel.titel}: {label}{text}"
    assert sorted(event) == sorted(["UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY",
                                    "DESCRIPTION", "URL"] + (["LOCATION"] if found.locatie else []))
    everything = content.replaced(kinds.BIJEENKOMST, {**content.of(kinds.BIJEENKOMST), found.id: changed})
    entries = [e for e in feed(atom(everything, SITE)).entries if e.id.endswith(f"/{found.id}/")]
    assert [e.title for e in entries] == [f"Opbrengst: {label}{text}"]


@PROPERTY
@given(text=TEXT)
def test_a_meeting_place_is_refused_or_the_same_in_the_calendar(content, meeting, text):
    found, data = meeting
    text = checked("bijeenkomst", {**data, "locatie": text}, "locatie")
    if text is None:
        return
    [event] = events(calendar(content, [dataclasses.replace(found, locatie=text)], "Agenda", SITE, STAMPS))
    assert str(event["LOCATION"]) == text
    assert len([key for key in event if key == "LOCATION"]) == 1


@PROPERTY
@given(text=TEXT)
def test_a_region_name_is_refused_or_the_same_in_calendar_and_feed(content, text):
    text = checked("regio", {**file_data("content/regio.yml"), "naam": text}, "naam")
    if text is None:
        return
    # A region's own site (its fork's regio/regio.yml): the example site's feed names no region as its maker
    own = dataclasses.replace(content.regio.herkomst, laag="regio", pad="regio/regio.yml")
    changed = dataclasses.replace(content, regio=dataclasses.replace(content.regio, naam=text, herkomst=own))
    parsed = icalendar.Calendar.from_ical(calendar(changed, [], f"Alle tafels ({text})", SITE, STAMPS))
    assert str(parsed["X-WR-CALNAME"]) == f"Alle tafels ({text})"
    parsed_feed = feed(atom(changed, SITE))
    assert parsed_feed.feed.title == f"Nieuw in het leerlandschap van {text}"
    assert parsed_feed.feed.author_detail.name == text


@PROPERTY
@given(title=TEXT, summary=TEXT)
def test_a_practice_title_and_summary_are_refused_or_the_same_in_the_feed(content, title, summary):
    found = next(iter(content.of(kinds.PRAKTIJK).values()))
    data = file_data(found.herkomst.pad)
    title = checked("praktijk", {**data, "titel": title, "samenvatting": summary}, "titel")
    summary = checked("praktijk", {**data, "titel": title or "x", "samenvatting": summary}, "samenvatting")
    if title is None or summary is None:
        return
    changed = content.replaced(kinds.PRAKTIJK, {
        **content.of(kinds.PRAKTIJK), found.id: dataclasses.replace(found, titel=title, samenvatting=summary)})
    entries = [e for e in feed(atom(changed, SITE)).entries if e.id.endswith(f"/praktijken/{found.id}/")]
    assert [(e.title, e.summary) for e in entries] == [(title, summary)]
