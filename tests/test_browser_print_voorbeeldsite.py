"""A printed page of the example site still says it is the example site; a region's own site prints no such note.

Requirement (truth, round four): on screen every page of the example site says in its footer that the site shows how
the kit works, with Sociaal Domein Flevoland as example region, and that Flevoland did not make it. Paper leaves the
footer out (navigation and links are noise there), but a bouwsteen or a vragenset a bestuurder prints is read
without the screen: it must carry the same note, and so must every card of "Print als kaartjes" (each card is cut
out and read on its own). A fork is the region's own site: nothing of this on its paper. Printed in a real headless
Chromium (print media: page.pdf), the PDF's text read back with pypdf.
Expected values are written here from the requirement, not read from the code under test.
"""
import io
import re

import pytest
from pypdf import PdfReader

from browser import SiteServer

REGION = "Sociaal Domein Flevoland"  # content/regio.yml: the example region
NOTE = (f"Voorbeeldsite: deze site laat zien hoe de kit Leerlandschap werkt, met {REGION} als voorbeeldregio. "
        f"{REGION} heeft de site niet gemaakt en houdt haar niet bij.")
BOUWSTEEN = "bouwstenen/organiseer-de-governance/"
VRAGENSET = "vragensets/bestuurlijk-overleg-bestuurlijk-leren/"
FOOTER_ONLY = ["Toegankelijkheid", "Privacy", "Over rechten en licentie", "Neem contact op"]  # the rest of the footer


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def printed(page) -> str:
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    return words(" ".join(p.extract_text() for p in reader.pages))


def as_cards(page) -> tuple[int, str]:
    """Print as cards, with the browser's print dialog replaced by nothing: the cards stay on the page until printed.
    Returns the number of cards and the printed text."""
    page.evaluate("window.print = () => {}")
    page.get_by_role("button", name="Print als kaartjes").click()
    return page.locator(".ll-kaartje").count(), printed(page)


@pytest.fixture(scope="module")
def fork_url(hostile_project):
    server = SiteServer(hostile_project / "site")
    yield server.url
    server.stop()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


@pytest.mark.parametrize("path", [BOUWSTEEN, VRAGENSET], ids=["bouwsteen", "vragenset"])
def test_a_printed_page_of_the_example_site_says_it_is_the_example_site(page, example_site, path):
    _, url = example_site
    page.goto(url + path)
    text = printed(page)
    assert text.count(NOTE) == 1, text[-600:]
    assert [t for t in FOOTER_ONLY if t in text] == []  # only the note: the rest of the footer stays off paper


def test_every_printed_card_of_the_example_site_says_it_is_the_example_site(page, example_site):
    _, url = example_site
    page.goto(url + BOUWSTEEN)
    questions = page.locator(".ll-set .ll-vraagtekst").count()
    cards, text = as_cards(page)
    assert questions > 1 and cards == questions and text.count(NOTE) == questions


def test_a_forks_paper_has_no_example_note_and_no_footer(page, fork_url):
    page.goto(fork_url + BOUWSTEEN)
    text = printed(page)
    assert "Organiseer de governance" in text  # the page itself is printed
    assert "Voorbeeldsite" not in text and [t for t in FOOTER_ONLY if t in text] == []
    cards, text = as_cards(page)
    assert cards > 1 and "Voorbeeldsite" not in text
