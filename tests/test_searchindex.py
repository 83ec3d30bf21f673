"""Pagefind's filter indexes come out in random order; canonicalise() makes them stable and keeps them valid."""
import gzip
import json
import re

import cbor2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leerlandschap.searchindex import SIGNATURE, canonicalise


def write(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(value)))


def read(path):
    return cbor2.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE):])


def fake_index(folder, order):
    """A Pagefind folder in the shape 1.5 writes, with filters and values in the given order."""
    filters = {"soort": [["vraag", [3, 1]], ["bouwsteen", [0, 2]]], "regio": [["Utrecht", [1]], ["Flevoland", [0]]]}
    names = []
    for i, name in enumerate(order):
        values = filters[name] if i % 2 == 0 else list(reversed(filters[name]))
        write(folder / "filter" / f"nl_{name}{len(order)}.pf_filter", [name, values])
        names.append([name, f"nl_{name}{len(order)}"])
    write(folder / "index" / "nl_idx.pf_index", [[["tafel", [[0, [3], []]], []], ["vraag", [[1, [5], []]], []]]])
    write(folder / "pagefind.nl_old.pf_meta", ["1.5.2", ["p0", "p1", "p2", "p3"], [["a", "z", "nl_idx"]], names, [], ["title"]])
    (folder / "pagefind-entry.json").write_text(json.dumps({"version": "1.5.2", "languages": {"nl": {"hash": "nl_old", "wasm": "nl", "page_count": 4}}}))


def test_two_orders_give_identical_files(tmp_path):
    fake_index(tmp_path / "a", ["soort", "regio"])
    fake_index(tmp_path / "b", ["regio", "soort"])
    for side in ("a", "b"):
        canonicalise(tmp_path / side)
    files = lambda side: {p.relative_to(tmp_path / side): p.read_bytes() for p in (tmp_path / side).rglob("*") if p.is_file()}
    assert files("a") == files("b")


def test_references_stay_consistent_and_values_sorted(tmp_path):
    fake_index(tmp_path, ["soort", "regio"])
    canonicalise(tmp_path)
    entry = json.loads((tmp_path / "pagefind-entry.json").read_text())
    meta = read(tmp_path / f"pagefind.{entry['languages']['nl']['hash']}.pf_meta")
    assert [name for name, _ in meta[3]] == ["regio", "soort"]
    for name, digest in meta[3]:
        assert read(tmp_path / "filter" / f"{digest}.pf_filter")[0] == name
    assert read(tmp_path / "filter" / f"{meta[3][1][1]}.pf_filter")[1] == [["bouwsteen", [0, 2]], ["vraag", [1, 3]]]
    assert len(list((tmp_path / "filter").iterdir())) == 2 and len(list(tmp_path.glob("*.pf_meta"))) == 1


def word(text, pages):
    return [text, [[page, list(range(locations)), []] for page, locations in pages], []]


def test_rechunk_makes_smaller_chunks_with_pagefinds_bounds_and_keeps_longer_forms_together(tmp_path, monkeypatch):
    """Pagefind's chunks split again (a first search loads less): every word kept once, in order; bounds are the
    shortest prefixes that tell neighbours apart; a word stays in one chunk with the words that start with it."""
    import leerlandschap.searchindex as searchindex

    monkeypatch.setattr(searchindex, "INDEX_CHUNK", 10)
    monkeypatch.setattr(searchindex, "PLACES_PER_PAGE", 100)  # the sizes below count every place (see the next test)
    index = tmp_path / "index"
    first = [word("aap", [(0, 4)]), word("beleid", [(0, 5), (1, 4)]), word("bestuur", [(1, 9)])]
    second = [word("bestuurder", [(2, 20)]), word("bestuurders", [(3, 2)]), word("tafel", [(0, 12)]),
              word("vraag", [(1, 3)]), word("vragen", [(2, 11)])]
    write(index / "nl_een.pf_index", [first])
    write(index / "nl_twee.pf_index", [second])
    chunks = searchindex.rechunk(index, "nl_", [["a", "bestuur", "nl_een"], ["bestuurd", "vragen", "nl_twee"]])
    groups = [[w[0] for w in read(index / f"{name}.pf_index")[0]] for _, _, name in chunks]
    assert groups == [["aap", "beleid"], ["bestuur", "bestuurder", "bestuurders"], ["tafel"], ["vraag", "vragen"]]
    # chunk_meta's rule: the last word of a chunk and the first of the next, cut one letter past their common start
    assert [[first, last] for first, last, _ in chunks] == [["aap", "bel"], ["bes", "b"], ["t", "t"], ["v", "vragen"]]
    assert sorted(p.name for p in index.iterdir()) == sorted(f"{name}.pf_index" for _, _, name in chunks)


def test_a_word_keeps_its_three_best_weighted_places_per_page_in_page_order():
    """A word on nearly every page handed every one of its places to each search (over 100 ms per keystroke at
    1000 items); three are enough for the score (it saturates) and the snippet."""
    from leerlandschap.searchindex import fewer_places

    # Pagefind's places: a negative number -(w + 1) sets weight w (24 = normal text) for the places after it
    assert fewer_places([-25, 5, 9, 12, 40, 41]) == [-25, 5, 9, 12]  # the first three of equal weight
    assert fewer_places([-25, 3, 8, 9, -169, 20, -25, 30]) == [-25, 3, 8, -169, 20]  # a heading (168) stays
    assert fewer_places([-13, 1, 2, 3, 4]) == [-13, 1, 2, 3]  # compound parts (weight 12) likewise
    assert fewer_places([7, 9]) == [7, 9] and fewer_places([-25, 1, 2, 3]) == [-25, 1, 2, 3]  # three or fewer: as is


def test_rechunk_keeps_three_places_of_a_word_per_page(tmp_path):
    import leerlandschap.searchindex as searchindex

    index = tmp_path / "index"
    write(index / "nl_een.pf_index", [[word("leren", [(0, 10), (1, 2)]), word("tafel", [(2, 5)])]])
    chunks = searchindex.rechunk(index, "nl_", [["a", "z", "nl_een"]])
    stored = [w for _, _, name in chunks for w in read(index / f"{name}.pf_index")[0]]
    assert [(w[0], [page[1] for page in w[1]]) for w in stored] == [("leren", [[0, 1, 2], [0, 1]]), ("tafel", [[0, 1, 2]])]


# ---- What goes into the index (issue 22) --------------------------------------------------------------------

from pathlib import Path  # noqa: E402

import yaml  # noqa: E402

from htmltools import parse_file  # noqa: E402
from leerlandschap.begrippen import Begrippen  # noqa: E402
from leerlandschap.searchdocs import Writer, without_body_attribute, without_ids  # noqa: E402
from leerlandschap.searchwords import (  # noqa: E402
    Splitter,
    Vocabulary,
    joined_verbs,
    order_verbs,
    parse_synonyms,
    parse_terms,
    stopwords,
    synonyms_from,
    terms_from,
)
from leerlandschap.searchwords import words as split  # noqa: E402


