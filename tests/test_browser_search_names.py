"""Pages asked for by name or by a word they do not say (issue 22, round ten): a title inside a question, the verb
after "wie" or "waar", an invented example next to a real page of the same name, a hand-written page's search
words (front matter `zoekwoorden`), and a typo corrected to a page's name. Expected answers come from the pages."""
import re

import pytest
import test_browser_search as searching
from bs4 import BeautifulSoup
from playwright.sync_api import expect

search = searching.search
served = searching.served  # the fixtures of the search tests: the example site, a page that records its requests
visit = searching.visit


@pytest.mark.parametrize("query, wanted", [
    ("wie heeft ruimte voor leren gemaakt", "bronnen/ruimte-voor-leren/"),  # the source "Ruimte voor leren"
    ("waar staat de leertafel in drie stappen", "praktijken/leertafel-in-drie-stappen/"),
    ("ik zoek omarm wrijving en ongemak", "bouwstenen/omarm-wrijving-en-ongemak/"),
])
def test_a_title_inside_a_question_comes_first(visit, served, query, wanted):
    page, _ = visit
    assert search(page, served, query)[0] == wanted


@pytest.mark.parametrize("query, verb, wanted", [
    ("wie zitten er aan een thematafel", "zitten", "tafels/thematafels/"),
    ("waar staan de afspraken", "staan", "afspraken/"),
])
def test_the_verb_after_wie_or_waar_counts_less(visit, served, query, verb, wanted):
    """The verb says what the reader wants to know, not what the page is about: the page need not say it."""
    page, _ = visit
    assert search(page, served, query)[0] == wanted
    expect(page.locator("#ll-zoekhulp")).to_contain_text(f"\u201c{verb}\u201d hoort bij je vraag en telt minder mee.")


@pytest.mark.parametrize("query", ["wie zitten er aan een thematafel", "wie zit er aan een thematafel"])
def test_an_invented_example_comes_after_the_real_page_that_names_the_same(visit, served, query):
    """Both titles name a thematafel: "Thematafels" (real) and "Voorbeeld: thematafel Jongeren rond 18" (invented,
    labelled so). A reader looks for real work first; the example stays in the results."""
    page, _ = visit
    urls = search(page, served, query)
    assert urls.index("tafels/thematafels/") < urls.index("tafels/voorbeeldtafel-jongeren-rond-18/")


def test_an_example_asked_for_by_name_stays_first(visit, served):
    page, _ = visit
    assert search(page, served, "voorbeeld thematafel")[0] == "tafels/voorbeeldtafel-jongeren-rond-18/"


@pytest.mark.parametrize("query, wanted", [
    ("avg", "privacy/"), ("gdpr", "privacy/"), ("colofon", "over/"), ("startpagina", ""), ("woordenlijst", "begrippen/"),
    # a coordinator who wants to put a meeting or a practice on the site, or to log in to the editor
    ("inloggen", "bijdragen/"), ("bijeenkomst toevoegen", "bijdragen/"), ("praktijk toevoegen", "bijdragen/"),
    ("handleiding", ""),  # a reader who wants to know how to use the site: the home page says what you can do here
])
def test_a_handwritten_page_is_found_by_its_search_words(visit, served, query, wanted):
    """docs/*.md front matter `zoekwoorden`: words readers use for the page that the page does not say."""
    page, _ = visit
    assert search(page, served, query)[0] == wanted


def test_search_words_are_in_the_index_only_not_on_the_page(example_project):
    for path, word in [("privacy/index.html", "gdpr"), ("over/index.html", "colofon"), ("index.html", "startpagina")]:
        text = BeautifulSoup((example_project / "site" / path).read_text(encoding="utf-8"), "lxml").get_text(" ").lower()
        assert word not in text, path


def test_a_typo_is_corrected_to_the_name_of_a_page(visit, served):
    """"begripen" is one letter from "begrippen" (the page Begrippen) and from "begrijpen" (on as many pages)."""
    page, _ = visit
    assert search(page, served, "begripen")[0] == "begrippen/"
    expect(page.locator("#ll-zoekhulp")).to_contain_text("Bedoel je begrippen?")


