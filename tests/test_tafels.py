"""Tafels as a learning cycle: agreements over time, calendars, feed, landscape, open data, freshness, make new."""
import datetime
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import icalendar
import pytest

from conftest import EXAMPLE_CONTENT, ROOT
from htmltools import parse_file
from leerlandschap import kinds
from leerlandschap.afspraken import agreements, open_agreements, timeline
from leerlandschap.loader import check_content, load_content

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def project(example_project):
    return example_project


@pytest.fixture(scope="module")
def model(project):
    return load_content(project / "content")


def test_an_agreement_is_carried_until_a_later_meeting_closes_it(example_content):
    moments = timeline([m for m in example_content.of(kinds.BIJEENKOMST).values() if m.tafel == "voorbeeldtafel-jongeren-rond-18"],
                       agreements(example_content)["voorbeeldtafel-jongeren-rond-18"])
    first, second, third = moments
    assert [v.key for v in first.nieuw] == ["ervaringsdeskundige-uitnodigen", "knelpunten-op-een-rij"]
    assert ("knelpunten-op-een-rij", "loopt") in [(v.key, s) for v, s in second.bijgewerkt]
    assert ("knelpunten-op-een-rij", "gedaan") in [(v.key, s) for v, s in third.bijgewerkt]
    assert [v.key for v in third.doorgeschoven] == ["voorstel-werkafspraak-overdracht"]  # not discussed, still open
    updated = next(v for v, _ in third.bijgewerkt if v.key == "knelpunten-op-een-rij")
    assert updated.tekst.startswith("Zet de knelpunten") and updated.eigenaar == "beleidsmaker"  # from the first mention
    assert {v.key for v in open_agreements(example_content)} == {"voorstel-werkafspraak-overdracht", "signalen-naar-leertafel-crisis"}


def test_tafel_page_shows_the_timeline_with_the_carried_agreement(project):
    root = parse_file(project / "site" / "tafels" / "voorbeeldtafel-jongeren-rond-18" / "index.html")
    items = [li for li in root.find_all("li") if li.attrs.get("data-datum")]
    assert [li.attrs["data-datum"] for li in items] == ["2026-08-25", "2026-10-06", "2026-11-17"]
    last = items[-1].all_text()
    assert "Nog open van eerder" in last and "Maak een voorstel voor een vaste werkafspraak" in last
    # The region describes its phases for leertafels only (regio.yml fasen_soorten), so this thematafel shows none,
    # though its invented meetings name one; the meeting page still says its phase.
    assert not [li for li in root.find_all("li") if li.attrs.get("aria-current") == "step"]
    assert not [h for h in root.find_all("h2") if h.attrs.get("id") == "waar-staan-we"]
    open_list = [e for e in root.find_all("h2") if e.attrs.get("id") == "afspraken"]
    assert open_list


def test_agreements_overview_by_role_and_due_date(project, model):
    root = parse_file(project / "site" / "afspraken" / "index.html")
    headings = [h.all_text() for h in root.find_all("h2")]
    assert headings == ["Coördinatoren", "Leidinggevenden en managers"]  # roles in the site's order (by title)
    rows = [tr for tr in root.find_all("tr") if "ll-afspraak" in (tr.attrs.get("class") or "")]
    assert {tr.attrs["data-deadline"] for tr in rows} == {"2026-11-15", "2027-01-15"}


def test_calendars_parse_and_hold_every_meeting_with_stable_uids(project, model):
    agenda = project / "site" / "agenda"
    for tafel in model.of(kinds.TAFEL).values():
        calendar = icalendar.Calendar.from_ical((agenda / f"{tafel.id}.ics").read_bytes())
        events = calendar.walk("VEVENT")
        meetings = [m for m in model.of(kinds.BIJEENKOMST).values() if m.tafel == tafel.id]
        assert sorted(str(e["UID"]) for e in events) == sorted(f"{m.id.replace('/', '.')}@example.org" for m in meetings)
        for event in events:
            start = event.decoded("DTSTART")
            meeting = model.of(kinds.BIJEENKOMST)[str(event["UID"]).split("@")[0].replace(".", "/", 1)]
            if meeting.tijd:
                assert start.tzinfo is not None and str(start.tzinfo) == "Europe/Amsterdam"
                assert start.strftime("%H:%M") == meeting.tijd[:5] and start.date() == meeting.datum
            else:
                assert start == meeting.datum
    everything = icalendar.Calendar.from_ical((agenda / "alle-tafels.ics").read_bytes())
    assert len(everything.walk("VEVENT")) == len(model.of(kinds.BIJEENKOMST))
    raw = (agenda / "alle-tafels.ics").read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))


