"""True to the sources (issue 23), read from every page of the built site.

Expected values come from the requirement and the content files themselves (read here as plain YAML), never from
the code under test: an example is labelled wherever its text appears, a count is of the region's own real items
only, other regions' and national items never carry the region's name, links the site chose are marked.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import variants
from conftest import EXAMPLE_CONTENT, ROOT
from htmltools import Element, parse_file
from leerlandschap import kinds

REGION = "Sociaal Domein Flevoland"
OWN_AREA = "Flevoland"  # the example region's own area: its tafels and praktijken say `regio: Flevoland`
OWN_TAFELS_IN_SOURCES = 8  # 004 names 3 current and 3 new leertafels, the thematafels and the contract talks


def read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def items(folder: str) -> dict[str, dict]:
    return {p.stem: read(p) for p in sorted((ROOT / "content" / folder).glob("*.yml"))}


EXAMPLE_BRONNEN = {name for name, b in items("bronnen").items() if b["soort"] == "voorbeeld"}


def is_example(item: dict) -> bool:
    return item.get("bron") in EXAMPLE_BRONNEN


def is_own(item: dict) -> bool:
    return not is_example(item) and item.get("regio", OWN_AREA) == OWN_AREA


@pytest.fixture(scope="module")
def site(example_project) -> Path:
    return example_project / "site"


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Element]:
    """Every HTML page of the built site (the editor /beheer/ is a tool, not a page to read), by URL."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        url = path.relative_to(site).as_posix()
        if not url.startswith(("beheer/", "data/")):
            found[url] = parse_file(path)
    assert len(found) > 100
    return found


def unfold(path: Path) -> str:
    """An iCalendar file with its folded lines joined again (RFC 5545, 3.1)."""
    return path.read_bytes().decode("utf-8").replace("\r\n ", "")


def main_text(root: Element) -> str:
    articles = root.find_all("article")
    return " ".join((articles[0] if articles else root).all_text().split())


def h1(root: Element) -> str:
    found = root.find_all("h1")
    return " ".join(found[0].all_text().split()) if found else ""


def nodes_containing(root: Element, text: str) -> list[Element]:
    """Elements whose own text contains `text` (whitespace normalised)."""
    found = []
    for el in root.find_all():
        own = " ".join("".join(c.text for c in el.children if c.tag == "#text").split())
        if text in own:
            found.append(el)
    return found


def labelled(el: Element) -> bool:
    """True when the nearest list item, table row or card around `el` says it is an example."""
    node: Element | None = el
    while node is not None and node.tag not in ("li", "tr", "figure", "article", "dd"):
        node = node.parent
    return node is not None and "voorbeeld" in node.all_text().casefold()


def example_texts() -> list[str]:
    """Distinctive sentences of every invented item: its summary, and what its meetings recorded."""
    texts = []
    for folder in ("praktijken", "tafels"):
        for item in items(folder).values():
            if is_example(item):
                texts.append(" ".join(item["samenvatting"].split())[:60])
    for tafel, item in items("tafels").items():
        if not is_example(item):
            continue
        for meeting in sorted((ROOT / "content" / "tafels" / tafel).glob("*.yml")):
            opbrengst = read(meeting).get("opbrengst") or {}
            texts += [" ".join(t.split())[:50] for t in opbrengst.get("inzichten", [])]
            texts += [" ".join(a["tekst"].split())[:50] for a in opbrengst.get("afspraken", []) if a.get("tekst")]
    assert len(texts) >= 3
    return texts


def test_example_text_is_labelled_on_every_page(pages):
    unlabelled, seen = [], 0
    for text in example_texts():
        for url, root in pages.items():
            if h1(root).startswith("Voorbeeld"):
                continue  # the example's own page: its title and note say so
            found = nodes_containing(root, text)
            seen += len(found)
            unlabelled += [f"{url}: {text}" for el in found if not labelled(el)]
    assert unlabelled == []
    assert seen >= 3  # example text does appear on other pages (overviews, open agreements), so this test can fail


def test_the_example_contact_is_labelled_wherever_it_is_shown(pages):
    missing = []
    for url, root in pages.items():
        for a in root.find_all("a"):
            href = a.attrs.get("href") or ""
            if href.startswith("mailto:") and "example.org" in href and "voorbeeldadres" not in a.parent.all_text().lower():
                missing.append(url)
    assert missing == []
    assert any("mailto:leerlandschap@example.org" in (a.attrs.get("href") or "")
               for a in pages["privacy/index.html"].find_all("a"))


