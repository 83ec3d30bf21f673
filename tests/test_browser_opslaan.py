"""What the editing page (/beheer/) saves, the checker accepts: the rules of `make check` that Sveltia's form cannot
express are applied before saving (leerlandschap/cms_rules.py, templates/beheer-opslaan.js). Without them a
coordinator saved a meeting, the build failed on it, and the meeting never reached the site.

In a real headless Chromium, offline, in the editor's proef mode (test_browser_cms.py's `editor` fixture).
"""
import re

import pytest
import yaml
from playwright.sync_api import expect
from test_browser_beheer_task import axe, english_on
from test_browser_cms import (  # noqa: F401  (fixtures)
    BOUWSTEEN,
    TAFEL,
    add_item,
    add_to_outcome,
    check_and_render,
    editor,
    editor_site,
    fill_new_praktijk,
    new_meeting_with_outcome,
    refused,
    scroll_to,
    written,
)

from browser import WAIT, until
from leerlandschap import textcheck

MEETINGS = f"#/collections/bijeenkomsten-{TAFEL}"


def saved_meeting(page, day):
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(re.escape(MEETINGS) + "$"), timeout=WAIT)
    path = f"content/tafels/{TAFEL}/{day}.yml"
    return path, written(page, path)


def paste(page, field, text):
    field.click()
    page.keyboard.insert_text(text)


def test_characters_pasted_from_word_a_pdf_or_outlook_are_cleaned_before_saving(editor, editor_site, tmp_path):  # noqa: F811
    # The checker refuses each of these characters ("In deze tekst staat een onzichtbaar teken (U+000B)", "... dat de
    # leesrichting omdraait (U+202A)"), and a coordinator cannot see them:
    # - Word: its line break (Shift+Enter) comes as a vertical tab (U+000B);
    # - a PDF: a page break comes as a form feed (U+000C), a byte order mark (U+FEFF) in the middle of a word;
    # - Outlook and Teams: a phone number between marks that set its direction (U+202A ... U+202C).
    page = new_meeting_with_outcome(editor, "17-03-2027", "Inzicht")
    paste(page, page.get_by_role("textbox", name="Inzichten"), "Jongeren willen\u000béén aanspreekpunt.\u000b")
    paste(page, page.get_by_role("textbox", name="Titel"), "Overleg\u000bjon\ufeffgeren")
    paste(page, page.get_by_role("textbox", name="Locatie"), "Wijkcentrum, bel \u202a06-12345678\u202c")
    paste(page, page.get_by_role("textbox", name="Verslag"), "Eerste pagina.\u000cTweede pagina.\u0001")
    path, saved = saved_meeting(page, "2027-03-17")
    data = yaml.safe_load(saved)
    assert data["titel"] == "Overleg jongeren"  # a one-line text: a space for the line break
    assert data["locatie"] == "Wijkcentrum, bel 06-12345678"
    assert data["opbrengst"]["inzichten"] == ["Jongeren willen één aanspreekpunt."]  # trimmed, as the checker wants
    assert data["verslag"] == "Eerste pagina.\nTweede pagina."  # a longer text keeps the page break as a line break
    pages = check_and_render(editor_site, tmp_path, path, saved)
    assert "Wijkcentrum, bel 06-12345678" in pages[f"tafels/{TAFEL}/2027-03-17/"].all_text()


def test_a_text_of_nothing_but_such_characters_is_left_out(editor, editor_site, tmp_path):  # noqa: F811
    # An optional field that held only a mark: left out, not written as "" (the checker: "Dit veld is leeg").
    page, _ = editor
    page.goto(page.url.split("#")[0] + MEETINGS + "/new")
    page.get_by_role("textbox", name="Datum").fill("18-03-2027", timeout=WAIT)
    paste(page, page.get_by_role("textbox", name="Locatie"), "\u202a\u202c")
    path, saved = saved_meeting(page, "2027-03-18")
    assert "locatie" not in yaml.safe_load(saved)
    check_and_render(editor_site, tmp_path, path, saved)


