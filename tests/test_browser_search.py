"""Search as a visitor uses it, in a real headless Chromium: header search, a filter, a result."""
import re

import pytest
from playwright.sync_api import expect

from browser import hold_the_clock, move_the_clock_until, on_search_page, until


@pytest.fixture(scope="module")
def served(example_site):
    return example_site[1]


@pytest.fixture
def fresh_visit(chromium, served):
    """A page in a fresh context, for a test that installs a clock or routes, or counts what a first visit loads."""
    context = chromium.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    yield page, requests
    assert [url for url in requests if not url.startswith(served)] == []  # nothing goes to another host
    assert context.cookies() == []
    context.close()


@pytest.fixture
def visit(kept_page):
    """The page the search tests of a file share (conftest.kept_page) and the addresses this test asked for."""
    page = kept_page()
    return page, page.requests


def test_header_search_filter_and_open_result(visit, served):
    page, _ = visit
    page.goto(served + "rollen/bestuurder/")
    page.get_by_role("searchbox", name="Zoek op deze site").fill("bestuurders")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=bestuurders$"))
    status = page.locator("#ll-zoekstatus")
    expect(status).to_contain_text("voor \u201cbestuurders\u201d")
    page.locator("#ll-filterblok summary").click()  # the filters load when they are opened
    page.get_by_role("checkbox", name=re.compile(r"^bouwsteen( \(\d+\))?$")).check()
    expect(page).to_have_url(re.compile(r"soort=bouwsteen"))
    kinds = page.locator("#ll-resultaten .ll-soort")
    expect(kinds.first).to_have_text("Bouwsteen")
    assert set(kinds.all_inner_texts()) == {"Bouwsteen"}
    expect(page.locator("#ll-resultaten .ll-meta").first).to_have_text("Bouwsteen \u00b7 Bouwstenen")
    result = page.locator("#ll-resultaten a", has_text="Investeer in bestuurlijk leren")
    expect(result).to_be_visible()
    result.click()
    page.wait_for_url(re.compile(r"/bouwstenen/investeer-in-bestuurlijk-leren/$"))
    expect(page.locator("h1")).to_have_text("Investeer in bestuurlijk leren")


def test_search_works_after_navigating_inside_the_site(visit, served):
    page, _ = visit
    page.goto(served)
    page.get_by_role("link", name="Tafels", exact=True).first.click()
    page.locator("article a", has_text="Leertafel Logeren").first.click()
    page.get_by_role("searchbox", name="Zoek op deze site").fill("intervisie")
    page.get_by_role("button", name="Zoek", exact=True).first.click()
    expect(page.locator("#ll-resultaten li").first).to_be_visible()
    expect(page.locator("#ll-zoekstatus")).to_contain_text("resultat")
    page.locator("#ll-filterblok summary").click()
    page.get_by_role("checkbox", name=re.compile(r"^tafel( \(\d+\))?$")).check()
    expect(page.locator("#ll-resultaten a", has_text="Intervisiegroep 1")).to_be_visible()


@pytest.mark.parametrize("query, value", [("bestuurder", "praktijk"), ("intervisie", "tafel"), ("monitoring", "bouwsteen")])
def test_a_filter_opened_after_a_search_counts_that_searchs_results(fresh_visit, served, query, value):
    """The guide for professionals: search, then open Filters and tick "praktijk". Each value says how many results
    it gives for the query on the page. The filters load when the block opens; the answer kept from before they
    were loaded had no counts, so every value read "(0)" (a reader does not tick "praktijk (0)")."""
    page, _ = fresh_visit
    page.goto(served + "zoeken/")
    search(page, served, query)
    page.locator("#ll-filterblok summary").click()
    box = page.get_by_role("checkbox", name=re.compile(rf"^{value} \((\d+)\)$"))
    expect(box).to_be_visible()
    expect(box).not_to_have_accessible_name(f"{value} (0)")
    said = int(re.search(r"\((\d+)\)$", box.evaluate("box => box.labels[0].textContent.trim()")).group(1))
    box.check()
    expect(page.locator("#ll-zoekstatus")).to_contain_text(f"{said} resulta")
    assert said > 0 and page.locator("#ll-resultaten li").count() == min(said, 5)


def test_results_come_five_at_a_time(fresh_visit, served):
    page, requests = fresh_visit
    page.goto(served + "zoeken/?q=bestuurders")
    results = page.locator("#ll-resultaten li")
    expect(results).to_have_count(5)
    page.wait_for_load_state("networkidle")
    assert len([url for url in requests if url.endswith(".pf_fragment")]) == 5  # only the text of what is shown
    more = page.get_by_role("button", name="Toon meer resultaten")
    more.click()
    expect(results).to_have_count(10)
    assert page.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#ll-resultaten li')[5]")
    more.click()
    expect(results).to_have_count(15)
    page.wait_for_load_state("networkidle")
    assert len([url for url in requests if url.endswith(".pf_fragment")]) == 15


# ---- Query understanding and results that explain themselves (issue 22) -----------------------------------

def search(page, served, query):
    """The results for `query` typed on the search page: where the page is, if it is there (browser.on_search_page)."""
    if not on_search_page(page.url, served):
        page.goto(served + "zoeken/")
    page.fill("#ll-zoekveld", query)
    page.wait_for_function("q => { const l = document.querySelector('#ll-resultaten'); return l.dataset.query === q && !l.dataset.wacht; }", arg=query)
    return [a.removeprefix(served) for a in page.eval_on_selector_all("#ll-resultaten li > a", "l => l.map(a => a.href)")]


def test_little_words_are_dropped_and_said(visit, served):
    page, _ = visit
    urls = search(page, served, "hoe zet ik een leertafel op")
    assert urls and all("leertafel" in url for url in urls[:3])  # the little words did not pick the results
    hint = page.locator("#ll-zoekhulp")
    expect(hint).to_contain_text("woorden zoals")
    for word in ("hoe", "ik", "een", "op"):
        expect(hint).to_contain_text(f"\u201c{word}\u201d")
    assert "leertafel" not in hint.inner_text().split("woorden zoals")[1]


