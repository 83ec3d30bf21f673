"""Built around the people who use it (#15): the coordinator's calendar and agreements, plain words, a task-first home
page and menu, the landscape with conclusions, and a contact on every page. Read from the built example site."""
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import EXAMPLE_CONTENT, ROOT
from htmltools import parse_file
from leerlandschap import kinds
from leerlandschap.begrippen import PAGE, example_only, for_site, heading
from leerlandschap.loader import check_content, load_content
from leerlandschap.pages import jargon_in
from leerlandschap.relations import compute

SITE_ADDRESS = "https://example.org/leerlandschap/"  # site.adres in content/regio.yml
CONTACT = "mailto:leerlandschap@example.org"
TERMS = ["afspraak", "bijeenkomst", "bouwsteen", "domeinoverstijgend", "fase", "governance", "leervraag", "opbrengst",
         "pdca-cyclus", "praktijk", "reflectievraag", "rol", "tafel", "thema", "vragenset"]


@pytest.fixture(scope="module")
def site(example_site):
    project, _ = example_site
    return project / "site"


@pytest.fixture(scope="module")
def model():
    return load_content(EXAMPLE_CONTENT)


def page(site: Path, url: str):
    return parse_file(site / url / "index.html")


def article(root):
    return next(a for a in root.find_all("article") if a.has_class("ll-item"))


def target(url: str, href: str) -> str:
    """The site-relative address an href on page `url` points to."""
    return urlsplit(urljoin("http://x/" + url, href)).path.lstrip("/")


def links(root, url: str) -> set[str]:
    return {target(url, a.attrs["href"]) + (f"#{urlsplit(a.attrs['href']).fragment}" if "#" in a.attrs["href"] else "")
            for a in root.find_all("a") if a.attrs.get("href") and not a.attrs["href"].startswith(("webcal:", "mailto:"))}


def text(element) -> str:
    return re.sub(r"\s+", " ", element.all_text()).strip()


# --- The coordinator: calendars, agreements, phase -------------------------------------------------------------------

def test_every_tafel_page_offers_a_subscription_the_address_and_the_download(site, model):
    for tafel in model.of(kinds.TAFEL):
        url = f"tafels/{tafel}/"
        root = page(site, url)
        webcal = [a.attrs["href"] for a in root.find_all("a") if a.attrs.get("href", "").startswith("webcal:")]
        assert webcal == [f"webcal://example.org/leerlandschap/agenda/{tafel}.ics"], url
        fields = [i for i in root.find_all("input") if "readonly" in i.attrs]
        assert [f.attrs["value"] for f in fields] == [f"{SITE_ADDRESS}agenda/{tafel}.ics"], url
        label = next(lb for lb in root.find_all("label") if lb.attrs.get("for") == fields[0].attrs["id"])
        assert "Kopieer" in text(label)
        steps = text(next(d for d in root.find_all("details") if d.has_class("ll-agenda-uitleg")))
        assert all(app in steps for app in ("Outlook", "Google Agenda", "Apple Agenda")), url
        downloads = [a for a in root.find_all("a") if "download" in a.attrs]
        assert [target(url, a.attrs["href"]) for a in downloads] == [f"agenda/{tafel}.ics"], url
        assert (site / "agenda" / f"{tafel}.ics").is_file()


def test_the_calendar_of_all_tafels_is_linked_from_the_tafels_overview(site):
    root = page(site, "tafels/")
    hrefs = [a.attrs.get("href", "") for a in root.find_all("a")]
    assert "webcal://example.org/leerlandschap/agenda/alle-tafels.ics" in hrefs
    assert "agenda/alle-tafels.ics" in {target("tafels/", h) for h in hrefs}
    assert [i.attrs["value"] for i in root.find_all("input") if "readonly" in i.attrs] == [
        f"{SITE_ADDRESS}agenda/alle-tafels.ics"]


def test_no_page_speaks_of_an_icalendar_file(site):
    assert [p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if "iCalendar" in p.read_text(encoding="utf-8")] == []