def test_what_shows_nothing_is_taken_off_the_ends_of_a_one_line_text(editor, editor_site, tmp_path):  # noqa: F811
    # The checker refuses a one-line text that starts or ends with a character that shows nothing ("begint of eindigt
    # met een onzichtbaar teken (U+200B)") and a text of nothing else ("niets leesbaars"). A web page brings zero-width
    # spaces, Word a soft hyphen, a chat a word joiner; the marks that belong to an emoji stay.
    page = new_meeting_with_outcome(editor, "23-03-2027", "Inzicht")
    paste(page, page.get_by_role("textbox", name="Inzichten"), "\u00adSamen lunchen werkt \u2764\ufe0f")
    paste(page, page.get_by_role("textbox", name="Titel"), "\u200bOverleg jongeren\u200b\u2060")
    paste(page, page.get_by_role("textbox", name="Locatie"), "\u2060\u200b")
    paste(page, page.get_by_role("textbox", name="Verslag"), "\u200b \u200b")
    path, saved = saved_meeting(page, "2027-03-23")
    data = yaml.safe_load(saved)
    assert data["titel"] == "Overleg jongeren" and data["opbrengst"]["inzichten"] == ["Samen lunchen werkt \u2764\ufe0f"]
    assert "locatie" not in data and "verslag" not in data
    check_and_render(editor_site, tmp_path, path, saved)


def test_the_page_sees_nothing_where_the_checker_sees_nothing(chromium):
    # textcheck.invisible is Unicode's categories C and Z in the checker's Unicode version; the page asks JavaScript for
    # \p{C} and \p{Z} in the browser's. Compared on every code point both versions know (Python's Cn: unassigned).
    import bisect
    import unicodedata

    from leerlandschap.cms_rules import save_rules

    rule = save_rules({"collections": []})["invisible"]
    known = [code for code in range(0x110000) if unicodedata.category(chr(code)) != "Cn"]
    python = [code for code in known if textcheck.invisible(chr(code))]
    page = chromium.new_page()
    # The browser answers in runs of code points [first, last]: a list of every code point is a million values to send.
    runs = page.evaluate("""source => { const rule = new RegExp('^' + source + '$', 'u'), runs = [];
        for (let code = 0; code < 0x110000; code++) if (rule.test(String.fromCodePoint(code))) {
            if (runs.length && runs[runs.length - 1][1] === code - 1) runs[runs.length - 1][1] = code; else runs.push([code, code]); }
        return runs; }""", rule)
    page.close()
    starts = [first for first, _ in runs]
    javascript = [code for code in known if (at := bisect.bisect_right(starts, code) - 1) >= 0 and code <= runs[at][1]]
    assert javascript == python and len(python) > 1000



@pytest.mark.parametrize("name", ["XML_FORBIDDEN", "DIRECTION_OVERRIDE", "SINGLE_LINE_FORBIDDEN"])
def test_the_page_refuses_exactly_the_characters_the_checker_refuses(chromium, name):
    # The page's rule is the checker's, written for JavaScript (cms_rules.js_source): compared on every code point.
    from leerlandschap.cms_rules import js_source

    pattern = getattr(textcheck, name)
    python = [code for code in range(0x110000) if pattern.fullmatch(chr(code))]
    page = chromium.new_page()
    javascript = page.evaluate("""source => { const rule = new RegExp('^' + source + '$', 'u'), found = [];
        for (let code = 0; code < 0x110000; code++) if (rule.test(String.fromCodePoint(code))) found.push(code);
        return found; }""", js_source(pattern.pattern))
    page.close()
    assert javascript == python and len(python) > 1