@pytest.mark.parametrize("query, one, other", [("logeren schermlezer", "tafels/leertafel-logeren/", "toegankelijkheid/"),
                                                ("jggz privacy", "tafels/leertafel-jggz/", "privacy/")])
def test_any_word_fallback_is_said(visit, served, query, one, other):
    page, _ = visit
    urls = search(page, served, query)  # no page has both words
    assert one in urls and other in urls
    expect(page.locator("#ll-zoekstatus")).to_contain_text("Geen resultaat met alle woorden")
    expect(page.locator("#ll-zoekstatus")).to_contain_text("met een deel van de woorden")


@pytest.mark.parametrize("typed, meant", [("vergadermdus", "vergadermodus"), ("ontmoetign", "ontmoeting")])
def test_a_typo_gets_a_suggestion_and_results(visit, served, typed, meant):
    page, _ = visit
    urls = search(page, served, typed)
    assert urls
    help_text = page.locator("#ll-zoekhulp")
    expect(help_text).to_contain_text(f"Bedoel je {meant}?")
    expect(help_text.get_by_role("link", name=meant)).to_have_attribute("href", f"?q={meant}")


def test_a_word_that_is_nowhere_gives_nothing_rather_than_noise(visit, served):
    page, _ = visit
    assert search(page, served, "xylofoonkwartet") == []
    expect(page.locator("#ll-zoekstatus")).to_contain_text("Niets gevonden")


def test_a_synonym_from_begrippen_is_searched_too(visit, served):
    page, _ = visit
    urls = search(page, served, "werkgroep")  # Begrippen: Tafel, "Ook wel: overlegtafel, werkgroep, netwerk"
    expect(page.locator("#ll-zoekhulp")).to_contain_text("Ook gezocht op \u201ctafel\u201d")
    assert any(url.startswith("tafels/") for url in urls[:3])


def test_minutes_are_found_under_the_sites_word_for_what_a_meeting_gave(visit, served):
    """"notulen" is nowhere on the site; a meeting's report is its opbrengst (Begrippen: Opbrengst, "Ook wel: ...,
    verslag, notulen")."""
    page, _ = visit
    urls = search(page, served, "notulen")
    expect(page.locator("#ll-zoekhulp")).to_contain_text("Ook gezocht op \u201copbrengst\u201d")
    assert any(re.fullmatch(r"tafels/[^/]+/\d{4}-\d{2}-\d{2}/", url) for url in urls[:4]), urls[:4]  # a meeting


def test_matched_words_are_marked(visit, served):
    page, _ = visit
    search(page, served, "cultuur structuur")
    first = page.locator("#ll-resultaten li").first
    assert {m.lower() for m in first.locator("mark").all_inner_texts()} >= {"cultuur", "structuur"} or \
        len(first.locator("mark").all_inner_texts()) >= 2


def test_on_a_phone_the_first_result_is_above_the_fold_also_below_three_lines_of_explanation(chromium, served):
    """"praktjik voorbeelden": a typo, two words joined and six other words from Begrippen, all said above the
    results; the first result's title is still on the first screen of a phone."""
    context = chromium.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(served + "zoeken/?q=praktjik+voorbeelden")
    expect(page.locator("#ll-zoekhulp")).to_contain_text("gezocht als \u00e9\u00e9n woord")
    expect(page.locator("#ll-zoekhulp")).to_contain_text("Ook gezocht op")
    box = page.locator("#ll-resultaten li").first.bounding_box()
    assert box is not None and box["y"] + 40 <= 740
    context.close()


@pytest.mark.parametrize(("query", "first", "others"), [("overleg", "bijeenkomst", 8), ("notulen", "opbrengst", 6),
                                                         ("vergadering", "bijeenkomst", 4)])
def test_a_long_list_of_other_words_folds_so_the_first_result_shows_on_a_small_phone(chromium, served, query, first,
                                                                                      others):
    """Begrippen gives "overleg" nine other words: their line took four lines of a 360 px phone, and with the search
    form above it the first result fell below a 640 px screen. A long line now folds: the site's own word stays in
    view with how many more there are, and the whole line opens on a tap."""
    context = chromium.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served + "zoeken/?q=" + query)
    summary = page.locator("#ll-zoekhulp details summary")
    expect(summary).to_have_text(f"Ook gezocht op \u201c{first}\u201d en {others} andere woorden met dezelfde betekenis")
    box = page.locator("#ll-resultaten li").first.bounding_box()
    assert box is not None and box["y"] + 40 <= 640, box
    line = page.locator("#ll-zoekhulp details").get_by_text(f"(zelfde betekenis als \u201c{query}\u201d)")
    expect(line).to_be_hidden()
    summary.tap()
    expect(line).to_be_visible()
    assert line.inner_text().count("\u201c") == others + 2  # every other word, and the word typed
    context.close()


@pytest.mark.parametrize(("query", "line"), [("aanjager", "Ook gezocht op \u201ccoördinator\u201d"),
                                             ("afdrukken", "Ook gezocht op \u201cprinten\u201d en \u201cpdf\u201d")])
def test_a_short_list_of_other_words_stays_in_view(visit, served, query, line):
    page, _ = visit
    search(page, served, query)
    expect(page.locator("#ll-zoekhulp")).to_contain_text(line)
    expect(page.locator("#ll-zoekhulp").get_by_text(line)).to_be_visible()
    assert page.locator("#ll-zoekhulp details").count() == 0


def test_on_a_phone_the_first_result_is_above_the_fold(chromium, served):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(served + "zoeken/?q=bestuurder&soort=bouwsteen")
    first = page.locator("#ll-resultaten li").first
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box is not None and box["y"] + 40 <= 740  # its title is on the first screen, without scrolling
    expect(page.locator("#ll-filterblok summary")).to_have_text("Filters (1 gekozen)")
    assert page.evaluate("document.querySelector('#ll-filterblok').open") is False
    context.close()