def test_example_records_in_open_data_and_calendars_are_labelled(site):
    for name in ("praktijken", "tafels", "bijeenkomsten"):
        for record in json.loads((site / "data" / f"{name}.json").read_text())["items"]:
            if record["voorbeeld"] and record["titel"]:
                assert record["titel"].startswith("Voorbeeld"), record["id"]
    regio = json.loads((site / "data" / "regio.json").read_text())["items"][0]
    assert regio["contact"]["voorbeeld"] is True
    calendar = unfold(site / "agenda" / "voorbeeldtafel-jongeren-rond-18.ics")
    assert re.findall(r"SUMMARY:(.*)", calendar) and all(s.startswith("Voorbeeld") for s in re.findall(r"SUMMARY:(.*)", calendar))


def test_counts_are_of_the_regions_own_real_items(pages):
    tafels, praktijken = items("tafels"), items("praktijken")
    own_tafels = [t for t in tafels.values() if is_own(t)]
    assert len(own_tafels) == OWN_TAFELS_IN_SOURCES
    borrowed = {len(tafels), len([t for t in tafels.values() if not is_example(t)]),
                len([t for t in tafels.values() if is_own(t) or is_example(t)])} - {len(own_tafels)}
    landscape = main_text(pages["landschap/index.html"])
    assert f"{REGION} heeft {OWN_TAFELS_IN_SOURCES} tafels" in landscape
    rows = pages["landschap/index.html"].find_all("table")[0].find_all("tr")[1:]
    assert len(rows) == OWN_TAFELS_IN_SOURCES
    own_praktijken = [p for p in praktijken.values() if is_own(p)]
    home = main_text(pages["index.html"])
    assert f"Alle goede praktijken ({len(own_praktijken)} uit de regio, " in home
    assert "Openstaande afspraken (0 van de regio)" in home  # the only open agreements are the example's
    wrong = []
    for url, root in pages.items():
        for n in re.findall(r"\b(\d+) tafels\b", main_text(root)):
            if int(n) in borrowed:
                wrong.append(f"{url}: {n} tafels")
        for n in re.findall(r"\b(\d+) (?:goede )?praktijken\b", main_text(root)):
            if int(n) == len(praktijken):
                wrong.append(f"{url}: {n} praktijken")
    assert wrong == []


def test_other_regions_items_never_carry_the_regions_name(site, pages):
    tafels = items("tafels")
    for tafel, item in tafels.items():
        calendar = unfold(site / "agenda" / f"{tafel}.ics")
        name = re.search(r"X-WR-CALNAME:(.*)", calendar).group(1)
        assert (REGION in name) == is_own(item), name
        if not is_own(item) and not is_example(item):
            page = main_text(pages[f"tafels/{tafel}/index.html"])
            assert f"Niet van {REGION}." in page, tafel
            assert f"({REGION})" not in page
    everything = unfold(site / "agenda" / "alle-tafels.ics")
    assert f"(Alle tafels ({REGION}))" not in everything and "landelijk)" in everything
    for url, root in pages.items():
        if url.startswith("tafels/intervisiegroep") or url.startswith("praktijken/bestuurlijk"):
            assert f"({REGION})" not in main_text(root), url


def test_the_home_page_does_not_present_a_national_publication_as_the_regions_knowledge(pages):
    assert "Wat we in de regio weten" not in main_text(pages["index.html"])


def test_links_the_site_chose_are_marked_on_the_page_and_in_the_data(site, pages):
    data = {r["id"]: r for r in json.loads((site / "data" / "praktijken.json").read_text())["items"]}
    for folder in ("tafels", "praktijken"):
        for name, item in items(folder).items():
            text = main_text(pages[f"{folder}/{name}/index.html"])
            if item.get("indeling") == "site":
                assert "Indeling door deze site" in text, name
            if folder == "praktijken":
                assert data[name]["indeling"] == item.get("indeling", "bron")
    rol = main_text(pages["rollen/bestuurder/index.html"])
    assert "indeling door deze site" in rol and "vooral geschikt voor beleidsmakers en bestuurders" in rol
    bouwsteen = pages["bouwstenen/structureer-het-leren/index.html"]
    cards = [li.all_text() for li in bouwsteen.find_all("li") if li.has_class("ll-kaart")]
    assert cards and all("indeling door deze site" in c for c in cards if "leertafel" in c.casefold())


