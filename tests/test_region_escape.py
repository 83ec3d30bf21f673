"""The region file's words reach every page as text, escaped exactly once.

The theme prints the site name and description without escaping; leerlandschap_mkdocs/site.py escapes them once, as
page titles are, for the MkDocs site and the Zensical export alike. A fork whose region file holds quotes, tags and
ampersands must show them as typed: no markup from them, no broken attributes, and no doubled escaping (`&amp;quot;`)
anywhere.
"""
import xml.etree.ElementTree as ET

import pytest

from htmltools import parse_file
from sitebuild import zensical_export
from variants import CONTACT, DESCRIPTION, REGION, ROLE_IN_TEXT
from variants import SITE_NAME as NAME


@pytest.fixture(scope="module", params=["mkdocs", pytest.param("zensical", marks=pytest.mark.build)])
def site(request, hostile_project, tmp_path_factory):
    """A fork made by scripts/regio.py (as `make regio` does) with these names in its region file (variants.py), built
    by MkDocs, and exported and built by Zensical (scripts/zensical_build.py): its theme's `| e` escaped the logo's
    title a second time, as the name comes escaped once (leerlandschap_mkdocs/site.py) and is no Markup there."""
    if request.param == "mkdocs":
        return hostile_project / "site"
    config, result = zensical_export(hostile_project, tmp_path_factory.mktemp("zensical") / "export")
    assert result.returncode == 0, result.stdout + result.stderr
    return config.parent / "site"


def pages(site):
    return sorted(site.rglob("*.html"))


def test_nothing_from_the_region_file_becomes_markup(site):
    assert len(pages(site)) > 50
    for path in pages(site):
        root = parse_file(path)
        for tag in ("b", "i", "u"):
            assert root.find_all(tag) == [], (path, tag)
        assert not any("alert(1)" in script.all_text() or script.attrs.get("src", "").endswith("alert(1)")
                       for script in root.find_all("script")), path


def test_no_page_shows_doubled_escaping(site):
    for path in pages(site):
        raw = path.read_text(encoding="utf-8")
        for doubled in ("&amp;quot;", "&amp;lt;", "&amp;gt;", "&amp;amp;", "&amp;#34;", "&amp;#39;"):
            assert doubled not in raw, (path, doubled)
        root = parse_file(path)
        for element in root.find_all():
            for value in [element.text, *element.attrs.values()]:
                if value and "Zuid" in value:  # every place the names show, they show as typed
                    assert not any(entity in value for entity in ("&quot;", "&lt;", "&gt;", "&amp;", "&#34;")), (path, value)


def test_logo_header_and_title_carry_the_exact_name(site):
    for url in ("index.html", "bouwstenen/index.html", "privacy/index.html"):
        root = parse_file(site / url)
        logos = [a for a in root.find_all("a") if a.has_class("md-logo")]
        assert logos, url
        for logo in logos:
            assert logo.attrs["aria-label"] == NAME and logo.attrs["title"] == NAME, (url, logo.attrs)
        topic = next(d for d in root.find_all("div") if d.has_class("md-header__topic"))
        assert topic.all_text().strip() == NAME, url
        assert NAME in root.find_all("title")[0].all_text(), url


def test_home_heading_description_and_contact_are_text(site):
    home = parse_file(site / "index.html")
    assert [h.all_text().strip() for h in home.find_all("h1")] == [NAME]
    privacy = parse_file(site / "privacy" / "index.html")
    assert [m.attrs["content"] for m in privacy.find_all("meta", attrs={"name": "description"})] == [DESCRIPTION]
    text = " ".join(privacy.all_text().split())
    assert f"Deze site van {REGION} verzamelt" in text
    # zuid.example is reserved for examples (RFC 2606), so the statement says the address reaches nobody
    assert f"mail naar {CONTACT} ({ROLE_IN_TEXT}) (een voorbeeldadres: het werkt niet)." in text
    footer = " ".join(privacy.find_all("footer")[0].all_text().split())  # the footer of every page names it too
    assert f"Neem contact op met {ROLE_IN_TEXT}: {CONTACT}." in footer


def test_the_feed_names_the_region_as_text(site):
    title = ET.parse(site / "nieuw.xml").getroot().find("{http://www.w3.org/2005/Atom}title")
    assert title is not None and title.text == f"Nieuw in het leerlandschap van {REGION}"
