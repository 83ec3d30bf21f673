"""The open data of the example site says it is the example site, and neighbours never show it as a region's work.

Requirement (truth, round four): the kit's example site shows Sociaal Domein Flevoland as its example region, but
Flevoland did not make the site. Its open data must say so, in every file a reader may take on its own (regio.json and
each file of items), so a neighbour region that reads it never shows Flevoland's tafels, practices, outcomes or
vragensets as real work (`make buren` and the /buren/ page count nothing of it). A region's own site (a fork) says
the opposite in the same field. The field is an addition within each file's version (handleiding/open-data.md): a
neighbour on an older kit does not write it, and its items are read as a region's own.
Expected values are written here from the requirement, not read from the code under test.
"""
from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

import pytest

from conftest import as_a_regions_own
from leerlandschap import buren
from leerlandschap.buren_fetch import FILES
from leerlandschap.buren_read import read_files
from leerlandschap.opendata import open_data_documents
from leerlandschap.regiomodel import Buurregio
from leerlandschap.relations import compute

ADRES = "https://voorbeeld.example/"
REAL_LOOKING_TAFEL = "leertafel-jggz"  # content/tafels/: a tafel of the example region that is not an invented one
DATA_FILES = ("bijeenkomsten", "bouwstenen", "bronnen", "praktijken", "regio", "rollen", "tafels", "themas", "vragensets")


def _data(site: Path) -> dict[str, dict]:
    return {name: json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8")) for name in DATA_FILES}


def _raw(documents: dict) -> dict[str, bytes]:
    return {folder: json.dumps(documents[folder], ensure_ascii=False).encode("utf-8") for folder in FILES}


@pytest.fixture(scope="module")
def example_documents(example_content) -> dict:
    return open_data_documents(example_content)


def test_the_example_sites_region_file_and_every_item_say_it_is_the_example_site(example_project):
    data = _data(example_project / "site")
    assert data["regio"]["items"][0]["naam"] == "Sociaal Domein Flevoland"
    assert data["regio"]["items"][0]["voorbeeldsite"] is True  # the example itself: data/regio.json
    # the same class: each file of items, which a reader may take on its own (tafels.json, praktijken.json, ...)
    tafel = next(t for t in data["tafels"]["items"] if t["id"] == REAL_LOOKING_TAFEL)
    assert tafel["voorbeeld"] is False and tafel["voorbeeldsite"] is True
    wrong = [(name, item.get("id")) for name, doc in data.items() for item in doc["items"] if item.get("voorbeeldsite") is not True]
    assert wrong == []
    assert all(doc["versie"] == (2 if name == "regio" else 1) for name, doc in data.items())  # an addition: no new version


def test_a_forks_open_data_is_the_regions_own(hostile_project):
    data = _data(hostile_project / "site")
    wrong = [(name, item.get("id")) for name, doc in data.items() for item in doc["items"] if item.get("voorbeeldsite") is not False]
    assert wrong == []
    assert all(doc["versie"] == (2 if name == "regio" else 1) for name, doc in data.items())


def test_a_neighbour_shows_nothing_of_the_example_site(example_documents):
    read = read_files(_raw(example_documents), ADRES)
    assert read.items == [] and read.fout == []
    tafels = next(line for line in read.verslag if line.startswith("tafels:"))
    assert tafels.startswith("tafels: 0 gelezen, ") and "voorbeeldsite van de kit" in tafels
    # the same items on a region's own site are read: the example site's mark is what drops them
    own = read_files(_raw(as_a_regions_own(example_documents)), ADRES)
    assert REAL_LOOKING_TAFEL in {i.id for i in own.items if i.soort == "tafel"}
    assert {"praktijk", "tafel", "vragenset"} <= {i.soort for i in own.items}


def test_one_item_of_the_example_site_among_a_regions_own_is_not_shown(example_documents):
    own = as_a_regions_own(example_documents)
    tafels = own["tafels"]
    marked = {**own, "tafels": {**tafels, "items": [{**t, "voorbeeldsite": t["id"] == REAL_LOOKING_TAFEL}
                                                    for t in tafels["items"]]}}
    shown = {i.id for i in read_files(_raw(marked), ADRES).items if i.soort == "tafel"}
    assert REAL_LOOKING_TAFEL not in shown and shown


def test_a_neighbour_that_is_the_example_site_counts_for_nothing_and_make_buren_says_why(example_documents, example_content,
                                                                                         tmp_path, monkeypatch):
    adres = "https://kit.example/"
    monkeypatch.setattr(buren, "fetch_all", lambda addresses, limits: {a: _raw(example_documents) for a in addresses})
    regio = dataclasses.replace(example_content.regio, buren=(Buurregio("Voorbeeld", adres),))
    said: list[str] = []
    found = buren.load(tmp_path, regio, always=True, say=said.append, now=datetime.datetime(2026, 12, 5, tzinfo=datetime.UTC))
    (buur,) = found.buren
    assert buur.items == ()
    assert all(cell.tekst == "" for _, cells in found.vergelijking(example_content, compute(example_content))
               for cell in cells[1:])
    assert any("Voorbeeld" in line and "voorbeeldsite van de kit Leerlandschap" in line for line in said)

