"""Search on a phone's slow or broken network says what is going on (real headless Chromium).

Requirement (the professional on a phone, handleiding/professionals.md step 2): while the search engine is still on its
way the page says so, instead of showing nothing for seconds; and when it cannot come (the network dropped), the
reader is told to check the connection and reload, not to "build the site with make site", which is meant for whoever
built a site without its index (that case keeps its message).
"""
import pytest
from playwright.sync_api import expect

ENGINE = "**/pagefind/pagefind.js"
NETWORK = "De zoekfunctie kon niet laden. Controleer je internetverbinding en laad de pagina opnieuw."
NO_INDEX = "Zoeken werkt hier nog niet: de zoekindex ontbreekt. Bouw de site met 'make site'."


@pytest.fixture
def phone(chromium, example_site):
    context = chromium.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page, example_site[1]
    context.close()


def test_a_dropped_network_is_said_as_such(phone):
    page, url = phone
    page.route(ENGINE, lambda route: route.abort("internetdisconnected"))
    page.goto(url + "zoeken/?q=bestuurder")
    expect(page.locator("#ll-zoekstatus")).to_have_text(NETWORK)


def test_a_site_without_its_index_still_says_so(phone):
    page, url = phone
    page.route(ENGINE, lambda route: route.fulfill(status=404, body="Not found"))
    page.goto(url + "zoeken/?q=bestuurder")
    expect(page.locator("#ll-zoekstatus")).to_have_text(NO_INDEX)


def test_a_slow_engine_is_said_while_it_comes_and_the_results_follow(phone):
    page, url = phone
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")  # every answer a second and a half late, as on a poor phone connection
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 1500, "downloadThroughput": -1,
                                                  "uploadThroughput": -1})
    page.goto(url + "zoeken/?q=bestuurder", wait_until="commit")
    status = page.locator("#ll-zoekstatus")
    expect(status).to_have_text("Even geduld: de zoekfunctie wordt geladen.", timeout=30_000)
    expect(page.locator("#ll-resultaten li").first).to_be_visible(timeout=60_000)
    expect(status).to_contain_text("resultaten voor")