def indexed(site: Path) -> dict[str, dict]:
    """URL -> fragment (Pagefind's stored page: url, content, meta, filters) of every page in a built index."""
    pages = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE):])
        pages[data["url"]] = data
    return pages


def test_every_built_page_is_in_the_index(example_site):
    site = example_site[0] / "site"
    built = {"/" + str(p.parent.relative_to(site)).removeprefix(".") + "/" for p in site.rglob("index.html")}
    built = {url.replace("//", "/") for url in built}
    not_searched = {"/zoeken/", "/beheer/"}  # the search page itself; the editor (not a page of the site)
    pages = indexed(site)
    assert built - not_searched - set(pages) == set()
    # the pages the issue names: home, overviews, Begrippen, hand-written pages, sources
    for url in ["/", "/tafels/", "/afspraken/", "/praktijken/", "/themas/", "/rollen/", "/landschap/", "/begrippen/",
                "/over/", "/bronnen/ruimte-voor-leren/"]:
        assert url in pages, url
    assert pages["/tafels/"]["meta"]["soortnaam"] == "Overzicht" and pages["/tafels/"]["meta"]["deel"] == "Tafels"
    assert pages["/begrippen/"]["filters"]["soort"] == ["pagina"]
    assert pages["/bronnen/ruimte-voor-leren/"]["filters"]["soort"] == ["bron"]


def test_compound_parts_are_indexed_below_the_real_words(example_site):
    pages = indexed(example_site[0] / "site")
    content = pages["/tafels/contractvoortgangsgesprekken/"]["content"]
    for part in ("contract", "voortgang", "gesprekken"):
        assert f" {part} " in f" {content} ".replace(".", " ")
    html = (example_site[0] / "site" / "tafels" / "contractvoortgangsgesprekken" / "index.html").read_text()
    assert "voortgang gesprekken" not in html  # the parts are for the index only, never on the page


def test_a_document_weights_parts_and_reflection_questions(tmp_path):
    writer = Writer(tmp_path, Splitter({"kinder": 1e-5, "bescherming": 1e-5, "regio": 1e-4, "overleg": 1e-4}))
    body = ('<article data-pagefind-body><h1>Regio-overleg</h1><p>Over kinderbescherming.</p>'
            '<span data-pagefind-filter="soort:vraag"></span></article>')
    doc = writer.document("bouwstenen/x/y/", "Regio-overleg", body, False)
    assert '<p data-pagefind-weight="0.5">kinder bescherming</p>' in doc
    assert doc.count("data-pagefind-body") == 1  # one body: the page's own attribute is moved to the wrapper
    assert '<div data-pagefind-weight="0.25">' in doc  # a reflection question: lower, never hidden
    assert 'data-pagefind-meta="soortnaam:Reflectievraag"' in doc and 'data-pagefind-meta="deel:Bouwstenen"' in doc


def test_a_document_keeps_ids_and_repeated_parts_out_of_what_a_result_loads(tmp_path):
    writer = Writer(tmp_path, Splitter({"kinder": 1e-5, "bescherming": 1e-5, "jeugd": 1e-5, "zorg": 1e-5,
                                        "leer": 1e-5, "tafel": 1e-5}))
    body = ('<article data-pagefind-body><h2 id="doel">Doel</h2><p id=\'x\'>Kinderbescherming en jeugdzorg.</p>'
            '<p>Over bescherming. Schrijf id=&quot;a&quot; of id=\'b\' zo.</p>'
            '<li class="x" id="bijeenkomst-1" data-y="1">Leertafel</li></article>')
    doc = writer.document("tafels/x/", "Over", body, False)
    assert ' id="' not in doc and "id='x'" not in doc  # Pagefind would store each as an anchor in the fragment
    assert "<h2>Doel</h2>" in doc and '<li class="x" data-y="1">Leertafel</li>' in doc  # the rest stays
    assert "Schrijf id=&quot;a&quot; of id='b' zo." in doc  # text that looks like an attribute is text: untouched
    # "bescherming" is a word of the page itself: its part is not repeated; the other parts are
    assert '<p data-pagefind-weight="0.5">kinder jeugd zorg leer tafel</p>' in doc


# The rule of without_ids as one regular expression: a start tag's first id attribute, nothing between `<` and it but
# other attributes (no `<` or `>`), the value quoted. The code finds the same places from each `id=` instead.
ID_ATTRIBUTE = re.compile(r"""(<[A-Za-z][^<>]*?)\sid=(?:"[^"]*"|'[^']*')""")
PIECES = ["<", ">", "<p", "<a ", "<h2", "</p>", "<br/>", " ", "\t", "\n", "\u00a0", "id=", " id=", ' id="x"', " id='y'",
          ' id="a<b>"', "'", '"', "=", "x", "1", "/", "<!--", "-->", ' class="k"', " data-id=\"z\""]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_ids_leave_exactly_as_the_regular_expression_says(body):
    assert without_ids(body) == ID_ATTRIBUTE.sub(r"\1", body)


def test_ids_leave_the_tags_of_real_pages_and_only_those(example_site):
    bodies = [path.read_text(encoding="utf-8") for path in sorted((example_site[0] / "site").rglob("index.html"))[:60]]
    assert sum(" id=" in body for body in bodies) > 50  # pages with ids, so the comparison says something
    for body in bodies:
        assert without_ids(body) == ID_ATTRIBUTE.sub(r"\1", body)
    assert without_ids('<h2 class="a" id="doel">Doel</h2> Schrijf id="a" of <b>id=\'b\'</b>. <p\tid=\'c\' id="d">') == (
        '<h2 class="a">Doel</h2> Schrijf id="a" of <b>id=\'b\'</b>. <p id="d">')


# The rule of without_body_attribute as one regular expression: the attribute after white space, with its quoted value.
BODY_ATTRIBUTE = re.compile(r'\sdata-pagefind-body(?:="[^"]*")?')
BODY_PIECES = ["<", ">", "<article", " ", "\t", "\n", "\u00a0", "\u2028", "data-pagefind-body", " data-pagefind-body",
               '="', '"', "=", "x", '="a data-pagefind-body"', "data-pagefind-bodyx", "<p>"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(BODY_PIECES), max_size=30).map("".join))
def test_the_body_attribute_leaves_exactly_as_the_regular_expression_says(body):
    assert without_body_attribute(body) == BODY_ATTRIBUTE.sub("", body)


def test_the_body_attribute_leaves_the_pages_and_a_text_that_names_it_stays():
    assert without_body_attribute('<article class="x" data-pagefind-body><h1>Kop</h1></article>') == (
        '<article class="x"><h1>Kop</h1></article>')
    assert without_body_attribute('<main\tdata-pagefind-body="">tekst</main>') == "<main>tekst</main>"
    assert without_body_attribute('<div data-pagefind-body="ja" id="a">') == '<div id="a">'
    # without white space before it, the name is left as it is
    assert without_body_attribute("<p>Schrijf:data-pagefind-body</p>") == "<p>Schrijf:data-pagefind-body</p>"