def test_a_date_outside_the_checkers_years_is_refused_in_the_form(editor, editor_site, tmp_path):  # noqa: F811
    # The checker accepts dates from 2000 to 2100 ("1999-03-12 ligt niet tussen 2000 en 2100"): a year typed wrong
    # (1027, 2207) is refused in the form, for the meeting's date and an agreement's "Klaar op" alike.
    page = new_meeting_with_outcome(editor, "12-03-1999", "Afspraak")
    page.get_by_role("textbox", name="Korte naam van de afspraak").fill("brochure-maken")
    page.get_by_role("textbox", name="Tekst").fill("Maak een folder voor jongeren.")
    page.get_by_role("combobox", name="Eigenaar").click()
    page.get_by_role("option", name="Coördinator").click()
    page.get_by_role("radio", name="open", exact=True).check()
    page.get_by_role("textbox", name="Klaar op").fill("01-06-2207")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De datum 12-03-1999 ligt niet tussen 2000 en 2100. Controleer het jaartal.")).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("De datum 01-06-2207 ligt niet tussen 2000 en 2100. Controleer het jaartal.")).to_be_visible()
    expect(page).to_have_url(re.compile(re.escape(MEETINGS) + "/new$"))
    page.get_by_role("textbox", name="Datum").fill("31-12-2100")  # the last day the checker accepts
    page.get_by_role("textbox", name="Klaar op").fill("01-01-2000")  # and the first
    expect(page.get_by_text(re.compile("ligt niet tussen"))).to_have_count(0, timeout=WAIT)
    path, saved = saved_meeting(page, "2100-12-31")
    assert 'deadline: "2000-01-01"' in saved
    check_and_render(editor_site, tmp_path, path, saved)


def test_two_agreements_with_one_short_name_are_not_saved(editor, editor_site, tmp_path):  # noqa: F811
    # The checker: "id: 'brochure-maken' komt twee keer voor in deze lijst". The form says which agreements share a
    # short name, before anything is written; the work stays in the form.
    page = new_meeting_with_outcome(editor, "19-03-2027", "Afspraak")
    names = ["brochure-maken", "ouders-uitnodigen", "brochure-maken", "ouders-uitnodigen", "ouders-uitnodigen"]
    for number, name in enumerate(names):
        if number:
            add_to_outcome(page, "Afspraak")
        page.get_by_role("textbox", name="Korte naam van de afspraak").nth(number).fill(name)
        page.get_by_role("textbox", name="Tekst").nth(number).fill(f"Afspraak nummer {number + 1}.")
        page.get_by_role("combobox", name="Eigenaar").nth(number).click()
        page.get_by_role("option", name="Coördinator").click()
        page.get_by_role("radiogroup", name="Status").nth(number).get_by_role("radio", name="open", exact=True).check()
    dialog = refused(page, "Het item is niet opgeslagen.", "Afspraak 1 en 3 hebben dezelfde korte naam: 'brochure-maken'. "
                     "Geef elke afspraak een eigen, andere korte naam. Afspraak 2, 4 en 5 hebben dezelfde korte naam: "
                     "'ouders-uitnodigen'.")
    assert english_on(page) == [] and axe(page) == []  # the refusal, as a coordinator meets it (wcag22aa)
    assert written(page, f"content/tafels/{TAFEL}/2027-03-19.yml") == ""
    dialog.get_by_role("button").first.click()
    expect(page).to_have_url(re.compile(re.escape(MEETINGS) + "/new$"))  # the form and its work stay
    for number, name in ((2, "brochure-verspreiden"), (3, "ouders-bellen"), (4, "ouders-bedanken")):
        page.get_by_role("textbox", name="Korte naam van de afspraak").nth(number).fill(name)
    path, saved = saved_meeting(page, "2027-03-19")
    assert saved.count("id: ") == 5
    check_and_render(editor_site, tmp_path, path, saved)


@pytest.mark.parametrize("tijd", ["15:00-13:00", "13:00-13:00"])
def test_a_meeting_that_ends_before_it_starts_is_not_saved(editor, editor_site, tmp_path, tijd):  # noqa: F811
    # The checker: "De eindtijd (13:00) ligt niet na de begintijd (15:00)". The form says it in the same words.
    page, _ = editor
    page.goto(page.url.split("#")[0] + MEETINGS + "/new")
    page.get_by_role("textbox", name="Datum").fill("20-03-2027", timeout=WAIT)
    page.get_by_role("textbox", name="Tijd").fill(tijd)
    start, end = tijd.split("-")
    dialog = refused(page, f"De eindtijd ({end}) ligt niet na de begintijd ({start}). Schrijf eerst de begintijd en dan de "
                     'eindtijd, bijvoorbeeld "13:00-15:00".')
    dialog.get_by_role("button").first.click()
    expect(page).to_have_url(re.compile(re.escape(MEETINGS) + "/new$"))
    page.get_by_role("textbox", name="Tijd").fill(f"{end}-{start}" if end < start else "13:00-15:00")
    path, saved = saved_meeting(page, "2027-03-20")
    check_and_render(editor_site, tmp_path, path, saved)


