"""Editing in the browser (/beheer/, Sveltia CMS) in a real headless Chromium, offline.

Every request to another host is aborted and counted; the page runs in its proef mode (Sveltia's test repository
in the browser's private storage, seeded by the page with the site's own content). A coordinator records a meeting
and a praktijk; the file Sveltia saves must pass the checker unchanged and show up on the built site.
"""
import re
import shutil

import pytest
import yaml
from playwright.sync_api import expect

from browser import WAIT, until
from htmltools import Document, parse, parse_file
from leerlandschap import cms_page, kinds
from leerlandschap.loader import check_content, load_content
from leerlandschap.pages import PageMaker
from sitebuild import build, make_project
from variants import zuidkust_fork

TAFEL = "voorbeeldtafel-jongeren-rond-18"
BOUWSTEEN = "maak-ruimte-voor-ontmoeting-en-verbinding"
READ_SAVED = """async path => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
  const parts = path.split('/'), name = parts.pop();
  for (const part of parts) folder = await folder.getDirectoryHandle(part);
  return await (await (await folder.getFileHandle(name)).getFile()).text();
}"""


def written(page, path, tries=20):
    """The file the editor saved at `path` in its test repository, or "" while there is none. A file read while the
    editor writes it is unreadable for a moment (NotReadableError): it is read again."""
    for _ in range(tries):
        try:
            return page.evaluate(READ_SAVED, path)
        except Exception as error:
            if re.search(r"NotFoundError|not be found", str(error)):
                return ""
            if "NotReadableError" not in str(error):
                raise
            page.wait_for_timeout(50)
    raise AssertionError(f"{path} stayed unreadable")


def start_proef(page, url):
    """/beheer/ of the site at `url`: past the start screen (test_browser_beheer_task.py) into Sveltia's test repository."""
    page.goto(url + "beheer/")
    page.get_by_role("button", name="Begin met bewerken").click()
    page.get_by_role("button", name="Werken met een testrepository").click()


def scroll_to(page, field, what):
    """Scrolls the form until `field` is there: Sveltia renders the fields below the fold when they come into view."""
    page.mouse.move(300, 400)
    until(page, lambda: field.count() > 0 or page.mouse.wheel(0, 300), what)


def refused(page, *said):
    """Clicks Opslaan: the editor refuses in a dialog that says each of `said`. Returns the dialog, still open."""
    page.get_by_role("button", name="Opslaan").click()
    dialog = page.get_by_role("alertdialog")
    for text in said:
        expect(dialog).to_contain_text(text, timeout=WAIT)
    return dialog


@pytest.fixture(scope="module")
def editor_site(editor_project):
    """The example content built for real with the npm packages (conftest: editor_project, once per run), served
    locally. Read only: check_and_build copies its content."""
    from browser import SiteServer

    server = SiteServer(editor_project / "site")
    yield editor_project, server.url
    server.stop()


@pytest.fixture
def editor(chromium, editor_site):
    """The editing page, signed in to the test repository; yields (page, url). Checks privacy afterwards."""
    _, url = editor_site
    context = chromium.new_context(locale="en-US")  # an English browser still gets the Dutch interface
    outside, own, blocked = [], [], []

    def route(route):
        if route.request.url.startswith(url):
            own.append(route.request.url)
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda message: blocked.extend(re.findall(r"(?:https?|data|blob):[^\s']+", message.text.split(" violates")[0]))
            if "Content Security Policy" in message.text else None)
    start_proef(page, url)
    # Seeded with the site's own content: the example tafel's three meetings are there.
    expect(page.get_by_role("treeitem", name="Voorbeeld: thematafel Jongeren rond 18")).to_have_text(re.compile(r"18\s*3\s*$"), timeout=WAIT)
    yield page, url
    assert outside == [], "a request left the machine"
    # The served bundle no longer tries CDNs (fonts, update check), so the Content-Security-Policy has nothing to
    # refuse (test_browser_beheer_task.py counts attempts in the browser's network log).
    assert [b for b in blocked if b.startswith("https://")] == [], blocked
    assert any(u.endswith("beheer/fonts/material-symbols-outlined.woff2") for u in own)  # our icons, not the CDN's
    assert page.evaluate("document.fonts.check('24px \"Material Symbols Outlined\"')")
    context.close()


