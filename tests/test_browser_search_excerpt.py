"""A result's excerpt shows only what its page shows, in a real headless Chromium (issue 22, round nine).

The index holds words no reader meets: the parts of a page's compounds and words of its address (searchdocs.py),
found with a low weight. Pagefind cuts its excerpt around the matches, and when a real match sits near the end of a
page's text, its excerpt ran on into those words ("Ook wel: vragenlijst, gespreksleidraad. verw ijzers land punt
bestand maker ambt"). The expectation here comes from the requirement only: every word of an excerpt is a word the
page itself shows.
"""
import re

import pytest

from htmltools import parse

PAGEFIND_EXCERPT = """async ([query, url]) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({ baseUrl: "/" });
  for (const result of (await pagefind.search(query)).results) {
    const data = await result.data();
    if (data.url === url) return data.excerpt;
  }
  return null;
}"""


@pytest.fixture
def page(kept_page):
    """The page these tests share (conftest.kept_page: a JavaScript error fails the test)."""
    return kept_page()


def words(text):
    return re.findall(r"\w+", text.lower())


def shown_words(example_site, url):
    """The words of the built page as a reader gets them (scripts and styles left out)."""
    html = (example_site[0] / "site" / url.strip("/") / "index.html").read_text(encoding="utf-8")
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return set(words(parse(html).find("body").all_text()))


def our_excerpt(page, served, query, url):
    """The excerpt the search page shows for `url` among the results for `query`, and whether a word is marked."""
    page.goto(served + "zoeken/")
    page.fill("#ll-zoekveld", query)
    page.wait_for_function("q => { const l = document.querySelector('#ll-resultaten'); "
                           "return l.dataset.query === q && !l.dataset.wacht; }", arg=query)
    item = page.locator("#ll-resultaten li.ll-resultaat").filter(has=page.locator(f'a[href$="{url}"]')).first
    text = item.locator(".ll-resultaat__tekst")
    return text.inner_text(), text.locator("mark").count()


@pytest.mark.parametrize("query, url", [
    ("vragenlijst", "/begrippen/"),  # the last begrip: its "Ook wel" line ends the page's text
    ("wrijving", "/themas/anders-doen/"),  # the last bouwsteen listed on a theme
    ("verbeteren", "/bouwstenen/organiseer-domeinoverstijgend-leren/samenwerking-verbeteren/"),  # a question page
])
def test_an_excerpt_near_the_end_of_a_page_leaves_out_the_hidden_words(page, example_site, query, url):
    served = example_site[1]
    shown = shown_words(example_site, url)
    page.goto(served)
    theirs = page.evaluate(PAGEFIND_EXCERPT, [query, url])
    unseen = [w for w in words(re.sub(r"</?mark>", "", theirs)) if w not in shown]
    assert unseen, theirs  # the case is real: Pagefind's own excerpt shows words the page does not
    text, marks = our_excerpt(page, served, query, url)
    assert [w for w in words(text) if w not in shown] == [], text
    assert marks >= 1 and query in text.lower(), text  # the real match is in it, marked


@pytest.mark.parametrize("query, url", [
    ("verwijzers", "/begrippen/"),
    ("contractvoortgangsgesprek", "/tafels/contractvoortgangsgesprekken/"),
    ("contractvoortgangsgesprek", "/praktijken/contractvoortgangsgesprekken-als-leerplek/"),
    ("voortgang", "/tafels/contractvoortgangsgesprekken/"),  # found only through a word of its address and parts
])
def test_every_word_of_an_excerpt_is_on_the_page(page, example_site, query, url):
    served = example_site[1]
    text, _ = our_excerpt(page, served, query, url)
    assert len(words(text)) >= 10, text
    assert [w for w in words(text) if w not in shown_words(example_site, url)] == [], text


def test_an_excerpt_is_cut_around_a_match_in_the_middle_of_a_long_page(page, example_site):
    """The match far into Begrippen is in the excerpt (not the start of the page), with words on both sides."""
    text, marks = our_excerpt(page, example_site[1], "verwijzers", "/begrippen/")
    assert marks >= 1 and "verwijzer" in text.lower(), text
    assert text.startswith("\u2026 ") and text.endswith(" \u2026"), text


