"""Words that would find (nearly) every page, for the search page's letter files (leerlandschap/searchcommon.py)."""
import json

from leerlandschap.searchcommon import Counter, add_to_letter_files, common, other_forms, page_sets


def index_word(word, pages):
    """A word of Pagefind's index on the given pages: Pagefind stores each page number as the step from the one before."""
    steps = [b - a for a, b in zip([0, *pages], pages, strict=False)]
    return [word, [[step, [-25, 1], []] for step in steps], []]


def test_page_numbers_are_read_as_steps():
    assert page_sets([index_word("tafel", [2, 5, 6])]) == {"tafel": 0b1100100}


# Ten pages. Pagefind stems with Snowball's Dutch stemmer: "leren" and "leer" are both indexed as "leer".
INDEX = [index_word("leer", range(10)), index_word("leertafel", [1, 2, 3]),
         index_word("best", [4]), index_word("bestuur", [0, 1, 2, 3, 5, 6]), index_word("tafel", [1, 2, 3, 7])]


def test_a_query_word_counts_the_pages_pagefind_would_find():
    counter = Counter(page_sets(INDEX))
    assert counter.pages("leren") == (10, 10)  # stemmed like Pagefind: "leer", on every page
    assert counter.pages("lee") == (10, 0)  # the start of words on every page, no word of its own
    assert counter.pages("best") == (7, 1)  # "best" itself on one page, "bestuur" on six others
    assert counter.pages("bestuurders") == (6, 6)
    assert counter.pages("zorg") == (0, 0)
    assert counter.most_common() == "leer"


def test_often_means_half_the_pages_through_longer_words_and_everywhere_nine_in_ten():
    often, everywhere = common(["leren", "leertafel", "best", "bestuur", "tafel"], Counter(page_sets(INDEX)), 10)
    # typed so far, these would find half the site or more, mostly through longer words: they wait for a letter
    assert {"lee", "best", "bes"} <= set(often)
    # whole words that are on half of the pages themselves are searched at once, however common
    assert not {"leren", "leer", "bestuur", "tafel", "leertafel"} & set(often)
    # nine pages in ten or more: next to a rarer word, it counts as little as a stop word
    assert {"leren", "leer", "lee"} <= set(everywhere)
    assert not {"bestuur", "tafel", "best"} & set(everywhere)


def test_letter_files_get_both_lists_and_the_help_file_a_word_to_warm_up_with(tmp_path):
    (tmp_path / "6c.json").write_text(json.dumps({"woorden": "leertafel leren", "stopwoorden": "lang"}))
    (tmp_path / "74.json").write_text(json.dumps({"woorden": "tafel"}))
    (tmp_path / "hulp.json").write_text(json.dumps({"paginas": 10, "letters": "lt"}))
    add_to_letter_files(tmp_path, Counter(page_sets(INDEX)), 10)
    letter_l = json.loads((tmp_path / "6c.json").read_text())
    assert letter_l["stopwoorden"] == "lang" and letter_l["woorden"] == "leertafel leren"  # what was there stays
    assert "lee" in letter_l["vaak"].split() and "leren" in letter_l["overal"].split()
    assert "vaak" not in json.loads((tmp_path / "74.json").read_text())  # "tafel" is on four pages in ten
    assert json.loads((tmp_path / "hulp.json").read_text()) == {"paginas": 10, "letters": "lt", "opwarmen": "leer"}


def test_no_pages_or_no_folder_changes_nothing(tmp_path):
    (tmp_path / "6c.json").write_text('{"woorden":"leren"}')
    add_to_letter_files(tmp_path, Counter(page_sets(INDEX)), 0)
    add_to_letter_files(tmp_path / "ontbreekt", Counter(page_sets(INDEX)), 10)
    assert (tmp_path / "6c.json").read_text() == '{"woorden":"leren"}'


def test_other_forms_are_listed_where_pagefind_would_not_match_them():
    # Snowball: opgave -> opgave, opgaven -> opgaaf; bestuurder and bestuurders share the stem "bestuurder"
    forms = other_forms(["opgave", "opgaven", "bestuurder", "bestuurders", "coördinator", "coördinatoren"])
    assert forms == {"opgave": ["opgaven"], "opgaven": ["opgave"],
                     "coördinator": ["coördinatoren"], "coördinatoren": ["coördinator"]}


def test_a_run_of_letters_longer_than_any_word_is_no_candidate():
    """A 9,000-letter junk word (it passes the checker) made 9,000 starts to stem and count: seconds per build."""
    counter = Counter(page_sets([["aaa", [[0, [1]], [1, [2]]]]]))
    often, everywhere = common(["a" * 61], counter, 2)
    assert often == [] and everywhere == []
    assert common(["aaab"], counter, 2)[1] == ["aaa"]  # a word of the site: its starts are counted ("aaa": both pages)