def test_a_document_adds_the_words_of_its_name_that_its_text_lacks(tmp_path):
    """An editor names an item in its address ("pilots-blijvend-lerende-omgeving"): a reader may know it by a word
    of that name that the page itself never says. Such words count low, like compound parts; a date is no word."""
    writer = Writer(tmp_path, Splitter({"team": 1e-5, "sessie": 1e-5}))
    body = '<article data-pagefind-body><h1>Leren in je team</h1><p>Een overleg van 45 minuten.</p></article>'
    doc = writer.document("vragensets/teamsessie-leren-in-je-team/", "Leren in je team", body, False)
    assert '<p data-pagefind-weight="0.5">teamsessie sessie</p>' in doc  # "team", "leren": words of the page
    assert writer.words.counts["teamsessie"] == 1  # the search page knows the word
    meeting = writer.document("tafels/overleg/2024-06-24/", "Overleg", body, False)
    assert "2024" not in meeting.split("</div>", 1)[1]  # a date in the address adds nothing
    role = writer.document("rollen/coordinator/", "Coördinatoren", "<article><p>Wat doen coördinatoren?</p></article>", False)
    assert "coordinator" not in role.split("</div>", 1)[1]  # the page's own word without its accent and ending
    assert "coordinator" not in writer.words.counts  # so the search page still takes "coordinator" for "coördinator"


def test_built_fragments_have_no_anchors_while_the_pages_keep_their_ids(example_site):
    pages = indexed(example_site[0] / "site")
    assert pages and all(data["anchors"] == [] for data in pages.values())
    html = (example_site[0] / "site" / "tafels" / "contractvoortgangsgesprekken" / "index.html").read_text()
    assert 'id="doel"' in html  # the site's own HTML (links to a heading) is unchanged


def test_compound_splitter_on_dutch_words():
    splitter = Splitter()
    assert {"contract", "voortgang", "gesprekken"} <= set(splitter.parts("contractvoortgangsgesprekken"))
    assert {"jeugd", "bescherming"} <= set(splitter.parts("jeugdbescherming"))
    assert {"praktijk", "voorbeelden"} <= set(splitter.parts("praktijkvoorbeelden"))
    for word in ("organisaties", "bestuurder", "verantwoordelijkheid"):  # no compounds
        assert splitter.parts(word) == ()


def test_synonyms_from_ook_wel_lines():
    markdown = ("# Begrippen\n\n## Goede praktijk {#praktijk}\n\nUitleg.\n\nOok wel: praktijkvoorbeeld, *best practice*.\n\n"
                "## Tafel {#tafel}\n\nGeen andere woorden.\n\n## Jeugdhulp {#jeugdhulp}\n\nOok wel: jeugdzorg\n")
    synonyms = parse_synonyms(markdown)
    assert synonyms["jeugdzorg"] == ["jeugdhulp"] and synonyms["jeugdhulp"] == ["jeugdzorg"]
    assert synonyms["goede praktijk"] == ["praktijkvoorbeeld", "best practice"]
    assert synonyms["best practice"] == ["goede praktijk", "praktijkvoorbeeld"]
    assert "tafel" not in synonyms


def test_vocabulary_has_site_words_not_stop_words():
    words = Vocabulary()
    words.add(split("Een leertafel opzetten in drie stappen") + ["leer", "tafel"])
    words.add(split("De leertafel van de regio") + ["leer", "tafel"])
    data = json.loads(words.json({"jeugdzorg": ["jeugdhulp"]}))
    ranked = data["woorden"].split()
    assert ranked[:3] == ["leer", "leertafel", "tafel"]  # on most pages first
    assert not {"een", "de", "van", "in"} & set(ranked) and {"een", "de", "van"} <= set(data["stopwoorden"].split())
    assert data["paginas"] == 2 and data["synoniemen"] == {"jeugdzorg": ["jeugdhulp"]}
    assert {"hoe", "ik", "een", "het"} <= stopwords()
    assert {"vind", "zoek", "zoeken", "informatie"} <= stopwords()  # words of a request to the search box


def test_vocabulary_parts_split_the_words_by_first_letter():
    """A first search loads only the words of the letters it needs (with the stop words and synonyms that start with
    those letters); together the parts hold exactly the whole list, every stop word and every synonym."""
    words = Vocabulary(stop=frozenset({"een", "de", "en", "met", "in", "van"}))
    words.add(split("Een leertafel opzetten met bestuurders in Émmen") + ["leer", "tafel", "2024"])
    words.add(split("De bestuurder en de leertafel") + ["leer", "tafel"])
    synonyms = {"jeugdzorg": ["jeugdhulp"], "jeugdhulp": ["jeugdzorg"], "stand van zaken": ["voortgang"]}
    parts = words.parts(synonyms)
    whole = set(json.loads(words.json(synonyms))["woorden"].split())
    help_data = json.loads(parts.pop("hulp.json"))
    assert help_data == {"paginas": 2, "letters": "2bdeijlmostvé"}
    by_letter = {chr(int(name.removesuffix(".json"), 16)): json.loads(text) for name, text in parts.items()}
    assert set(help_data["letters"]) == set(by_letter)
    assert by_letter["l"] == {"woorden": "leer leertafel"}
    assert by_letter["é"] == {"woorden": "émmen"} and by_letter["2"] == {"woorden": "2024"}
    assert by_letter["e"] == {"stopwoorden": "een en"}  # letters with only stop words have a file too
    assert by_letter["j"] == {"synoniemen": {"jeugdhulp": ["jeugdzorg"], "jeugdzorg": ["jeugdhulp"]}}
    assert by_letter["s"] == {"synoniemen": {"stand van zaken": ["voortgang"]}}  # a phrase: under its first word
    assert by_letter["d"] == {"stopwoorden": "de"} and by_letter["t"] == {"woorden": "tafel"}
    assert set().union(*(set(found.get("woorden", "").split()) for found in by_letter.values())) - {""} == whole
    assert set().union(*(set(found.get("stopwoorden", "").split()) for found in by_letter.values())) - {""} == words.stop
    assert all(word.startswith(letter) for letter, found in by_letter.items() for word in found.get("woorden", "").split())


def test_text_of_another_page_stays_out_of_a_documents_words_and_parts(tmp_path):
    """A card's summary or a listed question (data-pagefind-ignore) is the other page's text: the listing page gets
    no compound parts and no vocabulary count from it, while its own text still counts."""
    writer = Writer(tmp_path, Splitter({"jeugd": 1e-5, "zorg": 1e-5, "kinder": 1e-5, "bescherming": 1e-5}))
    body = ('<article data-pagefind-body><h1>Praktijken</h1><p>Over kinderbescherming.</p><ul>'
            '<li><a href="../x/">Titel</a><br><span class="ll-kaart-tekst" data-pagefind-ignore>Alles over jeugdzorg '
            '<span>en meer jeugdzorg</span></span></li>'
            '<li class="ll-setvraag" data-pagefind-ignore><a href="../y/">Wat doet de wijkteamleider?</a></li></ul>'
            '<p>Slot<br data-pagefind-ignore/>woord.</p></article>')
    doc = writer.document("praktijken/", "Praktijken", body, False)
    assert '<p data-pagefind-weight="0.5">kinder bescherming</p>' in doc  # the page's own compound: split
    assert "jeugd zorg" not in doc  # the card's compound: not split into parts for this page
    assert "data-pagefind-ignore" in doc and "Alles over jeugdzorg" in doc  # still on the page; Pagefind skips it
    counted = writer.words.counts
    assert counted["kinderbescherming"] == 1 and counted["slot"] == 1 and counted["woord"] == 1
    assert "jeugdzorg" not in counted and "wijkteamleider" not in counted and "meer" not in counted


