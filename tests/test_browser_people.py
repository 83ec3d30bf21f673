"""Built around the people who use it (#15), in a real browser on a phone (390×844) and a laptop (1280×900):
colours that mean something, charts whose text fits, a short menu, the home page's tasks one click away, the
calendar field and the contact in the footer."""
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

SIZES = {"telefoon": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 900}}
RED = "rgb(163, 50, 11)"  # #a3320b, the site's warning colour


@pytest.fixture(params=SIZES, scope="module")
def context(request, chromium):
    context = chromium.new_context(viewport=SIZES[request.param])
    yield request.param, context
    context.close()


@pytest.fixture
def open_at(context, example_site):
    _, url = example_site
    size, ctx = context
    pages = []

    def visit(path: str, today: str = "2026-11-22"):
        page = ctx.new_page()
        pages.append(page)
        page.clock.set_fixed_time(f"{today}T12:00:00")
        page.goto(url + path)
        return page

    visit.size = size
    visit.url = url
    yield visit
    for page in pages:
        page.close()


def colour(locator) -> str:
    return locator.evaluate("e => getComputedStyle(e).color")


def test_open_is_only_red_when_late(open_at):
    row = "tr[data-deadline='2026-11-15']"
    in_time = open_at("afspraken/", "2026-11-01")
    label = in_time.locator(f"{row} .ll-status")
    expect(label).to_have_text("open")
    assert colour(label) != RED
    assert in_time.locator(".ll-te-laat").count() == 0
    late = open_at("afspraken/", "2026-11-22")
    expect(late.locator(row)).to_have_class(re.compile(r"\bll-te-laat\b"))
    mark = late.locator(f"{row} .ll-te-laat__label")
    expect(mark).to_have_text("te laat")
    assert colour(mark) == RED and colour(late.locator(f"{row} .ll-status")) == RED  # now the open status is red too


def test_history_is_never_marked_late(open_at):
    page = open_at("tafels/voorbeeldtafel-jongeren-rond-18/", "2027-06-01")
    # Every deadline has passed: only the agreements open now are late, in the list of how they stand now.
    expect(page.locator(".ll-tijdlijn .ll-te-laat")).to_have_count(0)
    late = page.locator(".ll-afspraken-lijst .ll-te-laat")
    expect(late).to_have_count(2)
    for i in range(2):
        expect(late.nth(i)).to_have_attribute("data-status", "open")
    # "open" is red exactly when it is late: the two late ones, no other status in the list.
    pills = page.locator(".ll-afspraken-lijst .ll-afspraak")
    for i in range(pills.count()):
        is_late = "ll-te-laat" in (pills.nth(i).get_attribute("class") or "")
        assert (colour(pills.nth(i).locator(".ll-status")) == RED) == is_late


def test_landscape_chart_text_fits_inside_the_chart_and_the_page(open_at):
    page = open_at("landschap/")
    charts = page.locator("article svg[role='img']")
    expect(charts).to_have_count(2)
    for i in range(2):
        chart = charts.nth(i)
        outside = chart.evaluate("""svg => {
            const box = svg.viewBox.baseVal, out = [];
            for (const t of svg.querySelectorAll('text')) {
                const b = t.getBBox();
                if (b.x < 0 || b.y < 0 || b.x + b.width > box.width || b.y + b.height > box.height)
                    out.push(t.textContent + ' ' + JSON.stringify([b.x, b.y, b.width, b.height]));
            }
            return out;
        }""")
        assert outside == []
        right = chart.evaluate("svg => svg.getBoundingClientRect().right")
        assert right <= page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    legend = charts.nth(1).locator("text")
    expect(legend.first).to_have_text("goede praktijken")
    size = charts.nth(1).evaluate("svg => parseFloat(getComputedStyle(svg.querySelector('text')).fontSize)"
                                  " * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width")
    assert size >= 11, "chart text too small to read"


def test_home_menu_is_short_and_the_tasks_are_one_click_away(open_at):
    home = open_at("")
    tabs = home.locator(".md-tabs__item")
    assert 0 < tabs.count() <= 6
    if open_at.size == "laptop":
        expect(tabs.first).to_be_visible()
        assert "Zoeken" not in [t.strip() for t in tabs.all_inner_texts()]
    for name, path in (("Mijn vragenset", "mijn-vragenset/"), ("Openstaande afspraken", "afspraken/"),
                       ("Het landschap", "landschap/")):
        page = open_at("")
        link = page.locator("article").get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        link.click()
        expect(page).to_have_url(re.compile(re.escape(path) + "$"))
    begrippen = open_at("").locator("article").get_by_role("link", name="Begrippen", exact=True)
    expect(begrippen).to_be_visible()


def test_calendar_subscription_fits_and_explains_itself(open_at):
    page = open_at("tafels/thematafels/")
    link = page.get_by_role("link", name="Abonneer je op de agenda")
    expect(link).to_be_visible()
    # The address follows the site the visitor is on (issue 20), not the example address in the region file.
    here = urlsplit(page.url)
    expect(link).to_have_attribute("href", f"webcal://{here.netloc}/agenda/thematafels.ics")
    field = page.get_by_label(re.compile("Kopieer dan dit adres"))
    expect(field).to_be_visible()
    expect(field).to_have_value(f"{here.scheme}://{here.netloc}/agenda/thematafels.ics")
    assert field.evaluate("e => e.readOnly")
    assert field.evaluate("e => e.getBoundingClientRect().right") <= page.evaluate("document.documentElement.clientWidth")
    steps = page.locator("details.ll-agenda-uitleg")
    steps.locator("summary").click()
    expect(steps).to_contain_text("Google Agenda")
    expect(page.get_by_role("link", name="Download het agendabestand")).to_be_visible()


@pytest.mark.parametrize("path", ["", "tafels/thematafels/", "landschap/aandacht/", "begrippen/", "zoeken/"])
def test_footer_gives_the_contact(open_at, path):
    page = open_at(path)
    contact = page.locator("footer a[href='mailto:leerlandschap@example.org']")
    contact.scroll_into_view_if_needed()
    expect(contact).to_be_visible()
    expect(page.locator("footer")).to_contain_text("contactpersoon CLM van Sociaal Domein Flevoland")


@pytest.mark.parametrize("path", ["begrippen/", "landschap/aandacht/", "tafels/voorbeeldtafel-jongeren-rond-18/"])
def test_new_pages_and_parts_meet_wcag(open_at, path):
    from test_quality import AXE, axe_violations  # the same pinned axe-core and rules as every other page type

    if not AXE.is_file():
        pytest.fail("axe-core is missing: 'make test' installs the npm tools (npm ci)")
    page = open_at(path)
    for summary in page.locator("details > summary").all():  # the calendar steps, open
        summary.click()
    assert axe_violations(page) == []