def check_and_build(editor_site, tmp_path, path, text):
    """Put the saved file into a copy of the project: the checker must accept it and the site must build."""
    project = make_project(tmp_path / "project", content=editor_site[0] / "content")
    (project / path).write_text(text, encoding="utf-8")
    assert [str(p) for p in check_content(project / "content", project)[1]] == []  # what `make check` runs
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def check_and_render(editor_site, tmp_path, path, text) -> dict[str, Document]:
    """Put the saved file into a copy of the content: the checker must accept it (what `make check` runs); then the
    site's generated pages are made from it as the build makes them (leerlandschap.pages), by URL. The whole build
    after a save is test_browser_beheer_task.py's (check_and_build); that a page made here equals the built one is
    test_preview.py's and test_shortcuts.py's."""
    shutil.copytree(editor_site[0] / "content", tmp_path / "content")
    (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)  # the first of its kind makes the folder
    (tmp_path / path).write_text(text, encoding="utf-8")
    content, problems = check_content(tmp_path / "content", tmp_path)
    assert [str(p) for p in problems] == [] and content is not None
    return {page.url: parse(page.body) for page in PageMaker(content, buren=None).all_pages()}


def test_coordinator_records_a_meeting(editor, editor_site, tmp_path):
    page, _ = editor
    page.goto(page.url.split("#")[0] + f"#/collections/bijeenkomsten-{TAFEL}/new")
    page.get_by_role("textbox", name="Datum").fill("2027-03-10")
    page.get_by_role("textbox", name="Tijd").fill("13:30-15:30")
    page.get_by_role("radio", name="samen beslissen").check()
    page.get_by_role("combobox", name="Deelnemers").click()
    page.get_by_role("option", name="Coördinator").click()
    open_outcome(page)
    add_to_outcome(page, "Inzicht")
    page.get_by_role("textbox", name="Inzichten").fill("Jongeren willen één vast aanspreekpunt.")
    add_to_outcome(page, "Afspraak")
    page.get_by_role("textbox", name="Korte naam van de afspraak").fill("aanspreekpunt-regelen")
    page.get_by_role("textbox", name="Tekst").fill("Regel één aanspreekpunt per jongere.")
    page.get_by_role("combobox", name="Eigenaar").click()
    page.get_by_role("option", name="Coördinator").click()
    page.get_by_role("radio", name="open", exact=True).check()
    # A list counts one item in the singular: "1 Afspraak", not "1 Afspraken".
    expect(page.get_by_text(re.compile(r"^1\s+Afspraak$"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"^1\s+Inzicht$"))).to_be_visible()
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}$"), timeout=WAIT)

    path = f"content/tafels/{TAFEL}/2027-03-10.yml"
    saved = page.evaluate(READ_SAVED, path)
    assert 'tijd: "13:30-15:30"' in saved and 'status: "open"' in saved and ": \"\"" not in saved and "null" not in saved
    pages = check_and_render(editor_site, tmp_path, path, saved)
    meeting = next(li for li in pages[f"tafels/{TAFEL}/"].find_all("li") if li.attrs.get("id") == "bijeenkomst-2027-03-10")
    text = " ".join(meeting.all_text().split())
    assert "13:30-15:30" in text and "samen beslissen" in text and "Regel één aanspreekpunt per jongere." in text
    assert "Jongeren willen één vast aanspreekpunt." in pages[f"tafels/{TAFEL}/2027-03-10/"].all_text()