def test_a_page_that_lists_another_pages_text_is_not_found_by_that_text(example_site):
    """Search finds a summary or a question on its own page, not on every overview, role or theme page that
    lists it (those pages crowded the results and made each result heavier). The pages still show the text."""
    site = example_site[0] / "site"
    pages = indexed(site)

    def words_of(url: str) -> str:
        return " ".join(pages[url]["content"].split())

    summary = "In Flevoland stel je een nieuwe leertafel samen in drie stappen"  # content/praktijken/leertafel-in-drie-stappen.yml
    question = "Wat is jouw beeld van een lerende bestuurder?"  # content/bouwstenen/investeer-in-bestuurlijk-leren.yml
    assert summary in words_of("/praktijken/leertafel-in-drie-stappen/")
    assert summary not in words_of("/praktijken/")  # the overview of practices
    assert question in words_of("/bouwstenen/investeer-in-bestuurlijk-leren/lerende-bestuurder/")  # its own page
    assert question in words_of("/bouwstenen/investeer-in-bestuurlijk-leren/")  # where the source puts it
    bouwsteen = "Ook bestuurders moeten leren, samen met bestuurders van andere organisaties."  # its samenvatting
    assert bouwsteen in words_of("/bouwstenen/investeer-in-bestuurlijk-leren/")
    assert bouwsteen not in words_of("/bouwstenen/investeer-in-bestuurlijk-leren/lerende-bestuurder/")  # a question of it
    for listing in ("/rollen/bestuurder/", "/rollen/beleidsmaker/", "/themas/anders-kijken/"):
        assert question not in words_of(listing), listing
        assert pages[listing]["meta"]["title"] in words_of(listing)  # the page's own words are still there
    shown = (("praktijken/", summary), ("rollen/bestuurder/", question), ("themas/anders-kijken/", question),
             ("bouwstenen/investeer-in-bestuurlijk-leren/lerende-bestuurder/", bouwsteen))
    for url, text in shown:
        main = parse_file(site / url / "index.html").find("article")
        assert text in " ".join(main.all_text().split()), url  # readers still see it


def test_begrippen_entries_and_their_other_words_lead_to_the_entry():
    markdown = ("# Begrippen\n\n## Goede praktijk {#praktijk}\n\nUitleg.\n\nOok wel: praktijkvoorbeeld, *best practice*.\n\n"
                "## JB/JR {#jb-jr}\n\nJeugdbescherming.\n\n## Zonder anker\n\nOok wel: los\n")
    terms = parse_terms(markdown)
    assert terms == {"goede praktijk": ("Goede praktijk", "praktijk"), "praktijkvoorbeeld": ("Goede praktijk", "praktijk"),
                     "best practice": ("Goede praktijk", "praktijk"), "jb jr": ("JB/JR", "jb-jr")}
    words = Vocabulary(stop=frozenset())
    words.add(["praktijk"])
    files = {name: json.loads(text) for name, text in words.parts({}, terms).items()}
    assert files["67.json"]["begrippen"] == {"goede praktijk": ["Goede praktijk", "praktijk"]}  # under its first letter
    assert files["6a.json"]["begrippen"] == {"jb jr": ["JB/JR", "jb-jr"]}
    assert set(json.loads(words.parts({}, terms)["hulp.json"])["letters"]) == {"b", "g", "j", "p"}


def test_a_forks_search_has_no_begrip_and_no_synonym_of_an_example_region_entry(tmp_path):
    """An entry marked for the example region (`{#kdc .voorbeeldregio}`) is a glossary hint and has synonyms on
    upstream's site; a fork's page leaves it out (begrippen.py), so its search neither shows it nor uses its words."""
    page = tmp_path / "begrippen.md"
    page.write_text("# Begrippen\n\n## Fase {#fase}\n\nDe stap.\n\nOok wel: stap.\n\n"
                    "## KDC {#kdc .voorbeeldregio}\n\nEen leertafel.\n\nOok wel: kinderdagcentrum.\n", encoding="utf-8")
    upstream, fork = Begrippen(page, voorbeeldregio=True), Begrippen(page, voorbeeldregio=False)
    assert terms_from(upstream) == {"fase": ("Fase", "fase"), "stap": ("Fase", "fase"), "kdc": ("KDC", "kdc"),
                                    "kinderdagcentrum": ("KDC", "kdc")}
    assert synonyms_from(upstream)["kdc"] == ["kinderdagcentrum"]
    assert terms_from(fork) == {"fase": ("Fase", "fase"), "stap": ("Fase", "fase")}
    assert synonyms_from(fork) == {"fase": ["stap"], "stap": ["fase"]}
    assert terms_from(Begrippen(tmp_path / "geen.md")) == {} == synonyms_from(None)


def test_text_the_templates_put_on_every_page_is_not_indexed(example_site):
    """What a template writes on every page of a kind (how to use the questions, the source line, which roles a
    question suits, where a word is explained) made short words match nearly every page; the page's own text and
    the readers' view stay as they were."""
    site = example_site[0] / "site"
    pages = indexed(site)
    bouwsteen = "bouwstenen/investeer-in-bestuurlijk-leren/"
    template_text = ["Stel jezelf of elkaar deze reflectievragen", "Bron: Ruimte voor leren", "Dat staat bij Begrippen",
                     "Voor: bestuurder", "Vragen die mensen in hun werk tegenkomen"]
    content = " ".join(pages["/" + bouwsteen]["content"].split())
    assert "Ook bestuurders moeten leren, samen met bestuurders van andere organisaties." in content  # its own text
    shown = " ".join(parse_file(site / bouwsteen / "index.html").find("article").all_text().split())
    for text in template_text:
        assert text not in content, text
        assert text in shown, text  # readers still see it
    practice = "praktijken/leertafel-in-drie-stappen/"
    assert "Deze praktijk laat deze bouwstenen zien" not in pages["/" + practice]["content"]
    assert "Deze praktijk laat deze bouwstenen zien" in parse_file(site / practice / "index.html").find("article").all_text()


