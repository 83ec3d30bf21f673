"""Search as a visitor uses it, in a real headless Chromium: header search, a filter, a result."""
import re

import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def served(example_site):
    return example_site[1]


@pytest.fixture
def visit(chromium, served):
    context = chromium.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    yield page, requests
    assert [url for url in requests if not url.startswith(served)] == []  # nothing goes to another host
    assert context.cookies() == []
    context.close()


def test_header_search_filter_and_open_result(visit, served):
    page, _ = visit
    page.goto(served + "rollen/bestuurder/")
    page.get_by_role("searchbox", name="Zoek op deze site").fill("bestuurders")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=bestuurders$"))
    status = page.locator("#ll-zoekstatus")
    expect(status).to_contain_text("voor \u201cbestuurders\u201d")
    page.get_by_role("checkbox", name=re.compile(r"^bouwsteen \(\d+\)$")).check()
    expect(page).to_have_url(re.compile(r"soort=bouwsteen"))
    kinds = page.locator("#ll-resultaten .ll-meta")
    expect(kinds.first).to_have_text("bouwsteen")
    assert set(kinds.all_inner_texts()) == {"bouwsteen"}
    result = page.locator("#ll-resultaten a", has_text="Investeer in bestuurlijk leren")
    expect(result).to_be_visible()
    result.click()
    page.wait_for_url(re.compile(r"/bouwstenen/investeer-in-bestuurlijk-leren/$"))
    expect(page.locator("h1")).to_have_text("Investeer in bestuurlijk leren")


def test_search_works_after_navigating_inside_the_site(visit, served):
    page, _ = visit
    page.goto(served)
    page.get_by_role("link", name="Tafels", exact=True).first.click()
    page.locator("article a", has_text="Leertafel Logeren").first.click()
    page.get_by_role("searchbox", name="Zoek op deze site").fill("intervisie")
    page.get_by_role("button", name="Zoek", exact=True).first.click()
    expect(page.locator("#ll-resultaten li").first).to_be_visible()
    expect(page.locator("#ll-zoekstatus")).to_contain_text("resultat")
    page.get_by_role("checkbox", name=re.compile(r"^tafel \(\d+\)$")).check()
    expect(page.locator("#ll-resultaten a", has_text="Intervisiegroep 1")).to_be_visible()


def test_results_come_ten_at_a_time(visit, served):
    page, _ = visit
    page.goto(served + "zoeken/?q=bestuurders")
    results = page.locator("#ll-resultaten li")
    expect(results).to_have_count(10)
    more = page.get_by_role("button", name="Toon meer resultaten")
    more.click()
    expect(results).to_have_count(20)
    assert page.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#ll-resultaten li')[10]")