def fill_new_praktijk(page, title: str, datum: str) -> None:
    """A new praktijk's form filled in as a coordinator does (linked to one bouwsteen, the example source), not saved."""
    page.goto(page.url.split("#")[0] + "#/collections/praktijken/new")
    page.get_by_role("textbox", name="Titel").fill(title, timeout=WAIT)
    page.get_by_role("textbox", name="Samenvatting").fill("Eén keer per maand lunchen medewerkers samen.")
    page.get_by_role("textbox", name="Beschrijving").fill("Tijdens de lunch vertelt iemand over een casus die goed ging.")
    page.get_by_role("combobox", name="Bouwstenen").click()
    page.get_by_role("option", name="Maak ruimte voor ontmoeting en verbinding").click()
    page.mouse.move(300, 400)
    page.mouse.wheel(0, 1500)  # Sveltia renders fields below the fold when they come into view
    page.get_by_role("textbox", name="Datum").fill(datum, timeout=WAIT)
    page.get_by_role("combobox", name="Bron").click()
    page.get_by_role("option", name="Voorbeeld, geschreven voor deze kit").click()


def test_a_praktijk_linked_to_a_bouwsteen(editor, editor_site, tmp_path):
    page, _ = editor
    fill_new_praktijk(page, "Samen lunchen met de wijkteams", "2026-11-20")
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile("#/collections/praktijken$"), timeout=WAIT)

    path = "content/praktijken/samen-lunchen-met-de-wijkteams.yml"
    saved = page.evaluate(READ_SAVED, path)
    assert f'bouwstenen:\n  - "{BOUWSTEEN}"' in saved
    pages = check_and_render(editor_site, tmp_path, path, saved)
    assert "praktijken/samen-lunchen-met-de-wijkteams/" in pages
    links = [a.attrs.get("href", "") for a in pages[f"bouwstenen/{BOUWSTEEN}/"].find_all("a")]
    assert any("praktijken/samen-lunchen-met-de-wijkteams/" in href for href in links)


def test_public_pages_load_nothing_of_the_editor(chromium, editor_site):
    project, url = editor_site
    site = project / "site"
    assert (site / "beheer" / "sveltia-cms.js").is_file() and (site / "beheer" / "config.yml").is_file()
    assert "beheer" not in (site / "sitemap.xml").read_text()
    own = [p for p in site.rglob("*.html") if "beheer" not in p.relative_to(site).parts]
    loads = re.compile(r"""(?:src=|<link[^>]*href=)["'][^"']*(?:beheer/|sveltia)""")  # loaded, not linked
    assert [p for p in own if loads.search(p.read_text(encoding="utf-8"))] == []
    # Item pages link into the editor (issue 20), small and outside the search index.
    tafel = parse_file(site / "tafels" / TAFEL / "index.html")
    aside = next(a for a in tafel.find_all("aside") if "ll-bewerken" in a.attrs.get("class", ""))
    assert [a.attrs["href"] for a in aside.find_all("a")] == [f"../../beheer/#/collections/bijeenkomsten-{TAFEL}/new",
                                                              f"../../beheer/#/collections/tafels/entries/{TAFEL}"]
    for folder, item in (("praktijken", "ontwikkelsessies-lerende-regio-2021"), ("bouwstenen", BOUWSTEEN)):
        page_html = parse_file(site / folder / item / "index.html")
        links = [a.attrs["href"] for aside in page_html.find_all("aside") if aside.has_class("ll-bewerken") for a in aside.find_all("a")]
        assert links == [f"../../beheer/#/collections/{folder}/entries/{item}"], (folder, links)
    context = chromium.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("", f"tafels/{TAFEL}/", "zoeken/?q=bewerken"):
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
    assert [r for r in requests if "/beheer/" in r or not r.startswith(url)] == []
    results = page.evaluate("async () => { const pf = await import('/pagefind/pagefind.js');"
                            " const r = await pf.search('Bewerken'); return (await Promise.all(r.results.map(x => x.data()))).map(d => d.url); }")
    assert not any("beheer" in u for u in results)
    context.close()


def editor_links(html_file):
    """The footer's links for editors on a built page: [(text, href)]."""
    footer = next(f for f in parse_file(html_file).find_all("footer"))
    return [(" ".join(a.all_text().split()), a.attrs.get("href", "")) for a in footer.find_all("a") if "beheer" in a.attrs.get("href", "")]