@pytest.mark.parametrize("page, kicker, template_words", [
    ("bouwstenen/coordineer-het-leren/wat-moet-er-gebeuren/", "Reflectievraag bij Coördineer het leren",
     "Reflectievraag bij Coördineer het leren"),
    ("praktijken/leertafel-in-drie-stappen/", "Goede praktijk", "Goede praktijk"),
    ("bouwstenen/investeer-in-bestuurlijk-leren/", "· bouwsteen", "bouwsteen"),
    ("tafels/intervisiegroep-2/2025-02-12/", "· bijeenkomst", "bijeenkomst"),
    ("vragensets/teamsessie-leren-klein-en-concreet/", "Vragenset · teamoverleg", "Vragenset"),
])
def test_the_line_above_a_title_is_not_indexed(example_site, page, kicker, template_words):
    """The line above a title names the kind and the page it belongs to: template text on every page of a kind
    ("reflectievragen" found 43 single questions first). Each result shows the kind already."""
    site = example_site[0] / "site"
    article = parse_file(site / page / "index.html").find("article")
    shown = " ".join(article.all_text().split())
    assert kicker in shown  # readers still see it
    content = " ".join(indexed(site)["/" + page]["content"].split())
    title = " ".join(article.find("h1").all_text().split())
    assert template_words not in content[:content.index(title)], content[:80]


@pytest.mark.parametrize("page, folder, field", [
    ("vragensets/teamsessie-leren-klein-en-concreet/", "vragensets", "werkvorm"),
    ("tafels/intervisiegroep-1/", "tafels", "soort"),
    ("praktijken/leertafel-in-drie-stappen/", "praktijken", "regio"),
    ("bronnen/ruimte-voor-leren/", "bronnen", "soort"),
])
def test_what_the_line_above_a_title_says_of_the_item_is_indexed(example_site, page, folder, field):
    """The same line may say something of the item itself (a question set's working form, a tafel's kind or
    region): that is the item's data, and a reader may search for it ("teamoverleg"). A result's excerpt must not
    start with it ("· intervisiegroep · landelijk. Intervisiegroep 1 …"): the page's text starts with its title, and
    the line's words are among the hidden words at its end, which meta `verborgen` counts."""
    site = example_site[0] / "site"
    item = yaml.safe_load((example_site[0] / "content" / folder / (page.split("/")[1] + ".yml")).read_text(encoding="utf-8"))
    entry = indexed(site)["/" + page]
    content = entry["content"].split()
    title = parse_file(site / page / "index.html").find("article").find("h1").all_text().split()
    assert content[:len(title)] == title or content[:len(title)] == [*title[:-1], title[-1] + "."], content[:8]
    hidden = [w.rstrip(".") for w in content[len(content) - int(entry["meta"]["verborgen"]):]]  # "." ends a block
    field_words = split(str(item[field]))
    assert field_words and all(word in hidden for word in field_words), (field_words, hidden)
    assert "·" not in content


def test_the_search_page_learns_which_words_find_nearly_every_page(example_site):
    """searchcommon.py counts with the Snowball stemmer what Pagefind would find: its stems must be Pagefind's."""
    import unicodedata

    import Stemmer

    folder = example_site[0] / "site" / "pagefind"
    stored = set()
    for path in (folder / "index").glob("*.pf_index"):
        stored |= {w[0] for w in read(path)[0]}
    site_words = json.loads((folder / "leerlandschap-woorden.json").read_text())["woorden"].split()
    stem = Stemmer.Stemmer("dutch").stemWord
    plain = lambda w: "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c))
    agree = [w for w in site_words if stem(plain(w)) in stored]
    assert len(agree) >= 0.97 * len(site_words)  # the rest: words only in text Pagefind leaves out
    assert stem("leren") == "leer" and "leer" in stored and "ler" not in stored
    letters = {p.name: json.loads(p.read_text()) for p in (folder / "leerlandschap-woorden").glob("*.json")}
    # "leren" is on every page of this site about learning; "bes" starts words on most pages, is no word itself
    assert "leren" in letters["6c.json"]["overal"].split() and "lee" in letters["6c.json"]["vaak"].split()
    assert "bes" in letters["62.json"]["vaak"].split() and "bestuurders" not in letters["62.json"].get("vaak", "").split()
    assert "intervisie" not in letters["69.json"].get("vaak", "").split()
    assert letters["hulp.json"]["opwarmen"] in stored


def test_the_end_of_a_begrippen_compound_stands_for_its_group():
    """A reader's "gemeenteambtenaar" has the part "ambtenaar", which the site has only inside Begrippen's
    "beleidsambtenaar": that end means the group. Ends on many pages, Begrippen words and short ends keep their own
    meaning."""
    words = Vocabulary()
    words.add(["ambtenaar", "centrum", "landschap", "tafel", "voorbeeld"])
    for _ in range(5):
        words.add(["landschap"])  # on six pages: a word of its own on this site
    synonyms = {"beleidsambtenaar": ["beleidsmaker"], "beleidsmaker": ["beleidsambtenaar"],
                "kinderdagcentrum": ["kdc"], "kdc": ["kinderdagcentrum"],
                "leerlandschap": ["lerend landschap"], "overlegtafel": ["overleg"],
                "praktijkvoorbeeld": ["goede praktijk"], "goede praktijk": ["praktijkvoorbeeld"]}
    terms = {"voorbeeld": ("Voorbeeld", "voorbeeld")}
    found = words.with_tails(synonyms, terms)
    assert found["ambtenaar"] == ["beleidsambtenaar", "beleidsmaker"]
    assert found["centrum"] == ["kinderdagcentrum", "kdc"]
    assert {key: found[key] for key in synonyms} == synonyms  # the Begrippen groups themselves stay as they were
    assert "landschap" not in found  # on six pages
    assert "tafel" not in found  # five letters
    assert "voorbeeld" not in found  # a Begrippen entry of its own

# ---- No fixed text of a template in the index (issue 22, round nine) -----------------------------------------------

import re  # noqa: E402

import jinja2  # noqa: E402

TEMPLATES = Path(__file__).resolve().parent.parent / "leerlandschap" / "templates"
# "A few" pages: a page that explains the site (Begrippen, Over, the data page) may quote a template's label once.
# Two pages of one kind of item saying the same template sentence is the template speaking, not the item. Overviews
# and hand-written pages ("overzicht", "pagina") are each a page of their own, not items of a kind.
MOST_PAGES, MOST_PER_KIND = 4, 1
ONE_OF_A_KIND = {"overzicht", "pagina"}


def plain_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def template_sentences() -> dict[str, str]:
    """Every sentence of four or more words that a page template writes itself (its literal text: outside {{ }},
    {% %}, comments, tags and attributes; a sentence ends at . ? ! : ; or where a tag or an expression comes),
    in plain lower-case words, with the template it is in."""
    sentences: dict[str, str] = {}
    for path in sorted(TEMPLATES.glob("*.html")):
        for _, token, value in jinja2.Environment().lex(path.read_text(encoding="utf-8")):
            if token != "data":
                continue
            value = re.sub(r"<(script|style)\b.*?</\1>", " ", value, flags=re.S)
            for chunk in re.split(r"<[^>]*>|<[^>]*$|^[^<]*>|[.?!:;]", value):
                found = plain_words(chunk)
                if len(found) >= 4:
                    sentences.setdefault(" ".join(found), path.name)
    return sentences


