"""Forms of a word a reader types that the site writes otherwise (issue 22, round three of "search that finds"): a
diminutive, the infinitive of a bouwsteen's order, a Begrippen phrase with a typo, a short abbreviation the site does
not have, "raad van bestuur" for a bestuurder. Expected answers are written from the pages, not from the search code."""
import pytest
import test_browser_search as searching
from playwright.sync_api import expect

search = searching.search
served = searching.served  # the fixtures of the search tests: the example site, a page that records its requests
visit = searching.visit


@pytest.mark.parametrize("query, wanted", [
    ("kleine stapjes", "bouwstenen/maak-leren-klein-en-concreet/"),  # "stap": the site says "stappen"
    ("teampje", "vragensets/teamsessie-leren-klein-en-concreet/"),  # "-pje" after m
    ("tafeltje", "tafels/"),  # "-tje" after l
])
def test_a_diminutive_is_searched_as_its_word(visit, served, query, wanted):
    """A reader writes "stapjes" for small steps: not a word the site lacks, nor a part of one."""
    page, _ = visit
    assert wanted in search(page, served, query)[:3]
    expect(page.locator("#ll-zoekhulp")).not_to_contain_text("staat niet op de site")


@pytest.mark.parametrize("query, wanted", [
    ("coordineren", "bouwstenen/coordineer-het-leren/"),  # the site says "coördineren" once, on a theme's page
    ("creeren", "bouwstenen/creeer-blijvende-ruimte-voor-reflectie-op-bestuurlijk-niveau/"),  # without the accent
    ("structureren", "bouwstenen/structureer-het-leren/"),  # was found as a typo: "Bedoel je structureer?"
])
def test_the_infinitive_finds_the_bouwsteen_whose_title_is_the_order(visit, served, query, wanted):
    """A bouwsteen's title is an order ("Coördineer het leren"); a reader types the verb as a verb ("coördineren").
    Pagefind's stemmer keeps "coördineer" and "coördineren" apart."""
    page, _ = visit
    assert search(page, served, query)[:1] == [wanted]
    expect(page.locator("#ll-zoekhulp")).not_to_contain_text("Bedoel je")
    expect(page.locator("#ll-zoekhulp")).not_to_contain_text("staat niet op de site")


@pytest.mark.parametrize("query, typo, fixed, wanted, phrase", [
    ("stand van zakne", "zakne", "zaken", "landschap/", "stand van zaken"),  # Begrippen: Het landschap
    ("good practise", "practise", "practice", "praktijken/", "good practice"),  # Begrippen: Goede praktijk
    ("best practise", "practise", "practice", "praktijken/", "best practice"),
])
def test_a_typo_in_a_begrippen_phrase_keeps_the_phrase(visit, served, query, typo, fixed, wanted, phrase):
    """The typo was corrected, but the phrase it belongs to was lost, and with it its other words: "stand van zakne"
    did not find Het landschap, "best practise" put Thematafels before Goede praktijken."""
    page, _ = visit
    assert search(page, served, query)[:1] == [wanted]
    help_text = page.locator("#ll-zoekhulp")
    expect(help_text).to_contain_text(f"Bedoel je {fixed}? \u201c{typo}\u201d staat niet op de site")
    expect(help_text).to_contain_text(f"(zelfde betekenis als \u201c{phrase}\u201d)")


@pytest.mark.parametrize("query", ["VT", "MT", "vt"])
def test_a_finished_short_word_the_site_lacks_is_said_to_be_missing(visit, served, query):
    """"VT" (Veilig Thuis) and "MT" (managementteam) are whole words. After Enter the page said "Typ minstens drie
    letters", as if the reader were still typing; now it says that the site does not have the word."""
    page, _ = visit
    search(page, served, query)
    status = page.locator("#ll-zoekstatus")
    expect(status).to_have_text("Typ minstens drie letters.")  # while typing, two letters may become a longer word
    page.press("#ll-zoekveld", "Enter")
    expect(status).to_have_text(f"Niets gevonden voor \u201c{query}\u201d. Probeer een ander woord of minder filters.")
    expect(page.locator("#ll-zoekhulp")).to_have_text(f"\u201c{query.lower()}\u201d staat niet op de site.")


def test_a_finished_little_word_is_not_said_to_be_missing(visit, served):
    page, _ = visit
    search(page, served, "ik")
    page.press("#ll-zoekveld", "Enter")
    expect(page.locator("#ll-zoekstatus")).to_have_text("Typ minstens drie letters.")  # "ik" is on the site
    expect(page.locator("#ll-zoekhulp")).not_to_contain_text("staat niet op de site")


@pytest.mark.parametrize("query, wanted", [
    ("raad van bestuur", "rollen/bestuurder/"),
    ("vragenset raad van bestuur", "vragensets/bestuurlijk-overleg-bestuurlijk-leren/"),
    ("reflectievragen raad van bestuur", "rollen/bestuurder/"),
])
def test_raad_van_bestuur_is_about_bestuurders_not_the_raad_voor_de_kinderbescherming(visit, served, query, wanted):
    """Begrippen: Bestuurder, "Ook wel: ... raad van bestuur". Without it "raad" found the RvdK's pages first."""
    page, _ = visit
    urls = search(page, served, query)
    assert wanted in urls[:3]
    assert "praktijken/leerlandschap-flevoland/" not in urls[:5]  # names the Raad voor de Kinderbescherming
    expect(page.locator("#ll-zoekhulp")).to_contain_text("(zelfde betekenis als \u201craad van bestuur\u201d)")
