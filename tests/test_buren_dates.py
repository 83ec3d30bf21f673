"""A neighbour's dates obey the rule our own dates obey: a real day in the years 2000-2100 (schemas.to_date).

Found by a red-team build: a neighbour that dated a practice 9999-12-31 stood on top of our Atom feed (whose
`updated` then said 9999) and of every 'Bij de buren' list for good, and one dated 0001-01-01 showed as
'1 januari 1'. Our own checker refuses such dates in content; a neighbour's item with one is now skipped and named
with its field, the neighbour's other items still appear.
"""
from __future__ import annotations

import copy
import datetime

import pytest

from conftest import served
from leerlandschap.buren import Buren, Buur
from leerlandschap.buren_read import read_files
from leerlandschap.feed import atom

ADRES = "https://buur.example/"


def _first_with(items: list[dict], test) -> dict:
    return next(item for item in items if test(item))


# (file, which item, where its date is, the date): the example plus two more of the class
CASES = [
    ("praktijken", lambda i: True, ("datum",), "9999-12-31"),
    ("tafels", lambda i: i["startdatum"], ("startdatum",), "1999-12-31"),
    ("bijeenkomsten", lambda i: i["opbrengst"]["afspraken"] and i["opbrengst"]["afspraken"][0].get("deadline"),
     ("opbrengst", "afspraken", 0, "deadline"), "2101-01-01"),
]


@pytest.mark.parametrize(("folder", "which", "where", "day"), CASES, ids=[c[0] for c in CASES])
def test_an_item_with_a_date_outside_2000_2100_is_skipped_and_named(own_documents, folder, which, where, day):
    changed = copy.deepcopy(own_documents)
    item = _first_with(changed[folder]["items"], which)
    target = item
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = day
    read = read_files(served(changed), ADRES)
    veld = "/".join(str(step) for step in where)
    assert f"{folder}: {item['id']} (veld {veld})" in read.fout
    assert all(x.id != item["id"] for x in read.items)
    assert len(read.items) >= len(read_files(served(own_documents), ADRES).items) - 1 > 0  # the rest still appears


def test_the_years_2000_and_2100_themselves_are_read(own_documents):
    changed = copy.deepcopy(own_documents)
    first, second = changed["praktijken"]["items"][:2]
    first["datum"], second["datum"] = "2000-01-01", "2100-12-31"
    read = read_files(served(changed), ADRES)
    assert read.fout == []
    dates = {x.id: x.datum for x in read.items if x.soort == "praktijk"}
    assert dates[first["id"]] == datetime.date(2000, 1, 1) and dates[second["id"]] == datetime.date(2100, 12, 31)


def test_a_far_future_neighbour_item_no_longer_tops_the_feed(own_documents, example_content):
    """What a reader met: the feed's newest entry and its `updated` were the neighbour's 9999-12-31."""
    import feedparser

    changed = copy.deepcopy(own_documents)
    changed["praktijken"]["items"][0].update(datum="9999-12-31", titel="Altijd bovenaan")
    read = read_files(served(changed), ADRES)
    buur = Buur("Buur", ADRES, "buur", tuple(read.items), datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
                "", tuple(read.verslag))
    feed = feedparser.parse(atom(example_content, "https://ons.example/", Buren((buur,), True)))
    assert not feed.bozo
    assert all("Altijd bovenaan" not in entry.title for entry in feed.entries)
    assert int(feed.feed.updated[:4]) <= 2100