def test_a_slice_of_the_judged_benchmark(chromium, served):
    """Every fifth query of tests/data/zoekvragen.yml (the full set: make zoekkwaliteit)."""
    from zoekkwaliteit import load_queries, ours, scores

    judged = load_queries()[::5]
    page = chromium.new_page()
    table = scores(judged, ours(page, served, [item["q"] for item in judged]))
    page.close()
    assert table["alle"]["s@3"] >= 0.9, table
    assert table["alle"]["leeg"] == 0


def test_nothing_of_search_loads_before_a_search(fresh_visit, served):
    page, requests = fresh_visit
    page.goto(served + "tafels/leertafel-logeren/")
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if "/pagefind/" in url or url.endswith("zoeken.js")] == []


def test_one_or_two_letters_wait_for_a_third(visit, served):
    page, _ = visit
    assert search(page, served, "be") == []
    expect(page.locator("#ll-zoekstatus")).to_have_text("Typ minstens drie letters.")
    assert search(page, served, "interv")  # a word being typed: the start of site words


# ---- Words that would find nearly every page (issue 22: each keystroke's results within 100 ms) ------------------

ANSWERED = "q => document.querySelector('#ll-resultaten').dataset.query === q"  # results and status are there


def open_search_page(page, served):
    """The search page, once its script is ready for a query (it says so in the status line)."""
    page.goto(served + "zoeken/")
    expect(page.locator("#ll-zoekstatus")).to_have_text("Typ een zoekwoord of kies een filter.")


def typed(page, served, text):
    """`text` typed into the search page's field; returns when the page has answered the last letter."""
    open_search_page(page, served)
    page.fill("#ll-zoekveld", text)
    page.wait_for_function(ANSWERED, arg=text, polling=50)


def typed_in_held_time(page, served, text):
    """As `typed`, on a page with an installed clock: the page loads in running time, and from the first letter on
    its time moves only as the test says. It has answered before a pause of the reader went by."""
    page.clock.resume()  # a held clock holds the next page's loading too
    open_search_page(page, served)
    hold_the_clock(page)
    page.fill("#ll-zoekveld", text)
    move_the_clock_until(page, ANSWERED, text)


@pytest.mark.parametrize("start", ["lee", "bes", "ref"])  # leren/leertafel, bestuur/beschrijft, reflectie/-vraag
def test_a_word_being_typed_that_starts_words_on_most_pages_waits_for_a_letter_or_a_pause(fresh_visit, served, start):
    """Such a search takes the longest and shows nothing in particular: the page asks for the next letter at once,
    and searches what was typed when the typing pauses or Enter is pressed."""
    page, _ = fresh_visit
    page.clock.install()  # the pause happens when the test says so
    status, results = page.locator("#ll-zoekstatus"), page.locator("#ll-resultaten li")
    typed_in_held_time(page, served, start)
    expect(status).to_have_text(f"Veel pagina\u2019s hebben een woord dat begint met \u201c{start}\u201d. "
                                "Typ verder of wacht even.")
    expect(results).to_have_count(0)
    page.clock.run_for(500)
    expect(results).to_have_count(5)
    expect(status).to_contain_text(f"resultaten voor \u201c{start}\u201d")
    typed_in_held_time(page, served, start)  # again, and now Enter: no waiting
    expect(results).to_have_count(0)
    page.keyboard.press("Enter")
    expect(results).to_have_count(5)


def test_the_next_letter_or_a_rarer_word_is_searched_at_once(fresh_visit, served):
    page, _ = fresh_visit
    page.clock.install()
    typed_in_held_time(page, served, "leert")  # leertafel: found on fewer pages
    expect(page.locator("#ll-resultaten li").first).to_be_visible()
    typed_in_held_time(page, served, "intervisie bes")  # the other word is searched while the last one waits
    expect(page.locator("#ll-resultaten li").first).to_contain_text(re.compile("[Ii]ntervisie"))
    expect(page.locator("#ll-zoekhulp")).to_contain_text("\u201cbes\u201d zoeken we als je verder typt of even wacht.")


# (not "bestuurders leren": a title says those two words, and a title with the whole query comes first)
@pytest.mark.parametrize("query, rarer, common", [("inwoners leren", "inwoners", "leren"),
                                                   ("intervisie geleerd", "intervisie", "geleerd"),
                                                   ("leren over governance", "governance", "leren")])
def test_a_word_on_nearly_every_page_counts_like_a_little_word_next_to_rarer_ones(visit, served, query, rarer, common):
    page, _ = visit
    alone = search(page, served, rarer)
    assert search(page, served, query) == alone  # the common word did not change the order
    expect(page.locator("#ll-zoekhulp")).to_contain_text(
        f"\u201c{common}\u201d staat op bijna elke pagina en telt daarom niet mee.")
    assert search(page, served, common)  # on its own it is searched
    expect(page.locator("#ll-zoekhulp")).not_to_contain_text("bijna elke pagina")


def test_results_with_marks_and_a_suggestion_pass_axe(visit, served):
    from test_quality import AXE, axe_violations

    if not AXE.is_file():
        pytest.fail("axe-core is missing: 'make test' installs the npm tools (npm ci)")
    page, _ = visit
    search(page, served, "vergadermdus cultuur")
    expect(page.locator("#ll-zoekhulp a")).to_have_count(1)
    expect(page.locator("#ll-resultaten mark").first).to_be_visible()
    assert axe_violations(page) == []


# ---- A first search loads only what it needs; only the newest query renders (issue 22) ---------------------------

def search_files(requests, served):
    return [url.removeprefix(served) for url in requests if "/pagefind/" in url]


