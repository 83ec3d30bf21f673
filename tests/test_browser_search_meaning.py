"""A word finds what it means (issue 22, round ten): not another word that Pagefind's stemmer gives the same stem, not
the parts of a word of its own, and a role by the job title a reader uses. Expected pages are written from the pages
and Begrippen, not from the search code."""
import re

import pytest
import test_browser_search as searching
from playwright.sync_api import expect

search = searching.search
served = searching.served  # the fixtures of the search tests: the example site, a page that records its requests
visit = searching.visit


@pytest.mark.parametrize("query, other", [
    # Snowball stems "ouders" (parents) and "oudere" (older, on Privacy: "een oudere versie van de site") alike
    ("ouders", "privacy/"),
    # it drops the "ge-" of "gezin": "zinnen" (sentences) would find every page about families
    ("zinnen", "bouwstenen/leer-vanuit-de-ogen-van-de-inwoner/"),
    # "begeleiding" (guidance) is stemmed "beleid" (policy): not the role Beleidsmaker
    ("begeleiding", "rollen/beleidsmaker/"),
])
def test_a_word_does_not_find_another_word_with_the_same_stem(visit, served, query, other):
    page, _ = visit
    assert other not in search(page, served, query)


@pytest.mark.parametrize("query, wanted", [
    ("gezinnen", "bouwstenen/leer-vanuit-de-ogen-van-de-inwoner/"),  # the forms of one word still find each other
    ("begeleiding", "praktijken/leertafel-in-drie-stappen/"),  # "Kies begeleiding die past bij ..."
    ("organiseren", "bouwstenen/organiseer-domeinoverstijgend-leren/"),  # and a verb its title's order
])
def test_a_word_still_finds_its_own_forms(visit, served, query, wanted):
    page, _ = visit
    assert wanted in search(page, served, query)[:5]


def test_how_to_involve_parents_finds_the_family_perspective_not_privacy(visit, served):
    """Begrippen: Gezin, "Ook wel: ouders"; the bouwsteen puts the family's eyes first."""
    page, _ = visit
    urls = search(page, served, "hoe betrek ik ouders")
    assert "bouwstenen/leer-vanuit-de-ogen-van-de-inwoner/" in urls[:3]
    assert "privacy/" not in urls


@pytest.mark.parametrize("query", ["leerkracht", "leerkrachten", "leerlingen"])
def test_a_common_word_of_its_own_is_not_cut_into_the_sites_words(visit, served, query):
    """"leerkracht" is a teacher, not "leer" and "kracht": the site has no page about it, and says so."""
    page, _ = visit
    assert search(page, served, query) == []
    help_text = page.locator("#ll-zoekhulp")
    expect(help_text).to_contain_text(f"\u201c{query}\u201d staat niet op de site.")
    expect(help_text).not_to_contain_text("gezocht als")
    expect(help_text).not_to_contain_text("een deel ervan")


@pytest.mark.parametrize("query, part", [("crisisopvang", "crisis"), ("taakverdeling", "taak")])
def test_a_rare_compound_is_still_searched_by_its_part(visit, served, query, part):
    page, _ = visit
    assert search(page, served, query)
    expect(page.locator("#ll-zoekhulp")).to_contain_text(f"we zochten op een deel ervan: \u201c{part}\u201d")


@pytest.mark.parametrize("query, role", [
    ("aanjager", "rollen/coordinator/"),  # Begrippen: Coördinator, "Ook wel: aanjager"; the role's title is a plural
    ("aanjagers", "rollen/coordinator/"),
    ("jeugdbeschermer", "rollen/professional/"),  # Begrippen: Professional
    ("gezinsvoogd", "rollen/professional/"),
])
def test_a_job_title_finds_its_role_first(visit, served, query, role):
    page, _ = visit
    assert search(page, served, query)[:1] == [role]


@pytest.mark.parametrize("query", ["burgers", "cliënten", "client"])
def test_the_people_the_work_is_for_are_found_by_the_words_readers_use(visit, served, query):
    """The site says "inwoner" (Begrippen: Inwoner, "Ook wel: burger, cliënt"); a reader types the word of their own
    organisation, in the plural or without the diaeresis, and finds the bouwsteen about the inwoner's eyes."""
    page, _ = visit
    assert "bouwstenen/leer-vanuit-de-ogen-van-de-inwoner/" in search(page, served, query)[:3]


def test_multidisciplinary_work_finds_learning_across_domains(visit, served):
    """Begrippen: Domeinoverstijgend, "Ook wel: ... multidisciplinair"."""
    page, _ = visit
    assert search(page, served, "multidisciplinair")[:1] == ["bouwstenen/organiseer-domeinoverstijgend-leren/"]


@pytest.mark.parametrize("query", ["participatie", "inspraak", "medezeggenschap"])
def test_how_inwoners_take_part_is_found_by_the_words_for_it(visit, served, query):
    """Begrippen: Participatie (talking with inwoners, ervaringsdeskundigen), and the bouwsteen's question about
    taking part as equals."""
    page, _ = visit
    urls = search(page, served, query)
    assert "begrippen/" in urls[:3]
    assert any(url.startswith("bouwstenen/zet-blijvend-en-gericht-ervaringsdeskundigen-in/") for url in urls[:5])


def test_the_filter_counts_do_not_count_the_pages_of_another_word(visit, served):
    """"begeleiding" finds no role: Pagefind's own counts (the stem "beleid") would offer "rol (3)" for nothing."""
    page, _ = visit
    urls = search(page, served, "begeleiding")
    assert urls and not any(url.startswith("rollen/") for url in urls)
    page.locator("#ll-filterblok summary").click()
    expect(page.get_by_role("checkbox", name=re.compile(r"^praktijk"))).to_be_visible()  # the filters are there
    expect(page.get_by_role("checkbox", name=re.compile(r"^rol \([1-9]\d*\)$"))).to_have_count(0)
    page.locator("#ll-filterblok summary").click()  # closed again for the next test of this page
