"""Calendar files (iCalendar, RFC 5545) with the meetings of each tafel, and one with all tafels.

UIDs are built from ids (tafel and meeting file name) and the site's host, so a calendar app that
subscribes or re-imports replaces events instead of doubling them. Times are local times in
Europe/Amsterdam, with the zone described in the file.

Calendar apps (Outlook, Apple, Google) replace an event they know only when it says it is newer:
LAST-MODIFIED is the time the meeting's file last changed (from git, see history.py) and SEQUENCE
counts minutes since 2020 up to that moment, so it grows with every change and stays put otherwise.
DTSTAMP is the build's own time (SOURCE_DATE_EPOCH), never the clock, so two builds of one commit
are byte-identical.

Every line is written by `icalendar`: text is escaped and folded by the library, never by hand, so a comma,
semicolon or backslash stays text. Line breaks and other control characters cannot reach a single-line property:
the checker refuses them in titles, places and names (textcheck.py) before anything is built.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import cast
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from . import urls
from .kinds import BIJEENKOMST, TAFEL
from .model import Bijeenkomst, Content, Tafel
from .voorbeeld import example_site_feed_names, shown_title

DEFAULT_HOURS = 2  # length of a meeting whose file gives only a start time
SEQUENCE_START = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
ZONE = "Europe/Amsterdam"
# Central European time since 1996 (EU rules): the one zone every event uses, described in the file itself.
_RULES = (("DAYLIGHT", "+0100", "+0200", "CEST", datetime.datetime(1970, 3, 29, 2), 3),
          ("STANDARD", "+0200", "+0100", "CET", datetime.datetime(1970, 10, 25, 3), 10))


def _timezone() -> icalendar.Timezone:
    zone = icalendar.Timezone()
    zone.add("tzid", ZONE)
    zone.add("x-lic-location", ZONE)
    for kind, offset_from, offset_to, name, start, month in _RULES:
        part = icalendar.TimezoneDaylight() if kind == "DAYLIGHT" else icalendar.TimezoneStandard()
        part.add("tzoffsetfrom", _offset(offset_from))
        part.add("tzoffsetto", _offset(offset_to))
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def _offset(text: str) -> datetime.timedelta:
    return datetime.timedelta(hours=int(text[1:3]), minutes=int(text[3:])) * (1 if text[0] == "+" else -1)


def _times(meeting: Bijeenkomst) -> tuple[datetime.date, datetime.date]:
    day = meeting.datum
    if not meeting.tijd:
        return day, day + datetime.timedelta(days=1)
    zone = ZoneInfo(ZONE)
    start_text, _, end_text = meeting.tijd.partition("-")
    start = datetime.datetime.combine(day, datetime.time.fromisoformat(start_text), tzinfo=zone)
    end = (datetime.datetime.combine(day, datetime.time.fromisoformat(end_text), tzinfo=zone) if end_text
           else start + datetime.timedelta(hours=DEFAULT_HOURS))
    return start, end


def _event(content: Content, meeting: Bijeenkomst, site_url: str, host: str, stamps: Stamps) -> icalendar.Event:
    tafel = content.of(TAFEL)[meeting.tafel]
    title = f"{shown_title(tafel)}: {shown_title(meeting)}" if meeting.titel else shown_title(tafel)
    if not tafel.voorbeeld and not content.is_eigen(tafel):  # another's tafel is named as theirs, never the region's
        title += f" ({owner(content, tafel)})"
    page = site_url + urls.item_url("bijeenkomst", meeting.id)
    changed = stamps.changed.get(meeting.herkomst.pad if meeting.herkomst else "", stamps.built)
    start, end = _times(meeting)
    announced = "" if meeting.heeft_uitkomst else "Aangekondigd; er is geen verslag van deze bijeenkomst. "
    event = icalendar.Event()
    event.add("uid", f"{meeting.id.replace('/', '.')}@{host}")
    event.add("dtstamp", stamps.built.astimezone(datetime.UTC))
    event.add("last-modified", changed.astimezone(datetime.UTC))
    event.add("sequence", max(0, int((changed - SEQUENCE_START).total_seconds() // 60)))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", title)
    event.add("description", announced + tafel.samenvatting.strip() + " Meer informatie: " + page)
    event.add("url", page, parameters={"VALUE": "URI"})
    if meeting.locatie:
        event.add("location", meeting.locatie)
    return event


def owner(content: Content, tafel: Tafel) -> str:
    """Whose tafel this is, for a calendar's name: the region, 'landelijk', another region, or 'voorbeeld'."""
    if tafel.voorbeeld:
        return "voorbeeld"
    return content.regio.naam if content.is_eigen(tafel) else tafel.regio


@dataclass(frozen=True)
class Stamps:
    built: datetime.datetime  # the build's time (SOURCE_DATE_EPOCH)
    changed: dict[str, datetime.datetime] = field(default_factory=dict)  # file (Herkomst.pad) -> last change


def calendar(content: Content, meetings: list[Bijeenkomst], name: str, site_url: str, stamps: Stamps) -> str:
    host = urlsplit(site_url).hostname or "leerlandschap.invalid"
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", "-//Leerlandschap//Tafels//NL")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", ZONE)
    cal.add_component(_timezone())
    for meeting in sorted(meetings, key=lambda m: (m.datum, m.id)):
        cal.add_component(_event(content, meeting, site_url, host, stamps))
    return cast(bytes, cal.to_ical()).decode("utf-8")  # icalendar leaves to_ical's result untyped


def calendar_files(content: Content, site_url: str, stamps: Stamps) -> dict[str, str]:
    """{'agenda/<tafel>.ics': text, ..., 'agenda/alle-tafels.ics': text}"""
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    files = {f"agenda/{t.id}.ics": calendar(content, [m for m in content.of(BIJEENKOMST).values() if m.tafel == t.id],
                                            f"{shown_title(t)} ({owner(content, t)})", site_url, stamps)
             for t in content.of(TAFEL).values()}
    naam = (example_site_feed_names(content.regio.naam)[2] if content.regio.is_voorbeeldregio
            else f"Alle tafels op de site van {content.regio.naam}")
    files["agenda/alle-tafels.ics"] = calendar(content, list(content.of(BIJEENKOMST).values()), naam, site_url, stamps)
    return files
