"""A card's line of facts says what an unknown status is.

Requirement (B1, the professional scanning cards on a phone): a card of a practice or a tafel shows its place and
status in one line, without labels ("landelijk, afgerond"). "onbekend" alone there reads as an unknown place or maker
("landelijk, onbekend"); it must say "status onbekend". Checked in the built HTML of the example site, whose three
intervisiegroepen and two practices have an unknown status, on every page kind that shows such cards.
"""
import re

import pytest

from htmltools import parse_file


def fact_lines(page) -> list[str]:
    """The line of facts of every card or list item on a built page."""
    root = parse_file(page)
    return [re.sub(r"\s+", " ", e.all_text()).strip() for e in root.find_all("span")
            if e.has_class("ll-meta") and e.parent is not None and e.parent.name == "li"]


# A bouwsteen (its practices and tafels), a rol (its tafels), the practices overview, and the landscape's list of
# other regions' and national tafels.
@pytest.mark.parametrize("path", ["bouwstenen/investeer-in-bestuurlijk-leren", "rollen/bestuurder", "praktijken",
                                  "landschap"])
def test_an_unknown_status_on_a_card_says_it_is_the_status(example_project, path):
    lines = fact_lines(example_project / "site" / path / "index.html")
    with_status = [line for line in lines if "onbekend" in line]
    assert with_status, lines  # the example's items of unknown status are on this page
    assert [line for line in with_status if not re.search(r"(^|, )status onbekend(,|$)", line)] == []