def test_template_sentences_are_read_from_the_templates():
    """The helper below finds the sentences the probe found (so the next test can fail)."""
    sentences = template_sentences()
    assert sentences["voor wie de site bijhoudt"] == "_beheer.html"
    assert sentences["het laat zien hoe je dit op de site vastlegt"] == "_macros.html"
    assert sentences["deze vraag hoort bij de bouwsteen"] == "vraag.html"
    assert not any(s.startswith("a page template") or "pagefind" in s.split() for s in sentences)  # no comments


def test_no_sentence_a_template_writes_is_indexed_on_many_pages(editor_project):
    """What a template puts on every page of a kind (the editor's link line, the example note, the note on items of
    other regions, help on calendars, labels of facts) matched queries on dozens of pages and pushed the page a
    reader meant down ("hoe zet ik een bijeenkomst op de site" gave three example meetings, not bijdragen/). Rule:
    no sentence of four or more words from a template is in the index on more than a few pages, nor on two pages
    of one kind. Built with the editor, as a region's site is."""
    pages = indexed(editor_project / "site")
    assert len(pages) > 100
    texts = {url: " " + " ".join(plain_words(page["content"])) + " " for url, page in pages.items()}
    kinds = {url: (page["filters"].get("soort") or ["?"])[0] for url, page in pages.items()}
    too_often = {}
    for sentence, template in template_sentences().items():
        found = [url for url, text in texts.items() if f" {sentence} " in text]
        per_kind = max((sum(kinds[u] == kinds[url] for u in found) for url in found if kinds[url] not in ONE_OF_A_KIND),
                       default=0)
        if len(found) > MOST_PAGES or per_kind > MOST_PER_KIND:
            too_often[sentence] = (template, len(found), found[:3])
    assert too_often == {}


@pytest.mark.parametrize("page, template_text, own_text", [
    # the example note (truth rule: it stays on the page) and the help with the agreements
    ("tafels/voorbeeldtafel-jongeren-rond-18/2026-11-17/", ["Het laat zien hoe je dit op de site vastlegt",
                                                           "Bij elke afspraak staat de status op de dag"],
     "Starten rond 17 jaar werkt beter."),
    # the note on an item of another region, the labels of its facts, the editor's line
    ("praktijken/pilots-blijvend-lerende-omgeving/", ["Ze telt niet mee als werk van de regio", "Wie deden mee",
                                                      "Voor wie de site bijhoudt"],
     "Het programma weet uit de proeftuinen"),
    # help on subscribing to a calendar, on every tafel
    ("tafels/intervisiegroep-2/", ["Latere wijzigingen komen er niet vanzelf bij", "Zo zet je de agenda in Outlook",
                                   "Voor wie de site bijhoudt"], None),
])
def test_template_text_leaves_the_index_but_stays_on_the_page(editor_project, page, template_text, own_text):
    site = editor_project / "site"
    content = " ".join(indexed(site)["/" + page]["content"].split())
    shown = " ".join(parse_file(site / page / "index.html").find("main").all_text().split())
    for text in template_text:
        assert text in shown, text  # readers still see it
        assert text not in content, text
    if own_text:
        assert own_text in content  # the item's own text is still found


@pytest.mark.parametrize("page, own_text", [
    ("tafels/", "Contractvoortgangsgesprekken"),
    ("afspraken/", None),
    ("landschap/", "Contractvoortgangsgesprekken"),
    ("data/", None),
])
def test_the_column_names_of_a_table_leave_the_index_but_stay_on_the_page(editor_project, page, own_text):
    """The names of a table's columns ("Tafel Hoe vaak Status Bijeenkomsten") are the template's words, like the
    names of an item's facts: in the index they came back once per table, and a result's excerpt of the overview
    of tafels read "Tafel Hoe vaak Status Bijeenkomsten Contractvoortgangsgesprekken. actief. 0. Leertafel. Tafel
    Hoe vaak ..."."""
    site = editor_project / "site"
    content = " ".join(indexed(site)["/" + page]["content"].split())
    heads = parse_file(site / page / "index.html").find("main").find_all("thead")
    assert heads  # the page has a table with column names
    for head in heads:
        names = " ".join(" ".join(cell.all_text().split()) for cell in head.find_all("th"))
        assert names and names not in content, names
    if own_text:
        assert own_text in content  # what the table lists is still found


def test_a_document_holds_only_the_part_of_the_page_pagefind_would_index(tmp_path):
    """Pagefind leaves out what is outside an element marked data-pagefind-body; the document made of a page does
    the same (its words, compound parts and vocabulary included), so links a template puts after the item stay out."""
    writer = Writer(tmp_path)
    body = ('<p>Kop boven het item</p><article data-pagefind-body><h1>Leertafel</h1><p>Wij bespreken casussen.</p>'
            '<section><p>Binnen</p></section></article><aside><p>Bewerkingsregel onderaan</p></aside>')
    document = writer.document("tafels/x/", "Leertafel", body, False)
    assert "casussen" in document and "Binnen" in document
    assert "Bewerkingsregel" not in document and "Kop boven" not in document and "bewerking" not in document
    # a page without such an element (a hand-written page) is indexed whole
    assert "Bewerkingsregel" in writer.document("over/", "Over", "<p>Bewerkingsregel onderaan</p>", True)


def test_a_document_says_how_many_hidden_words_end_its_text(tmp_path):
    """The compound parts and address words come last in a document, one word each; meta `verborgen` counts them, so
    the search page can cut a result's excerpt before them (tests/test_browser_search_excerpt.py)."""
    import html as html_module

    writer = Writer(tmp_path)
    document = writer.document("tafels/contractvoortgangsgesprekken/", "Contractvoortgangsgesprekken",
                               "<article data-pagefind-body><h1>Contractvoortgangsgesprekken</h1>"
                               "<p>Samen over de kinderopvang en de jeugdhulpaanbieders.</p></article>", False)
    hidden = int(re.search(r'data-pagefind-meta="verborgen:(\d+)"', document).group(1))
    extra = re.findall(r'<p data-pagefind-weight="[^"]+">([^<]*)</p>', document)
    tail = html_module.unescape(" ".join(extra)).split()
    assert hidden == len(tail) >= 4 and "gesprekken" in tail and "contract" in tail
    assert document.index(extra[-1]) > document.index("jeugdhulpaanbieders")  # after the page's own text
    # a page without compounds or address words has nothing hidden, and no meta for it
    plain = writer.document("over/", "Over", "<p>Wij leren samen.</p>", True)
    assert "verborgen" not in plain