def test_an_agreements_history_reads_as_history_and_its_status_now_shows_once(site):
    tafel = "voorbeeldtafel-jongeren-rond-18"
    root = page(site, f"tafels/{tafel}/")
    timeline = next(ol for ol in root.find_all("ol") if ol.has_class("ll-tijdlijn"))
    meetings = [li for li in timeline.find_all("li") if li.attrs.get("data-datum")]
    assert len(meetings) == 3
    for meeting in meetings:
        day = text(meeting.find_all("p")[0]).split(",")[0]  # "25 augustus 2026, 13:30-16:00 uur · ..."
        entries = [li for li in meeting.find_all("li") if li.has_class("ll-afspraak")]
        assert entries
        for entry in entries:
            # The status then, as history: dated, no status label, nothing the browser could mark as late today.
            assert re.search(rf"status op {day}: (open|loopt|gedaan|vervallen)$", text(entry)), text(entry)
            assert not [s for s in entry.find_all("span") if s.has_class("ll-status")]
            assert "data-deadline" not in entry.attrs and "data-status" not in entry.attrs
    # Each agreement's status now: once, in the list under "Afspraken", as a label the browser can mark when late.
    now = next(ul for ul in root.find_all("ul") if ul.has_class("ll-afspraken-lijst"))
    # Each agreement's last status in the tafel's meeting files (content/tafels/<tafel>/*.yml), written out here.
    status_now = {
        "Nodig voor de volgende thematafel een ervaringsdeskundige uit": "gedaan",
        "Zet de knelpunten rond 18 jaar op een rij": "gedaan",
        "Maak een voorstel voor een vaste werkafspraak over de overdracht": "open",
        "Nodig een Wmo-consulent uit": "vervallen",
        "Geef signalen over jongeren rond 18 jaar in een crisis door": "open",
    }
    rows = [li for li in now.find_all("li") if li.has_class("ll-afspraak")]
    assert len(rows) == len(status_now)
    for start, status in status_now.items():
        row = [li for li in rows if text(li).startswith(start)]
        assert len(row) == 1 and row[0].attrs["data-status"] == status, start
        labels = [s for s in row[0].find_all("span") if s.has_class("ll-status")]
        assert [text(s) for s in labels] == [status]
    assert [li.attrs["data-status"] for li in rows][:2] == ["open", "open"]  # open ones first


def test_a_meeting_page_gives_the_status_then_and_now(site):
    root = page(site, "tafels/voorbeeldtafel-jongeren-rond-18/2026-10-06/")
    said = {text(li).split(" klaar op ")[0]: text(li) for li in root.find_all("li") if li.has_class("ll-afspraak")}
    wmo = next(v for k, v in said.items() if k.startswith("Nodig een Wmo-consulent"))
    assert wmo.endswith("status op 6 oktober 2026: open; nu: vervallen")


def test_a_tafel_without_a_phase_says_so_instead_of_an_empty_highlight(site, model):
    r = compute(model)
    without = [t for t in model.of(kinds.TAFEL) if not any(m.fase for m in r.bijeenkomsten_by_tafel[t])]
    assert len(without) >= 10  # most example tafels have no meeting with a phase
    for tafel in without:
        root = page(site, f"tafels/{tafel}/")
        assert not [li for li in root.find_all("li") if li.attrs.get("aria-current")]
        said = [text(p) for p in root.find_all("p") if p.has_class("ll-fase-onbekend")]
        if model.met_fasen(model.of(kinds.TAFEL)[tafel]):  # the region describes phases for its leertafels only
            assert said[0].startswith("Dat weten we nog niet.") and "samen reflecteren" in said[0]
        else:
            assert said == [], tafel
    # The highlight of the current phase is tested in tests/test_truth.py, on a leertafel with a meeting.


# --- The landscape -----------------------------------------------------------------------------------------------------