def test_every_page_links_editors_to_beheer_in_its_footer(chromium, editor_site):
    # Issue 20: a way in for people who edit, small and below everything else: in the footer, not in the menu or the text.
    project, url = editor_site
    site = project / "site"
    pages = [p for p in site.rglob("*.html") if "beheer" not in p.relative_to(site).parts]
    assert len(pages) > 100
    for page_file in pages:
        links = editor_links(page_file)
        assert [text for text, _ in links] == ["Bewerken (voor redacteuren)"], page_file
        if page_file.name == "404.html":
            continue  # served at any address: MkDocs gives it absolute links
        target = (page_file.parent / links[0][1]).resolve()
        assert target == (site / "beheer").resolve(), (page_file, links)  # the target resolves to /beheer/
        assert (target / "index.html").is_file()
    # The menu and the page's text do not mention it: only the footer (and the item pages' own "Aanpassen" aside).
    bijdragen = parse_file(site / "bijdragen" / "index.html")
    content = next(e for e in bijdragen.find_all() if e.has_class("md-content"))
    assert [a for a in content.find_all("a") if "beheer" in a.attrs.get("href", "")] == []
    nav = [a for e in bijdragen.find_all("nav") for a in e.find_all("a") if "beheer" in a.attrs.get("href", "")]
    assert nav == []
    # The start screen's links to /bijdragen/ (for GitHub and GitLab sign-in) land on a heading that is there.
    anchors = re.findall(r'href="\.\./bijdragen/#([^"]+)"', (cms_page.TEMPLATES / "beheer.html").read_text(encoding="utf-8"))
    ids = {e.attrs.get("id") for e in parse_file(site / "bijdragen" / "index.html").find_all()}
    assert anchors and set(anchors) <= ids, anchors
    # In the browser: the link opens the editor's start screen, and the page stays free of axe violations.
    from test_quality import AXE, axe_violations

    if not AXE.is_file():
        pytest.fail("axe-core is missing: 'make test' installs the npm tools (npm ci)")
    context = chromium.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(url + "bijdragen/")
    link = page.get_by_role("contentinfo").get_by_role("link", name="Bewerken (voor redacteuren)")
    assert axe_violations(page) == []  # wcag22aa: target size included
    link.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name=re.compile("^Bewerken: "))).to_be_visible(timeout=WAIT)
    context.close()


def serve_editor(tmp_path, project):
    """Only the files of /beheer/ for `project` (no site build), served on 127.0.0.1."""
    from browser import SiteServer

    files = cms_page.editor_files(load_content(project / "content"), project / "content")
    assert files.missing == ""
    site = tmp_path / "site"
    for path, text in files.texts.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    for path, source in files.copies.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, site / path)
    return SiteServer(site)