def test_a_first_search_loads_no_word_list_no_filters_and_only_the_results_shown(fresh_visit, served):
    page, requests = fresh_visit
    page.goto(served + "rollen/bestuurder/")
    requests.clear()
    page.get_by_role("searchbox", name="Zoek op deze site").fill("bestuurders")  # a word the site has
    page.keyboard.press("Enter")
    expect(page.locator("#ll-resultaten li")).to_have_count(5)
    page.wait_for_load_state("networkidle")
    files = search_files(requests, served)
    # the page count and which letters have a file; then the words, stop words and synonyms of "b" only
    assert "pagefind/leerlandschap-woorden/hulp.json" in files and "pagefind/leerlandschap-woorden/62.json" in files
    assert not [f for f in files if "/leerlandschap-woorden/" in f and f.rsplit("/", 1)[1] not in ("hulp.json", "62.json")]
    assert "pagefind/leerlandschap-woorden.json" not in files  # the whole word list: only for a word the site lacks
    assert not [f for f in files if "/filter/" in f]  # the filters: only when the filter block is opened
    assert len([f for f in files if f.endswith(".pf_fragment")]) <= 5  # the text of the five results shown, no more
    assert not [f for f in files if "-ui" in f or "highlight" in f or "worker" in f]
    requests.clear()
    page.locator("#ll-filterblok summary").click()
    expect(page.get_by_role("checkbox", name=re.compile(r"^bouwsteen \(\d+\)$"))).to_be_visible()
    assert [f for f in search_files(requests, served) if "/filter/" in f]


@pytest.mark.parametrize("typed, meant", [("leertafle", "leertafel"), ("intervsie", "intervisie")])
def test_a_word_the_site_lacks_loads_the_word_list_and_is_corrected(fresh_visit, served, typed, meant):
    page, requests = fresh_visit
    page.goto(served + "zoeken/?q=" + typed)
    expect(page.locator("#ll-zoekhulp a")).to_have_text(meant)
    assert "pagefind/leerlandschap-woorden.json" in search_files(requests, served)


def test_only_the_newest_query_renders(visit, served):
    """Typed faster than a search takes: the searches in between are dropped, the list shows the last text."""
    page, _ = visit
    open_search_page(page, served)
    renders = page.evaluate("""async () => {
      const input = document.querySelector("#ll-zoekveld");
      const list = document.querySelector("#ll-resultaten");
      const seen = [];
      new MutationObserver(() => seen.push(list.dataset.query)).observe(list, { childList: true });
      for (const text of ["bes", "best", "bestu", "bestuu", "bestuur", "bestuurl", "bestuurlijk", "intervisie"]) {
        input.value = text;
        input.dispatchEvent(new Event("input"));
      }
      await new Promise((done) => {
        const check = () => (list.dataset.query === "intervisie" ? done() : setTimeout(check, 20));
        check();
      });
      return seen;
    }""")
    assert len(renders) <= 2, renders  # at most the search already running when the typing started, then the last
    expect(page.locator("#ll-resultaten li").first).to_contain_text(re.compile("[Ii]ntervisie"))


@pytest.mark.parametrize("typed, address", [("leertafel", "zoeken/"), ("praktijk", "zoeken/?q=bestuurder")])
def test_what_is_typed_before_the_search_script_runs_is_kept_and_searched(fresh_visit, served, typed, address):
    """On a slow phone the field can be typed in before the search script has run: the text must stay and be
    searched, never be replaced by the address's (or an empty) query."""
    page, _ = fresh_visit
    release = []
    page.route("**/assets/zoeken.js", lambda route: release.append(route))  # held back until the field is filled
    page.goto(served + address, wait_until="commit")  # a deferred script holds back DOMContentLoaded
    field = page.get_by_role("searchbox", name="Waar zoek je naar?")
    field.fill(typed)
    until(page, lambda: release, "the request for the search script")
    assert len(release) == 1, "the search script should have been asked for exactly once"
    release[0].continue_()
    expect(page.locator("#ll-zoekstatus")).to_contain_text(f"voor \u201c{typed}\u201d")
    expect(field).to_have_value(typed)
    expect(page).to_have_url(re.compile(rf"\?q={typed}$"))


@pytest.mark.parametrize("query, wanted, request_words", [
    ("waar vind ik alle tafels", "tafels/", ("vind",)),
    ("zoek informatie over governance", "bouwstenen/organiseer-de-governance/", ("zoek", "informatie")),
    ("open data downloaden", "data/", ("downloaden",)),  # meeting pages say "download" (their calendar file)
    ("vragensets bekijken", "vragensets/", ("bekijken",)),
])
def test_the_words_of_a_request_do_not_pick_the_results(visit, served, query, wanted, request_words):
    """"vind", "zoek", "informatie", "downloaden" ask the search box for something; they are not what the page is
    about."""
    page, _ = visit
    urls = search(page, served, query)
    assert wanted in urls[:3], urls[:3]
    for word in request_words:
        expect(page.locator("#ll-zoekhulp")).to_contain_text(f"\u201c{word}\u201d")


@pytest.mark.parametrize("query, wanted, verb", [
    ("hoe zorg ik voor draagvlak", "bouwstenen/werk-aan-gedeeld-commitment-en-draagvlak/", "zorg"),
    ("hoe organiseer ik reflectie voor bestuurders",
     "bouwstenen/creeer-blijvende-ruimte-voor-reflectie-op-bestuurlijk-niveau/", "organiseer"),
    ("hoe betrek je ervaringsdeskundigen", "rollen/ervaringsdeskundige/", "betrek"),
])
def test_the_verb_of_a_how_question_does_not_pick_the_results(visit, served, query, wanted, verb):
    """In "hoe zorg ik voor draagvlak" the reader asks about support; a page is not held back for lacking "zorg"."""
    page, _ = visit
    urls = search(page, served, query)
    assert wanted in urls[:3], urls[:3]
    expect(page.locator("#ll-zoekhulp")).to_contain_text(f"\u201c{verb}\u201d hoort bij je vraag en telt minder mee.")


def test_a_how_question_with_only_its_verb_searches_the_verb(visit, served):
    page, _ = visit
    assert search(page, served, "hoe organiseer je")[:1] == ["bouwstenen/organiseer-de-governance/"]
    expect(page.locator("#ll-zoekhulp")).not_to_contain_text("hoort bij je vraag")