def test_the_landscape_opens_with_three_conclusions_from_the_data(site, model):
    root = page(site, "landschap/")
    headings = [h for h in article(root).find_all("h2")]
    assert headings[0].attrs["id"] == "conclusies"
    conclusions = [text(li) for li in next(ol for ol in root.find_all("ol") if ol.has_class("ll-conclusies")).find_all("li")]
    assert len(conclusions) == 3
    tafels = [t for t in model.of(kinds.TAFEL).values() if not t.voorbeeld and t.regio == "Flevoland"]  # the region's own
    assert conclusions[0].startswith(f"{model.regio.naam} heeft {len(tafels)} tafels: ")
    # Counted here from the practices themselves (not by leerlandschap.landschap, which made the page).
    per_bouwsteen: dict[str, int] = {}
    for praktijk in model.of(kinds.PRAKTIJK).values():
        if not praktijk.voorbeeld and praktijk.regio == "Flevoland":
            for b in praktijk.bouwstenen:
                per_bouwsteen[b] = per_bouwsteen.get(b, 0) + 1
    assert conclusions[1].startswith(f"Bij {len(per_bouwsteen)} van de {len(model.of(kinds.BOUWSTEEN))} bouwstenen staat al een "
                                     "goede praktijk van de regio.")
    most = max(per_bouwsteen.values())
    assert all(f"‘{model.of(kinds.BOUWSTEEN)[b].titel}’" in conclusions[1] for b, n in per_bouwsteen.items() if n == most)
    assert "opbrengsten" not in text(article(root)).lower().replace("opbrengst erover", "")


def test_the_landscape_charts_have_a_legend_values_and_whole_labels(site, model):
    root = page(site, "landschap/")
    svgs = article(root).find_all("svg")
    assert len(svgs) == 2
    for svg in svgs:
        assert svg.attrs.get("role") == "img" and svg.find_all("title")
        assert svg.parent.tag == "figure" and svg.parent.find_all("figcaption")
    soort, dekking = ([text(t) for t in svg.find_all("text")] for svg in svgs)
    assert not [t for t in soort + dekking if "…" in t]
    labels = " ".join(dekking)
    for legend in ("goede praktijken", "bijeenkomsten die erover gingen", "vragensets"):
        assert legend in dekking
    for b in model.of(kinds.BOUWSTEEN).values():  # every label whole (possibly over two lines)
        assert b.titel in labels, b.titel
    values = [t for t in dekking if re.fullmatch(r"(\d+ \w+)(, \d+ \w+)*|nog niets", t)]
    assert len(values) == len(model.of(kinds.BOUWSTEEN))
    assert {"6 tafels", "1 tafel"} <= set(soort)


def test_the_gap_lists_for_editors_have_their_own_page(site):
    landscape = page(site, "landschap/")
    assert not [ul for ul in landscape.find_all("ul") if ul.has_class("ll-gaten")]
    assert "Wat ontbreekt nog?" not in [text(h) for h in landscape.find_all("h2")]
    assert "landschap/aandacht/" in links(landscape, "landschap/")
    gaps = page(site, "landschap/aandacht/")
    assert text(gaps.find_all("h1")[0]) == "Wat ontbreekt nog?"
    assert [ul for ul in gaps.find_all("ul") if ul.has_class("ll-gaten")]
    assert "bijdragen/" in links(gaps, "landschap/aandacht/")


@pytest.mark.parametrize("url", ["tafels/", "afspraken/", "landschap/"])
def test_every_table_cell_carries_its_column_name(site, url):
    tables = page(site, url).find_all("table")
    assert tables
    for table in tables:
        headers = [text(th) for th in table.find_all("th")]
        for row in table.find_all("tbody")[0].find_all("tr"):
            cells = row.find_all("td")
            assert [td.attrs.get("data-label") for td in cells] == headers, (url, text(row))


# --- Words -------------------------------------------------------------------------------------------------------------

