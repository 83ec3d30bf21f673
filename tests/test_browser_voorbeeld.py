"""Issue 20: the preview in /beheer/ looks like the page: the same headings, facts and title as the built page.

The words of the preview come from the real page templates (leerlandschap/cms_preview.py); here they are compared
with a page the site really built, and the preview is filled in a real Chromium. Values are data: text that looks
like HTML is shown as typed.
"""

from playwright.sync_api import expect
from test_browser_beheer_task import axe, english_on
from test_browser_cms import BOUWSTEEN, TAFEL, add_to_outcome, editor, editor_site, open_outcome  # noqa: F401  (fixtures)

from browser import WAIT
from htmltools import parse_file
from leerlandschap.cms_preview import preview_words

MEETING = f"tafels/{TAFEL}/2026-10-06/index.html"  # an example meeting with insights and agreements
PRAKTIJK = "praktijken/ontwikkelsessies-lerende-regio-2021/index.html"
HOSTILE = '<img src=x onerror="window.__geraakt=1">'


def headings_and_facts(html_file):
    article = next(a for a in parse_file(html_file).find_all("article"))
    h2 = {e.attrs.get("id"): " ".join(e.all_text().split()) for e in article.find_all("h2")}
    dt = [" ".join(e.all_text().split()) for e in article.find_all("dt")]
    return h2, dt


def test_the_preview_words_are_the_built_pages_words(example_project):
    site = example_project / "site"  # the same item pages as the editor's site, without building /beheer/ for it
    words = preview_words({}, {"collections": []})
    for kind, page in (("bijeenkomst", MEETING), ("praktijk", PRAKTIJK)):
        h2, dt = headings_and_facts(site / page)
        assert h2 and dt
        for ident, text in h2.items():
            assert words[kind]["koppen"].get(ident) == text, (kind, ident, text)
        assert set(dt) - set(words[kind]["feiten"].values()) <= {"Status"}, (kind, dt)  # a meeting's "Status" is not a field
    # The meeting page shows agreements and insights; the preview has every one of its sections, not a subset.
    assert {"inzichten", "afspraken", "vervolg", "verslag", "bouwstenen"} <= set(words["bijeenkomst"]["koppen"])
    source_line = next(p for p in parse_file(site / PRAKTIJK).find_all("p") if p.has_class("ll-bron")).all_text()
    assert words["bron"].strip() and source_line.startswith(words["bron"])  # "Bron: <title>, <publisher>."
    # A meeting without a title of its own is named by its date, as the real macro does (every example meeting has
    # a title, so the browser test below checks the words: "Bijeenkomst van 3 december 2026").
    assert words["titel_bijeenkomst"] == "Bijeenkomst van "


def preview_of(page):
    return page.frame_locator("iframe.preview")


def test_a_meeting_preview_looks_like_the_meeting_page(editor, editor_site):  # noqa: F811
    page, _ = editor
    site = editor_site[0] / "site"
    h2, _dt = headings_and_facts(site / MEETING)
    page.goto(page.url.split("#")[0] + f"#/collections/bijeenkomsten-{TAFEL}/new")
    page.get_by_role("textbox", name="Datum").fill("3-12-2026")
    page.get_by_role("textbox", name="Tijd").fill("13:00-15:00")
    page.get_by_role("textbox", name="Locatie").fill(f"Wijkcentrum {HOSTILE}")
    open_outcome(page)
    add_to_outcome(page, "Inzicht")
    page.get_by_role("textbox", name="Inzichten").fill("Jongeren willen één vast aanspreekpunt.")
    add_to_outcome(page, "Afspraak")
    page.get_by_role("textbox", name="Korte naam van de afspraak").fill("aanspreekpunt-regelen")
    page.get_by_role("textbox", name="Tekst").fill("Regel één aanspreekpunt per jongere.")
    page.get_by_role("radio", name="open", exact=True).check()
    preview = preview_of(page)
    expect(preview.get_by_role("heading", level=1)).to_have_text("Bijeenkomst van 3 december 2026", timeout=WAIT)
    expect(preview.locator("article.ll-item.ll-bijeenkomst")).to_be_visible()
    expect(preview.locator("p.ll-kicker")).to_have_text("Voorbeeld: thematafel Jongeren rond 18 · bijeenkomst")
    # The built page's own headings, in the page's order, for what was filled in.
    expect(preview.get_by_role("heading", level=2)).to_have_text([h2["inzichten"], h2["afspraken"]])
    feiten = preview.locator("dl.ll-feiten")
    expect(feiten.locator("dt")).to_have_text(["Datum", "Waar"])
    expect(feiten.locator("dd").first).to_have_text("3 december 2026, 13:00-15:00 uur")
    # Content is data: the typed "HTML" is shown as text, nothing is made of it.
    expect(feiten.locator("dd").nth(1)).to_have_text(f"Wijkcentrum {HOSTILE}")
    assert preview.locator("img").count() == 0
    assert page.evaluate("() => document.querySelector('iframe.preview').contentWindow.__geraakt") is None
    expect(preview.get_by_role("listitem").filter(has_text="Regel één aanspreekpunt per jongere.")).to_contain_text("(open)")
    expect(preview.get_by_role("note")).to_contain_text("Zo ziet de pagina eruit na controle")
    assert english_on(page) == []
    assert axe(page) == []