def test_unsourced_details_are_gone(pages):
    everything = " ".join(main_text(root) for root in pages.values())
    assert "Utrecht" not in everything  # only the contacts' e-mail domain suggested it
    for item in [*items("praktijken").values(), *items("tafels").values()]:
        assert "eigenaar_rol" not in item  # no source names who keeps a text up to date
    assert "uitleg door deze site: kinderdagcentra" in main_text(pages["tafels/leertafel-kdc/index.html"])


def test_meetings_without_a_report_never_read_as_held(site, pages):
    events = unfold(site / "agenda" / "intervisiegroep-1.ics").split("BEGIN:VEVENT")[1:]
    assert len(events) == 6 and all("DESCRIPTION:Aangekondigd\\; er is geen verslag" in e for e in events)
    held = unfold(site / "agenda" / "voorbeeldtafel-jongeren-rond-18.ics").split("BEGIN:VEVENT")[1:]
    assert held and not any("Aangekondigd" in e for e in held)
    for meeting in sorted((ROOT / "content" / "tafels" / "intervisiegroep-1").glob("*.yml")):
        root = pages[f"tafels/intervisiegroep-1/{meeting.stem}/index.html"]
        marks = [el for el in root.find_all("span") if el.has_class("ll-verslagstatus")]
        assert [" ".join(m.all_text().split()) for m in marks] == ["aangekondigd, geen verslag"]
        assert marks[0].attrs["data-datum"] == meeting.stem
    timeline = pages["tafels/intervisiegroep-2/index.html"]
    assert len([el for el in timeline.find_all("span") if el.has_class("ll-verslagstatus")]) == 6


def test_phases_only_where_the_sources_describe_them(pages):
    assert "fasen" in main_text(pages["tafels/leertafel-thuis-op-maat/index.html"])
    for tafel in ("intervisiegroep-1", "ontwikkelsessies-lerende-regio", "thematafels"):
        assert not pages[f"tafels/{tafel}/index.html"].find_all(id="waar-staan-we"), tafel


def test_plans_are_shown_as_plans(pages):
    plan = main_text(pages["praktijken/leertafel-in-drie-stappen/index.html"])
    assert "in voorbereiding (een plan: het is nog niet uitgevoerd)" in plan
    overview = main_text(pages["praktijken/index.html"])
    assert "of een plan" in overview and "in voorbereiding" in overview
    for name in ("praktijk", "tafel"):
        schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text())
        assert "onbekend" in schema["properties"]["status"]["enum"]


def test_a_plan_whose_time_had_passed_when_it_was_described_is_not_called_not_yet_carried_out(pages):
    """'in voorbereiding' reads as 'een plan: het is nog niet uitgevoerd'. A source that only announced a plan for a
    period that had ended before the site described it (its `datum`) cannot tell that: such an item is 'onbekend'."""
    past, checked = [], 0
    for name, item in items("praktijken").items():
        years = [int(y) for y in re.findall(r"\b(20\d\d)\b", str(item.get("periode", "")))]
        if not years:
            continue
        checked += 1
        shown = main_text(pages[f"praktijken/{name}/index.html"])
        if max(years) < item["datum"].year and "het is nog niet uitgevoerd" in shown:
            past.append(name)
    assert past == [] and checked >= 3
    for name in ("bestuurlijk-intervisienetwerk", "pilots-blijvend-lerende-omgeving"):  # announced for 2024-2025
        assert "Status onbekend" in main_text(pages[f"praktijken/{name}/index.html"]), name
    # a plan still ahead when it was described stays a plan
    assert "(een plan: het is nog niet uitgevoerd)" in main_text(pages["praktijken/leertafel-in-drie-stappen/index.html"])


def test_the_glossary_says_only_what_its_source_says(pages):
    """Begrippen names a source under an entry; the entry may then say nothing that source does not (round three)."""
    entries = {}
    root = pages["begrippen/index.html"]
    for h2 in root.find_all("h2"):
        body, node = [], h2.find_next_sibling()
        while node is not None and node.tag != "h2":
            body.append(node.all_text())
            node = node.find_next_sibling()
        entries[h2.attrs.get("id")] = " ".join(" ".join(body).split())
    # Bijlage 12 names no participants of the contract talks (the tafel page says so too)
    assert "gemeente en een aanbieder" not in entries["contractvoortgangsgesprek"]
    assert "Wie er aan deze gesprekken meedoen" in main_text(pages["tafels/contractvoortgangsgesprekken/index.html"])
    # Ruimte voor leren: from the coffee machine to a team, supervision, a course or a training; not 'the whole region'
    assert "in de hele regio" not in entries["lerende-omgeving"] and "supervisie" in entries["lerende-omgeving"]
    # a fork's site has its own name; the kit is what is called Leerlandschap
    assert "deze site heet ernaar" not in entries["leerlandschap"]
    # the phases are Flevoland's, for its learning trajectories: the entry names its source
    assert "leertrajecten" in entries["fase"] and "Bron: Bijlage 12: Het leerlandschap" in entries["fase"]