def test_a_begrippen_page_explains_the_words_and_is_linked_where_they_appear(site):
    root = page(site, "begrippen/")
    ids = {h.attrs.get("id") for h in root.find_all("h2")}
    assert set(TERMS) <= ids
    for term in TERMS:  # each explained in one to three sentences
        heading = next(h for h in root.find_all("h2") if h.attrs.get("id") == term)
        paragraph = heading.find_next_sibling("p")
        assert 1 <= len(re.findall(r"[.?!](\s|$)", text(paragraph))) <= 3, term
    assert "begrippen/" in {link.split("#")[0] for link in links(page(site, ""), "")}
    assert {"begrippen/#bouwsteen", "begrippen/#tafel", "begrippen/#vragenset"} <= links(page(site, ""), "")
    for url, term in [("tafels/", "tafel"), ("afspraken/", "afspraak"), ("landschap/", "opbrengst"),
                      ("bouwstenen/organiseer-de-governance/", "governance"),
                      ("bouwstenen/organiseer-domeinoverstijgend-leren/", "domeinoverstijgend"),
                      ("tafels/leertafel-logeren/", "pdca-cyclus")]:
        assert f"begrippen/#{term}" in links(page(site, url), url), url


EXAMPLE_ONLY = {"clm", "faj", "jggz", "kdc", "pijler"}  # Flevoland's partners, its own tables and its five pillars
GLOSSARY = (ROOT / PAGE).read_text(encoding="utf-8")


def glossary_anchors(markdown: str) -> list[tuple[str, str]]:
    """(title, anchor) of every entry of a Begrippen page, in the page's order."""
    return [(h.title, h.anchor) for h in map(heading, markdown.splitlines()) if h and h.level == 2 and h.anchor]


def test_a_forks_begrippen_page_leaves_out_what_only_the_example_region_needs():
    """Upstream's Begrippen page also explains the example region (Flevoland): its partners FAJ and CLM, its new
    tables on KDC and JGGZ, its five pillars. A region's fork cannot edit the page (it is upstream's: a change would
    conflict at the next update), so the kit leaves out the entries marked `.voorbeeldregio`, and only those."""
    assert example_only(GLOSSARY) == EXAMPLE_ONLY
    assert for_site(GLOSSARY, voorbeeldregio=True) == GLOSSARY  # upstream shows everything
    fork = for_site(GLOSSARY, voorbeeldregio=False)
    entries = glossary_anchors(fork)
    assert entries == [entry for entry in glossary_anchors(GLOSSARY) if entry[1] not in EXAMPLE_ONLY]  # in its order
    assert {"aanbieder", "afspraak", "fase", "ggd", "rvdk", "contractvoortgangsgesprek", "leerlandschap", "monitoring",
            "leertafel", "thematafel", "vast-overleg"} <= {anchor for _, anchor in entries}  # what every region uses
    for gone in ("Flevo Academy Jeugd", "contactpersoon CLM", "vanaf 1 januari 2027", "Flevoland heeft er vijf"):
        assert gone in GLOSSARY and gone not in fork
    # What stays links only to what stays: Monitoring's "[pijlers](#pijler)" keeps its word, not its link.
    assert set(re.findall(r"\]\(#([^)]+)\)", fork)) <= {anchor for _, anchor in entries}
    assert "vijf pijlers van het leerlandschap van" in fork
    # Item pages link hard words to their entry; a fork's pages do not link a word whose entry it left out.
    assert ("KDC", "kdc") in jargon_in("De leertafel KDC.") and ("leertafel", "leertafel") in jargon_in("De leertafel KDC.")
    assert jargon_in("De leertafel KDC.", example_only(GLOSSARY)) == [("leertafel", "leertafel")]


def test_plain_words_instead_of_jargon_and_wording_errors(site):
    home = text(article_or_main(page(site, "")))
    assert not re.search(r"\b1 (vragen|reflectievragen|leervragen)\b|\b0 leervragen\b", home)
    assert "1 reflectievraag" in home
    tafel = page(site, "tafels/leertafel-logeren/")
    headings = [text(h) for h in tafel.find_all("h3")]
    assert not [h for h in headings if h.startswith("Tafel ")]
    # As broad as the source: schikken is more than who comes (issue 23).
    assert "1. Aanleiding, draagvlak, wie er komen en de uitnodiging (tafel schikken)" in headings
    assert "3. Bedoelingen, openheid en begeleiding (tafelmanieren)" in headings
    leervragen = next(ul for ul in page(site, "rollen/bestuurder/").find_all("ul") if ul.has_class("ll-leervragen"))
    assert "Bouwsteen: Structureer het leren" in text(leervragen) and " Bij " not in text(leervragen)
    statement = text(article_or_main(page(site, "toegankelijkheid/")))
    assert "We hebben de eerste maatregelen genomen." in statement and "Status C:" not in statement


