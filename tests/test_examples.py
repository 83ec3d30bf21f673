"""Invented examples are labelled wherever they appear on the built site, and never count as real work.

The list below names every item of the example content that was written for this kit (issue: true to the
sources). Their texts are read from the content files; every place on the built site that shows one of those
texts, or links to one of those items, must carry the word "Voorbeeld" close by.
"""
import gzip
import json
import re
import shutil
from pathlib import Path

import icalendar
import yaml

from conftest import EXAMPLE_CONTENT, ROOT
from htmltools import parse_file
from leerlandschap import kinds
from leerlandschap.loader import check_content
from leerlandschap.voorbeeld import shown_title

EXAMPLE_TAFEL = "voorbeeldtafel-jongeren-rond-18"
EXAMPLE_MEETINGS = [f"{EXAMPLE_TAFEL}/2026-08-25", f"{EXAMPLE_TAFEL}/2026-10-06", f"{EXAMPLE_TAFEL}/2026-11-17"]
# The ready sets were composed by this site from questions of Ruimte voor leren: no set is an invented example.
# One werkwijze was written as an example: labelled where it stands (test_an_invented_werkwijze_is_labelled_...).
EXAMPLE_SETS: list[str] = []
EXAMPLE_WERKWIJZE = "ervaringsdeskundigheid-in-het-leren"
# The fields of those items whose text was written for the kit.
TEXT_FIELDS = {"tafel": ["titel", "samenvatting", "doel"], "bijeenkomst": ["titel", "inzichten", "afspraken", "vervolgacties"],
               "vragenset": ["titel", "doel", "extra_vragen"]}
LABEL = "Voorbeeld"
CONTAINERS = {"li", "tr", "entry", "p", "dd", "h1", "h2", "h3", "figcaption"}


def _texts(kind: str, data: dict) -> list[str]:
    texts = []
    for name in TEXT_FIELDS[kind]:
        value = data.get(name) if name in data else (data.get("opbrengst") or {}).get(name)
        for entry in value if isinstance(value, list) else [value]:
            if isinstance(entry, dict):
                entry = entry.get("tekst")
            if isinstance(entry, str) and len(entry) > 12:
                texts.append(" ".join(entry.split()))
    return texts


def invented() -> dict[str, list[str]]:
    """page URL of each invented item -> its invented texts."""
    found = {f"tafels/{EXAMPLE_TAFEL}/": _texts("tafel", yaml.safe_load((ROOT / "content" / "tafels" / f"{EXAMPLE_TAFEL}.yml").read_text()))}
    for meeting in EXAMPLE_MEETINGS:
        found[f"tafels/{meeting}/"] = _texts("bijeenkomst", yaml.safe_load((ROOT / "content" / "tafels" / f"{meeting}.yml").read_text()))
    for ident in EXAMPLE_SETS:
        found[f"vragensets/{ident}/"] = _texts("vragenset", yaml.safe_load((ROOT / "content" / "vragensets" / f"{ident}.yml").read_text()))
    return found


def test_the_listed_items_are_exactly_the_examples_of_the_content(example_content):
    examples = {f"tafels/{t.id}/" for t in example_content.of(kinds.TAFEL).values() if t.voorbeeld}
    examples |= {f"tafels/{m.id}/" for m in example_content.of(kinds.BIJEENKOMST).values() if m.voorbeeld}
    examples |= {f"vragensets/{s.id}/" for s in example_content.of(kinds.VRAGENSET).values() if s.voorbeeld}
    examples |= {f"praktijken/{p.id}/" for p in example_content.of(kinds.PRAKTIJK).values() if p.voorbeeld}
    assert examples == set(invented())


def _page_url(site: Path, html: Path) -> str:
    rel = html.parent.relative_to(site).as_posix()
    return "" if rel == "." else rel + "/"


def _resolve(page_url: str, href: str) -> str:
    from posixpath import normpath
    path = href.split("#")[0].split("?")[0]
    if not path or "://" in path or path.startswith("mailto:"):
        return ""
    joined = normpath("/" + page_url + path) + "/"
    return joined.lstrip("/").replace("index.html/", "")


def _labelled(element) -> bool:
    """True when the element's row, item, paragraph or heading says it is an example."""
    node = element
    while node is not None and node.tag not in CONTAINERS:
        node = node.parent
    return node is not None and LABEL in node.all_text()