@pytest.mark.parametrize("beheer, sign_in", [
    ("beheer:\n  platform: github\n  repository: zuidkust/leerlandschap\n", "Inloggen met een toegangstoken"),
    ("beheer:\n  platform: gitlab\n  repository: zuidkust/leerlandschap\n  server: https://gitlab.zuidkust.example\n"
     "  applicatie_id: abc123\n", re.compile(r"Inloggen met \W?GitLab")),
], ids=["github", "gitlab"])
def test_git_platforms_are_accepted_by_the_editor_without_contacting_them(chromium, tmp_path, beheer, sign_in):
    server = serve_editor(tmp_path, zuidkust_fork(tmp_path, beheer))
    context = chromium.new_context(locale="nl-NL")
    outside, errors = [], []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server.url)
                  else (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" and "Content Security" not in message.text else None)
    page.goto(server.url + "beheer/")
    page.get_by_role("button", name="Begin met bewerken").click()
    expect(page.get_by_role("button", name=sign_in)).to_be_visible(timeout=WAIT)
    assert outside == [] and errors == []
    context.close()
    server.stop()


def test_in_a_fork_the_editor_writes_regio_and_offers_upstreams_items(chromium, tmp_path):
    project = zuidkust_fork(tmp_path, "")  # no beheer block: proef, seeded with content/ and regio/
    server = serve_editor(tmp_path, project)
    context = chromium.new_context(locale="nl-NL")
    page = context.new_page()
    start_proef(page, server.url)
    page.goto(server.url + "beheer/#/collections/praktijken/new")
    page.get_by_role("textbox", name="Titel").fill("Wijkteams leren van elkaar")
    page.get_by_role("textbox", name="Samenvatting").fill("Twee wijkteams bezoeken elkaar.")
    page.get_by_role("textbox", name="Beschrijving").fill("Ze lopen een dag mee.")
    page.get_by_role("combobox", name="Bouwstenen").click()
    page.get_by_role("option", name="Maak ruimte voor ontmoeting en verbinding").click()  # upstream's, from content/
    page.mouse.move(300, 400)
    page.mouse.wheel(0, 1500)  # Sveltia renders fields below the fold when they come into view
    page.get_by_role("textbox", name="Datum").fill("2026-11-20", timeout=WAIT)
    page.mouse.wheel(0, 3000)  # Sveltia renders fields below the fold when they come into view
    # The region's own bron (regio/bronnen/); with five options or fewer Sveltia shows radio buttons.
    page.get_by_role("radio", name="Eigen").check(timeout=WAIT)
    # The preview (the page as it will look, with the site's own stylesheet) shows the choice in the page's source
    # line: it has reached the entry, not only the radio button.
    preview = page.frame_locator("iframe.preview")
    expect(preview.locator("p.ll-bron")).to_have_text(re.compile(r"^Bron: \s*Eigen"), timeout=WAIT)
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile("#/collections/praktijken$"), timeout=WAIT)
    path = "regio/praktijken/wijkteams-leren-van-elkaar.yml"
    saved = page.evaluate(READ_SAVED, path)
    context.close()
    server.stop()
    assert 'bron: "eigen"' in saved and f'  - "{BOUWSTEEN}"' in saved
    (project / path).parent.mkdir(parents=True)
    (project / path).write_text(saved, encoding="utf-8")
    model, problems = check_content(project / "content", project)
    assert problems == [] and "wijkteams-leren-van-elkaar" in model.of(kinds.PRAKTIJK)


def test_in_a_fork_an_existing_addition_keeps_question_names_of_its_own(chromium, tmp_path):
    # The file name of a saved addition is its bouwsteen's id; renaming its own question to one the national bouwsteen
    # has is refused before saving, as for a new addition (test_browser_opslaan.py), in the checker's words.
    project = zuidkust_fork(tmp_path, "")
    national = yaml.safe_load((project / "content" / "bouwstenen" / f"{BOUWSTEEN}.yml").read_text(encoding="utf-8"))
    taken = national["reflectievragen"][0]["id"]
    addition = project / "regio" / "aanvullingen" / f"{BOUWSTEEN}.yml"
    addition.parent.mkdir(parents=True)
    addition.write_text('bron: "eigen"\nreflectievragen:\n  - id: "onze-vraag"\n    vraag: "Wat leren wij hier van?"\n',
                        encoding="utf-8")
    assert check_content(project / "content", project)[1] == []
    server = serve_editor(tmp_path, project)
    context = chromium.new_context(locale="nl-NL")
    page = context.new_page()
    start_proef(page, server.url)
    page.goto(server.url + f"beheer/#/collections/aanvullingen/entries/{BOUWSTEEN}")
    name = page.get_by_role("textbox", name="Korte naam van de vraag")
    page.get_by_role("textbox", name="Toelichting").wait_for(timeout=WAIT)
    scroll_to(page, name, "the question's short name")
    name.fill(taken)
    refused(page, f"Vraag 1: de bouwsteen '{BOUWSTEEN}' heeft al een vraag met de naam '{taken}'. Kies een andere naam "
            "voor jullie vraag.")
    assert "onze-vraag" in written(page, f"regio/aanvullingen/{BOUWSTEEN}.yml")  # nothing written
    context.close()
    server.stop()


@pytest.mark.parametrize("path", ["praktijken/ontwikkelsessies-lerende-regio-2021/", f"bouwstenen/{BOUWSTEEN}/",
                                  f"tafels/{TAFEL}/"])