@pytest.mark.parametrize("query, anchor, heading", [
    ("wat is een leertafel", "leertafel", "Leertafel"),
    ("wat zijn leertafels", "leertafel", "Leertafel"),  # plural
    ("betekenis van governance", "governance", "Governance"),
    ("wat is jeugdzorg", "jeugdhulp", "Jeugdhulp"),  # an "Ook wel:" word leads to its entry
    ("wat betekent KDC", "kdc", "KDC"),
])
def test_asking_what_a_word_means_shows_its_begrip_first(visit, served, query, anchor, heading):
    page, _ = visit
    urls = search(page, served, query)
    assert urls[0] == f"begrippen/#{anchor}", urls[:3]
    first = page.locator("#ll-resultaten li").first
    expect(first.locator("a")).to_have_text(heading)
    expect(first).to_contain_text("Begrip")
    page.goto(served + urls[0])
    expect(page.locator(f"[id='{anchor}']")).to_have_count(1)  # the link lands on the entry


@pytest.mark.parametrize("query", ["leertafel", "governance", "hoe start ik een leertafel"])
def test_a_word_without_a_question_about_its_meaning_finds_pages_first(visit, served, query):
    page, _ = visit
    assert not search(page, served, query)[0].startswith("begrippen/")


def test_an_unknown_compound_is_searched_by_the_part_the_site_has(visit, served):
    page, _ = visit
    urls = search(page, served, "crisisopvang")  # "crisis" is on the site, "crisisopvang" and "opvang" are not
    assert "tafels/leertafel-crisis-reflectie-ontwikkelopgaven/" in urls[:3]
    expect(page.locator("#ll-zoekhulp")).to_contain_text("\u201ccrisisopvang\u201d staat niet op de site")
    expect(page.locator("#ll-zoekhulp")).to_contain_text("\u201ccrisis\u201d")
    assert search(page, served, "mantelzorg") == []  # only a short, common part ("zorg"): better nothing than noise


@pytest.mark.parametrize("query", ["installeren", "stimuleren", "controleren"])
def test_a_word_that_only_ends_like_a_word_on_every_page_is_said_to_be_missing(visit, served, query):
    """These verbs end in "leren", which is on nearly every page of a site about learning, but they are no compound
    of it. Searching "leren" for them listed every page, as if the site were about installing: the site says the
    word is not there instead (a web team looking for how to install the kit is not sent through 130 pages)."""
    page, _ = visit
    assert search(page, served, query) == []
    expect(page.locator("#ll-zoekhulp")).to_contain_text(f"\u201c{query}\u201d staat niet op de site.")
    expect(page.locator("#ll-zoekhulp")).not_to_contain_text("\u201cleren\u201d")


@pytest.mark.parametrize("query, line", [
    ("moreel beraad", "\u201cmoreel\u201d en \u201cberaad\u201d staan niet op de site."),
    ("lerende leren organisatie", "\u201clerende\u201d en \u201cleren\u201d staan op bijna elke pagina en tellen daarom niet mee."),
    ("gemeenteambtenaar", "\u201cgemeenteambtenaar\u201d gezocht als \u201cgemeente\u201d en \u201cambtenaar\u201d."),
    ("hoe zet ik een leertafel op", "Kleine woorden zoals \u201choe\u201d, \u201cik\u201d, \u201ceen\u201d en \u201cop\u201d tellen"),
])
def test_the_lines_under_the_search_field_list_words_in_plain_dutch(visit, served, query, line):
    """More than one word: "en" before the last, and the verb agrees ("staan", not "staat": taalniveau B1)."""
    page, _ = visit
    search(page, served, query)
    expect(page.locator("#ll-zoekhulp")).to_contain_text(line)


def test_a_number_finds_the_pages_that_say_it_before_pages_whose_search_data_holds_it(visit, served, example_site):
    """Pagefind 1.5 also searches the words of a page's meta fields. "verborgen" holds how many hidden words a page
    has (16 for Leertafel Thuis op Maat), which no reader sees: searching "16" put such pages first. Their weight is 0
    now (RANKING in 20-woorden.js): the pages that say "16" come first; the others follow (Pagefind still lists them)."""
    from htmltools import parse

    page, _ = visit
    urls = search(page, served, "16")
    def says_it(url):
        html = (example_site[0] / "site" / url / "index.html").read_text(encoding="utf-8")
        return "16" in re.findall(r"\d+", parse(html).find("main").all_text() + " " + url)
    shown = [says_it(url) for url in urls]
    assert shown[:2] == [True, True], list(zip(urls, shown, strict=True))


def test_a_participle_is_not_read_as_another_word_without_its_prefix(visit, served):
    """"gesloten jeugdzorg" (closed youth care) is no question about "sloten" (ditches), the site word left when "ge"
    is taken off: neither as a typo (two changes, and another first letter) nor as a compound's part (a start of one
    or two letters is a prefix). The site says "gesloten" is not there, and searches the rest."""
    page, _ = visit
    assert search(page, served, "gesloten") == []
    expect(page.locator("#ll-zoekhulp")).to_contain_text("\u201cgesloten\u201d staat niet op de site.")
    search(page, served, "gesloten jeugdzorg")
    expect(page.locator("#ll-zoekhulp")).to_contain_text("\u201cjeugdhulp\u201d")  # Begrippen: Jeugdhulp, "Ook wel: jeugdzorg"
    expect(page.locator("#ll-zoekhulp")).not_to_contain_text("\u201csloten\u201d")


@pytest.mark.parametrize("query, wanted", [
    ("ervaringsdeskundigen inzetten", "bouwstenen/zet-blijvend-en-gericht-ervaringsdeskundigen-in/"),
    ("leren afstemmen", "bouwstenen/stem-landelijk-regionaal-en-lokaal-leren-op-elkaar-af/"),
])
def test_a_verb_typed_whole_finds_the_bouwsteen_that_splits_it(visit, served, query, wanted):
    """A bouwsteen's title is an order, which splits a separable verb ("Zet ... in", "Stem ... af"). Searching the
    whole verb put pages that say "inzetten" first, and the bouwsteen about it not in the first five."""
    page, _ = visit
    assert wanted in search(page, served, query)[:2]


