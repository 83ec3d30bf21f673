"""The privacy statement says what the pages really do (issue 23), checked claim by claim in a real Chromium:
what reaches a server (and which one), and what the browser keeps. Each test fails when the page and the statement
part ways: a new request, a new storage key, or a claim that is no longer written."""
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from htmltools import parse_file

PAGES = ["", "bouwstenen/coordineer-het-leren/", "tafels/", "tafels/intervisiegroep-1/", "vragensets/",
         "mijn-vragenset/", "zoeken/?q=bestuurder", "privacy/", "landschap/"]


@pytest.fixture
def browse(chromium, example_site):
    """browse() -> (page, requests): a fresh context whose every request URL is recorded."""
    contexts = []

    def make():
        context = chromium.new_context()
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        contexts.append(context)
        return page, requests

    yield make
    for context in contexts:
        context.close()


def statement(example_site) -> str:
    project, _ = example_site
    return " ".join(parse_file(project / "site" / "privacy" / "index.html").all_text().split())


def listed_storage_keys(example_site) -> set[str]:
    """The keys the statement names under "Wat bewaart je browser?" (each in a code element)."""
    project, _ = example_site
    root = parse_file(project / "site" / "privacy" / "index.html")
    heading = next(h for h in root.find_all("h2") if h.attrs.get("id") == "opslag")
    return {code.all_text() for code in heading.find_next_sibling("ul").find_all("code")}


def stored_keys(page) -> set[str]:
    return set(page.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]"))


def test_no_cookies_and_no_request_to_another_host(browse, example_site):
    _, url = example_site
    page, requests = browse()
    for path in PAGES:
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
    own = urlsplit(url).netloc
    assert requests and {urlsplit(r).netloc for r in requests if not r.startswith("data:")} == {own}
    assert page.context.cookies() == []
    said = statement(example_site)
    assert "De site zet geen cookies." in said and "Er gaat niets naar andere partijen." in said


def test_the_header_search_sends_the_term_to_this_sites_server(browse, example_site):
    _, url = example_site
    page, requests = browse()
    page.goto(url)
    field = page.locator("#ll-zoekbalk-veld")
    field.fill("bestuurders")
    field.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=bestuurders"))
    expect(page.locator("#ll-resultaten a").first).to_be_visible()
    sent = [r for r in requests if urlsplit(r).path.endswith("/zoeken/") and urlsplit(r).query]
    assert sent and parse_qs(urlsplit(sent[0]).query) == {"q": ["bestuurders"]} and sent[0].startswith(url)
    assert {urlsplit(r).netloc for r in requests} == {urlsplit(url).netloc}  # the index comes from this site too
    said = statement(example_site)
    assert "staat je zoekwoord in het webadres van de zoekpagina, achter ?q=" in said
    assert "Het zoeken zelf gebeurt in je browser." in said


def test_a_shared_set_travels_in_the_link_to_this_sites_server(browse, example_site):
    _, url = example_site
    page, _ = browse()
    page.goto(url + "bouwstenen/coordineer-het-leren/")
    page.get_by_role("button", name="Voeg toe aan mijn vragenset").first.click()
    page.goto(url + "mijn-vragenset/")
    field = page.get_by_label("Link naar deze set")
    expect(field).to_have_value(re.compile(r"\?."))  # filled in once the page has read the set
    link = field.input_value()
    code = urlsplit(link).query
    assert code
    colleague, requests = browse()
    colleague.goto(link)
    expect(colleague.get_by_role("region", name="Je bekijkt een gedeelde vragenset")).to_be_visible()
    assert any(urlsplit(r).query == code and r.startswith(url) for r in requests)  # the server sees the set
    said = statement(example_site)
    assert "Dan staan de vragen en de titel in die link." in said
    assert "Wie de link opent, stuurt dat webadres naar de server van deze site." in said


def test_what_the_browser_keeps_is_what_the_statement_lists(browse, example_site):
    _, url = example_site
    listed = listed_storage_keys(example_site)
    assert listed == {"leerlandschap.vragensets", "leerlandschap.mijn-vragenset.bericht"}
    page, _ = browse()
    kept: set[str] = set()
    for path in PAGES:
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        kept |= stored_keys(page)
    page.goto(url + "bouwstenen/coordineer-het-leren/")
    page.get_by_role("button", name="Voeg toe aan mijn vragenset").first.click()
    kept |= stored_keys(page)
    page.get_by_role("link", name=re.compile("Mijn vragenset")).first.click()
    page.wait_for_url(re.compile(r"/mijn-vragenset/"))
    kept |= stored_keys(page)
    assert "leerlandschap.vragensets" in kept
    assert kept <= listed, kept - listed
