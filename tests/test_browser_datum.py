"""Issue 20: the date field of /beheer/ shows dd-mm-jjjj in every browser language, saves YYYY-MM-DD.

Chromium is started with --lang=en-US and with --lang=nl-NL (the browser's own date input follows that language:
MM/DD/YYYY in English). In both, a coordinator sees a field asking for dd-mm-jjjj, types the date as people type
it, and the saved file holds YYYY-MM-DD; a date that does not exist gets a Dutch message and is not saved. Only
the keyboard is used in the form; axe-core finds nothing.
"""
import re

import pytest
from playwright.sync_api import expect
from test_browser_beheer_task import axe, english_on
from test_browser_cms import READ_SAVED, TAFEL, editor_site, start_proef  # noqa: F401  (fixture)

from browser import CHROMIUM_ARGS, TEST_CHROMIUM, WAIT


@pytest.fixture(params=["en-US", "nl-NL"], scope="module")
def browser_in(request, chromium):
    """A Chromium started in the given language, once per language for this file; yields (browser, lang)."""
    lang = request.param
    browser = chromium.browser_type.launch(executable_path=TEST_CHROMIUM, args=[*CHROMIUM_ARGS, f"--lang={lang}"])
    yield browser, lang
    browser.close()


@pytest.fixture
def form(browser_in, editor_site):  # noqa: F811
    """The meeting form of the example tafel, in a fresh context of that browser; yields (page, lang)."""
    browser, lang = browser_in
    _, url = editor_site
    context = browser.new_context(locale=lang)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    assert page.evaluate("navigator.language") == lang
    start_proef(page, url)
    expect(page.get_by_role("treeitem", name=re.compile("Jongeren rond 18"))).to_be_visible(timeout=WAIT)
    page.goto(url + f"beheer/#/collections/bijeenkomsten-{TAFEL}/new")
    expect(page.get_by_role("textbox", name="Datum")).to_be_visible(timeout=WAIT)
    yield page, lang
    assert errors == []
    context.close()


def test_the_date_is_dd_mm_jjjj_and_saved_as_iso(form):
    page, _ = form
    date = page.get_by_role("textbox", name="Datum")
    # What the field shows and asks for, whatever the browser's language: no MM/DD/YYYY, no mm/dd/yyyy.
    assert date.evaluate("e => e.type") == "text"
    expect(date).to_have_attribute("placeholder", "dd-mm-jjjj")
    form_text = page.locator("#nc-root").inner_text()
    assert "dd-mm-jjjj" in form_text and not re.search(r"mm/dd|MM/DD|yyyy", form_text, re.I)

    # Keyboard only: the date field is reached with Tab from the form's first field, typed, and left with Tab.
    page.get_by_role("textbox", name="Titel").focus()
    for _ in range(5):
        if page.evaluate("document.activeElement.hasAttribute('data-ll-datum')"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-ll-datum')")
    page.keyboard.type("3-2-2027")  # as people type it: no leading zeros
    page.keyboard.press("Tab")
    expect(date).to_have_value("03-02-2027")  # shown the Dutch way, zeros added

    # A date that does not exist: a Dutch message, and saving stops.
    date.fill("31-02-2026")
    page.keyboard.press("Tab")
    page.get_by_role("textbox", name="Tijd").fill("13:00")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text(re.compile("31-02-2026 bestaat niet: februari 2026 heeft 28 dagen"))).to_be_visible(timeout=WAIT)
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}/new$"))
    assert english_on(page) == []
    assert axe(page) == []

    # Corrected with leading zeros (the other way people type it), saved with the keyboard.
    date.fill("")
    date.type("10-03-2027")
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Opslaan").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}$"), timeout=WAIT)
    saved = page.evaluate(READ_SAVED, f"content/tafels/{TAFEL}/2027-03-10.yml")
    assert re.search(r'^datum: "?2027-03-10"?$', saved, re.M), saved


WRONG = [  # typed -> the Dutch message (expected values from the calendar, not from the code)
    ("29-02-2027", "29-02-2027 bestaat niet: februari 2027 heeft 28 dagen."),
    ("31-04-2027", "31-04-2027 bestaat niet: april 2027 heeft 30 dagen."),
    ("12-13-2027", "12-13-2027 bestaat niet: een jaar heeft 12 maanden."),
    ("3-12-27", "Schrijf het jaar met vier cijfers."),
    ("morgen", "Dit is geen datum. Schrijf als dd-mm-jjjj"),
]


def test_other_dates_that_do_not_exist_get_a_dutch_message(form):
    page, _ = form
    date = page.get_by_role("textbox", name="Datum")
    page.get_by_role("textbox", name="Tijd").fill("13:00")
    for typed, message in WRONG:
        date.fill(typed)
        page.keyboard.press("Tab")
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_text(message, exact=False)).to_be_visible(timeout=WAIT)
        expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}/new$"))
    # A leap day that exists, typed with dots: accepted and saved.
    date.fill("29.2.2028")
    page.keyboard.press("Tab")
    expect(date).to_have_value("29-02-2028")
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}$"), timeout=WAIT)
    assert 'datum: "2028-02-29"' in page.evaluate(READ_SAVED, f"content/tafels/{TAFEL}/2028-02-29.yml")


def test_a_corrected_date_loses_its_old_message(form):
    # After a failed save Sveltia shows each field's message again as it is typed in; the message of the date that
    # is now there must be the one shown, not one of a half-typed date (24-6-2 -> "Schrijf het jaar ...").
    page, _ = form
    date = page.get_by_role("textbox", name="Datum")
    field = date.locator("xpath=ancestor::section[1]")
    page.get_by_role("textbox", name="Tijd").fill("13:00")
    page.get_by_role("button", name="Opslaan").click()  # no date yet: refused
    expect(date).to_have_attribute("aria-invalid", "true", timeout=WAIT)
    date.click()
    page.keyboard.type("24-6-2025")
    page.keyboard.press("Tab")
    expect(date).to_have_value("24-06-2025")
    expect(date).to_have_attribute("aria-invalid", "false", timeout=WAIT)
    expect(field).not_to_contain_text("Schrijf het jaar met vier cijfers.")
    expect(field).not_to_contain_text("Dit is geen datum.")

    # A date that does not exist, refused, then corrected: the old message goes.
    date.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("31-02-2026")
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Opslaan").click()
    expect(field).to_contain_text("31-02-2026 bestaat niet: februari 2026 heeft 28 dagen.", timeout=WAIT)
    date.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("28-02-2026")
    page.keyboard.press("Tab")
    expect(date).to_have_value("28-02-2026")
    expect(field).not_to_contain_text("bestaat niet", timeout=WAIT)
    expect(date).to_have_attribute("aria-invalid", "false")
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}$"), timeout=WAIT)
    assert 'datum: "2026-02-28"' in page.evaluate(READ_SAVED, f"content/tafels/{TAFEL}/2026-02-28.yml")