def test_atom_feed_is_valid_xml_sorted_by_content_date(project, model):
    feed = ET.parse(project / "site" / "nieuw.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    dates = [e.findtext(f"{ATOM}updated") for e in entries]
    assert dates == sorted(dates, reverse=True) and len(entries) >= len(model.of(kinds.PRAKTIJK)) + len(model.of(kinds.VRAGENSET))
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith("https://example.org/leerlandschap/")
        assert entry.findtext(f"{ATOM}title") and entry.find(f"{ATOM}link").attrib["href"]
    assert feed.findtext(f"{ATOM}updated") == dates[0]


def test_landscape_names_the_bouwstenen_without_practices(project, model):
    # The gaps are for editors: they have their own page, linked from the landscape (tests/test_people.py).
    root = parse_file(project / "site" / "landschap" / "aandacht" / "index.html")
    linked = {p for praktijk in model.of(kinds.PRAKTIJK).values() if model.is_eigen(praktijk) for p in praktijk.bouwstenen}
    missing = [b.titel for b in model.of(kinds.BOUWSTEEN).values() if b.id not in linked]
    assert missing, "the example content should leave a gap to show"
    heading = next(h for h in root.find_all("h2") if h.attrs.get("id") == "zonder-praktijk")
    assert heading.all_text() == "Bouwstenen zonder goede praktijk"
    gaps = next(ul for ul in root.find_all("ul") if ul.has_class("ll-gaten"))
    assert [li.all_text() for li in gaps.find_all("li")] == missing
    root = parse_file(project / "site" / "landschap" / "index.html")
    svgs = next(a for a in root.find_all("article") if a.has_class("ll-landschap")).find_all("svg")
    assert len(svgs) == 2 and all(s.attrs.get("role") == "img" and s.find_all("title") for s in svgs)


def test_open_data_files(project, model):
    data = project / "site" / "data"
    for name, count in (("bouwstenen", 18), ("tafels", len(model.of(kinds.TAFEL))), ("bijeenkomsten", len(model.of(kinds.BIJEENKOMST)))):
        exported = json.loads((data / f"{name}.json").read_text(encoding="utf-8"))
        assert len(exported["items"]) == count and (data / exported["schema"]).is_file()
    bouwsteen = json.loads((data / "bouwstenen.json").read_text(encoding="utf-8"))["items"][0]
    assert bouwsteen["id"] == "leer-vanuit-de-ogen-van-de-inwoner" and bouwsteen["reflectievragen"]


def test_check_lists_texts_due_for_review_as_information():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content", "--vandaag", "2027-01-02"],
                            cwd=EXAMPLE_CONTENT.parent,
                            capture_output=True, text=True)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("Ter info:") and "herziening" in line)) + 1
    info = lines[start:lines.index("", start) if "" in lines[start:] else None]
    assert info == [
        "content/praktijken/ontwikkelsessies-lerende-regio-2021.yml:49: te herzien sinds 30 juni 2026",
        "content/tafels/leertafel-jggz.yml:29: te herzien sinds 1 januari 2027",
        "content/tafels/leertafel-kdc.yml:29: te herzien sinds 1 januari 2027",
        "content/tafels/leertafel-logeren.yml:29: te herzien sinds 1 januari 2027",
    ]


def test_a_meeting_whose_date_was_corrected_keeps_its_file_and_address(tmp_path):
    # In the browser editor a coordinator corrects a meeting's date; the editor keeps the file's name (the date it was
    # created with). The site still builds: it shows the corrected date, the page keeps its address, and `make check`
    # says, as information, how a beheerder can make the name match.
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    meeting = content / "tafels" / "voorbeeldtafel-jongeren-rond-18" / "2026-10-06.yml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("datum: 2026-10-06", 'datum: "2026-10-07"'), encoding="utf-8")
    model, problems = check_content(content, tmp_path)
    assert problems == []
    moved = model.of(kinds.BIJEENKOMST)["voorbeeldtafel-jongeren-rond-18/2026-10-06"]  # the id (and address) stays
    assert moved.datum == datetime.date(2026, 10, 7)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("Ter info: 1 bijeenkomst heeft een andere datum")))
    assert lines[start] == ("Ter info: 1 bijeenkomst heeft een andere datum dan de naam van het bestand (geen fout; de site "
                            "wordt gewoon gebouwd). Dat gebeurt als je de datum in de browser verbetert. De site toont de "
                            "datum uit het bestand; het adres van de pagina blijft hetzelfde. Hernoemt een beheerder het "
                            "bestand, dan klopt de naam weer. Maar dan krijgt de pagina een nieuw adres, en ziet een "
                            "agenda een nieuwe afspraak:")
    assert lines[start + 1] == ("content/tafels/voorbeeldtafel-jongeren-rond-18/2026-10-06.yml:3: datum: de site toont "
                                "7 oktober 2026, de bestandsnaam zegt 2026-10-06. Een beheerder kan het bestand hernoemen "
                                "naar 2026-10-07.yml.")