@pytest.mark.parametrize("query, url", [
    ("intervisiegroep", "/tafels/intervisiegroep-1/"),  # the line above the title: "Tafels · intervisiegroep · landelijk"
    ("intervisie", "/praktijken/bestuurlijk-intervisienetwerk/"),  # "Goede praktijk · landelijk"
    ("teamoverleg", "/vragensets/teamsessie-leren-klein-en-concreet/"),  # "Vragenset · teamoverleg": only there
    ("webpagina", "/bronnen/blijvend-lerende-omgeving/"),  # "Bronnen · webpagina"
])
def test_an_excerpt_starts_with_what_the_page_says_not_with_its_title_or_the_line_above_it(
        page, example_site, query, url):
    """The result shows the page's title and kind above its excerpt: the excerpt is for what the page says. It
    started with the line above the title ("· intervisiegroep · landelijk. Intervisiegroep 1 (Samen leren met
    impact). Een van …"), which a phone's two lines of excerpt spent on words the result shows already. The page
    is still found by that line's words."""
    article = parse((example_site[0] / "site" / url.strip("/") / "index.html").read_text(encoding="utf-8")).find("article")
    title = " ".join(article.find("h1").all_text().split())
    kicker = " ".join(on_screen_paragraphs(article)[0].all_text().split())
    assert "·" in kicker  # the line above the title: the page's first paragraph
    text, _ = our_excerpt(page, example_site[1], query, url)  # found: our_excerpt waits for this page's result
    assert "·" not in text, text  # the separator of the line above the title: none of that line is in it
    assert not text.startswith(title), text
    assert [w for w in words(text) if w not in shown_words(example_site, url)] == [], text
    assert len(words(text)) >= 10, text


def result_parts(page, served, query, url):
    """The line under a result's title (its kind, its part of the site and what more it shows), the words marked in
    that line, and whether the title and the excerpt mark a word."""
    our_excerpt(page, served, query, url)
    item = page.locator("#ll-resultaten li.ll-resultaat").filter(has=page.locator(f'a[href$="{url}"]')).first
    line = item.locator(".ll-meta")
    return (" ".join(line.inner_text().split()), line.locator("mark").all_inner_texts(),
            item.locator("a mark").count() + item.locator(".ll-resultaat__tekst mark").count())


def on_screen_paragraphs(article):
    """The article's paragraphs a reader sees on screen: the example site's note for paper (.ll-printnoot, above the
    title) is not shown there."""
    return [p for p in article.find_all("p") if not p.has_class("ll-printnoot")]


def kicker_without_link(example_site, url):
    """The line above the page's title as the page shows it, without its link to the overview."""
    kicker = on_screen_paragraphs(parse((example_site[0] / "site" / url.strip("/") / "index.html").read_text(encoding="utf-8")).find("article"))[0]
    return " ".join(kicker.all_text().split()).split(" · ", 1)[1]


@pytest.mark.parametrize("query, url, kind", [
    ("teamoverleg", "/vragensets/teamsessie-leren-klein-en-concreet/", "Vragenset · Vragensets"),  # its werkvorm
    ("reflectiegesprek", "/vragensets/ervaringsdeskundigheid-in-het-leren/", "Vragenset · Vragensets"),
    ("webpagina", "/bronnen/blijvend-lerende-omgeving/", "Bron · Bronnen"),  # what kind of source it is
])
def test_a_word_only_the_line_above_the_title_says_is_shown_beside_the_result_kind(page, example_site, query, url, kind):
    """The line above an item's title is never in the excerpt. When only that line says the searched word, the reader
    would see a result without a marked word and not know why it came up: the result shows that line after its kind,
    with the word marked."""
    kicker = kicker_without_link(example_site, url)
    assert query in kicker.lower()
    line, marks, elsewhere = result_parts(page, example_site[1], query, url)
    assert line == f"{kind} · {kicker}", line
    assert [m.lower() for m in marks] == [query] and elsewhere == 0


@pytest.mark.parametrize("query, url", [
    ("intervisie", "/praktijken/bestuurlijk-intervisienetwerk/"),  # the excerpt says it: "samen in intervisie"
    ("intervisiegroep", "/tafels/intervisiegroep-1/"),  # the title says it: "Intervisiegroep 1 (…)"
])
def test_the_line_above_the_title_stays_out_of_a_result_that_shows_the_word_already(page, example_site, query, url):
    line, marks, elsewhere = result_parts(page, example_site[1], query, url)
    assert elsewhere >= 1 and marks == [], line
    assert line.count("·") == 1, line  # only its kind and its part of the site