@pytest.mark.parametrize("query, part, wanted", [("logeerzorg", "logeren", "tafels/leertafel-logeren/"),
                                                 ("meeloopdag", "meelopen", "praktijken/meelopen-in-zes-regios/")])
def test_a_compound_that_starts_with_a_verb_stem_is_searched_by_the_verb(visit, served, query, part, wanted):
    """Dutch writes the long vowel of a stem double ("logeer-", "meeloop-") and single before an ending (logeren,
    meelopen): the part is found in the form the site has."""
    page, _ = visit
    assert wanted in search(page, served, query)[:3]
    expect(page.locator("#ll-zoekhulp")).to_contain_text(f"we zochten op een woord dat erin zit: \u201c{part}\u201d")


@pytest.mark.parametrize("query", ["constructor", "wat is constructor", "toString", "wat is een __proto__", "valueOf"])
def test_words_that_are_names_inside_javascript_are_searched_like_any_word(visit, served, query):
    """The site's synonyms and Begrippen are looked up by the typed word; "constructor" once found Object's own
    property there and the search stopped with an error, showing nothing."""
    page, _ = visit
    search(page, served, query)
    expect(page.locator("#ll-zoekstatus")).to_contain_text(re.compile(r"resulta|Niets gevonden"))
    assert page.errors == []  # recorded by kept_page


# ---- Nothing on a keystroke that can wait (issue 22) ---------------------------------------------------------------

def test_the_address_follows_the_typing_after_a_pause_and_at_once_on_enter(fresh_visit, served):
    """Every change of the address makes the browser ask for the page's icon again. While typing, the address
    changes once the typing pauses; Enter, and leaving the page, change it at once (back brings the search back)."""
    page, requests = fresh_visit
    page.clock.install()  # the pause happens when the test says so
    open_search_page(page, served)
    hold_the_clock(page)
    field = page.locator("#ll-zoekveld")
    requests.clear()
    field.press_sequentially("intervisie")
    move_the_clock_until(page, ANSWERED, "intervisie")
    assert "?" not in page.url
    assert [url for url in requests if "favicon" in url] == []
    page.clock.run_for(500)
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=intervisie$"))

    field.fill("governance")
    page.keyboard.press("Enter")  # no pause needed
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=governance$"))

    field.fill("leertafel")  # typed, and a result chosen before the pause
    move_the_clock_until(page, ANSWERED, "leertafel")
    assert page.url.endswith("?q=governance")
    page.locator("#ll-resultaten li a").first.click()
    page.wait_for_url(lambda url: "/zoeken/" not in url)
    page.clock.resume()  # the way back loads the search page in running time
    page.go_back()
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=leertafel$"))
    expect(field).to_have_value("leertafel")
    expect(page.locator("#ll-zoekstatus")).to_contain_text("voor \u201cleertafel\u201d")


def test_a_short_word_being_typed_does_not_hold_back_the_answer(fresh_visit, served):
    """The letter file of a word of one or two letters still being typed ("intervisie n") loads, but the results for
    the other words do not wait for it; a site word of two letters ("nl") is searched once its file is there."""
    page, _ = fresh_visit
    held = []
    page.route("**/leerlandschap-woorden/6e.json", lambda route: held.append(route))  # the words that start with n
    open_search_page(page, served)
    field = page.locator("#ll-zoekveld")
    field.press_sequentially("intervisie n")
    page.wait_for_function("() => document.querySelector('#ll-resultaten').dataset.query === 'intervisie n'", polling=50)
    expect(page.locator("#ll-resultaten li").first).to_contain_text(re.compile("[Ii]ntervisie"))
    assert len(held) == 1  # asked for, still on its way

    field.fill("nl")
    expect(page.locator("#ll-zoekstatus")).to_have_text("Typ minstens drie letters.")
    held[0].continue_()
    expect(page.locator("#ll-zoekstatus")).to_contain_text("voor \u201cnl\u201d")
    expect(page.locator("#ll-resultaten li").first).to_be_visible()


@pytest.mark.parametrize("query, word, letter_file", [
    ("hoe zet ik een leertafel op", "op", "6f"),  # a little word: named once its letter file is there
    ("wat is een leertafel in de", "de", "64"),  # another little word, another letter file
])
def test_what_the_page_ends_up_saying_does_not_depend_on_when_a_letter_file_came(fresh_visit, served, query, word,
                                                                                letter_file):
    """A short last word waits for its letter file without holding back the answer. When the file comes, the query is
    searched again: before, only for a site word ("nl"), so a little word at the end ("op") was named among the words
    that do not count only if its file happened to be there already (a fresh page named it, a page that had searched
    before did not: test_results_are_the_same_after_other_queries_as_on_a_fresh_page failed on a fresh clone). While
    the file is on its way, the results list says it waits (data-wacht)."""
    page, _ = fresh_visit
    held = []
    page.route(f"**/leerlandschap-woorden/{letter_file}.json", lambda route: held.append(route))
    open_search_page(page, served)
    page.locator("#ll-zoekveld").fill(query)
    page.wait_for_function("q => document.querySelector('#ll-resultaten').dataset.query === q", arg=query, polling=50)
    expect(page.locator("#ll-resultaten li").first).to_be_visible()  # the answer did not wait
    assert len(held) == 1 and page.locator("#ll-resultaten").get_attribute("data-wacht") == word
    held[0].continue_()
    page.wait_for_function("q => { const l = document.querySelector('#ll-resultaten'); "
                           "return l.dataset.query === q && !l.dataset.wacht; }", arg=query, polling=50)
    expect(page.locator("#ll-zoekhulp")).to_contain_text(f"\u201c{word}\u201d tellen niet mee")