def test_the_line_that_says_what_an_item_is_moves_to_the_hidden_words(tmp_path):
    """An element marked data-ll-kenmerk (the line above a title) leaves the document's text; its own words join the
    hidden words at the end, with the weight of the text, and meta `verborgen` counts them. What it marks
    data-pagefind-ignore inside (the link to the overview) stays out, and the same name inside a value marks
    nothing."""
    import html as html_module

    writer = Writer(tmp_path, Splitter({"leer": 1e-4, "tafel": 1e-4}))
    body = ('<article data-pagefind-body><p class="ll-kicker" data-ll-kenmerk><a href="/tafels/" data-pagefind-ignore>'
            'Tafels</a> · leertafel · Flevoland</p><h1>Logeren</h1><p title="x data-ll-kenmerk">Wij praten over zorg.</p>'
            '</article>')
    document = writer.document("tafels/logeren/", "Logeren", body, False)
    main = re.sub(r'<span data-pagefind-meta="[^"]*"></span>', "", document[document.index("<main"):])  # the text
    assert "ll-kicker" not in main and "·" not in main and ">Tafels<" not in main
    assert "Wij praten over zorg." in main  # not marked: the name is inside an attribute's value
    extra = re.findall(r'<p data-pagefind-weight="([^"]+)">([^<]*)</p>', main)
    assert extra[0] == ("1", "leertafel flevoland")
    assert ("0.5", "leer tafel") in extra  # the parts of its compounds, as for the page's text
    hidden = int(re.search(r'data-pagefind-meta="verborgen:(\d+)"', document).group(1))
    assert hidden == len(html_module.unescape(" ".join(text for _, text in extra)).split())
    words = json.loads(writer.words.json({}))["woorden"].split()
    assert "flevoland" in words and "leertafel" in words and "tafels" not in words
    # a low-weight page (a reflection question) keeps its low weight for these words too
    question = writer.document("bouwstenen/x/y/", "Vraag", '<p data-ll-kenmerk>teamoverleg</p><p>Wat leer jij?</p>'
                               '<span data-pagefind-filter="soort:vraag"></span>', False)
    assert '<p data-pagefind-weight="0.25">teamoverleg</p>' in question


def test_the_line_above_the_title_travels_as_plain_text_in_meta_kenmerk(tmp_path):
    """The search page shows the line above an item's title beside the result's kind when only that line says the
    searched word (40-resultaten.js): its text as the page shows it, without the link to the overview and without the
    separator in front, escaped once in the document; a page without such a line has no `kenmerk`."""
    writer = Writer(tmp_path, Splitter({}))
    kicker = ('<p class="ll-kicker" data-ll-kenmerk><a href="/tafels/" data-pagefind-ignore>Tafels</a> ·\n'
              '  leertafel  · Flevoland</p>')
    document = writer.document("tafels/logeren/", "Logeren", f"{kicker}<h1>Logeren</h1><p>Wij praten.</p>", False)
    assert 'data-pagefind-meta="kenmerk:leertafel · Flevoland"' in document
    # a region typed by a stranger: text, escaped as on the page, never a tag in the document
    hostile = ('<p data-ll-kenmerk><a href="/praktijken/" data-pagefind-ignore>Goede praktijk</a> · '
               '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Noord&quot;</p><p>Tekst.</p>')
    document = writer.document("praktijken/x/", "X", hostile, False)
    assert 'data-pagefind-meta="kenmerk:&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Noord&quot;"' in document
    assert "<img" not in document
    assert "kenmerk" not in writer.document("over/", "Over", "<p>Wij leren samen.</p>", True)
    # a line that holds only its link (a practice without a region) has nothing to show
    assert "kenmerk" not in writer.document("praktijken/y/", "Y", hostile.split(" · ")[0] + "</p><p>Tekst.</p>", False)


def test_the_markers_count_only_as_attributes_never_inside_a_value(tmp_path):
    """A title in an attribute value (an aria-label on an overview) may say " data-pagefind-body" or
    " data-pagefind-ignore": the page's text stays whole, nothing is left out for it."""
    writer = Writer(tmp_path)
    body = ('<p>Overzicht van sets</p><button aria-label="Pas aan: x data-pagefind-body y">Pas aan</button>'
            '<p><a title="z data-pagefind-ignore" href="/a/">Leerzame tekst</a> en meer</p>')
    document = writer.document("vragensets/", "Vragensets", body, False)
    assert "Overzicht van sets" in document and "Leerzame tekst" in document
    # the real attributes, with and without a value, among others
    marked = ('<article class="a" data-x=\'1\' data-pagefind-body><p data-pagefind-ignore="all" class="b">weg</p>'
              '<p>blijft</p></article><p>buiten</p>')
    document = writer.document("tafels/y/", "Y", marked, False)
    assert "blijft" in document and "buiten" not in document
    assert "weg" not in json.loads(writer.words.json({}))["woorden"].split() and "blijft" in writer.words.json({})


def test_a_word_of_a_page_title_comes_before_an_as_common_word_when_a_typo_is_corrected():
    # "begripen" is one letter from "begrijpen" and from "begrippen", each on two pages here; a reader who types it
    # looks for the page Begrippen: the title's word comes first in the list the corrections are taken from.
    words = Vocabulary()
    words.add(split("Begrippen van de site"), split("Begrippen"))
    words.add(split("Wat je moet begrijpen van begrippen"), split("Uitleg"))
    words.add(split("Elkaar begrijpen"), split("Samen"))
    ranked = json.loads(words.json({}))["woorden"].split()
    assert ranked.index("begrippen") < ranked.index("begrijpen")


def test_a_handwritten_page_s_search_words_are_indexed_hidden_and_escaped(tmp_path):
    """Front matter `zoekwoorden` of a docs/ page: a text with commas or a list of texts; they go to the index like
    the parts of the title (weight 3), are counted among the hidden words, and stay text, never markup."""
    from leerlandschap.searchdocs import with_keywords

    writer = Writer(tmp_path, Splitter({}))
    body = with_keywords("<h1>Privacy</h1><p>Geen cookies.</p>", "AVG, gdpr")
    doc = writer.document("privacy/", "Privacy", body, True)
    assert '<p data-pagefind-weight="3">avg gdpr</p>' in doc
    assert 'data-pagefind-meta="verborgen:2"' in doc and "data-ll-zoekwoorden" not in doc
    assert with_keywords("<p>x</p>", ["colofon", " ", "over ons"]) == "<p>x</p><p data-ll-zoekwoorden>colofon over ons</p>"
    # a list with something that is no text is left out whole: the build stops on it (keywords_problem, below)
    assert with_keywords("<p>x</p>", ["colofon", 12, None, {"a": 1}]) == "<p>x</p>"
    assert with_keywords("<p>x</p>", {"avg": 1}) == with_keywords("<p>x</p>", None) == "<p>x</p>"
    hostile = with_keywords("<p>x</p>", "<script>alert(1)</script>, a&b")
    assert "<script>" not in hostile and "&lt;script&gt;" in hostile
    doc = writer.document("over/", "Over", hostile, True)
    assert "<script>" not in doc and "alert" in doc  # its words, escaped
    # a generated page cannot bring search words: only hand-written pages read the element
    doc = writer.document("praktijken/x/", "X", with_keywords("<p>tekst</p>", "colofon"), False)
    assert "colofon" not in doc.split("</div>", 1)[1]


def test_an_invented_example_is_marked_for_the_search_page(tmp_path):
    writer = Writer(tmp_path, Splitter({}))
    note = '<p class="ll-voorbeeld" role="note" data-pagefind-ignore data-ll-voorbeeld>Dit is een voorbeeld.</p>'
    assert 'data-pagefind-meta="voorbeeld:ja"' in writer.document("tafels/x/", "Voorbeeld: x", note + "<p>y</p>", False)
    assert "voorbeeld:ja" not in writer.document("tafels/y/", "Y", "<p>Een voorbeeld van werk.</p>", False)


