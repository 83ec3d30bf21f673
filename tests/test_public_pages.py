"""Public pages are for readers: /bijdragen/ and /buren/ hold no instructions for administrators or editors.

Those instructions are in handleiding/ (in the repository, not on the site). The built pages are parsed and their
visible text may name no command (make, git, mkdocs, …), no file or folder of the repository (content/, regio/,
.yml, …) and no English label of the platforms (pull request, token, …). /buren/ is checked with and without
neighbours, because its template has a text for each. The site paths the README names exist in the built site.
"""
import re

import pytest

import variants
from conftest import ROOT
from htmltools import parse_file

COMMANDS = re.compile(r"\b(make|git|mkdocs|npm|npx|pip|python3?|pytest|yaml|ruff)\b", re.I)
PATHS = re.compile(r"\b(content|regio|docs|schemas|scripts|handleiding|leerlandschap)/|\.(ya?ml|py|json|md)\b|\bregio\.yml\b")
ENGLISH = re.compile(r"\b(pull request|merge request|token|repository|commit|branch)\b", re.I)


def reader_text(html_file) -> str:
    """The visible text of the page's content (not the header's search form, not the footer)."""
    root = parse_file(html_file)
    main = next(e for e in root.find_all() if e.has_class("md-content"))
    return " ".join(main.all_text().split())


def assert_for_readers(html_file):
    text = reader_text(html_file)
    assert text, html_file
    assert not COMMANDS.findall(text), (html_file, COMMANDS.findall(text))
    assert not PATHS.findall(text), (html_file, PATHS.findall(text))
    assert not ENGLISH.findall(text), (html_file, ENGLISH.findall(text))


@pytest.fixture(scope="module")
def sites(example_project, own_project):
    """The example site, and the same region with two neighbours (unreachable: the page then lists them anyway;
    variants.make_own). Both are shared."""
    assert list(variants.NEIGHBOURS) == ["Regio 1", "Regio 2"]
    return {"zonder": example_project / "site", "met": own_project / "site"}


def test_contributing_says_how_to_contribute_without_instructions_for_editors(sites):
    page = sites["zonder"] / "bijdragen" / "index.html"
    assert_for_readers(page)
    text = reader_text(page)
    assert "leerlandschap@example.org" in text  # where to send it: the region's contact
    first = next(p for p in parse_file(page).find_all("p") if p.all_text().strip() and not p.has_class("ll-printnoot")).all_text()
    assert 1 <= len(re.findall(r"[.?!](\s|$)", first)) <= 2 and "Stuur" in first  # how to contribute, in two sentences


@pytest.mark.parametrize("which", ["zonder", "met"])
def test_the_neighbours_page_is_for_readers(sites, which):
    page = sites[which] / "buren" / "index.html"
    assert_for_readers(page)
    if which == "met":
        assert "Regio 1" in reader_text(page) and "Regio 2" in reader_text(page)
    else:
        assert "Laat het ons weten" in reader_text(page)


def test_the_check_finds_what_it_looks_for():
    # The patterns would catch the old texts of these pages (so a pass above means something).
    old = ("Draai `make check`. Alle inhoud staat in de map content/ (in een kopie: regio/). Stuur je wijziging als "
           "pull request; zet de buren onder buren in het regiobestand regio/regio.yml.")
    assert COMMANDS.search(old) and PATHS.search(old) and ENGLISH.search(old)


def test_the_site_paths_the_readme_names_exist(sites):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"`(/[a-z0-9/.<>-]*)`", readme))
    assert {"/begrippen/", "/buren/", "/data/", "/zoeken/"} <= paths
    site = sites["zonder"]
    for path in paths:
        if path == "/beheer/":  # built only with the npm packages (make site installs them)
            continue
        concrete = path.replace("<tafel>", "thematafels")
        target = site / concrete.strip("/")
        assert (target / "index.html").is_file() or target.is_file(), f"the README names {path}, the site has no such page"