TYPE_LETTERS = """async (word) => {
  const input = document.querySelector("#ll-zoekveld");
  const list = document.querySelector("#ll-resultaten");
  const seen = [];
  for (let i = 3; i <= word.length; i++) {
    const typed = word.slice(0, i);
    input.value = typed;
    input.dispatchEvent(new Event("input"));
    await new Promise((done) => { const check = () => (list.dataset.query === typed ? done() : setTimeout(check, 10)); check(); });
    seen.push([typed, list.dataset.wacht ? -1 : list.children.length]);
  }
  return seen;
}"""


@pytest.mark.parametrize("word, wanted", [
    ("monitoring", "bouwstenen/gebruik-monitoring-om-te-blijven-leren/"),  # stem "monitoor": "monitori" is not its start
    ("coordinator", "bouwstenen/coordineer-het-leren/"),  # the site writes "coördinator"
    ("creeer", "bouwstenen/creeer-blijvende-ruimte-voor-reflectie-op-bestuurlijk-niveau/"),  # "creëer"
])
def test_typing_a_site_word_letter_by_letter_never_shows_nothing(visit, served, word, wanted):
    """Every start of a word the site has finds pages while it is typed (or waits for a letter): no "Niets gevonden"
    on the way to a word that is there."""
    page, _ = visit
    open_search_page(page, served)
    seen = page.evaluate(TYPE_LETTERS, word)
    assert [typed for typed, count in seen if count == 0] == [], seen
    urls = [a.removeprefix(served) for a in page.eval_on_selector_all("#ll-resultaten li > a", "l => l.map(a => a.href)")]
    assert wanted in urls[:3], urls[:3]


def result_count(page):
    status = page.locator("#ll-zoekstatus").inner_text()
    return int(re.match(r"(\d+) resulta", status).group(1))


@pytest.mark.parametrize("one, other", [("opgave", "opgaven"), ("coördinator", "coördinatoren")])
def test_a_word_finds_the_pages_that_only_have_its_other_form(visit, served, one, other):
    """Pagefind finds words that start with the stem of a search word; Snowball stems "opgaven" to "opgaaf" and
    "coördinatoren" to "coordinatoor", so the singular missed the pages with only the plural."""
    page, _ = visit
    search(page, served, one)
    found_one = result_count(page)
    search(page, served, other)
    assert found_one == result_count(page)


def test_a_word_typed_without_accents_is_the_word_with_accents(visit, served):
    page, _ = visit
    assert "rollen/coordinator/" in search(page, served, "coordinator")[:3]  # the page title: "Coördinatoren"
    expect(page.locator("#ll-zoekhulp")).to_contain_text("\u201ccoördinator\u201d")  # its other words, as for "coördinator"


@pytest.mark.parametrize("plain, accented", [("zorgcoordinator", "zorgcoördinator"), ("teamcoordinatoren", "teamcoördinatoren")])
def test_a_compound_typed_without_accents_is_split_as_with_them(visit, served, plain, accented):
    """A reader on a phone rarely types the diaeresis. The parts of a compound are site words as the site writes them:
    "zorgcoordinator" is "zorg" and "coördinator", as "zorgcoördinator" is (it found only "zorg" pages before)."""
    page, _ = visit
    with_accents = search(page, served, accented)
    assert with_accents and search(page, served, plain) == with_accents
    expect(page.locator("#ll-zoekhulp")).to_contain_text(f"\u201c{plain}\u201d gezocht als \u201c")
    expect(page.locator("#ll-zoekhulp")).to_contain_text("\u201ccoördinator\u201d")


def test_the_part_of_an_unknown_word_may_have_accents_on_the_site(visit, served):
    """"coordinatorrol": no site word ends it, "coördinator" starts it. The part is found in the site's spelling."""
    page, _ = visit
    assert "bouwstenen/coordineer-het-leren/" in search(page, served, "coordinatorrol")[:3]
    expect(page.locator("#ll-zoekhulp")).to_contain_text("we zochten op een woord dat erin zit: \u201ccoördinator\u201d")


@pytest.mark.parametrize("query", ["zz99", "2099"])
def test_a_word_with_digits_that_starts_no_site_word_is_answered(visit, served, query):
    """The search page has no list of numbers: such a word is searched as typed, and the page answers."""
    page, _ = visit
    search(page, served, query)
    expect(page.locator("#ll-zoekstatus")).to_contain_text(f"\u201c{query}\u201d")
    assert page.errors == []  # recorded by kept_page


@pytest.mark.parametrize("query, wanted, parts", [
    ("privacyverklaring", "privacy/", "\u201cprivacy\u201d en \u201cverklaring\u201d"),  # one page says the word; the privacy page does not
    ("ontmoetingsplek", "bouwstenen/maak-ruimte-voor-ontmoeting-en-verbinding/", "\u201contmoeting\u201d"),  # "plek": short
    ("ontwikkelcultuur", "bouwstenen/werk-aan-structuur-en-cultuurverandering/", "\u201contwikkel\u201d en \u201ccultuur\u201d"),
])
def test_a_compound_on_few_pages_is_searched_by_its_parts_too(visit, served, query, wanted, parts):
    """A site word on a few pages only may be a compound whose parts the reader means: the page about a part
    comes up on the first page of results too (after the pages with the word itself), and the page says which parts
    were searched."""
    page, _ = visit
    assert wanted in search(page, served, query)
    expect(page.locator("#ll-zoekhulp")).to_contain_text(
        f"\u201c{query}\u201d staat op weinig pagina\u2019s. We zochten ook op {parts}.")


def test_the_page_with_the_compound_itself_stays_first(visit, served):
    """"teamoverleg" is the working form of one question set (the line above its title); pages that only say
    "overleg" come after it. "team" is too short a part to search."""
    page, _ = visit
    assert search(page, served, "teamoverleg")[0] == "vragensets/teamsessie-leren-klein-en-concreet/"
    expect(page.locator("#ll-zoekhulp")).to_contain_text("We zochten ook op \u201coverleg\u201d.")


