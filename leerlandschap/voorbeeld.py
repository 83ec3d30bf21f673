"""The example label: how the title of an invented item is shown, defined once.

An item whose bron is a voorbeeld is invented; the loader marks it `voorbeeld=True` and that flag is the only fact
the data holds: the title stays the author's own. Every place that shows a title adds the label from here, so a
reader never takes an example for real practice: the Jinja filter `titel` and the global `meeting_title` for HTML
(render.py), `shown_title` and `meeting_title` for everything else (page titles, news feed, calendars, open data,
vragen.json, the editor's folder names, the order of lists).
"""
from __future__ import annotations

import re
from typing import Protocol

EXAMPLE_PREFIX = "Voorbeeld: "
_TYPED = re.compile(r"\A\s*voorbeeld\s*:\s*", re.IGNORECASE)  # "Voorbeeld: " typed by an author in front of a title


class Titled(Protocol):
    @property
    def titel(self) -> str: ...


def shown_title(item: Titled) -> str:
    """The title as readers see it: "Voorbeeld: " in front for an invented item (no label on an empty title)."""
    titel = item.titel
    return EXAMPLE_PREFIX + titel if titel and getattr(item, "voorbeeld", False) else titel


def meeting_title(meeting: Titled, van: str) -> str:
    """A meeting's own title, or "Bijeenkomst van <van>" (`van`: its tafel or its date, as the place needs)."""
    if meeting.titel:
        return shown_title(meeting)
    return f"{EXAMPLE_PREFIX}bijeenkomst van {van}" if getattr(meeting, "voorbeeld", False) else f"Bijeenkomst van {van}"


def without_label(titel: str) -> str:
    """An example's title as the data keeps it: without a "Voorbeeld: " its author typed (the example content does),
    so the label is shown once. A title that is nothing but the label stays as it is."""
    rest = _TYPED.sub("", titel, count=1)
    return rest if rest.strip() else titel


EXAMPLE_SITE_LABEL = "Voorbeeldsite:"


def example_site_note(regio: str) -> str:
    """What the example site says about whose site it is, after EXAMPLE_SITE_LABEL: on every page (the footer), above
    the region's own words on the home page, and in the statements that would otherwise speak for the region
    (Over, Privacy, Toegankelijkheid). A fork's site is the region's own and says none of this (Regio.is_voorbeeldregio)."""
    return (f"deze site laat zien hoe de kit Leerlandschap werkt, met {regio} als voorbeeldregio. {regio} heeft de "
            "site niet gemaakt en houdt haar niet bij.")


def example_site_feed_names(regio: str) -> tuple[str, str, str]:
    """On the example site: the news feed's title and author, and the name of the calendar of all tafels. They would
    otherwise name the example region as the site's maker (feed.py, agenda.py)."""
    return (f"{EXAMPLE_SITE_LABEL} nieuw in het leerlandschap, met {regio} als voorbeeldregio",
            "Leerlandschap (voorbeeldsite)", f"{EXAMPLE_SITE_LABEL} alle tafels, met {regio} als voorbeeldregio")
