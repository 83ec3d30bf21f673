"""A neighbour's item is shown by its title: a title with nothing readable in it is skipped and named.

Found by a red-team probe: a neighbour's title of only spaces, a control character or a zero-width space passed the
export schema (minLength 1) and became an empty link on our bouwsteen pages and the neighbour's page (a link without
a name, WCAG 2.4.4), and an Atom entry titled 'Bij de buren (naam): '. Our own titles cannot be empty (the checker).
Expected: the item is left out, `make buren` names it with the field, the neighbour's other items still appear; an
outcome without a readable title is named after its tafel, as one without a title is.
"""
from __future__ import annotations

import copy

import pytest

from conftest import served
from leerlandschap.buren_read import read_files

ADRES = "https://buur.example/"


@pytest.mark.parametrize(("folder", "title"), [
    ("praktijken", "   "),  # the example: only spaces
    ("vragensets", "\u200b"),  # a zero-width space
    ("tafels", "\x07\u202e"),  # a control character and a direction override, both removed when shown
    ("praktijken", "\u3164"),  # a Hangul filler: a letter that fonts draw as blank (our own checker's rule too)
], ids=["spaces", "zero-width", "control", "filler"])
def test_an_item_without_a_readable_title_is_skipped_and_named(own_documents, folder, title):
    changed = copy.deepcopy(own_documents)
    item = changed[folder]["items"][0]
    item["titel"] = title
    read = read_files(served(changed), ADRES)
    assert f"{folder}: {item['id']} (veld titel: er staat niets leesbaars)" in read.fout
    assert all(x.id != item["id"] for x in read.items)
    assert all(x.titel.strip() for x in read.items)
    before = read_files(served(own_documents), ADRES)
    assert len(read.items) == len(before.items) - 1


def test_an_outcome_without_a_readable_title_is_named_after_its_tafel(own_documents):
    changed = copy.deepcopy(own_documents)
    tafels = {t["id"]: t["titel"] for t in changed["tafels"]["items"] if not t["voorbeeld"]}
    meeting = next(m for m in changed["bijeenkomsten"]["items"] if m["tafel"] in tafels)
    meeting["opbrengst"]["inzichten"] = ["Samen leren kost tijd."]  # an outcome: neighbours show it
    meeting["titel"] = "\u200b"
    [outcome] = [x for x in read_files(served(changed), ADRES).items if x.id == meeting["id"]]
    assert outcome.titel == f"Bijeenkomst van {tafels[meeting['tafel']]}"