@pytest.mark.parametrize("query", ["leertafel", "leerdoelen"])  # on many pages; only short parts ("leer", "doel")
def test_a_compound_on_many_pages_or_with_short_parts_is_searched_as_it_is(visit, served, query):
    page, _ = visit
    assert search(page, served, query)
    expect(page.locator("#ll-zoekhulp")).not_to_contain_text("staat op weinig pagina")


@pytest.mark.parametrize("query, word, wanted", [
    ("leer tafel", "leertafel", "praktijken/leertafel-in-drie-stappen/"),
    ("ervarings deskundige", "ervaringsdeskundige", "rollen/ervaringsdeskundige/"),
    ("praktijk voorbeelden", "praktijkvoorbeeld", "praktijken/"),  # an "ook wel" word of Begrippen for goede praktijken
    ("leer tafle", "leertafel", "praktijken/leertafel-in-drie-stappen/"),  # with a typo in one of the two
    ("praktjik voorbeelden", "praktijkvoorbeeld", "praktijken/"),
])
def test_a_compound_written_as_two_words_is_searched_as_one(visit, served, query, word, wanted):
    page, _ = visit
    assert wanted in search(page, served, query)[:3]
    expect(page.locator("#ll-zoekhulp")).to_contain_text(f"\u201c{query}\u201d gezocht als \u00e9\u00e9n woord: \u201c{word}\u201d.")


def test_two_words_that_are_no_site_word_together_stay_two_words(visit, served):
    page, _ = visit
    assert search(page, served, "open data")[0] == "data/"
    expect(page.locator("#ll-zoekhulp")).not_to_contain_text("gezocht als \u00e9\u00e9n woord")
    typed(page, served, "leer t")  # still being typed: not "leert"
    expect(page.locator("#ll-zoekhulp")).not_to_contain_text("gezocht als \u00e9\u00e9n woord")


@pytest.mark.parametrize("query, wanted", [("pilot", "praktijken/pilots-blijvend-lerende-omgeving/"),
                                           ("teamsessie", "vragensets/teamsessie-leren-klein-en-concreet/")])
def test_an_item_is_found_by_a_word_of_its_name_in_the_address(visit, served, query, wanted):
    """Neither page says the word; its address does (the editor's name for the item)."""
    page, _ = visit
    assert search(page, served, query)[0] == wanted


@pytest.mark.parametrize("query", ["andere regio's", "buurregio", "wat doen andere regio's"])
def test_other_regions_find_the_neighbours_page(visit, served, query):
    """The page about other regions is called "Gluren bij de buren"; Begrippen explains Buren with its other words."""
    page, _ = visit
    assert search(page, served, query)[0] == "buren/"


@pytest.mark.parametrize("query, wanted", [
    ("motivatie", "bouwstenen/heb-een-lange-adem-en-creeer-ademruimte/motiveren/"),  # the site says "motiveren"
    ("reflecteren", "bouwstenen/creeer-blijvende-ruimte-voor-reflectie-op-bestuurlijk-niveau/"),  # "reflectie"
    ("evaluatie", "bouwstenen/gebruik-monitoring-om-te-blijven-leren/effect-evalueren/"),  # "evalueren"
])
def test_a_word_finds_the_words_made_from_it_with_another_ending(visit, served, query, wanted):
    """Dutch makes a noun of a verb with -atie, -ectie or -ing (motiveren, motivatie); the stemmer keeps them apart."""
    page, _ = visit
    assert wanted in search(page, served, query)[:3]


@pytest.mark.parametrize("query, overview", [("welke leertafels zijn er", "tafels/"), ("alle praktijken", "praktijken/"),
                                             ("welke thema's zijn er", "themas/")])
def test_a_question_for_a_list_gets_the_overview_first(visit, served, query, overview):
    page, _ = visit
    assert search(page, served, query)[0] == overview
    expect(page.locator("#ll-zoekhulp")).to_contain_text("Je vraagt om een lijst: het overzicht staat bovenaan.")


def test_all_in_a_question_that_no_overview_names_changes_nothing(visit, served):
    page, _ = visit
    assert search(page, served, "leren met alle partners")
    expect(page.locator("#ll-zoekhulp")).not_to_contain_text("Je vraagt om een lijst")


@pytest.mark.parametrize("address, kept", [
    ("zoeken/", True), ("zoeken/?q=leertafel", True), ("zoeken/?q=", True),
    ("zoeken/?q=leertafel&soort=bouwsteen", False), ("zoeken/?soort=praktijk", False), ("zoeken/#ll-resultaten", False),
    ("rollen/bestuurder/", False), ("zoeken/extra/", False),
])
def test_a_test_types_on_the_open_search_page_only_without_a_filter(served, address, kept):
    """search() and kept_page keep the search page open between tests (browser.on_search_page): only where a new
    query starts as on a freshly opened page (no filter chosen, no anchor), and only on this site."""
    assert on_search_page(served + address, served) is kept
    assert on_search_page("http://elders.example/" + address, served) is False


def test_results_are_the_same_after_other_queries_as_on_a_fresh_page(visit, new_page, served):
    """What a query finds, and what the page says about it, does not depend on the queries typed before it on the
    same page: the search tests type one query after another (search()), as a reader does."""
    page, _ = visit
    wanted = ["leertafel", "praktjik voorbeelden", "hoe zet ik een leertafel op"]

    def seen(on):
        return ([a.removeprefix(served) for a in on.eval_on_selector_all("#ll-resultaten li > a", "l => l.map(a => a.href)")],
                on.locator("#ll-zoekhulp").inner_text(), on.locator("#ll-zoekstatus").inner_text())

    fresh = {}
    for query in wanted:
        other = new_page()
        search(other, served, query)
        fresh[query] = seen(other)
    for before in ("xylofoonkwartet", "bestuur", "intervisie"):
        search(page, served, before)
    for query in wanted:
        search(page, served, query)
        assert seen(page) == fresh[query], query