def article_or_main(root):
    return next(e for e in root.find_all() if e.tag == "article" or e.has_class("md-content"))


def test_contributing_starts_with_what_to_send_and_to_whom(site):
    body = text(article_or_main(page(site, "bijdragen/")))
    h2 = [text(h) for h in page(site, "bijdragen/").find_all("h2")]
    assert h2[:2] == ["Wat kun je sturen?", "Naar wie?"]  # instructions for editors are in handleiding/, not here
    assert "leerlandschap@example.org" in body and "make " not in body
    assert CONTACT in {a.attrs.get("href") for a in page(site, "bijdragen/").find_all("a")}


# --- Home page and menu ------------------------------------------------------------------------------------------------

def test_the_home_page_starts_with_the_three_tasks_and_one_name_per_thing(site):
    root = page(site, "")
    headings = [text(h) for h in root.find_all("h2")]
    assert headings[0] == "Wat wil je doen?"
    assert "Thema's" in headings and not [h for h in headings if "groepen" in h.lower()]
    tasks = [text(h) for h in root.find_all("h3") if (h.attrs.get("id") or "").startswith("taak-")]
    assert tasks == ["Een overleg voorbereiden", "Goede praktijken vinden", "Een tafel bijhouden"]
    reached = links(root, "")
    assert {"mijn-vragenset/", "afspraken/", "landschap/", "vragensets/", "praktijken/", "tafels/"} <= reached


def test_practices_per_bouwsteen_from_the_home_page_says_how_many_fit_each_bouwsteen(site):
    """Home's "Praktijken per bouwsteen" leads to the bouwstenen overview, which named no practice at all: a
    professional looking for practices found only bouwstenen. Each card now says how many real practices fit that
    bouwsteen (invented examples never count), counted here from the content files themselves."""
    root = page(site, "")
    [link] = [a for a in root.find_all("a") if text(a) == "Praktijken per bouwsteen"]
    assert link.attrs["href"].rstrip("/").endswith("bouwstenen")
    examples = {p.stem for p in (EXAMPLE_CONTENT / "bronnen").glob("*.yml")
                if yaml.safe_load(p.read_text(encoding="utf-8")).get("soort") == "voorbeeld"}
    real: dict[str, int] = {}
    for path in (EXAMPLE_CONTENT / "praktijken").glob("*.yml"):
        praktijk = yaml.safe_load(path.read_text(encoding="utf-8"))
        for bouwsteen in [] if praktijk.get("bron") in examples else praktijk.get("bouwstenen") or []:
            real[bouwsteen] = real.get(bouwsteen, 0) + 1
    cards = page(site, "bouwstenen/").find_all("li", class_="ll-kaart")
    said = {card.find("a").attrs["href"].strip("/").split("/")[-1]: text(card.find("span", class_="ll-meta")) for card in cards}
    assert len(said) == 18
    for ident, line in said.items():
        n = real.get(ident, 0)
        assert line == ("geen goede praktijken" if n == 0 else "1 goede praktijk" if n == 1 else f"{n} goede praktijken"), ident
    assert any(real.values())


def test_the_menu_has_at_most_six_items_and_no_search_duplicate(site):
    root = page(site, "")
    tabs = [text(li) for li in root.find_all("li") if li.has_class("md-tabs__item")]
    assert 1 < len(tabs) <= 6
    assert "Zoeken" not in tabs
    assert "Thema's" not in tabs or "Zes groepen" not in text(root)
    names = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    top = [next(iter(item)) for item in names["nav"]]
    assert top == tabs
    nested = {title: pages for item in names["nav"] for title, pages in item.items()}
    flat = {next(iter(p)) for pages in nested.values() if isinstance(pages, list) for p in pages}
    assert {"Mijn vragenset", "Openstaande afspraken", "Het landschap", "Begrippen"} <= flat