def test_a_sources_page_lists_every_use_of_it(pages):
    """A vragenset's werkwijze with a source of its own, and the home page's words about the region, are uses of that
    source too: its page lists them (the invented werkwijze under Voorbeeld, the borrowed ones under theirs)."""
    missing = []
    for name, item in items("vragensets").items():
        bron = item.get("werkwijze_bron")
        if bron and bron != item["bron"]:
            page = main_text(pages[f"bronnen/{bron}/index.html"])
            if f"{item['titel']} werkwijze van een vragenset" not in page:
                missing.append(f"{bron}: {name}")
    regio = read(ROOT / "content" / "regio.yml")
    if f"{regio['naam']} de regio, op de startpagina" not in main_text(pages[f"bronnen/{regio['bron']}/index.html"]):
        missing.append(f"{regio['bron']}: regio")
    assert missing == []
    assert len([s for s in items("vragensets").values() if s.get("werkwijze_bron") not in (None, s["bron"])]) >= 3


def test_overviews_and_item_pages_claim_nothing_the_content_does_not_hold(pages):
    """Template sentences are true of every item and every state: a tafel still in preparation was not set up yet,
    and not every bouwsteen has a good practice (round three)."""
    planned = [name for name, t in items("tafels").items() if t["status"] == "in voorbereiding" and t.get("opzet")]
    assert len(planned) >= 3  # the three new leertafels
    said = {name: main_text(pages[f"tafels/{name}/index.html"]) for name in planned}
    assert {name: text for name, text in said.items() if "opgezet" in text} == {}
    assert all("De opzet gaat in drie stappen." in text for text in said.values())
    overview = main_text(pages["bouwstenen/index.html"])
    assert "geen goede praktijken" in overview  # some bouwsteen has none, so the lead may not say each has some
    assert "goede praktijken: hier staat hoeveel" not in overview
    tafels = main_text(pages["tafels/index.html"])  # lists tafels that are not the region's: no "we" over all of them
    assert f"Deze tafels zijn niet van {REGION}" in tafels and "waar we regelmatig samen leren" not in tafels
    assert "waar we regelmatig samen leren" not in main_text(pages["index.html"])
    # what a national programme or another region learned is not what "we" learn
    borrowed = [n for n, p in items("praktijken").items() if not is_own(p) and p.get("geleerd")]
    assert len(borrowed) >= 3
    assert [n for n in borrowed if "Wat we ervan leren" in main_text(pages[f"praktijken/{n}/index.html"])] == []


def test_counts_agree_with_their_noun(pages):
    wrong = []
    for url, root in pages.items():
        wrong += [f"{url}: {m}" for m in re.findall(r"\b1 (?:reflectievragen|leervragen|praktijken|tafels|bijeenkomsten"
                                                    r"|vragensets|bouwstenen|vragen)\b", main_text(root))]
    assert wrong == []


def test_bronnen_pages_render_markdown(pages):
    for url, root in pages.items():
        if url.startswith("bronnen/"):
            assert "**" not in main_text(root), url


def test_the_404_page_is_dutch_from_its_title_on(site):
    root = parse_file(site / "404.html")
    assert root.find_all("title")[0].all_text().startswith("Pagina niet gevonden")
    assert h1(root) == "Pagina niet gevonden"
    assert "Not found" not in root.all_text()


def test_statements_promise_nothing_the_region_file_does_not_say(pages):
    assert "werkdagen" not in main_text(pages["toegankelijkheid/index.html"])
    assert "alleen om je vraag te beantwoorden" not in main_text(pages["privacy/index.html"])


def test_a_regions_own_promises_and_contact_are_shown_as_its_own(own_project):
    """The region's own promises, a real contact address and a meeting with a report (variants.make_own)."""
    assert "reactietermijn: binnen vijf werkdagen" in variants.PROMISES and variants.OWN_CONTACT == "leren@flevoland.nl"
    site = own_project / "site"
    statement = main_text(parse_file(site / "toegankelijkheid" / "index.html"))
    assert "We reageren binnen vijf werkdagen." in statement and "Voorbeeldadres" not in statement
    assert "alleen om je vraag te beantwoorden" in main_text(parse_file(site / "privacy" / "index.html"))
    assert "Voorbeeldadres" not in parse_file(site / "index.html").all_text()
    # A meeting with a report is held: no "aangekondigd" mark; the leertafel shows the phase it reached.
    assert variants.HELD_MEETING.startswith("tafels/leertafel-thuis-op-maat/")
    tafel = parse_file(site / "tafels" / "leertafel-thuis-op-maat" / "index.html")
    assert [li.all_text() for li in tafel.find_all("li") if li.attrs.get("aria-current") == "step"] == ["samen beslissen"]
    assert not [s for s in tafel.find_all("span") if s.has_class("ll-verslagstatus")]


