"""The example site is not the region's own (true to the sources, round three).

Requirement: the example region is an invented example wherever it shows. Its facts come from a source (Bijlage 12),
but the site that shows them is the kit's example site: Sociaal Domein Flevoland did not make it and does not keep it.
So every page of the example site says so (the footer), the home page says so above the region's own words, the
site's description (every page's meta description) is labelled, the statements (Over, Privacy, Toegankelijkheid)
do not speak for the region, and neither do the news feed and the calendar of all tafels. A region's fork
(regio/regio.yml) is the region's own site and says none of this: there the statements and the feed name the region.
Expected values are written here from the requirement, not read from the code under test.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import variants
from htmltools import parse_file

REGION = "Sociaal Domein Flevoland"  # content/regio.yml: the example region
NOT_MADE = f"{REGION} heeft de site niet gemaakt en houdt haar niet bij."
ATOM = "{http://www.w3.org/2005/Atom}"
SPEAKS_FOR_THE_REGION = {  # statement page -> the sentence that would present the site as the region's own
    "over": f"Deze site is de plek waar {REGION} vastlegt wat ze leert",
    "privacy": f"Deze site van {REGION} verzamelt geen gegevens",
    "toegankelijkheid": f"{REGION} wil dat iedereen deze site kan gebruiken",
}


def text(root) -> str:
    return " ".join(root.all_text().replace("\xad", "").split())


def pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html")) if not p.is_relative_to(site / "beheer")}


def footer_note(root) -> str:
    found = [p for p in root.find_all("p") if p.has_class("ll-voet__voorbeeld")]
    return text(found[0]) if found else ""


def meta_description(root) -> str:
    return next((m.attrs.get("content") or "" for m in root.find_all("meta") if m.attrs.get("name") == "description"), "")


def feed(site: Path) -> tuple[str, str]:
    root = ET.fromstring((site / "nieuw.xml").read_text(encoding="utf-8"))
    return root.findtext(f"{ATOM}title") or "", root.findtext(f"{ATOM}author/{ATOM}name") or ""


def calendar_name(site: Path) -> str:
    unfolded = (site / "agenda" / "alle-tafels.ics").read_text(encoding="utf-8").replace("\r\n ", "")
    return re.search(r"X-WR-CALNAME:(.*)", unfolded).group(1).strip()


@pytest.fixture(scope="module")
def example(example_project) -> Path:
    return example_project / "site"


def test_every_page_of_the_example_site_says_it_is_an_example(example):
    found = pages(example)
    assert len(found) > 100
    wrong = [url for url, path in found.items() if url != "404.html" and not footer_note(parse_file(path)).startswith("Voorbeeldsite:")]
    assert wrong == []
    assert NOT_MADE in footer_note(parse_file(found["index.html"]))
    home = parse_file(found["index.html"])
    intro = [p for p in home.find_all("p") if p.has_class("ll-voorbeeldsite")]
    assert intro and NOT_MADE in text(intro[0])  # above the region's motto and description, in its "we"
    assert all(meta_description(parse_file(found[url])).startswith("Voorbeeldsite: ")
               for url in ("index.html", "over/index.html", "bouwstenen/index.html"))


@pytest.mark.parametrize("page", sorted(SPEAKS_FOR_THE_REGION))
def test_the_statements_do_not_speak_for_the_example_region(example, page):
    said = text(parse_file(example / page / "index.html"))
    assert SPEAKS_FOR_THE_REGION[page] not in said
    assert f"Voorbeeldsite: deze site laat zien hoe de kit Leerlandschap werkt, met {REGION} als voorbeeldregio." in said
    assert NOT_MADE in said
    if page == "toegankelijkheid":  # the tests build exactly this site's content
        assert "Die tests gebruiken de voorbeeldinhoud van de kit." in said and "maar niet elke eigen tekst" not in said


def test_the_feed_and_the_calendar_of_all_tafels_do_not_name_the_example_region_as_the_sites_maker(example):
    title, author = feed(example)
    assert title.startswith("Voorbeeldsite:") and author != REGION and "voorbeeldsite" in author
    name = calendar_name(example)
    assert name.startswith("Voorbeeldsite:") and f"site van {REGION}" not in name


def test_a_forks_site_is_the_regions_own_and_says_so(hostile_project):
    """The hostile fork (variants.make_hostile): a region's own site, with a name full of markup shown as typed."""
    site = hostile_project / "site"
    found = pages(site)
    assert [url for url, path in found.items() if "Voorbeeldsite" in parse_file(path).all_text()] == []
    assert all(not meta_description(parse_file(found[url])).startswith("Voorbeeldsite")
               for url in ("index.html", "over/index.html"))
    region = " ".join(variants.REGION.split())
    assert f"Deze site van {region} verzamelt geen gegevens" in text(parse_file(found["privacy/index.html"]))
    assert f"{region} wil dat iedereen deze site kan gebruiken" in text(parse_file(found["toegankelijkheid/index.html"]))
    assert f"Deze site is de plek waar {region} vastlegt wat ze leert" in text(parse_file(found["over/index.html"]))
    # the tests of a fork's CI build the kit's example content: the region's own texts are not what they test
    said = text(parse_file(found["toegankelijkheid/index.html"]))
    assert "Die tests gebruiken de voorbeeldinhoud van de kit." in said
    assert f"Zo is elke soort pagina getest, maar niet elke eigen tekst van {region}." in said
    assert feed(site) == (f"Nieuw in het leerlandschap van {variants.REGION}", variants.REGION)
    assert calendar_name(site).startswith("Alle tafels op de site van Regio")  # a calendar's name is kept short