# --- Contact -----------------------------------------------------------------------------------------------------------

def test_the_footer_of_every_page_gives_the_contact(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    missing = []
    for path in pages:
        footers = parse_file(path).find_all("footer")
        hrefs = {a.attrs.get("href") for f in footers for a in f.find_all("a")}
        if CONTACT not in hrefs:
            missing.append(path.relative_to(site).as_posix())
    assert missing == []


def test_the_statements_name_how_to_contact(site):
    for url in ("toegankelijkheid/", "privacy/", "over/"):
        body = article_or_main(page(site, url))
        assert CONTACT in {a.attrs.get("href") for a in body.find_all("a")}, url


def test_the_example_region_has_a_general_contact_address(model):
    assert model.regio.contact.adres.endswith("@example.org")


FORK_REGIO = """\
naam: Regio Zuidkust
motto: Samen leren wat werkt
beschrijving: Een regio om te testen.
site:
  naam: Leerlandschap Zuidkust
  adres: https://zuidkust.example/
bron: eigen
"""


@pytest.fixture
def fork(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "regio" / "bronnen").mkdir(parents=True)
    (tmp_path / "regio" / "bronnen" / "eigen.yml").write_text("titel: Eigen\nuitgever: Zuidkust\nsoort: eigen inbreng\n",
                                                             encoding="utf-8")
    return tmp_path


def check(fork: Path, regio: str) -> list[str]:
    (fork / "regio" / "regio.yml").write_text(regio, encoding="utf-8")
    return [str(p) for p in check_content(fork / "content", fork)[1]]


def test_make_check_refuses_a_forks_region_file_without_contact(fork):
    assert check(fork, FORK_REGIO) == [
        "regio/regio.yml:1: Het contact ontbreekt. Bezoekers moeten jullie kunnen bereiken: het adres staat onderaan "
        "elke pagina en in de toegankelijkheidsverklaring. Voeg toe: 'contact:' met daaronder 'rol: Team leerlandschap' "
        "en 'adres: leren@jullieregio.nl' (een algemeen e-mailadres of de link naar een contactformulier, nooit de naam "
        "van een persoon)."]
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content"], cwd=fork,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "regio/regio.yml:1: Het contact ontbreekt." in result.stdout


def test_a_contact_address_is_a_general_mailbox_or_a_form(fork):
    with_contact = FORK_REGIO.replace("bron: eigen", "contact:\n  rol: Team leerlandschap\n  adres: {}\nbron: eigen")
    assert check(fork, with_contact.format("leren@zuidkust.example")) == []
    assert check(fork, with_contact.format("https://zuidkust.example/contact")) == []
    wrong = "regio/regio.yml:9: adres: '{}' heeft niet de goede vorm. Schrijf een algemeen e-mailadres, bijvoorbeeld " \
            "leren@jullieregio.nl, of het webadres van een contactformulier dat begint met https://. Gebruik geen " \
            "adres of naam van een persoon."
    for value in ("Jan de Vries", "http://zuidkust.example/contact", "mailto:leren@zuidkust.example"):
        assert check(fork, with_contact.format(value)) == [wrong.format(value)], value
    assert check(fork, FORK_REGIO.replace("bron: eigen", "contact:\n  rol: Team leerlandschap\nbron: eigen")) == [
        "regio/regio.yml:8: contact: Het verplichte veld 'adres' ontbreekt."]


def test_the_upstream_example_region_may_keep_its_own_rules(tmp_path):
    # Upstream's example (content/ only) is not a fork: the rule is for a region's own file, the schema for both.
    shutil.copytree(ROOT / "content", tmp_path / "content")
    regio = tmp_path / "content" / "regio.yml"
    regio.write_text(re.sub(r"\ncontact:\n(  .*\n)+", "\n", regio.read_text(encoding="utf-8")), encoding="utf-8")
    assert check_content(tmp_path / "content", tmp_path)[1] == []