def test_make_check_lists_in_a_fork_what_still_comes_from_the_example(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "regio").mkdir()
    regio = (ROOT / "content" / "regio.yml").read_text(encoding="utf-8").replace("bron: leerlandschap-flevoland",
                                                                                   "bron: ruimte-voor-leren")
    regio = regio.replace("\nwebsite: https://www.sociaaldomeinflevoland.nl", "\nwebsite: https://www.zuidkust.example/")
    (tmp_path / "regio" / "regio.yml").write_text(regio, encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    # Each line names the file and the line of the field, as every message does (the region file has no beloften:
    # its first line, where a block could go)
    line = {field: n for n, text in enumerate(regio.splitlines(), 1) for field in ("contact", "site", "website")
            if text.startswith(f"{field}:")}
    assert f"regio/regio.yml:{line['contact']}: contact: het contactadres is nog een voorbeeldadres." in result.stdout
    assert f"regio/regio.yml:{line['site']}: site: het webadres van de site is nog een voorbeeldadres." in result.stdout
    assert f"regio/regio.yml:{line['website']}: website: het adres van de website van jullie regio is nog een " \
           "voorbeeldadres." in result.stdout
    assert result.stdout.count("voorbeeldadres") == 3  # the contact, the site's address and the website, each once
    assert "regio/regio.yml:1: beloften: de regio belooft nog niets over reactietermijn, privacy, bijdragen." in result.stdout


NOT_READ = {"script", "style", "code", "pre", "q", "blockquote", "cite", "svg", "strong"}  # code, quotes, names


def visible_text(el: Element, out: list[str]) -> list[str]:
    """What a reader sees or hears: text outside code and quotes (and the bold names of other programs' buttons),
    plus labels that are read aloud."""
    for child in el.children:
        if child.tag == "#text":
            out.append(child.text)
        elif child.tag not in NOT_READ:
            out += [child.attrs[a] for a in ("aria-label", "title", "placeholder", "alt") if child.attrs.get(a)]
            visible_text(child, out)
    return out


def test_no_english_words_on_public_pages(pages):
    from leerlandschap.taal import engelse_woorden

    english = {url: words for url, root in pages.items() if (words := engelse_woorden(" ".join(visible_text(root, []))))}
    assert english == {}


def test_sourced_items_name_the_source_and_the_passage(pages):
    missing = []
    for folder in ("tafels", "praktijken", "bouwstenen"):
        for name, item in items(folder).items():
            if is_example(item):
                continue
            bron = [p for p in pages[f"{folder}/{name}/index.html"].find_all("p") if p.has_class("ll-bron")]
            said = " ".join(bron[0].all_text().split()) if bron else ""
            if not (said.startswith("Bron: ") and f"bij ‘{item.get('bron_plek', '?')}’" in said):
                missing.append(f"{folder}/{name}: {said}")
    assert missing == []


def test_whose_an_item_is_follows_the_region_file():
    import dataclasses

    from leerlandschap.loader import load_content

    content = load_content(EXAMPLE_CONTENT)
    tafels = content.of(kinds.TAFEL)
    assert [t for t in tafels if content.is_eigen(tafels[t])] == [t for t, y in items("tafels").items() if is_own(y)]
    # Without `gebied` a fork's tafels count unless they are national; with it, only its own area counts.
    zonder = dataclasses.replace(content, regio=dataclasses.replace(content.regio, gebied=""))
    assert zonder.is_eigen(tafels["thematafels"]) and not zonder.is_eigen(tafels["intervisiegroep-1"])
    assert zonder.is_eigen(tafels["ontwikkelsessies-lerende-regio"])
    assert not zonder.is_eigen(tafels["voorbeeldtafel-jongeren-rond-18"])  # an example never counts
    ander = dataclasses.replace(content, regio=dataclasses.replace(content.regio, gebied="Zuidkust"))
    assert not ander.is_eigen(tafels["thematafels"])
