"""Whom to ask before taking over texts: on the example site not its example region, on a fork the region itself.

Requirement (truth, round four): the example site shows Sociaal Domein Flevoland, but Flevoland did not make it, so
it cannot give permission for the site's texts. Where the site says whom to ask (the Over page's "Rechten en
licentie", the Open data page's note on `licentie`), the example site sends readers to the makers of the kit and,
for a text from a source, to that source's publisher; it never says to ask "de regio". A fork is the region's own
site: there the region, by its name, is the one to ask.
Expected values are written here from the requirement, not read from the code under test.
"""
from __future__ import annotations

import variants
from htmltools import parse_file

REGION = "Sociaal Domein Flevoland"  # content/regio.yml: the example region
ASK_THE_MAKERS = "Vraag het dus aan de makers van de kit Leerlandschap."
ASK_THE_PUBLISHER = "Komt een tekst uit een bron? Vraag het dan ook aan de uitgever van die bron."


def text(root) -> str:
    return " ".join(root.all_text().replace("\xad", "").split())


def over_rights(site) -> str:
    """The Over page's section 'Rechten en licentie', up to the paragraph on the sources."""
    said = text(parse_file(site / "over" / "index.html").find("main"))
    start = said.index("Rechten en licentie")
    return said[start:said.index("De bronnen.", start)]


def data_licence(site) -> str:
    """The Open data page's notes about `licentie` (up to the note on `voorbeeld`)."""
    said = text(parse_file(site / "data" / "index.html").find("main"))
    start = said.index("Wat je met de")
    return said[start:said.index('Een item met "voorbeeld": true', start)]


def test_the_over_page_of_the_example_site_does_not_send_readers_to_the_example_region(example_project):
    said = over_rights(example_project / "site")
    assert "vraag de regio" not in said.lower() and f"Vraag dan {REGION}" not in said
    assert f"Dit is een voorbeeldsite. {REGION} heeft haar niet gemaakt." in said
    assert "Vraag het aan de makers van de kit Leerlandschap." in said
    assert "Staat er een bron bij de tekst? Vraag het dan ook aan de uitgever van die bron" in said


def test_the_open_data_page_of_the_example_site_does_not_either(example_project):
    said = data_licence(example_project / "site")
    assert "vraag het de regio" not in said.lower() and f"vraag het {REGION}" not in said.lower()
    assert f"Dit is een voorbeeldsite: {REGION} heeft haar niet gemaakt." in said
    assert ASK_THE_MAKERS in said and ASK_THE_PUBLISHER in said


def test_the_example_site_with_a_licence_still_does_not_speak_for_the_region(own_project):
    """variants.make_own: the example region's file with a licence; the site is still the kit's example site."""
    for said in (over_rights(own_project / "site"), data_licence(own_project / "site")):
        assert "vraag de regio" not in said.lower() and "vraag het de regio" not in said.lower()
        assert "makers van de kit Leerlandschap" in said


def test_a_fork_sends_readers_to_the_region_by_its_name(hostile_project):
    region = " ".join(variants.REGION.split())
    site = hostile_project / "site"
    said = over_rights(site)
    assert f"Vraag dan {region} om toestemming voordat je teksten overneemt." in said
    assert "voorbeeldsite" not in said.lower() and "makers van de kit" not in said
    said = data_licence(site)
    assert f"vraag het {region} voordat je teksten overneemt" in said
    assert "voorbeeldsite" not in said.lower() and "makers van de kit" not in said
