"""Issue 25 (speed, first view): a page loads only the scripts and stylesheets it uses.

What each of our scripts is for (docs/assets/*.js, written down here from their purpose, not from the template):
- vragenset.js: "Voeg toe" buttons on questions, "Pas deze set aan", the link to "Mijn vragenset" with its count,
  the role/thema filter of the set overview, and the "Mijn vragenset" page itself; vragenset.css styles these.
- vergadermodus.js: meeting mode and printing for a question set (the set's tools).
- tijd.js: marks that depend on today's date (late agreements, planned meetings, texts due for review).
- agenda.js: calendar subscription links.
- zoeken.js: the search page.
Material's own JavaScript bundle is loaded nowhere: the site uses nothing that needs it.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from htmltools import Element, parse_file
from leerlandschap_mkdocs.scriptparts import joined_scripts

OURS = {"vragenset.js", "vergadermodus.js", "tijd.js", "agenda.js", "zoeken.js", "vragenset.css"}


def _has_class(root: Element, *names: str) -> bool:
    return any(e.has_class(n) for e in root.find_all() for n in names)


def _has_attr(root: Element, *names: str) -> bool:
    return any(n in e.attrs for e in root.find_all() for n in names)


def needed(root: Element, url: str) -> set[str]:
    """The files of ours this page needs, from what is on it."""
    sets = _has_class(root, "ll-voegtoe", "ll-pasaan", "ll-naar-mijnset", "ll-setfilter", "ll-mijnset")
    meeting = _has_class(root, "ll-settools")
    result = set()
    if sets or meeting:
        result |= {"vragenset.js", "vragenset.css"}
    if meeting:
        result.add("vergadermodus.js")
    if _has_attr(root, "data-deadline", "data-zonder-verslag", "data-herzien-voor") or _has_class(root, "ll-tijdlijn"):
        result.add("tijd.js")
    if any(a.has_class("ll-abonneer") and "data-agenda" in a.attrs for a in root.find_all("a")):
        result.add("agenda.js")
    if url == "zoeken/":
        result.add("zoeken.js")
    return result


def loaded(root: Element) -> list[str]:
    """Every script and stylesheet the page asks for (file names)."""
    sources = [e.attrs.get("src") or "" for e in root.find_all("script")]
    sheets = [e.attrs.get("href") or "" for e in root.find_all("link") if e.attrs.get("rel") == "stylesheet"]
    return [s.rsplit("/", 1)[-1] for s in sources + sheets if s]


@pytest.fixture(scope="module")
def pages(example_site):
    project, _ = example_site
    site = project / "site"
    found = {}
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix() + "/"
        if url.startswith(("beheer/", "pagefind/")):
            continue
        found["" if url == "./" else url] = parse_file(path)
    return found


def test_every_page_loads_exactly_the_scripts_of_what_is_on_it(pages):
    wrong = {}
    for url, root in pages.items():
        ours = {name for name in loaded(root) if name in OURS}
        if ours != needed(root, url):
            wrong[url] = (sorted(ours), sorted(needed(root, url)))
    assert wrong == {}
    assert len(pages) > 100


def test_no_page_loads_materials_javascript_bundle(pages):
    assert [url for url, root in pages.items() if any(n.startswith("bundle.") for n in loaded(root))] == []


@pytest.mark.parametrize("url", ["over/", "privacy/", "praktijken/contractvoortgangsgesprekken-als-leerplek/", ""])
def test_an_everyday_page_loads_no_script_for_sets_meetings_calendars_or_search(pages, url):
    assert {"vragenset.js", "vergadermodus.js", "agenda.js", "zoeken.js", "vragenset.css"} & set(loaded(pages[url])) == set()


@pytest.mark.parametrize(("url", "script"), [
    ("bouwstenen/coordineer-het-leren/", "vergadermodus.js"),  # a question set: meeting mode
    ("mijn-vragenset/", "vragenset.js"),
    ("tafels/voorbeeldtafel-jongeren-rond-18/", "tijd.js"),  # a timeline of meetings
    ("tafels/voorbeeldtafel-jongeren-rond-18/", "agenda.js"),  # subscribe to the tafel's calendar
    ("zoeken/", "zoeken.js"),
])
def test_a_page_with_a_tool_loads_its_script(pages, url, script):
    assert script in loaded(pages[url])


def test_in_the_browser_an_everyday_page_requests_only_the_common_files(chromium, example_site):
    """What the browser really fetches (also anything a script would add later), not only what the HTML names."""
    _, served = example_site
    page = chromium.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url) if r.resource_type in ("script", "stylesheet", "xhr", "fetch")
            else None)
    page.goto(served + "over/", wait_until="networkidle")
    page.close()
    names = sorted(url.rsplit("/", 1)[-1] for url in requested)
    common = [n for n in names if n in ("leerlandschap.css", "regio.css") or (n.startswith("main.") and n.endswith(".css"))]
    assert names == common and len(names) == 3, names  # our stylesheet, the region's colours, Material's stylesheet


def test_our_scripts_reach_the_site_without_comments_and_spaces(example_site):
    """Every script of ours is part of a first view or a first search: the built copy leaves out the comments (the
    source keeps them for the people who work on it) and is the same program otherwise (the browser tests run it)."""
    source = Path(__file__).resolve().parent.parent / "docs" / "assets"
    site = example_site[0] / "site" / "assets"
    sources = {p.name: p.read_text(encoding="utf-8") for p in source.glob("*.js")}
    sources |= {script.name: script.text for script in joined_scripts(source)}  # a script kept as parts (vragenset/)
    assert {"zoeken.js", "vragenset.js", "tijd.js"} <= set(sources)
    for name, written in sorted(sources.items()):
        built = (site / name).read_text(encoding="utf-8")
        comments = [line.strip() for line in written.splitlines() if line.strip().startswith(("// ", "/* ", "* "))]
        assert comments and not [c for c in comments if c in built], name
        assert len(built) < 0.8 * len(written), name
        # rjsmin does not know template literals (`...${x}...`): a script that used one could change its text
        assert "`" not in re.sub(r"//[^\n]*|/\*.*?\*/", "", written, flags=re.S), name
