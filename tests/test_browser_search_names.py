"""Pages asked for by name or by a word they do not say (issue 22, round ten): a title inside a question, the verb
after "wie" or "waar", an invented example next to a real page of the same name, a hand-written page's search
words (front matter `zoekwoorden`), and a typo corrected to a page's name. Expected answers come from the pages."""
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
