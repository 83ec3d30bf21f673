"""Words the site does not have, read as a Dutch reader means them (issue 22, round nine): a verb with -t, a word made
from a site word with an ending, the end of a Begrippen compound, a question with only unknown and everyday words,
a how-question with an article. Expected answers are written from the pages, not from the search code."""
import pytest
import test_browser_search as searching
from playwright.sync_api import expect

search = searching.search
served = searching.served  # the fixtures of the search tests: the example site, a page that records its requests
visit = searching.visit


@pytest.mark.parametrize("query, word, base, wanted", [
    ("ongemakkelijk", "ongemakkelijk", "ongemak", "bouwstenen/omarm-wrijving-en-ongemak/"),  # not "makkelijk"
    ("duidelijkheid", "duidelijkheid", "duidelijk", None),  # not the typo-like "onduidelijkheid" (the opposite)
    ("betrokkenheid", "betrokkenheid", "betrokken", "bouwstenen/zet-blijvend-en-gericht-ervaringsdeskundigen-in/"),
])
def test_a_word_made_from_a_site_word_is_searched_as_that_word(visit, served, query, word, base, wanted):
    page, _ = visit
    urls = search(page, served, query)
    if wanted:
        assert wanted in urls[:3]
    help_text = page.locator("#ll-zoekhulp")
    expect(help_text).to_contain_text(f"\u201c{word}\u201d staat niet op de site; we zochten op een deel ervan: \u201c{base}\u201d.")
    expect(help_text).not_to_contain_text("Bedoel je")
    expect(help_text).not_to_contain_text("gezocht als")  # not split into "betrokken" and "heid"


def test_a_verb_with_t_is_the_verb_not_a_typo(visit, served):
    """"voelt" is "voelen" on the site, not a typo of "voert"; the question finds the bouwsteen about unease."""
    page, _ = visit
    urls = search(page, served, "wat doe je als leren ongemakkelijk voelt")
    assert "bouwstenen/omarm-wrijving-en-ongemak/" in urls[:3]
    expect(page.locator("#ll-zoekhulp")).not_to_contain_text("voert")


@pytest.mark.parametrize("query, wanted, line", [
    # Begrippen: Beleidsmaker, "Ook wel: beleidsambtenaar"; the site has "ambtenaar" nowhere else
    ("gemeenteambtenaar", "rollen/beleidsmaker/", "bij Begrippen staat \u201cbeleidsambtenaar\u201d, met \u201cambtenaar\u201d erin."),
    # Begrippen: KDC, "Ook wel: kinderdagcentrum"
    ("dagcentrum", "tafels/leertafel-kdc/", "bij Begrippen staat \u201ckinderdagcentrum\u201d, met \u201ccentrum\u201d erin."),
    # a plural of an "Ook wel" word: "ambtenaren" is "ambtenaar" in Begrippen
    ("beleidsambtenaren", "rollen/beleidsmaker/", "(zelfde betekenis als \u201cbeleidsambtenaren\u201d)"),
    ("teamleiders", "rollen/leidinggevende/", "(zelfde betekenis als \u201cteamleiders\u201d)"),
])
def test_a_word_begrippen_has_only_inside_another_finds_what_that_word_is(visit, served, query, wanted, line):
    page, _ = visit
    assert wanted in search(page, served, query)[:3]
    expect(page.locator("#ll-zoekhulp")).to_contain_text(line)


@pytest.mark.parametrize("query, unknown", [("budget voor leren", "budget"), ("xyzzy leren", "xyzzy")])
def test_a_question_of_an_unknown_word_and_an_everyday_word_is_not_left_empty(visit, served, query, unknown):
    """"leren" is on nearly every page and counts for little next to other words; when the other word is not on the
    site, "leren" is what is left to search (the issue: at most one query without results)."""
    page, _ = visit
    assert search(page, served, query)
    expect(page.locator("#ll-zoekhulp")).to_contain_text(f"\u201c{unknown}\u201d staat niet op de site.")
    expect(page.locator("#ll-zoekstatus")).to_contain_text("met een deel van de woorden")


def test_the_verb_of_a_how_question_with_an_article_counts_less(visit, served):
    page, _ = visit
    assert "tafels/thematafels/" in search(page, served, "hoe werkt een thematafel")[:3]
    expect(page.locator("#ll-zoekhulp")).to_contain_text("\u201cwerkt\u201d hoort bij je vraag en telt minder mee.")


@pytest.mark.parametrize("query, wanted", [
    ("rss", "nieuw/"), ("nieuwsfeed", "nieuw/"),  # Begrippen: Atom-feed; the link is on Nieuw en bijgewerkt
    ("afdrukken", "vragensets/"), ("pdf", "vragensets/"),  # Begrippen: Printen; the buttons are on each vragenset
])
def test_a_function_of_the_site_is_found_by_the_readers_word(visit, served, query, wanted):
    page, _ = visit
    assert wanted in search(page, served, query)[:3]


@pytest.mark.parametrize("query, wanted", [
    ("ruimte voor leren", "bronnen/ruimte-voor-leren/"),  # the source "Ruimte voor leren"
    ("bestuurders leren", "praktijken/bestuurlijk-intervisienetwerk/"),  # "Bestuurders leren samen in intervisiegroepen"
])
def test_a_title_with_the_whole_query_comes_first(visit, served, query, wanted):
    """Little words and words on nearly every page count for little, but a title that says the whole query is what
    the reader typed."""
    page, _ = visit
    assert search(page, served, query)[0] == wanted


@pytest.mark.parametrize("query", ["leertafel", "leertafle", "hoe zet ik een leertafel op"])
def test_three_of_one_kind_do_not_hide_another_kind_with_the_word_in_its_title(visit, served, query):
    """The tafels "Leertafel …" and the practice "Leertafel in drie stappen" all have the word in their title: the
    practice is among the first three, and so is no page without the word in its title ("Zet in op leren …": the verb
    of a how-question is not what a title must say)."""
    page, _ = visit
    first = search(page, served, query)[:3]
    assert "praktijken/leertafel-in-drie-stappen/" in first
    assert all("leertafel" in url for url in first)


@pytest.mark.parametrize("query, anchor", [
    ("wat is het verschil tussen een thematafel en een leertafel", "thematafel"),
    ("verschil tussen leertafel en thematafel", "leertafel"),
])
def test_a_question_comparing_two_begrippen_starts_with_the_first_of_them(visit, served, query, anchor):
    """Begrippen explains both words; its entry for the first one is the first result."""
    page, _ = visit
    search(page, served, query)
    first = page.locator("#ll-resultaten li > a").first
    assert first.get_attribute("href").endswith(f"begrippen/#{anchor}")


def test_a_little_word_typed_twice_is_named_once(visit, served):
    page, _ = visit
    search(page, served, "wat is het verschil tussen een thematafel en een leertafel")
    line = page.locator("#ll-zoekhulp").inner_text()
    assert line.count("\u201ceen\u201d") == 1
