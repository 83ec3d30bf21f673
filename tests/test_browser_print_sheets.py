"""A printed page wastes no sheet and cuts nothing in two (A4, real headless Chromium, the PDF read back with pypdf).

Requirement (the bestuurder who prints a vragenset, a bouwsteen or a rol page for a board meeting): a heading is never
the last line of a sheet, with what it heads on the next; a card (a practice, a tafel, a vragenset) is never cut
across two sheets; and the example site's note, which every printed page carries, never fills a sheet of its own.
Expected values are written here from that requirement, not read from the code under test.
"""
import io
import re

import pytest
from pypdf import PdfReader
from test_browser_print_voorbeeldsite import NOTE, page  # noqa: F401  (the page: a fixture)

SHEET_PX = 265 / 25.4 * 96  # A4's height less the 16 mm margins above and below, in CSS px


def squeezed(text: str) -> str:
    return re.sub(r"[\s\u00ad]+", "", text)


def sheets(page) -> list[str]:  # noqa: F811  (the fixture imported above)
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    return [p.extract_text() for p in reader.pages]


# Pages where, before, a heading ended a sheet ('Vragensets', 'Anders kijken', 'In je agenda') or a card was cut.
@pytest.mark.parametrize("path", ["bouwstenen/organiseer-de-governance/", "bouwstenen/investeer-in-bestuurlijk-leren/",
                                  "rollen/bestuurder/", "tafels/voorbeeldtafel-jongeren-rond-18/"])
def test_no_heading_ends_a_sheet_and_no_card_is_cut(page, example_site, path):  # noqa: F811  (the fixture imported above)
    _, url = example_site
    page.goto(url + path)
    headings = {squeezed(h) for h in page.locator("article :is(h2, h3, h4)").all_inner_texts()}
    cards = [squeezed(t) for t in page.locator("article .ll-kaart").all_inner_texts()]
    printed = sheets(page)
    assert len(printed) > 1 and headings  # the page takes more than one sheet: there is a break to judge
    last_lines = [squeezed([line for line in text.splitlines() if line.strip()][-1]) for text in printed[:-1]]
    assert [line for line in last_lines if line in headings] == []
    whole = "".join(squeezed(text) for text in printed)
    assert all(card in whole for card in cards)
    assert [card[:60] for card in cards if not any(card in squeezed(text) for text in printed)] == []


# Pages whose last lines filled their last sheet: the note went to one more sheet, alone.
@pytest.mark.parametrize("path", ["nieuw/", "landschap/aandacht/", "bronnen/ruimte-voor-leren/",
                                  "vragensets/ervaringsdeskundigheid-in-het-leren/"])
def test_the_example_sites_note_never_fills_a_sheet_alone(page, example_site, path):  # noqa: F811  (the fixture imported above)
    _, url = example_site
    page.goto(url + path)
    printed = sheets(page)
    assert squeezed("".join(printed)).count(squeezed(NOTE)) == 1
    assert squeezed(printed[0]).startswith(squeezed(NOTE))  # read before the page itself
    assert all(squeezed(text).replace(squeezed(NOTE), "") for text in printed), printed  # none blank or only the note


def test_no_sheet_is_left_blank_or_to_the_note_when_the_last_lines_end_at_the_foot_of_a_sheet(page, example_site):  # noqa: F811  (the fixture imported above)
    """Made so, whatever the content: lines are added to a one-sheet page until its text ends in the last 50 px of
    the sheet, where a note (about 70 px) would no longer fit below it, and a last block's margin would not."""
    _, url = example_site
    page.goto(url + "bronnen/")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": round(180 / 25.4 * 96), "height": 900})  # A4's width less the margins
    filled = page.evaluate("""sheet => {
        const article = document.querySelector('article');
        const filler = document.createElement('p');
        article.append(filler);
        const end = () => filler.getBoundingClientRect().bottom - article.getBoundingClientRect().top;
        for (let n = 1; n < 200; n++) {
            filler.append((n > 1 ? ' ' : '') + 'Regel ' + n + ' om de pagina te vullen.', document.createElement('br'));
            if (end() > sheet - 50 && end() < sheet - 5) return n;
            if (end() >= sheet) return 0;
        }
        return 0; }""", SHEET_PX)
    assert filled, "no number of lines ends the text in the sheet's last 50 px"
    page.emulate_media(media=None)
    printed = sheets(page)
    assert len(printed) == 1 and squeezed(printed[0]).startswith(squeezed(NOTE)), printed  # one sheet, note and all
    assert "om de pagina te vullen" in printed[0]