def test_ways_into_the_editor_are_not_printed(chromium, editor_site, path):
    """Paper is for readers: the "Aanpassen" link for the people who keep the site up to date, and the controls (a
    button, a field to fill in), stay on the screen."""
    import io

    from pypdf import PdfReader

    _, url = editor_site
    context = chromium.new_context()
    page = context.new_page()
    page.goto(url + path)
    expect(page.get_by_role("complementary", name="Voor wie de site bijhoudt")).to_be_visible()
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Voor wie de site bijhoudt" not in text and "Aanpassen" not in text
    page.emulate_media(media="print")
    # A read-only field stays: the calendar's address is information on paper too (it can be typed over).
    shown = page.evaluate("""() => [...document.querySelectorAll('button, input:not([type=hidden]):not([readonly]), select, textarea')]
        .filter((el) => { const r = el.getBoundingClientRect(); return r.width * r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; })
        .map((el) => el.outerHTML.slice(0, 120))""")
    assert shown == []
    context.close()


def test_a_save_that_failed_still_asks_before_leaving(editor):
    # handleiding/bewerken.md: leaving a form with unsaved work asks first. A save refused by a check (here: no
    # date) leaves the work unsaved, so the back arrow and Escape must still ask; only a save that succeeded ends it.
    page, _ = editor
    questions = []
    page.on("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.goto(page.url.split("#")[0] + f"#/collections/bijeenkomsten-{TAFEL}/new")
    page.get_by_role("textbox", name="Locatie").click(timeout=WAIT)
    page.keyboard.type("Lelystad")
    # The editor has one language; screen readers heard Sveltia's code for it ("Inhoud in het _default bewerken").
    labels = page.locator("[aria-label]").evaluate_all("es => es.map(e => e.getAttribute('aria-label'))")
    assert "Inhoud bewerken" in labels and not [label for label in labels if "_default" in label]
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Eén veld bevat een fout.")).to_be_visible(timeout=WAIT)
    for leave in (lambda: page.get_by_role("button", name="Bewerken annuleren").click(),
                  lambda: page.get_by_role("textbox", name="Locatie").press("Escape")):
        before = len(questions)
        leave()
        expect(page.get_by_role("textbox", name="Locatie")).to_have_value("Lelystad")
        assert len(questions) == before + 1 and questions[-1].startswith("Je hebt iets ingevuld dat nog niet is opgeslagen.")
        expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}/new$"))
    # Corrected and saved: the form closes without a question.
    before = len(questions)
    page.get_by_role("textbox", name="Datum").fill("11-03-2027")
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}$"), timeout=WAIT)
    assert len(questions) == before


def test_a_text_longer_than_the_schema_allows_is_refused_before_saving(editor):
    # bijeenkomst.schema.json: titel at most 200 characters, verslag at most 10000. The checker refuses more ("hoogstens
    # 200 tekens"), so the form says it before saving, in the checker's words.
    page, _ = editor
    page.goto(page.url.split("#")[0] + f"#/collections/bijeenkomsten-{TAFEL}/new")
    page.get_by_role("textbox", name="Datum").fill("12-03-2027", timeout=WAIT)
    title = page.get_by_role("textbox", name="Titel")
    title.fill("Overleg " + "a" * 193)  # 201 characters
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Deze tekst is te lang. Hier passen hoogstens 200 tekens. Maak de tekst korter.")).to_be_visible(timeout=WAIT)
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}/new$"))
    title.fill("Overleg " + "a" * 192)  # 200: fits
    expect(page.get_by_text("Deze tekst is te lang.")).to_have_count(0, timeout=WAIT)
    verslag = page.get_by_role("textbox", name="Verslag")
    verslag.click()
    page.keyboard.insert_text("x" * 10001)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Deze tekst is te lang. Hier passen hoogstens 10000 tekens. Maak de tekst korter.")).to_be_visible(timeout=WAIT)
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}/new$"))
    verslag.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Backspace")  # 10000: fits
    expect(page.get_by_text("Deze tekst is te lang.")).to_have_count(0, timeout=WAIT)
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}$"), timeout=WAIT)
    saved = page.evaluate(READ_SAVED, f"content/tafels/{TAFEL}/2027-03-12.yml")
    assert "a" * 192 + '"' in saved and "x" * 10000 in saved and "x" * 10001 not in saved