def test_a_tafel_that_ends_before_it_starts_is_not_saved(editor, editor_site, tmp_path):  # noqa: F811
    # The checker: "De einddatum (2026-01-01) ligt voor de startdatum (2026-08-25)". The example tafel began on
    # 25-08-2026; an end date typed a year too early is refused before saving, with the dates as the form shows them.
    page, _ = editor
    page.goto(page.url.split("#")[0] + f"#/collections/tafels/entries/{TAFEL}")
    einddatum = page.get_by_role("textbox", name="Einddatum")
    page.get_by_role("textbox", name="Titel").wait_for(timeout=WAIT)
    scroll_to(page, einddatum, "the field Einddatum")
    einddatum.fill("01-01-2026")
    dialog = refused(page, "De einddatum (01-01-2026) ligt voor de startdatum (25-08-2026). Controleer beide datums.")
    dialog.get_by_role("button").first.click()
    expect(dialog).to_be_hidden(timeout=WAIT)  # closed before the second try (a fresh clone under load once saved nothing)
    einddatum.fill("01-01-2027")
    expect(einddatum).to_have_value("01-01-2027")
    page.get_by_role("button", name="Opslaan").click()
    path = f"content/tafels/{TAFEL}.yml"
    until(page, lambda: 'einddatum: "2027-01-01"' in written(page, path), "the tafel, saved")
    check_and_render(editor_site, tmp_path, path, written(page, path))


def test_a_one_line_text_a_calendar_or_feed_reader_would_misread_is_not_saved(editor, editor_site, tmp_path):  # noqa: F811
    # The checker refuses \N in a one-line text (a calendar reads it as a new line: a folder 'G:\Notulen' pasted as
    # the place) and text that looks wrongly encoded ('CafÃ©', which a feed reader "repairs" to 'Café'). The form
    # names the field and says it in the checker's words, before anything is written.
    page = new_meeting_with_outcome(editor, "22-03-2027", "Inzicht")
    page.get_by_role("textbox", name="Inzichten").fill("Samen lunchen werkt.")
    add_to_outcome(page, "Inzicht")
    page.get_by_role("textbox", name="Inzichten").nth(1).fill("Overleg in CafÃ© De Schakel werkt.")
    page.get_by_role("textbox", name="Locatie").fill("Verslag in G:\\Notulen")
    page.get_by_role("textbox", name="Titel").fill("CafÃ©-overleg")
    dialog = refused(page, "Titel: Deze tekst lijkt verkeerd gecodeerd: een nieuwsfeedlezer maakt er 'Café-overleg' van. "
                     "Staat er bijvoorbeeld Ã© waar é hoort? Typ die letters opnieuw.",
                     "Locatie: In deze tekst staat \\N. Een agenda leest dat als een nieuwe regel. Zet er een spatie "
                     "tussen, of schrijf / in plaats van \\.",
                     "Inzichten 2: Deze tekst lijkt verkeerd gecodeerd: een nieuwsfeedlezer maakt er 'Overleg in Café De "
                     "Schakel werkt.' van.")
    assert written(page, f"content/tafels/{TAFEL}/2027-03-22.yml") == ""
    dialog.get_by_role("button").first.click()
    page.get_by_role("textbox", name="Titel").fill("Café-overleg")
    page.get_by_role("textbox", name="Locatie").fill("Verslag in G:/Notulen")
    page.get_by_role("textbox", name="Inzichten").nth(1).fill("Overleg in Café De Schakel werkt.")
    path, saved = saved_meeting(page, "2027-03-22")
    check_and_render(editor_site, tmp_path, path, saved)


