"""Versions of the open data: additions within a version never cut neighbours off (handleiding/open-data.md).

Requirement (issue 25, version decision): `versie` stays 1 while fields are only added ("versie 1.1"). A neighbour on
an older kit does not write the added fields: we read its items with the model's defaults for them. A neighbour on a
newer kit may write fields we do not know: we skip those fields and read the rest. Another version is refused as a
whole with a clear message, and an item that breaks the rules of the fields we know is still refused.
"""
from __future__ import annotations

import json

import pytest

from conftest import as_a_regions_own
from leerlandschap.buren_fetch import FILES, FetchError
from leerlandschap.buren_read import read_files
from leerlandschap.exportschema import additions
from leerlandschap.opendata import open_data_documents

ADRES = "https://buur.example/"
# What a kit from before the additions wrote: the fields added since, per file (from the git history of the schemas).
OLDER_KIT_LACKS = {"praktijken": ("indeling", "status", "bron_plek", "voorbeeldsite"),
                   "tafels": ("indeling", "bron_plek", "voorbeeldsite"), "bijeenkomsten": ("voorbeeldsite",),
                   "vragensets": ("samengesteld", "werkwijze_bron", "voorbeeldsite")}


def _raw(documents: dict) -> dict[str, bytes]:
    return {folder: json.dumps(documents[folder], ensure_ascii=False).encode("utf-8") for folder in FILES}


def _shown(read) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for item in read.items:
        found.setdefault(item.soort, set()).add(item.id)
    return found


@pytest.fixture(scope="module")
def documents(example_content):
    return as_a_regions_own(open_data_documents(example_content))  # a neighbour that is a region's own site


def test_the_additions_are_the_ones_the_older_kit_lacks():
    for folder, lacking in OLDER_KIT_LACKS.items():
        assert set(lacking) <= set(additions(folder)), folder


def test_a_neighbour_on_an_older_kit_is_read_whole(documents):
    ours = read_files(_raw(documents), ADRES)
    older = {folder: {**doc, "items": [{k: v for k, v in item.items() if k not in OLDER_KIT_LACKS.get(folder, ())}
                                       for item in doc["items"]]} for folder, doc in documents.items()}
    read = read_files(_raw(older), ADRES)
    assert read.fout == []
    assert _shown(read) == _shown(ours) and _shown(read)["praktijk"]
    assert [x.titel for x in read.items] == [x.titel for x in ours.items]


def test_a_neighbour_on_a_newer_kit_is_read_without_the_fields_we_do_not_know(documents):
    newer = {folder: {**doc, "items": [{**item, "afkorting": "PM", "nieuw_veld": {"iets": [1, 2]}} for item in doc["items"]]}
             for folder, doc in documents.items()}
    read = read_files(_raw(newer), ADRES)
    assert read.fout == []
    assert _shown(read) == _shown(read_files(_raw(documents), ADRES))


def test_an_item_that_breaks_a_known_field_is_still_refused(documents):
    praktijken = documents["praktijken"]
    first = praktijken["items"][0]
    broken = {**documents, "praktijken": {**praktijken, "items": [{**first, "status": "weet niet"},
                                                                  {**first, "id": "x", "pagina": "javascript:alert(1)//"},
                                                                  *praktijken["items"][1:]]}}
    read = read_files(_raw(broken), ADRES)
    assert len([f for f in read.fout if f.startswith("praktijken:")]) == 2
    assert first["id"] not in _shown(read).get("praktijk", set())


def test_another_version_is_refused_as_a_whole_with_a_clear_message(documents):
    later = {**documents, "praktijken": {**documents["praktijken"], "versie": 2}}
    with pytest.raises(FetchError, match="versie 2 van de open data; deze site kan alleen versie 1 lezen"):
        read_files(_raw(later), ADRES)