# Sveltia renders the fields of a group only once they scroll into view (until then each is an empty placeholder).
# When Playwright retries a click, its first retry scrolls the element to the bottom edge of the window (block "end"):
# on a busy machine check() on "Opbrengst toevoegen" was retried (the form still moved after the date), the box ended
# at the bottom, the outcome's fields below it stayed placeholders, and "Inzicht toevoegen" never came
# (test_the_outcome_opens_when_ticked_at_the_bottom_of_the_window). A coordinator scrolls on and sees them.
PLACEHOLDERS = """els => { if (els.length) els[0].scrollIntoView({block: 'center'}); return els.length; }"""


def open_outcome(page):
    """Ticks "Opbrengst toevoegen" and brings each of the outcome's fields into view, so that Sveltia renders them."""
    page.get_by_role("checkbox", name=re.compile("Opbrengst")).check()  # check(): clicks again until it is ticked
    group = page.locator("[data-key-path='opbrengst']")
    fields = group.locator("[data-key-path^='opbrengst.']")
    waiting = group.locator(".placeholder")
    until(page, lambda: waiting.evaluate_all(PLACEHOLDERS) == 0 and fields.count() > 0, "the outcome's fields, rendered")


# The list's count as Sveltia shows it above the list ("2 Reflectievragen"), also for items not rendered yet.
ITEM_COUNT = """path => parseInt(document.querySelector(`[data-key-path='${path}'] [id$='-summary']`).textContent)"""


def add_item(page, path, word):
    """Clicks "<word> toevoegen" of the list at `path` (its data-key-path, such as "opbrengst.afspraken") and waits
    until the new item is there, its fields in view so that Sveltia renders them (as open_outcome). On a busy machine
    a fill() once waited in vain for the new item's field."""
    count = page.evaluate(ITEM_COUNT, path)
    page.get_by_role("button", name=re.compile(rf"{word}\W* toevoegen")).click()
    waiting = page.locator(f"[data-key-path='{path}'] .placeholder")
    until(page, lambda: page.evaluate(ITEM_COUNT, path) == count + 1 and waiting.evaluate_all(PLACEHOLDERS) == 0,
          f"a new {word}, rendered")


def add_to_outcome(page, what):
    """add_item for the outcome's lists, by the word on their button ("Inzicht" or "Afspraak")."""
    add_item(page, {"Inzicht": "opbrengst.inzichten", "Afspraak": "opbrengst.afspraken"}[what], what)


def new_meeting_with_outcome(editor, day, first):
    """The editor's form for a new meeting of TAFEL on `day`, with its outcome opened and one `first` item added
    ("Inzicht" or "Afspraak")."""
    page, _ = editor
    page.goto(page.url.split("#")[0] + f"#/collections/bijeenkomsten-{TAFEL}/new")
    page.get_by_role("textbox", name="Datum").fill(day, timeout=WAIT)
    open_outcome(page)
    add_to_outcome(page, first)
    return page


def test_the_outcome_opens_when_ticked_at_the_bottom_of_the_window(editor):
    # Where Playwright's retried click leaves the box: at the window's bottom edge, the outcome's fields out of view.
    page, _ = editor
    page.goto(page.url.split("#")[0] + f"#/collections/bijeenkomsten-{TAFEL}/new")
    page.get_by_role("textbox", name="Datum").fill("16-03-2027", timeout=WAIT)
    box = page.get_by_role("checkbox", name=re.compile("Opbrengst"))
    box.evaluate("e => e.scrollIntoView({block: 'end'})")
    open_outcome(page)
    for item in ("Inzicht", "Afspraak", "Vervolgactie"):
        expect(page.get_by_role("button", name=re.compile(rf"{item}\W* toevoegen"))).to_be_visible(timeout=WAIT)


