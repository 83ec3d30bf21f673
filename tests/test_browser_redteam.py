"""In a real headless Chromium: a site built from hostile region settings and an SVG logo runs no script of theirs,
asks no other host for anything, and shows the settings as the text that was typed."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import SiteServer
from variants import DESCRIPTION, REGION, ROLE_IN_TEXT, SITE_NAME

PAGES = ["", "over/", "privacy/", "toegankelijkheid/", "bijdragen/", "bouwstenen/", "nieuw/", "regio/logo.svg"]


@pytest.fixture(scope="module")
def hostile(hostile_project):
    """A fork with hostile region settings and an SVG logo and favicon (variants.make_hostile), served here."""
    server = SiteServer(hostile_project / "site")
    yield server.url
    server.stop()


@pytest.mark.parametrize("path", PAGES)
def test_no_script_of_the_settings_runs_and_nothing_leaves_the_site(chromium, hostile, path):
    context = chromium.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    elsewhere: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: elsewhere.append(request.url)
            if urlsplit(request.url).hostname not in ("127.0.0.1", None) and not request.url.startswith("data:")
            else None)
    try:
        page.goto(hostile + path)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)  # a meta refresh or a late handler would have fired by now
        assert dialogs == [], dialogs
        assert elsewhere == [], elsewhere
        assert page.url == hostile + path  # no refresh to another site
    finally:
        context.close()


def test_the_settings_show_as_typed(chromium, hostile):
    context = chromium.new_context()
    page = context.new_page()
    try:
        page.goto(hostile + "over/")
        text = " ".join(page.inner_text("main").split())
        assert REGION in text
        assert ROLE_IN_TEXT in text
        assert page.title().endswith(SITE_NAME)
        assert page.locator("meta[name=description]").get_attribute("content") == DESCRIPTION
        assert page.locator("img[src*='evil'], [onerror], [onload]").count() == 0
    finally:
        context.close()