@pytest.mark.parametrize("title, name", [("Nul", "nul"), ("Index", "index"), ("COM1", "com1")])
def test_a_title_that_makes_a_file_name_the_checker_refuses_is_not_saved(editor, editor_site, tmp_path, title, name):  # noqa: F811
    # The file name is made from the title. The checker refuses 'nul' and 'com1' (Windows keeps them for its devices:
    # the fork could not be checked out there) and 'index' (the site's own page of the list); the form says so before
    # anything is written, and the coordinator chooses another title.
    page, _ = editor
    fill_new_praktijk(page, title, "20-11-2026")
    dialog = refused(page, f"Met deze titel krijgt het bestand de naam '{name}'. Die naam kan niet. De naam 'index' "
                     "gebruikt de site zelf, en namen als 'con' en 'nul' Windows. Kies een andere titel.")
    assert written(page, f"content/praktijken/{name}.yml") == ""
    dialog.get_by_role("button").first.click()
    page.get_by_role("textbox", name="Titel").fill(f"{title} als begin")
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile("#/collections/praktijken$"), timeout=WAIT)
    path = f"content/praktijken/{name}-als-begin.yml"
    check_and_render(editor_site, tmp_path, path, written(page, path))


def test_a_question_with_a_short_name_the_site_uses_itself_is_not_saved(editor, editor_site, tmp_path):  # noqa: F811
    # The checker: "id: 'index' kan hier niet: die naam gebruikt de site zelf al voor de pagina van de bouwsteen"
    # (bouwstenen/<bouwsteen>/index.html is the bouwsteen's own page). The form says it before anything is written.
    page, _ = editor
    page.goto(page.url.split("#")[0] + f"#/collections/bouwstenen/entries/{BOUWSTEEN}")
    page.get_by_role("textbox", name="Titel").wait_for(timeout=WAIT)
    add_item(page, "reflectievragen", "Reflectievraag")
    page.get_by_role("textbox", name="Korte naam van de vraag").last.fill("index")
    page.get_by_role("textbox", name="Vraag", exact=True).last.fill("Wat leert jouw team van de laatste casus?")
    number = page.get_by_role("textbox", name="Korte naam van de vraag").count()
    dialog = refused(page, f"Vraag {number} heeft de korte naam 'index'. Die naam gebruikt de site zelf al voor de pagina "
                     "van de bouwsteen. Kies een andere korte naam.")
    path = f"content/bouwstenen/{BOUWSTEEN}.yml"
    before = (editor_site[0] / path).read_text(encoding="utf-8")
    assert "id: index" not in written(page, path).replace('"', "")  # nothing written
    dialog.get_by_role("button").first.click()
    page.get_by_role("textbox", name="Korte naam van de vraag").last.fill("leren-van-de-laatste-casus")
    page.get_by_role("button", name="Opslaan").click()
    until(page, lambda: "leren-van-de-laatste-casus" in written(page, path), "the bouwsteen, saved")
    saved = written(page, path)
    assert saved != before
    check_and_render(editor_site, tmp_path, path, saved)


