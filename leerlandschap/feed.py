"""What's new: practices, vragensets and meeting outcomes, dated from the content, as Atom and as a list.

Dates come from the content (`datum` of practices and sets, the meeting date of outcomes), never from
the build, so the feed is the same for every build of the same content. The neighbours' new items (buren.py)
join the feed only when the region file says `buren_in_nieuwsfeed: true`; they link to the neighbour's site.
"""
from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from . import urls
from .buren import Buren
from .kinds import BIJEENKOMST, BRON, PRAKTIJK, TAFEL, VRAGENSET
from .model import Content, Praktijk, Tafel
from .textcheck import XML_FORBIDDEN
from .voorbeeld import example_site_feed_names, shown_title

ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Nieuws:
    kind: str  # "praktijk", "vragenset" or "bijeenkomst"
    id: str
    titel: str
    datum: datetime.date
    samenvatting: str
    soort: str  # how a reader names it
    link: str = ""  # a neighbour's item: its absolute address on the neighbour's site
    maker: str = ""  # who made it when not the region (a neighbour, another region): its entry's author; else the feed's

    @property
    def url(self) -> str:
        return urls.item_url(self.kind, self.id)

    def href(self, site_url: str) -> str:
        return self.link or site_url + self.url


def maker(content: Content, item: Praktijk | Tafel) -> str:
    """Who made a tafel or praktijk that is not the region's own (model.Content.is_eigen): another region by its name,
    a national one by its source's publisher; '' for the region's own and for examples (the feed's author applies)."""
    if item.voorbeeld or content.is_eigen(item):
        return ""
    bron = content.of(BRON).get(item.bron)
    return item.regio if item.regio != "landelijk" or bron is None else bron.uitgever


def recent(content: Content) -> list[Nieuws]:
    """Newest first; equal dates in a fixed order."""
    items = [Nieuws("praktijk", p.id, shown_title(p), p.datum, p.samenvatting, "goede praktijk", maker=maker(content, p))
             for p in content.of(PRAKTIJK).values()]
    items += [Nieuws("vragenset", s.id, shown_title(s), s.datum, s.doel, "vragenset") for s in content.of(VRAGENSET).values()]
    for m in content.of(BIJEENKOMST).values():
        if m.heeft_uitkomst:
            tafel = content.of(TAFEL)[m.tafel]
            title = f"Opbrengst: {shown_title(m) if m.titel else shown_title(tafel)}"
            summary = " ".join(m.opbrengst.inzichten) or tafel.samenvatting
            items.append(Nieuws("bijeenkomst", m.id, title, m.datum, summary, f"opbrengst van {shown_title(tafel)}",
                                maker=maker(content, tafel)))
    return sorted(items, key=lambda n: (n.datum, n.kind, n.id), reverse=True)


def _stamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def from_neighbours(buren: Buren) -> list[Nieuws]:
    """The neighbours' practices, vragensets and outcomes (never their examples: buren.py drops those)."""
    items = []
    for buur in buren.buren:
        for x in buur.items:
            if x.soort == "bijeenkomst" and not x.tekst:
                continue  # like our own: an outcome counts once it has insights to tell
            if x.soort != "tafel":
                items.append(Nieuws(x.soort, x.id, f"Bij de buren ({buur.naam}): {x.titel}", x.datum or datetime.date.min,
                                    x.tekst, f"{x.soortnaam} van {buur.naam}", x.url, buur.naam))
    return items


def atom(content: Content, site_url: str, buren: Buren | None = None, limit: int = 50) -> str:
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    items = recent(content)
    if buren is not None and buren.in_nieuwsfeed:
        items = sorted(items + from_neighbours(buren), key=lambda n: (n.datum, n.kind, n.link, n.id), reverse=True)
    items = items[:limit]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    title, author = f"Nieuw in het leerlandschap van {content.regio.naam}", content.regio.naam
    if content.regio.is_voorbeeldregio:  # the example site is not the region's: its feed does not speak for it
        title, author, _ = example_site_feed_names(content.regio.naam)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = site_url + "nieuw.xml"
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": site_url + "nieuw.xml"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": site_url + "nieuw/"})
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(max((n.datum for n in items), default=datetime.date(2000, 1, 1)))
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = author
    for n in items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = n.titel
        if n.maker:  # RFC 4287 4.2.1: without an author of its own, an entry is the feed's author's, the region's
            ET.SubElement(ET.SubElement(entry, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = n.maker
        ET.SubElement(entry, f"{{{ATOM}}}id").text = n.href(site_url)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": n.href(site_url)})
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(n.datum)
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": n.kind, "label": n.soort})
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = n.samenvatting.strip()
    for element in feed.iter():  # our own text is checked (textcheck.py); a neighbour's must not break the feed either
        element.text = XML_FORBIDDEN.sub("", element.text) if element.text else element.text
        for key, value in element.attrib.items():
            element.set(key, XML_FORBIDDEN.sub("", value))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