def test_every_place_showing_an_invented_text_or_linking_to_an_example_carries_the_label(example_site):
    project, _ = example_site
    site = project / "site"
    examples = invented()
    all_texts = {text for texts in examples.values() for text in texts}
    checked_links = checked_texts = 0
    for html in sorted(site.rglob("index.html")):
        here = _page_url(site, html)
        if here.startswith(("pagefind/", "data/")):
            continue
        root = parse_file(html)
        own_page = here in examples
        if own_page:  # the item's own page: its heading and a plain note say it
            h1 = root.find_all("h1")
            assert h1 and h1[0].all_text().startswith(f"{LABEL}:"), here
            assert any(p.has_class("ll-voorbeeld") for p in root.find_all("p")), here
            continue
        for a in root.find_all("a"):
            if _resolve(here, a.attrs.get("href", "")) in examples:
                checked_links += 1
                assert _labelled(a), f"{here}: link to an example without label: {a.all_text()!r}"
        for element in root.find_all():
            if element.tag not in CONTAINERS:
                continue
            text = " ".join(element.all_text().split())
            for invented_text in all_texts:
                if invented_text in text and not any(invented_text in " ".join(c.all_text().split())
                                                     for c in element.children if c.tag in CONTAINERS):
                    checked_texts += 1
                    assert LABEL in text, f"{here}: invented text without label: {invented_text!r}"
    assert checked_links > 10 and checked_texts > 5  # the examples do show up elsewhere: the check checked something


def test_an_invented_werkwijze_is_labelled_where_it_stands_and_the_set_is_not(example_site, example_content):
    project, _ = example_site
    vragenset = example_content.of(kinds.VRAGENSET)[EXAMPLE_WERKWIJZE]
    assert example_content.of(kinds.BRON)[vragenset.werkwijze_bron].soort == "voorbeeld" and not vragenset.voorbeeld
    root = parse_file(project / "site" / "vragensets" / EXAMPLE_WERKWIJZE / "index.html")
    assert not root.find_all("h1")[0].all_text().startswith(LABEL)  # the set itself is real: its questions are sourced
    section = next(s for s in root.find_all("section") if s.has_class("ll-werkwijze"))
    notes = [p for p in section.find_all("p") if p.has_class("ll-voorbeeld")]
    assert len(notes) == 1 and notes[0].all_text().startswith(LABEL)
    first_line = " ".join(vragenset.werkwijze.split("\n")[0].lstrip("- ").split())
    assert first_line in " ".join(section.all_text().split())
    # Every set says the site composed it; sets with a sourced werkwijze carry no example label.
    for ident in example_content.of(kinds.VRAGENSET):
        page = parse_file(project / "site" / "vragensets" / ident / "index.html")
        labels = [p for p in page.find_all("p") if p.has_class("ll-voorbeeld")]
        assert len(labels) == (1 if ident == EXAMPLE_WERKWIJZE else 0), ident
        assert any(p.has_class("ll-samengesteld") and "Samengesteld door deze site" in p.all_text()
                   for p in page.find_all("p")), ident