def test_an_addition_is_saved_only_under_the_name_of_a_bouwsteen_with_question_names_of_its_own(editor, editor_site, tmp_path):  # noqa: F811
    # The checker: "Deze aanvulling hoort bij bouwsteen 'x', maar die bestaat niet" (crosscheck.check_layers). The
    # file name is typed, so the form accepts only the name of a bouwsteen the site shows, before anything is written.
    page, _ = editor
    page.goto(page.url.split("#")[0] + "#/collections/aanvullingen/new")
    page.get_by_role("textbox", name="Toelichting").fill("Bij ons leren de teams hiervan in een vaste maandelijkse sessie.",
                                                         timeout=WAIT)
    page.get_by_role("combobox", name="Bron").click()
    page.get_by_role("option", name="Voorbeeld, geschreven voor deze kit").click()
    page.get_by_role("button", name="Opslaan").click()  # no name yet: said in the form's words, not Sveltia's "slug"
    expect(page.get_by_text("Vul een bestandsnaam in.")).to_be_visible(timeout=WAIT)
    name = page.get_by_role("textbox", name="Bestandsnaam")
    for wrong in ("ontmoeting", "maak-ruimte-voor-ontmoeting"):  # a word of it, the start of it
        name.fill(wrong)
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_text("Gebruik de naam van een bouwsteen op de site: het laatste deel van het adres van de "
                                "bouwsteen, zonder /. Bijvoorbeeld")).to_be_visible(timeout=WAIT)
        assert written(page, f"content/aanvullingen/{wrong}.yml") == ""
    name.fill(BOUWSTEEN)
    # A question of the region's own, named as a question the bouwsteen has itself: the checker says "id: de
    # bouwsteen '...' heeft al een vraag met de naam '...'"; so does the form, with the question's number.
    taken = yaml.safe_load((editor_site[0] / "content" / "bouwstenen" / f"{BOUWSTEEN}.yml").read_text(encoding="utf-8"))
    taken = taken["reflectievragen"][-1]["id"]
    add_item(page, "reflectievragen", "Reflectievraag")
    page.get_by_role("textbox", name="Vraag", exact=True).fill("Wat doen jullie met de ervaring van de inwoner?")
    page.get_by_role("textbox", name="Korte naam van de vraag").fill("index")  # in an addition too (RESERVED_LIST_IDS)
    refused(page, "Vraag 1 heeft de korte naam 'index'. Die naam gebruikt de site zelf al voor de pagina van de bouwsteen.")
    page.get_by_role("alertdialog").get_by_role("button").first.click()
    page.get_by_role("textbox", name="Korte naam van de vraag").fill(taken)
    dialog = refused(page, f"Vraag 1: de bouwsteen '{BOUWSTEEN}' heeft al een vraag met de naam '{taken}'. Kies een "
                     "andere naam voor jullie vraag.")
    dialog.get_by_role("button").first.click()
    page.get_by_role("textbox", name="Korte naam van de vraag").fill("ervaring-van-de-inwoner-hier")
    page.get_by_role("button", name="Opslaan").click()
    path = f"content/aanvullingen/{BOUWSTEEN}.yml"
    until(page, lambda: "maandelijkse sessie" in written(page, path), "the addition, saved")
    pages = check_and_render(editor_site, tmp_path, path, written(page, path))
    assert "vaste maandelijkse sessie" in pages[f"bouwstenen/{BOUWSTEEN}/"].all_text()  # under 'In onze regio'
    assert "Wat doen jullie met de ervaring van de inwoner?" in pages[f"bouwstenen/{BOUWSTEEN}/"].all_text()


def test_a_report_of_more_lines_than_the_checker_takes_is_not_saved(editor, editor_site, tmp_path):  # noqa: F811
    # The checker: "Deze tekst heeft 451 regels. Een tekst mag hoogstens 400 regels hebben." (textcheck.MAX_LINES, for
    # every Markdown text). Minutes pasted into Verslag, one point a line, fit the 10,000 characters and still break
    # it. The form says it with the field's label before anything is written; the work stays in the form.
    page, _ = editor
    page.goto(page.url.split("#")[0] + MEETINGS + "/new")
    page.get_by_role("textbox", name="Datum").fill("24-03-2027", timeout=WAIT)
    paste(page, page.get_by_role("textbox", name="Verslag"), "\n".join(f"Punt {n}: besproken." for n in range(1, 452)))
    dialog = refused(page, re.compile(r"Verslag: Deze tekst heeft (\d+) regels\. Een tekst mag hoogstens 400 regels "
                                      r"hebben\. Maak de tekst korter, of verdeel hem over meer items\."))
    lines = int(re.search(r"heeft (\d+) regels", dialog.inner_text()).group(1))
    assert lines >= 451
    assert written(page, f"content/tafels/{TAFEL}/2027-03-24.yml") == ""
    dialog.get_by_role("button").first.click()
    expect(page).to_have_url(re.compile(re.escape(MEETINGS) + "/new$"))  # the form and its work stay
    page.get_by_role("textbox", name="Verslag").fill("Alle 451 punten zijn besproken; de lijst staat in het gedeelde verslag.")
    path, saved = saved_meeting(page, "2027-03-24")
    check_and_render(editor_site, tmp_path, path, saved)
