"""The glossary is complete: every abbreviation and term of the field the site uses is on Begrippen, with its source,
and item pages link the hard words they use (pages.JARGON).

Expectations come from the content and the schemas (what the site shows), not from the glossary itself.
"""
import json
import re

import pytest
import yaml

from conftest import ROOT
from htmltools import parse_file
from leerlandschap.pages import JARGON, jargon_in

TEXT = (ROOT / "docs" / "begrippen.md").read_text(encoding="utf-8")
SECTIONS = {(title, anchor): body.strip() for title, anchor, body in
            re.findall(r"^## (.+?) \{#([a-z0-9-]+)(?: \.[a-z-]+)*\}\n(.*?)(?=^## |\Z)", TEXT, re.M | re.S)}
TITLES = {title.lower(): anchor for title, anchor in SECTIONS}
ANCHORS = {anchor: body for (_, anchor), body in SECTIONS.items()}


def content_texts() -> str:
    def walk(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from walk(v)
        elif isinstance(value, list):
            for v in value:
                yield from walk(v)
    return "\n".join(text for path in sorted((ROOT / "content").rglob("*.yml"))
                     for text in walk(yaml.safe_load(path.read_text(encoding="utf-8"))))


def test_every_abbreviation_in_the_content_is_explained_with_its_source():
    found = set(re.findall(r"\b(?:[A-Z]{2,}[a-z]?|[A-Z][a-z]{0,2}[A-Z])(?:/[A-Z]+)?\b", content_texts()))
    assert {"CLM", "KDC", "JGGZ", "JB/JR", "RvdK", "NJi", "GGD", "FAJ"} <= found  # the scan works
    for abbreviation in sorted(found):
        entry = TITLES.get(abbreviation.lower()) or next((a for t, a in TITLES.items() if t.startswith(abbreviation.lower() + "-")), None)
        assert entry, f"{abbreviation} is used in content/ but not explained on Begrippen"
        body = ANCHORS[entry]
        assert "Bron: *" in body or "De letters" in body, f"{abbreviation}: no source named"
        if "voluit" in body:  # the source does not spell it out: the entry says so, rather than invent
            assert re.search(r"De bron schrijft \S+ niet voluit|zonder de afkorting voluit", body), abbreviation


def test_every_kind_of_tafel_and_every_role_is_explained():
    soorten = json.loads((ROOT / "schemas" / "tafel.schema.json").read_text(encoding="utf-8"))["properties"]["soort"]["enum"]
    for soort in soorten:
        assert soort in TITLES, f"tafel soort {soort!r} is not on Begrippen"
    for path in sorted((ROOT / "content" / "rollen").glob("*.yml")):
        titel = yaml.safe_load(path.read_text(encoding="utf-8"))["titel"].lower()
        assert any(titel.startswith(t) for t in TITLES), f"role {titel!r} is not on Begrippen"


def test_synonyms_keep_the_syntax_the_search_reads():
    # Under a `## Term {#anchor}` heading, an optional paragraph `Ook wel: a, b, c.`
    for (title, _), body in SECTIONS.items():
        lines = [p for p in body.split("\n\n") if p.startswith("Ook wel")]
        assert len(lines) <= 1, title
        for line in lines:
            assert re.fullmatch(r"Ook wel: [^,.\n]+(, [^,.\n]+)*\.", line.strip()), line
    assert sum(1 for body in ANCHORS.values() if "\nOok wel: " in "\n" + body) >= 15


def test_every_jargon_word_links_to_a_heading_and_matches_word_starts_only():
    assert set(JARGON.values()) <= set(ANCHORS)
    assert ("leertafel", "leertafel") in jargon_in("Drie nieuwe leertafels.")
    assert ("GGD", "ggd") in jargon_in("met de GGD.") and not jargon_in("hoggdag")  # no match inside a word


@pytest.mark.parametrize(("url", "anchors"), [
    ("tafels/leertafel-kdc/", {"kdc", "leertafel"}),
    ("tafels/leertafel-jggz/", {"jggz"}),
    ("tafels/thematafels/", {"thematafel"}),
    ("tafels/intervisiegroep-1/", {"intervisiegroep"}),
    ("praktijken/leerlandschap-flevoland/", {"clm", "kdc", "jggz", "faj", "thematafel", "leertafel"}),
    ("praktijken/bestuurlijk-intervisienetwerk/", {"nji", "intervisiegroep"}),
    ("bouwstenen/zet-blijvend-en-gericht-ervaringsdeskundigen-in/", {"ervaringsdeskundige"}),
])
def test_item_pages_link_the_hard_words_they_use(example_site, url, anchors):
    project, _ = example_site
    page = parse_file(project / "site" / url / "index.html")
    linked = {a.attrs["href"].split("#")[1] for a in page.find_all("a") if "begrippen/#" in (a.attrs.get("href") or "")}
    assert anchors <= linked, (url, linked)