def test_tabs_from_a_pasted_text_become_spaces(editor, editor_site, tmp_path):
    # Text copied from Word holds tabs ("·<tab>Warme overdracht"); the checker refuses a tab ("In deze tekst staat een
    # tab", "Er staat een tab-teken op deze regel"), and a coordinator cannot see one. The editor writes spaces. The
    # same for the line breaks a PDF brings that editors do not show (U+2028, U+2029): Sveltia wrote them as they were.
    page = new_meeting_with_outcome(editor, "13-03-2027", "Inzicht")
    page.get_by_role("textbox", name="Inzichten").click()
    page.keyboard.insert_text("Besproken:\tde overgang naar 18 jaar\t")
    page.get_by_role("textbox", name="Titel").click()
    page.keyboard.insert_text("Overleg\tjongeren\u2028")  # and a line break a PDF brings, which editors do not show
    page.get_by_role("textbox", name="Verslag").click()
    page.keyboard.insert_text("·\tWarme overdracht met de jongere erbij\u2029Tweede alinea.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}$"), timeout=WAIT)
    path = f"content/tafels/{TAFEL}/2027-03-13.yml"
    saved = page.evaluate(READ_SAVED, path)
    assert not any(c in saved for c in "\t\u0085\u2028\u2029") and not any(e in saved for e in ("\\t", "\\L", "\\P", "\\N")), saved
    assert '- "Besproken: de overgang naar 18 jaar"' in saved and 'titel: "Overleg jongeren"' in saved
    assert "· Warme overdracht met de jongere erbij" in saved and "Tweede alinea." in saved
    pages = check_and_render(editor_site, tmp_path, path, saved)
    assert "Besproken: de overgang naar 18 jaar" in pages[f"tafels/{TAFEL}/2027-03-13/"].all_text()


def test_a_new_agreement_without_text_or_owner_is_not_saved(editor, editor_site, tmp_path):
    # The checker refuses a new agreement without its text and owner ("Bij een nieuwe afspraak horen 'tekst' en
    # 'eigenaar'"). Without a short name an agreement is always new: the editor says so before it saves anything. With
    # the short name of an earlier agreement (an update), a status is enough.
    page = new_meeting_with_outcome(editor, "15-03-2027", "Afspraak")
    page.get_by_role("textbox", name="Tekst").fill("Regel één aanspreekpunt per jongere.")
    page.get_by_role("radio", name="gedaan", exact=True).check()
    dialog = refused(page, "Het item is niet opgeslagen.", "Afspraak 1 is nog niet compleet: vul de tekst en de eigenaar "
                     "in. Werk je een afspraak uit een eerdere bijeenkomst bij? Vul dan de korte naam van toen in. Dan "
                     "mogen de tekst en de eigenaar leeg blijven.")
    assert "Probeer het later opnieuw" not in dialog.inner_text()
    path = f"content/tafels/{TAFEL}/2027-03-15.yml"
    assert written(page, path) == ""
    dialog.get_by_role("button").first.click()
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}/new$"))  # the form and its work stay
    page.get_by_role("textbox", name="Tekst").fill("")
    page.get_by_role("textbox", name="Korte naam van de afspraak").fill("knelpunten-op-een-rij")  # made on 2026-08-25
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}$"), timeout=WAIT)
    saved = page.evaluate(READ_SAVED, path)
    assert 'id: "knelpunten-op-een-rij"' in saved and "eigenaar" not in saved
    check_and_render(editor_site, tmp_path, path, saved)  # the checker accepts the update


def test_the_meeting_list_shows_each_date_as_the_form_asks_for_it(editor, editor_site):
    """The form asks for a date as dag-maand-jaar (3-12-2026); the list of a tafel's meetings showed 2026-11-17."""
    page, _ = editor
    page.goto(page.url.split("#")[0] + f"#/collections/bijeenkomsten-{TAFEL}")
    days = sorted((p.stem for p in (editor_site[0] / "content" / "tafels" / TAFEL).glob("*.yml")), reverse=True)
    assert days
    listed = page.locator("#collection-container")
    for day in days:
        year, month, date = day.split("-")
        expect(listed).to_contain_text(f"{date}-{month}-{year} ", timeout=WAIT)
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", listed.inner_text())
