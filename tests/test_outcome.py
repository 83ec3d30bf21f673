"""The rule "a meeting has an outcome", defined once (model.has_outcome) and used by every place that asks.

From the domain (shared/domain.md): a meeting's opbrengst is its insights, its agreements and its follow-up actions;
a report (verslag) records it too. The bouwstenen a meeting touches say what it is about, not what it yielded: a
meeting with only those is announced, not reported. Expected values below follow from that rule alone.
"""
from __future__ import annotations

import datetime
import json

import pytest

from conftest import as_a_regions_own
from leerlandschap import kinds
from leerlandschap.buren_fetch import FILES
from leerlandschap.buren_read import read_files
from leerlandschap.feed import recent
from leerlandschap.herkomst import Herkomst
from leerlandschap.model import Afspraak, Bijeenkomst, Content, Opbrengst, has_outcome
from leerlandschap.opendata import open_data_documents

AFSPRAAK = Afspraak(status="open", tekst="We bellen elkaar voor de volgende keer.")
CASES = {  # name -> (opbrengst, verslag, has an outcome by the rule)
    "niets": (Opbrengst(), "", False),
    "alleen inzichten": (Opbrengst(inzichten=("Samen zien we meer.",)), "", True),
    "alleen afspraken": (Opbrengst(afspraken=(AFSPRAAK,)), "", True),
    "alleen vervolgacties": (Opbrengst(vervolgacties=("Uitnodiging sturen.",)), "", True),
    "alleen verslag": (Opbrengst(), "We spraken over wonen.", True),
    "alleen bouwstenen": (Opbrengst(bouwstenen=("maak-leren-klein-en-concreet",)), "", False),
}


@pytest.mark.parametrize("name", CASES)
def test_the_rule(name):
    opbrengst, verslag, expected = CASES[name]
    meeting = Bijeenkomst(id="t/2026-01-05", tafel="t", datum=datetime.date(2026, 1, 5), opbrengst=opbrengst,
                          verslag=verslag, fase="samen reflecteren", locatie="Lelystad")
    assert meeting.heeft_uitkomst is expected
    assert has_outcome(opbrengst.inzichten, opbrengst.afspraken, opbrengst.vervolgacties, verslag) is expected


def _with_meeting(content: Content, name: str) -> tuple[Content, str]:
    """The example content plus one real meeting of a real tafel, with the outcome of case `name`."""
    tafel = next(t for t in content.of(kinds.TAFEL).values() if not t.voorbeeld)
    opbrengst, verslag, _ = CASES[name]
    meeting = Bijeenkomst(id=f"{tafel.id}/2026-01-05", tafel=tafel.id, datum=datetime.date(2026, 1, 5),
                          opbrengst=opbrengst, verslag=verslag,
                          herkomst=Herkomst("content", f"content/tafels/{tafel.id}/2026-01-05.yml"))
    return content.replaced(kinds.BIJEENKOMST, {**content.of(kinds.BIJEENKOMST), meeting.id: meeting}), meeting.id


@pytest.mark.parametrize("name", CASES)
def test_the_news_feed_lists_a_meeting_by_the_rule(example_content, name):
    content, ident = _with_meeting(example_content, name)
    listed = any(n.kind == "bijeenkomst" and n.id == ident for n in recent(content))
    assert listed is CASES[name][2]


@pytest.mark.parametrize("name", CASES)
def test_a_neighbours_meeting_is_read_by_the_same_rule(example_content, name):
    """What we publish as open data, read back as a neighbour: its meeting is shown only with an outcome."""
    content, ident = _with_meeting(example_content, name)
    documents = as_a_regions_own(open_data_documents(content))  # the example site's own items are never shown
    raw = {folder: json.dumps(documents[folder], ensure_ascii=False).encode("utf-8") for folder in FILES}
    read = read_files(raw, "https://buur.example/")
    shown = any(item.soort == "bijeenkomst" and item.id == ident for item in read.items)
    assert shown is CASES[name][2]
