"""In a real headless Chromium: a site built from hostile region settings and an SVG logo runs no script of theirs,
asks no other host for anything, and shows the settings as the text that was typed."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml

from browser import SiteServer
from sitebuild import build, make_project

NAME = ("![x](https://evil.example/x.png){: onerror=alert(1)} <img src=x onerror=alert(2)> "
        "[klik](javascript:alert(3)) <svg onload=alert(8)>")
ROLE = "Team {: onerror=alert(4)} ![y](y){: onload=alert(5)}"
SITE_NAME = "<script>alert(6)</script> & \"Zuid\" <img src=x onerror=alert(9)>"
DESCRIPTION = '"><script>alert(7)</script><meta http-equiv="refresh" content="0;url=https://evil.example/">'
LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Logo</title>'
        '<linearGradient id="g"><stop offset="0" stop-color="#1d4f91"/></linearGradient>'
        '<rect width="10" height="10" fill="url(#g)"/></svg>\n')
PAGES = ["", "over/", "privacy/", "toegankelijkheid/", "bijdragen/", "bouwstenen/", "nieuw/", "regio/logo.svg"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("browser-redteam") / "project")
    regio = project / "content" / "regio.yml"
    data = yaml.safe_load(regio.read_text(encoding="utf-8"))
    data["naam"] = NAME
    data["contact"]["rol"] = ROLE
    data["site"].update(naam=SITE_NAME, beschrijving=DESCRIPTION, logo="logo.svg", favicon="logo.svg",
                        repository="https://github.com/voorbeeldregio/leerlandschap", tak="feature/x+y")
    regio.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (project / "regio" / "assets").mkdir(parents=True)
    (project / "regio" / "assets" / "logo.svg").write_text(LOGO, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    server = SiteServer(project / "site")
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
        assert NAME in text
        assert "team {: onerror=alert(4)} ![y](y){: onload=alert(5)}" in text
        assert page.title().endswith(SITE_NAME)
        assert page.locator("meta[name=description]").get_attribute("content") == DESCRIPTION
        assert page.locator("img[src*='evil'], [onerror], [onload]").count() == 0
    finally:
        context.close()