def run_new(*args, content):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "nieuw.py"), *args, "--content", str(content)],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)


def test_make_new_scaffolds_a_meeting_that_checks_clean(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    result = run_new("bijeenkomst", "--tafel", "leertafel-logeren", "--datum", "2027-02-10", content=content)
    assert result.returncode == 0, result.stderr
    created = content / "tafels" / "leertafel-logeren" / "2027-02-10.yml"
    assert created.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../../schemas/bijeenkomst")
    model, problems = check_content(content, tmp_path)
    assert problems == [] and model.of(kinds.BIJEENKOMST)["leertafel-logeren/2027-02-10"].datum == datetime.date(2027, 2, 10)
    again = run_new("bijeenkomst", "--tafel", "leertafel-logeren", "--datum", "2027-02-10", content=content)
    assert again.returncode == 0 and (content / "tafels" / "leertafel-logeren" / "2027-02-10-2.yml").exists()


def test_make_new_explains_what_is_missing(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    assert "Geef de titel op" in run_new("praktijk", content=content).stderr
    wrong = run_new("bijeenkomst", "--tafel", "leertafel-logren", "--datum", "2027-02-10", content=content)
    assert wrong.returncode == 2 and "Er is geen tafel 'leertafel-logren'. Bedoel je 'leertafel-logeren'? Kies uit:" in wrong.stderr
    bad_date = run_new("bijeenkomst", "--tafel", "leertafel-logeren", "--datum", "10-02-2027", content=content)
    assert "'10-02-2027' is geen datum" in bad_date.stderr
    assert not list((content / "tafels").glob("leertafel-logeren/*.yml"))  # nothing was written


def test_make_new_with_a_long_title_makes_a_short_file_name(tmp_path):
    """A title of 150 letters is allowed (the schemas: 200); its file name, the item's id, stops after a whole word
    within 80 characters, so the file can be written and other items can name it (a reference may be 100 long).
    It was the whole title: a 300-letter title stopped with an unexpected error (file name too long)."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    title = "Samen leren over wonen, werken en zorg voor jongeren rond hun achttiende verjaardag in de gemeenten van " \
            "de hele regio, met het wijkteam erbij"
    assert 120 < len(title) <= 200
    result = run_new("praktijk", "--titel", title, content=content)
    assert result.returncode == 0, result.stderr
    made = [p for p in (content / "praktijken").glob("samen-leren-over-wonen*.yml")]
    assert [p.stem for p in made] == ["samen-leren-over-wonen-werken-en-zorg-voor-jongeren-rond-hun-achttiende"]
    model, problems = check_content(content, tmp_path)
    assert problems == [] and model.of(kinds.PRAKTIJK)[made[0].stem].titel == title
    too_long = run_new("praktijk", "--titel", "Lang" + " lang" * 59, content=content)  # 299 characters: more than a title may have
    assert too_long.returncode == 2 and "Hier passen hoogstens 200 tekens" in too_long.stderr, too_long.stderr
    assert "Traceback" not in too_long.stderr and not list((content / "praktijken").glob("lang-*"))


def test_a_second_meeting_on_the_same_day_is_information(tmp_path):
    # The editor names a second meeting on one day 2026-10-06-1.yml. That is allowed (two meetings on one day happen),
    # but a coordinator who made a new meeting instead of opening the existing one has it twice: `make check` says so,
    # as information, so the reviewer sees it.
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    folder = content / "tafels" / "voorbeeldtafel-jongeren-rond-18"
    (folder / "2026-10-06-1.yml").write_text('datum: "2026-10-06"\ntitel: "Tweede overleg"\n', encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("Ter info: 1 bijeenkomst is op dezelfde dag")))
    assert lines[start:start + 2] == [
        "Ter info: 1 bijeenkomst is op dezelfde dag als een andere bijeenkomst van dezelfde tafel (geen fout; de site "
        "toont ze gewoon). Waren het echt twee bijeenkomsten? Dan is het goed. Is een bijeenkomst per ongeluk twee keer "
        "gemaakt? Haal er dan een weg:",
        "content/tafels/voorbeeldtafel-jongeren-rond-18/2026-10-06-1.yml:1: datum: 6 oktober 2026, net als 2026-10-06.yml."]
    assert not any("dezelfde dag" in line for line in subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content"], cwd=EXAMPLE_CONTENT.parent,
        capture_output=True, text=True).stdout.splitlines())