@pytest.mark.parametrize("value, problem", [
    ("avg, gdpr", None), (["avg", "gdpr"], None), (None, None),
    (["avg", True], "[avg, True]"), ({"avg": 1}, "{avg: 1}"), (12, "12"),
])
def test_search_words_of_the_wrong_type_get_a_dutch_message(value, problem):
    from leerlandschap.searchdocs import keywords_problem

    said = keywords_problem(value)
    if problem is None:
        assert said is None
    else:
        assert said is not None and said.startswith("zoekwoorden moet woorden met komma's ertussen zijn")
        assert "tussen aanhalingstekens" in said


def test_a_build_with_wrong_search_words_stops_with_every_page_and_line(tmp_path):
    """`zoekwoorden: [avg, 2024]` (YAML reads 2024 as a number) on two pages: the build says both, with path and
    line, in Dutch, and makes no site."""
    from sitebuild import build, make_small_project

    project = make_small_project(tmp_path / "p")
    for name in ("privacy.md", "over.md"):
        page = project / "docs" / name
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(?m)^zoekwoorden:.*$", "zoekwoorden: [avg, 2024]", text), encoding="utf-8")
    done = build(project)
    out = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in out, out
    assert "De pagina's in docs/ bevatten 2 problemen. Er is niets gebouwd." in out, out
    for name in ("docs/over.md", "docs/privacy.md"):
        line = next(n for n, text in enumerate((project / name).read_text().splitlines(), 1) if text.startswith("zoekwoorden:"))
        assert f"{name}:{line}: zoekwoorden moet woorden met komma's ertussen zijn" in out, out
    assert not (project / "site" / "privacy" / "index.html").exists()


# Run in a process of its own: pytest-xdist's workers run a thread, and twocores.py never forks a process with threads.
CANONICAL_BOTH_WAYS = """
import os, sys
from pathlib import Path
from leerlandschap import searchindex

searchindex.INDEX_CHUNK, searchindex.MIN_CHUNKS = 300, 2  # many small chunks: the example site is small
writers = Path(sys.argv[3])
real = searchindex._write
def marking(folder, prefix, suffix, value, digits):  # notes which process encoded an index chunk
    if suffix == ".pf_index":
        with writers.open("a") as out:
            out.write(f"{os.getpid()}\\n")
    return real(folder, prefix, suffix, value, digits)
searchindex._write = marking
searchindex.canonicalise(Path(sys.argv[1]))
searchindex.on_two_cores = lambda work, elements, minimum: work(elements)  # one core
searchindex.canonicalise(Path(sys.argv[2]))
print(os.getpid())
"""


def test_the_index_chunks_are_encoded_on_two_cores_with_the_same_bytes(example_project, tmp_path):
    """A build's search index process encodes every other index chunk in a forked process (twocores.py; the encoding
    is most of canonicalise's time): the files are byte for byte those one process makes."""
    import shutil
    import subprocess
    import sys

    for side in ("twee", "een"):
        shutil.copytree(example_project / "site" / "pagefind", tmp_path / side)
    writers = tmp_path / "schrijvers.txt"
    result = subprocess.run([sys.executable, "-c", CANONICAL_BOTH_WAYS, str(tmp_path / "twee"), str(tmp_path / "een"),
                             str(writers)], capture_output=True, text=True, encoding="utf-8", check=True)
    files = lambda side: {p.relative_to(tmp_path / side): p.read_bytes() for p in (tmp_path / side).rglob("*") if p.is_file()}
    both, one = files("twee"), files("een")
    assert len([name for name in both if name.suffix == ".pf_index"]) >= 4
    assert both == one
    pids = writers.read_text(encoding="utf-8").split()
    assert len(set(pids)) == 2 and result.stdout.strip() in pids  # this process and a fork


def test_the_search_page_reads_the_meta_fields_the_documents_write():
    """The meta fields are named once, in searchdocs.py; the search page (docs/assets/zoeken/) reads them by those
    names, and gives the three that are data, not words of the page, no weight in Pagefind's ranking (Pagefind 1.5
    scores the words of meta fields: "16" found the pages with 16 hidden words first)."""
    from leerlandschap import searchdocs

    script = "\n".join(p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "docs" / "assets"
                                                                      / "zoeken").glob("*.js")))
    ranking = re.search(r"const RANKING = (\{.*\});", script)
    assert ranking is not None
    for name in (searchdocs.HIDDEN_META, searchdocs.EXAMPLE_META, searchdocs.MARKED_META):
        assert f"meta.{name}" in script, name
        assert re.search(rf"metaWeights: \{{[^}}]*\b{name}: 0\b", ranking.group(1)), name


@pytest.mark.parametrize("title, whole", [
    ("Zet blijvend en gericht ervaringsdeskundigen in", ["inzetten"]),  # the particle ends the order
    ("Zet in op leren binnen en tussen niveaus", ["inzetten"]),  # right after the verb, before a preposition
    ("Stem landelijk, regionaal en lokaal leren op elkaar af", ["afstemmen"]),
    ("Leg de afspraken vast", ["vastleggen"]),  # a short vowel doubles the consonant
    ("Neem de vragen mee", ["meenemen"]),  # a long vowel is written once before -en
    ("Haal signalen op", ["ophalen"]),
    ("Werk aan gedeeld commitment en draagvlak", []),  # "aan" is a preposition here: no "aanwerken"
    ("Maak ruimte voor ontmoeting en verbinding", []),
])
def test_a_title_that_splits_a_verb_gives_the_whole_verb(title, whole):
    """Dutch writes a separable verb apart in an order: a reader searching "inzetten" means "Zet ... in"."""
    assert joined_verbs(split(title)) == whole



DUTCH = {"coördineren", "creëren", "structureren", "maken", "omarmen", "geven", "blijven", "werken", "inzetten"}


@pytest.mark.parametrize("title, verbs", [
    ("Coördineer het leren", ["coördineren"]),  # a long vowel is written once before -en
    ("Creëer blijvende ruimte voor reflectie", ["creëren"]),  # "ëe" is the long vowel after ë
    ("Structureer het leren", ["structureren"]),
    ("Omarm wrijving en ongemak", ["omarmen"]),
    ("Geef ruimte aan twijfel", ["geven"]),  # f becomes v before -en
    ("Blijf leren", ["blijven"]),
    ("Zet blijvend en gericht ervaringsdeskundigen in", ["inzetten"]),  # a separable verb: the whole verb, as before
    ("Samen leren", []),  # no order: the first word already ends in -en
    ("Ruimte voor leren", []),  # "ruimteen" is no Dutch word
])
def test_a_title_that_is_an_order_gives_its_verb_as_a_reader_types_it(title, verbs):
    """A bouwsteen's title is an order ("Coördineer het leren"); a reader types the infinitive ("coördineren"), which
    Pagefind's stemmer does not match to the order's form (issue 22, round three of search that finds)."""
    assert order_verbs(split(title), DUTCH.__contains__) == verbs
