"""The editor's preview takes its words from the page templates (cms_preview.py): a change of a template's markup
must not silently empty them."""
from leerlandschap.cms_preview import page_words


def test_the_preview_reads_the_kind_line_of_each_page_template():
    # the line above the title on the site: "<tafel> · bijeenkomst" and "Goede praktijk"
    assert page_words("bijeenkomst.html")["soort"] == "bijeenkomst"
    assert page_words("praktijk.html")["soort"] == "Goede praktijk"


def test_the_preview_reads_the_headings_and_facts_of_a_page_template():
    words = page_words("praktijk.html")
    assert words["koppen"] and all(words["koppen"].values())
    assert words["feiten"] and all(words["feiten"].values())