def test_feed_calendar_open_data_and_search_label_examples(example_site):
    project, _ = example_site
    site = project / "site"
    feed = (site / "nieuw.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<entry>(.*?)</entry>", feed, re.S)
    example_entries = [e for e in entries if any(f"/{url}<" in e or f'/{url}"' in e for url in invented())]
    assert example_entries and all(re.search(r"<title>[^<]*Voorbeeld", e) for e in example_entries)
    calendar = icalendar.Calendar.from_ical((site / "agenda" / "alle-tafels.ics").read_bytes())
    summaries = {str(e["UID"]).split("@")[0]: str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    for meeting in EXAMPLE_MEETINGS:
        assert summaries[meeting.replace("/", ".")].startswith("Voorbeeld"), summaries[meeting.replace("/", ".")]
    records = {(f, item["id"]): item for f in ("tafels", "bijeenkomsten", "vragensets")
               for item in json.loads((site / "data" / f"{f}.json").read_text())["items"]}
    assert records[("tafels", EXAMPLE_TAFEL)]["voorbeeld"] is True
    assert all(records[("bijeenkomsten", m)]["voorbeeld"] is True for m in EXAMPLE_MEETINGS)
    assert all(records[("vragensets", s)]["voorbeeld"] is True for s in EXAMPLE_SETS)
    assert records[("tafels", "thematafels")]["voorbeeld"] is False
    fragments = [gzip.decompress(p.read_bytes()).decode("utf-8", "ignore") for p in (site / "pagefind" / "fragment").iterdir()]
    found = [(re.search(r'"url":"([^"]*)"', f), re.search(r'"title":"([^"]*)"', f)) for f in fragments]
    example_titles = [title.group(1) for url, title in found
                      if url and title and any(url.group(1).endswith("/" + page) for page in invented())]
    assert len(example_titles) == len(invented())  # every example page is in the search index ...
    assert all(t.startswith("Voorbeeld") for t in example_titles)  # ... and its result says it is an example


def test_the_landscape_and_real_tafels_do_not_count_examples(example_site, example_content):
    project, _ = example_site
    landschap = parse_file(project / "site" / "landschap" / "index.html")
    table = next(t for t in landschap.find_all("table") if t.has_class("ll-tafels"))
    names = [tr.find_all("td")[0].all_text() for tr in table.find_all("tr") if tr.find_all("td")]
    # Only the region's own tafels (regio: Flevoland); national ones and another region's are listed apart.
    real = [t.titel for t in example_content.of(kinds.TAFEL).values() if not t.voorbeeld and t.regio == "Flevoland"]
    assert sorted(names) == sorted(real) and not any(LABEL in n for n in names)
    chart = next(s for s in landschap.find_all("svg") if s.attrs.get("aria-labelledby") == "grafiek-soort-titel")
    soorten: dict[str, int] = {}
    for t in example_content.of(kinds.TAFEL).values():
        if not t.voorbeeld and t.regio == "Flevoland":
            soorten[t.soort] = soorten.get(t.soort, 0) + 1
    bars = [t.all_text() for t in chart.find_all("text")]  # label, "N tafel(s)", label, "N tafel(s)", ...
    counted = {label: int(value.split()[0]) for label, value in zip(bars[::2], bars[1::2], strict=True)}
    assert counted == soorten  # the example thematafel is not counted
    # The real Flevoland thematafels carry no invented meetings, so no phase is taken from them.
    thematafels = parse_file(project / "site" / "tafels" / "thematafels" / "index.html")
    assert not [li for li in thematafels.find_all("li") if li.attrs.get("aria-current") == "step"]
    assert not any("Voorbeeld" in a.all_text() for a in thematafels.find_all("a") if "2026-" in a.attrs.get("href", ""))


def test_an_invented_meeting_under_a_real_tafel_is_refused(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    meeting = tmp_path / "content" / "tafels" / "thematafels" / "2027-01-12.yml"
    meeting.parent.mkdir(exist_ok=True)
    meeting.write_text("datum: 2027-01-12\nbron: voorbeeld\n", encoding="utf-8")
    assert [str(p) for p in check_content(tmp_path / "content", tmp_path)[1]] == [
        "content/tafels/thematafels/2027-01-12.yml:2: bron: Deze bijeenkomst is een verzonnen voorbeeld, maar de tafel "
        "'thematafels' is echt. Zet voorbeelden bij een voorbeeldtafel (een tafel met een voorbeeld als bron)."]


def test_a_region_marks_its_own_example_with_bron_voorbeeld(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    path = tmp_path / "content" / "praktijken" / "leerlandschap-flevoland.yml"
    path.write_text(re.sub(r"^bron: .*$", "bron: voorbeeld", path.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    content, problems = check_content(tmp_path / "content", tmp_path)
    assert problems == []
    praktijk = content.of(kinds.PRAKTIJK)["leerlandschap-flevoland"]
    # The data holds the fact; the label is added where the title is shown (leerlandschap/voorbeeld.py, issue 25).
    assert praktijk.voorbeeld and shown_title(praktijk).startswith("Voorbeeld: ")


def test_make_check_in_a_fork_mentions_examples_still_shown(tmp_path):
    import subprocess
    import sys

    shutil.copytree(ROOT / "content", tmp_path / "content")
    regio = tmp_path / "regio"
    (regio / "praktijken").mkdir(parents=True)
    (regio / "regio.yml").write_text("naam: Regio Zuidkust\nmotto: Samen\nbeschrijving: Test.\nbron: voorbeeld\n"
                                     "contact:\n  rol: Team leerlandschap\n  adres: leren@zuidkust.example\n", encoding="utf-8")
    (regio / "praktijken" / "proef.yml").write_text(
        "titel: Proef\nsamenvatting: S.\nbeschrijving: B.\nbouwstenen: [coordineer-het-leren]\ndatum: 2026-01-01\n"
        "bron: voorbeeld\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    start = lines.index("Ter info: 1 verzonnen voorbeeld staat nog op jullie site (geen fout). Vervang ze door echte "
                        "inhoud, of haal ze weg:")
    assert lines[start + 1] == "regio/praktijken/proef.yml"
    # Upstream's own example region is meant to show its examples: no such note there.
    upstream = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content"], cwd=EXAMPLE_CONTENT.parent,
                              capture_output=True, text=True)
    assert "verzonnen voorbeeld" not in upstream.stdout