def test_a_praktijk_preview_looks_like_the_praktijk_page(editor, editor_site):  # noqa: F811
    page, _ = editor
    site = editor_site[0] / "site"
    h2, _dt = headings_and_facts(site / PRAKTIJK)
    page.goto(page.url.split("#")[0] + "#/collections/praktijken/new")
    page.get_by_role("textbox", name="Titel").fill("Samen lunchen met de wijkteams")
    page.get_by_role("textbox", name="Samenvatting").fill("Eén keer per maand lunchen medewerkers samen.")
    page.get_by_role("textbox", name="Beschrijving").fill("Tijdens de lunch vertelt iemand over een casus.")
    page.get_by_role("combobox", name="Bouwstenen").click()
    page.get_by_role("option", name="Maak ruimte voor ontmoeting en verbinding").click()
    page.mouse.move(300, 400)
    page.mouse.wheel(0, 1500)  # Sveltia renders fields below the fold when they come into view
    page.get_by_role("textbox", name="Datum").fill("20-11-2026", timeout=WAIT)
    preview = preview_of(page)
    expect(preview.get_by_role("heading", level=1)).to_have_text("Samen lunchen met de wijkteams", timeout=WAIT)
    expect(preview.locator("p.ll-kicker")).to_have_text("Goede praktijk")
    expect(preview.locator("p.ll-lead")).to_have_text("Eén keer per maand lunchen medewerkers samen.")
    expect(preview.locator(".ll-prose")).to_contain_text("Tijdens de lunch vertelt iemand over een casus.")
    expect(preview.get_by_role("heading", level=2)).to_have_text([h2["bouwstenen"]])
    expect(preview.locator("section, div, article").filter(has_text="Maak ruimte voor ontmoeting").last).to_be_visible()
    dts = preview.locator("dl.ll-feiten dt")
    expect(dts.last).to_have_text("Beschreven op")
    expect(preview.locator("dl.ll-feiten dd").last).to_have_text("20 november 2026")
    assert english_on(page) == []


MARKDOWN = "Een zin met een [link](https://example.org/) en ![een foto](https://tracker.example/p.png).\n\n- eerste\n- tweede"


def test_markdown_in_every_preview_is_shown_as_the_site_shows_it_without_loading_an_image(editor):  # noqa: F811
    """The site shows an image from another host as its alt text (render.py); Sveltia's own preview of a Markdown
    field loaded it as soon as its address was typed (the page's CSP refused it, but the browser tried: the editor
    fixture counts such attempts). A praktijk and a meeting (page previews of their own) and a tafel (any other
    form)."""
    page, _ = editor
    for collection, field in (("praktijken", "Beschrijving"), (f"bijeenkomsten-{TAFEL}", "Verslag"), ("tafels", "Doel")):
        page.goto(page.url.split("#")[0] + f"#/collections/{collection}/new")
        box = page.get_by_role("textbox", name=field)
        box.scroll_into_view_if_needed(timeout=WAIT)
        box.fill(MARKDOWN)
        preview = preview_of(page)
        prose = preview.locator(".ll-prose")
        expect(prose).to_contain_text("Een zin met een link en een foto.", timeout=WAIT)
        expect(prose.get_by_role("link", name="link")).to_have_attribute("href", "https://example.org/")
        expect(prose.get_by_role("listitem")).to_have_text(["eerste", "tweede"])
        assert preview.locator("img").count() == 0, collection