@pytest.mark.parametrize("query, singular, wanted", [
    ("dagcentra", "dagcentrum", "tafels/leertafel-kdc/"),  # Begrippen: KDC, "Ook wel: kinderdagcentrum"
    ("einddata", "einddatum", "afspraken/"),  # the open agreements have an end date
])
def test_a_latin_plural_is_searched_as_its_singular(visit, served, query, singular, wanted):
    page, _ = visit
    assert wanted in search(page, served, query)[:3]
    expect(page.locator("#ll-zoekhulp")).to_contain_text(f"\u201c{query}\u201d gezocht als enkelvoud: \u201c{singular}\u201d.")


@pytest.mark.parametrize("query, wanted", [
    ("overzicht goede praktijken", "praktijken/"), ("overzicht van de bouwstenen", "bouwstenen/"),
    ("lijst met vragensets", "vragensets/"),
])
def test_overzicht_and_lijst_ask_for_the_overview(visit, served, query, wanted):
    page, _ = visit
    assert search(page, served, query)[0] == wanted
    help_text = page.locator("#ll-zoekhulp")
    expect(help_text).to_contain_text("Je vraagt om een lijst: het overzicht staat bovenaan.")
    # the list word is not searched for its other words (Begrippen: overzicht, "ook wel" dashboard) nor said twice:
    # on a phone, more lines would push the first result below the first screen
    expect(help_text).not_to_contain_text("dashboard")
    expect(help_text).not_to_contain_text("hoort bij je vraag")


def test_a_compound_of_a_begrippen_concept_is_that_concept(visit, served):
    """"jeugdprofessionals" is not on the site; its last part is the role Professional (a Begrippen entry): that role
    comes first even though its page does not say "jeugd". The status still counts only pages with both words."""
    page, _ = visit
    assert search(page, served, "jeugdprofessionals")[0] == "rollen/professional/"
    status = page.locator("#ll-zoekstatus").inner_text()
    total, full = (int(n) for n in re.findall(r"(\d+) (?:resultaten|met alle)", status))
    assert 0 < full < total, status


def test_a_compound_of_an_everyday_last_part_counts_every_part(visit, served):
    """"zorg" is on many pages and is no Begrippen entry: "volwassenenzorg" is about "volwassenen" too."""
    page, _ = visit
    first = search(page, served, "volwassenenzorg")[:3]
    assert any(url.startswith("tafels/voorbeeldtafel-jongeren-rond-18/") for url in first), first


@pytest.mark.parametrize("query", ["portefeuillehouder", "wethouder", "directeur-bestuurder"])
def test_another_word_for_bestuurder_finds_the_role(visit, served, query):
    """Begrippen: Bestuurder, "Ook wel: directeur-bestuurder, raad van bestuur, wethouder, portefeuillehouder". The
    other words of several words count less: a page with "raad" and "bestuur" far apart (the home page) no longer
    adds up to more than the role page about bestuurders."""
    page, _ = visit
    assert "rollen/bestuurder/" in search(page, served, query)[:3]


@pytest.mark.parametrize("query, start, wanted", [
    ("taakverdeling", "taak", "bouwstenen/organiseer-de-governance/"),  # "rollen, taken en bevoegdheden"
    ("teamcoach", "team", "vragensets/teamsessie-leren-klein-en-concreet/"),
])
def test_an_unknown_long_word_is_searched_by_a_short_start_when_nothing_longer_fits(visit, served, query, start, wanted):
    """No part of five letters or more is on the site: a start of four letters that is, on a few pages, is searched
    and said, instead of an empty page."""
    page, _ = visit
    assert wanted in search(page, served, query)[:3]
    expect(page.locator("#ll-zoekhulp")).to_contain_text(f"we zochten op een deel ervan: \u201c{start}\u201d.")
