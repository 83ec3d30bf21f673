"""Calendar files (iCalendar, RFC 5545) with the meetings of each tafel, and one with all tafels.

UIDs are built from ids (tafel and meeting file name) and the site's host, so a calendar app that
subscribes or re-imports replaces events instead of doubling them. Times are local times in
Europe/Amsterdam, with the zone described in the file.

Calendar apps (Outlook, Apple, Google) replace an event they know only when it says it is newer:
LAST-MODIFIED is the time the meeting's file last changed (from git, see history.py) and SEQUENCE
counts minutes since 2020 up to that moment, so it grows with every change and stays put otherwise.
DTSTAMP is the build's own time (SOURCE_DATE_EPOCH), never the clock, so two builds of one commit
are byte-identical.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from . import urls
from .model import Bijeenkomst, Content

DEFAULT_HOURS = 2  # length of a meeting whose file gives only a start time
SEQUENCE_START = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
TIMEZONE = [
    "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam", "X-LIC-LOCATION:Europe/Amsterdam",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE",
]


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF + space, never splitting a UTF-8 character."""
    parts: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not parts else 74
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)


def _times(meeting: Bijeenkomst) -> list[str]:
    day = meeting.datum
    if not meeting.tijd:
        return [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + datetime.timedelta(days=1):%Y%m%d}"]
    start_text, _, end_text = meeting.tijd.partition("-")
    start = datetime.datetime.combine(day, datetime.time.fromisoformat(start_text))
    end = (datetime.datetime.combine(day, datetime.time.fromisoformat(end_text)) if end_text
           else start + datetime.timedelta(hours=DEFAULT_HOURS))
    return [f"DTSTART;TZID=Europe/Amsterdam:{start:%Y%m%dT%H%M%S}", f"DTEND;TZID=Europe/Amsterdam:{end:%Y%m%dT%H%M%S}"]


def _utc(moment: datetime.datetime) -> str:
    return f"{moment.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"


def _event(content: Content, meeting: Bijeenkomst, site_url: str, host: str, stamps: Stamps) -> list[str]:
    tafel = content.tafels[meeting.tafel]
    title = f"{tafel.titel}: {meeting.titel}" if meeting.titel else tafel.titel
    if not tafel.voorbeeld and not content.is_eigen(tafel):  # another's tafel is named as theirs, never the region's
        title += f" ({owner(content, tafel)})"
    page = site_url + urls.item_url("bijeenkomst", meeting.id)
    changed = stamps.changed.get(meeting.herkomst.pad if meeting.herkomst else "", stamps.built)
    announced = "" if meeting.heeft_verslag else "Aangekondigd; er is geen verslag van deze bijeenkomst. "
    lines = [
        "BEGIN:VEVENT",
        f"UID:{meeting.id.replace('/', '.')}@{host}",
        f"DTSTAMP:{_utc(stamps.built)}",
        f"LAST-MODIFIED:{_utc(changed)}",
        f"SEQUENCE:{max(0, int((changed - SEQUENCE_START).total_seconds() // 60))}",
        *_times(meeting),
        f"SUMMARY:{escape(title)}",
        f"DESCRIPTION:{escape(announced + tafel.samenvatting.strip() + ' Meer informatie: ' + page)}",
        f"URL:{page}",
    ]
    if meeting.locatie:
        lines.append(f"LOCATION:{escape(meeting.locatie)}")
    return lines + ["END:VEVENT"]


def owner(content: Content, tafel) -> str:
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
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Leerlandschap//Tafels//NL", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(name)}", "X-WR-TIMEZONE:Europe/Amsterdam", *TIMEZONE]
    for meeting in sorted(meetings, key=lambda m: (m.datum, m.id)):
        lines += _event(content, meeting, site_url, host, stamps)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def calendar_files(content: Content, site_url: str, stamps: Stamps) -> dict[str, str]:
    """{'agenda/<tafel>.ics': text, ..., 'agenda/alle-tafels.ics': text}"""
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    files = {f"agenda/{t.id}.ics": calendar(content, [m for m in content.bijeenkomsten.values() if m.tafel == t.id],
                                            f"{t.titel} ({owner(content, t)})", site_url, stamps)
             for t in content.tafels.values()}
    files["agenda/alle-tafels.ics"] = calendar(content, list(content.bijeenkomsten.values()),
                                               f"Alle tafels op de site van {content.regio.naam}", site_url, stamps)
    return files
