"""Quality gates in a real browser: WCAG 2.x A/AA with axe-core on every page type, privacy, keyboard, statements."""
import re

import pytest
from playwright.sync_api import expect

from browser import MOVING, at_rest
from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe.run with the WCAG rules, reporting every violation in full; passes and the like are only counted (resultTypes),
# which spares a fifth of axe's time per page and changes nothing the tests read.
AXE_RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
PAGE_TYPES = {
    "home": "", "thema": "themas/anders-kijken/", "bouwsteen": "bouwstenen/coordineer-het-leren/",
    "vraag": "bouwstenen/coordineer-het-leren/visie-organiseren/", "rol": "rollen/bestuurder/",
    "praktijk": "praktijken/ontwikkelsessies-lerende-regio-2021/", "tafel": "tafels/voorbeeldtafel-jongeren-rond-18/",
    "bijeenkomst": "tafels/voorbeeldtafel-jongeren-rond-18/2026-10-06/", "bron": "bronnen/ruimte-voor-leren/",
    "overzicht bouwstenen": "bouwstenen/", "overzicht thema's": "themas/", "overzicht rollen": "rollen/",
    "overzicht praktijken": "praktijken/", "overzicht tafels": "tafels/", "overzicht vragensets": "vragensets/",
    "vragenset": "vragensets/bestuurlijk-overleg-bestuurlijk-leren/", "afspraken": "afspraken/",
    "landschap": "landschap/", "nieuw": "nieuw/", "open data": "data/", "over": "over/", "buren": "buren/",
    "begrippen": "begrippen/", "landschap aandacht": "landschap/aandacht/",
    "toegankelijkheid": "toegankelijkheid/", "privacy": "privacy/", "bijdragen": "bijdragen/",
    "zoekresultaten": "zoeken/?q=bestuurders&soort=bouwsteen",
    "zoekresultaat met kenmerk": "zoeken/?q=teamoverleg",  # a marked word beside a result's kind (40-resultaten.js)
    "mijn vragenset": "mijn-vragenset/?v=coordineer-het-leren/visie-organiseren,investeer-in-bestuurlijk-leren/lerende-bestuurder",
}


@pytest.fixture
def visit(chromium, example_site):
    if not AXE.is_file():
        pytest.fail("axe-core is missing: 'make test' installs the npm tools (npm ci)")
    _, url = example_site
    context = chromium.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    yield page, url, requests
    assert [r for r in requests if not r.startswith(url)] == [], "a request left the site"
    assert context.cookies() == []
    context.close()


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))  # injected from the pinned npm package: no request to anywhere
    result = at_rest(page, lambda: page.evaluate(AXE_RUN, WCAG))
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['help']}" for v in result["violations"]]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_has_no_wcag_violations_and_no_third_party_requests(visit, kind):
    page, url, _ = visit
    page.goto(url + PAGE_TYPES[kind])
    if kind.startswith("zoekresultat"):
        expect(page.locator("#ll-resultaten li").first).to_be_visible()
    if kind == "zoekresultaat met kenmerk":
        expect(page.locator("#ll-resultaten .ll-meta mark").first).to_be_visible()
    if kind == "mijn vragenset":
        expect(page.locator("#ll-mijnset-lijst li")).to_have_count(2)
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []


def test_meeting_mode_has_no_wcag_violations(visit):
    page, url, _ = visit
    page.goto(url + "vragensets/bestuurlijk-overleg-bestuurlijk-leren/")
    page.get_by_role("button", name="Start vergadermodus").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    assert axe_violations(page) == []


def test_skip_link_and_visible_focus(visit):
    page, url, _ = visit
    page.goto(url + "bouwstenen/coordineer-het-leren/")
    page.keyboard.press("Tab")
    skip = page.evaluate("({text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute('href')})")
    assert skip == {"text": "Naar de inhoud", "href": "#ll-inhoud"}
    expect(page.locator(":focus")).to_be_visible()  # the skip link shows itself when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "ll-inhoud"
    link = page.locator("article.ll-item a").first
    link.focus()
    style = page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                          " return {outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow}; })()")
    assert (style["outline"] != "none" and style["width"] != "0px") or style["shadow"] != "none", style


def test_search_and_menu_by_keyboard_alone(visit):
    page, url, _ = visit
    page.goto(url + "rollen/bestuurder/")
    for _ in range(40):  # Tab through the header until the search field has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "ll-zoekbalk-veld":
            break
    else:
        pytest.fail("the header search field cannot be reached with Tab")
    page.keyboard.type("ervaringsdeskundige")
    page.keyboard.press("Enter")
    expect(page.locator("#ll-resultaten li").first).to_be_visible()
    tabs = page.locator(".md-tabs__link")
    assert tabs.count() >= 5
    tabs.filter(has_text="Tafels").first.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/tafels/$"))


def test_statements_are_filled_from_the_region_file(visit):
    page, url, _ = visit
    page.goto(url + "toegankelijkheid/")
    expect(page.locator("article")).to_contain_text("Sociaal Domein Flevoland")
    expect(page.locator("article")).to_contain_text("contactpersoon CLM van Sociaal Domein Flevoland")
    expect(page.locator("article")).to_contain_text("WCAG 2.1")
    page.goto(url + "privacy/")
    expect(page.locator("article")).to_contain_text("Geen cookies")


def test_axe_as_the_tests_run_it_reports_what_breaks_wcag(chromium):
    """The guard of every WCAG test above: axe as run here (AXE_RUN, only violations in full) does find violations.
    A picture without a text and grey text on grey break WCAG 2.1 1.1.1 and 1.4.3."""
    context = chromium.new_context()
    page = context.new_page()
    page.set_content('<html lang="nl"><head><title>Proef</title></head><body><main>'
                     '<h1>Proef</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
                     '<p style="color:#777;background:#888">Grijs op grijs</p></main></body></html>')
    found = {line.split(" ", 1)[0] for line in axe_violations(page)}
    context.close()
    assert {"image-alt", "color-contrast"} <= found, found


def test_axe_sees_the_page_at_rest(chromium):
    """A text fading in is paler than it will be: axe waits until the fade has ended, and runs again when a fade
    begins while it runs (browser.at_rest). Black on white, faded in over 2 s from nearly white; and a second text
    that starts to fade in during the first run."""
    context = chromium.new_context()
    page = context.new_page()
    page.set_content('<html lang="nl"><head><title>Proef</title></head><body><main><h1>Proef</h1>'
                     '<p id="a">Zwart op wit</p><p id="b" hidden>Later</p></main></body></html>')
    fade = "([id, ms]) => { document.getElementById(id).animate([{opacity: 0.1}, {opacity: 1}], {duration: ms}); }"
    page.evaluate(fade, ["a", 2000])
    assert axe_violations(page) == []  # at rest: black on white
    runs = []

    def check() -> list[bool]:
        runs.append(page.evaluate(MOVING))
        if len(runs) == 1:  # something begins to move during the first run
            page.evaluate("() => { document.getElementById('b').hidden = false; }")
            page.evaluate(fade, ["b", 400])
            page.wait_for_timeout(100)  # a few frames, for the watch to see it
        return runs

    assert at_rest(page, check) == [False, False]  # nothing moved when a run began; the second run at rest
    context.close()
