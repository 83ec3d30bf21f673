"""A bestuurder prepares two board meetings, in a real headless Chromium, on a 360 px phone and on a laptop:
takes over a ready set, renames it, adds a question found on "Mijn vragenset" itself, keeps two named sets,
runs meeting mode to the end with Space without ever going back, and prints a set whose paper has the questions
and no interface text."""
import io
import json
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader
from test_browser_print_voorbeeldsite import NOTE as EXAMPLE_NOTE

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 900}
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["360px", "1280px"])
SET = "bestuurlijk-overleg-bestuurlijk-leren"
OTHER = "leren-organiseren-tussen-organisaties"
# Words of the screen that have no place on paper: buttons, fields, messages, navigation, footer.
INTERFACE = ["Extra vraag", "zonder eigen pagina", "Start vergadermodus", "Printen", "Print als kaartjes",
             "Pas deze set aan", "Voeg toe", "Haal weg", "Omhoog", "Omlaag", "Kopieer link", "Maak leeg", "Mijn sets",
             "Verwijder", "Nieuwe lege set", "Zoek een vraag", "Titel van je set", "Link naar deze set", "Ongedaan",
             "overgenomen", "Naar de inhoud", "Toegankelijkheid", "Privacy", "Zoek op deze site", "Goede praktijken"]


@pytest.fixture(scope="module")
def site(example_site):
    project, url = example_site
    data = json.loads((project / "site" / "vragen.json").read_text(encoding="utf-8"))
    return url, data


@pytest.fixture
def new_page(chromium, site):
    """new_page(viewport) -> a page in a fresh context; afterwards: no JavaScript error, no request to another host."""
    url, _ = site
    contexts = []

    def make(viewport):
        context = chromium.new_context(viewport=viewport)
        page = context.new_page()
        errors, requests = [], []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: requests.append(request.url))
        contexts.append((context, errors, requests))
        return page

    yield make
    for context, errors, requests in contexts:
        assert errors == []
        assert [r for r in requests if not r.startswith(url)] == []
        context.close()


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def own_questions(page) -> list[str]:
    return page.locator("#ll-mijnset-lijst .ll-vraagtekst").all_inner_texts()


def take_over_from_overview(page, url, data, key):
    page.goto(url + "vragensets/")
    titel = data["sets"][key]["titel"]
    page.get_by_role("button", name=f"Pas deze set aan: {titel}").click()
    page.wait_for_url(re.compile(r"/mijn-vragenset/"))
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(len(data["sets"][key]["vragen"]))
    return titel


@VIEWPORTS
def test_a_ready_set_says_who_composed_it_and_is_taken_over_whole(new_page, site, viewport):
    url, data = site
    page = new_page(viewport)
    page.goto(url + "vragensets/")
    card = page.locator(".ll-setlijst > li", has=page.get_by_role("link", name=data["sets"][f"vragenset/{SET}"]["titel"]))
    expect(card).to_contain_text("samengesteld door deze site")
    assert "Voorbeeld" not in card.inner_text()
    page.goto(url + f"vragensets/{SET}/")
    expect(page.get_by_role("heading", level=1)).not_to_contain_text("Voorbeeld")
    expect(page.locator(".ll-samengesteld")).to_have_text(re.compile(r"^Samengesteld door deze site uit vragen van Ruimte voor leren"))
    shown = page.locator(".ll-set .ll-vraagtekst").all_inner_texts()
    page.get_by_role("button", name="Pas deze set aan").click()
    page.wait_for_url(re.compile(r"/mijn-vragenset/"))
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(len(shown))
    assert own_questions(page) == shown


@VIEWPORTS
def test_a_question_is_added_by_searching_on_mijn_vragenset(new_page, site, viewport):
    url, data = site
    page = new_page(viewport)
    titel = take_over_from_overview(page, url, data, f"vragenset/{SET}")
    before = own_questions(page)
    # A question of the site that is not in the set yet, looked for by a word of it
    wanted = next(v for ref, v in data["vragen"].items() if ref not in data["sets"][f"vragenset/{SET}"]["vragen"]
                  and "inwoners" in v["vraag"])
    page.get_by_label("Zoek een vraag").fill("inwoners")
    found = page.locator("#ll-mijnset-gevonden li", has_text=wanted["vraag"])
    expect(found).to_have_count(1)
    expect(found).to_contain_text(f"Bij {wanted['bouwsteen']}")
    found.get_by_role("button", name=f"Voeg toe: {wanted['vraag']}").click()
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(len(before) + 1)
    assert own_questions(page) == before + [wanted["vraag"]]
    expect(found.get_by_role("button")).to_be_disabled()  # it is in the set now
    expect(found.get_by_role("button")).to_have_text("Staat in je set")
    # Browsing one bouwsteen shows all of its questions.
    page.get_by_label("Zoek een vraag").fill("")
    page.get_by_label("Of kies een bouwsteen").select_option(wanted["bouwsteen"])
    of_bouwsteen = [v["vraag"] for v in data["vragen"].values() if v["bouwsteen"] == wanted["bouwsteen"]]
    expect(page.locator("#ll-mijnset-gevonden .ll-vraagtekst")).to_have_text(of_bouwsteen)
    page.reload()  # kept in this browser
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(len(before) + 1)
    expect(page.get_by_label("Titel van je set")).to_have_value(titel)


def announced(page):
    """The page's polite live region for short confirmations (vragenset/10-opslag.js)."""
    return page.locator("body > p.ll-verborgen[role=status]")


def test_enter_on_voeg_toe_keeps_the_focus_and_says_what_happened(new_page, site):
    """Keyboard alone: Enter on "Voeg toe" of a question found. The focus may not fall to the page (the button
    changes into "Staat in je set"): it stays in the results, and the screen reader hears what happened."""
    url, _ = site
    page = new_page(LAPTOP)
    page.goto(url + "mijn-vragenset/")
    expect(page.get_by_label("Zoek een vraag")).to_be_visible()
    page.get_by_label("Zoek een vraag").fill("inwoners")
    found = page.locator("#ll-mijnset-gevonden li").first
    question = words(found.locator(".ll-vraagtekst").inner_text())
    found.get_by_role("button", name=f"Voeg toe: {question}").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(1)
    assert page.evaluate("document.activeElement !== document.body")
    focused = page.locator("#ll-mijnset-zoek :focus")
    expect(focused).to_have_count(1)
    expect(focused).to_have_accessible_name(f"Staat in je set: {question}")
    expect(announced(page)).to_have_text(f"Toegevoegd aan je set: \u201c{question}\u201d. Er staat nu 1 vraag in.")
    page.keyboard.press("Enter")  # again: it is in the set already, nothing changes
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(1)
    page.keyboard.press("Tab")  # and on to the next question found
    second = page.locator("#ll-mijnset-gevonden li").nth(1)
    expect(second.get_by_role("button")).to_be_focused()
    page.keyboard.press("Enter")
    expect(announced(page)).to_have_text(re.compile("^Toegevoegd aan je set: .*\\. Er staan nu 2 vragen in\\.$"))


def test_messages_say_staat_for_one_question_and_staan_for_more(new_page, site):
    """"Er staat nu 1 vraag in", "Er staan nu 2 vragen in": in every message that counts the questions."""
    url, _ = site
    page = new_page(LAPTOP)
    page.goto(url + "bouwstenen/coordineer-het-leren/")
    questions = page.locator(".ll-set .ll-setvraag")
    questions.nth(0).get_by_role("button", name="Voeg toe aan mijn vragenset").click()
    expect(announced(page)).to_have_text("Toegevoegd aan mijn vragenset. Er staat nu 1 vraag in.")
    questions.nth(1).get_by_role("button", name="Voeg toe aan mijn vragenset").click()
    expect(announced(page)).to_have_text("Toegevoegd aan mijn vragenset. Er staan nu 2 vragen in.")
    questions.nth(1).get_by_role("button", name="Haal uit mijn vragenset").click()
    expect(announced(page)).to_have_text("Weggehaald uit mijn vragenset. Er staat nu 1 vraag in.")
    questions.nth(1).get_by_role("button", name="Voeg toe aan mijn vragenset").click()
    page.goto(url + "mijn-vragenset/")
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(2)
    page.get_by_role("button", name="Haal weg: vraag 2").click()
    expect(announced(page)).to_have_text(
        "Vraag weggehaald. Er staat nu 1 vraag in je set. Met de knop Ongedaan maken zet je de vraag terug.")
    page.get_by_role("button", name="Ongedaan maken").click()
    expect(announced(page)).to_have_text("Ongedaan gemaakt. Er staan nu 2 vragen in je set.")
    page.get_by_role("button", name="Haal weg: vraag 2").click()
    page.get_by_role("button", name="Nieuwe lege set").click()  # a second set, then back to the first (1 question)
    page.get_by_role("button", name=re.compile(r"^Open Set zonder titel, 1 vraag$")).click()
    expect(announced(page)).to_have_text("Je set \u201cSet zonder titel\u201d staat open. Er staat 1 vraag in.")


@VIEWPORTS
def test_two_named_sets_are_kept_side_by_side(new_page, site, viewport):
    url, data = site
    page = new_page(viewport)
    take_over_from_overview(page, url, data, f"vragenset/{SET}")
    page.get_by_label("Titel van je set").fill("Bestuurlijk overleg 12 maart")
    first = own_questions(page)
    take_over_from_overview(page, url, data, f"vragenset/{OTHER}")
    page.get_by_label("Titel van je set").fill("Regiotafel 19 maart")
    second = own_questions(page)
    kept = page.get_by_role("region", name="Mijn sets")
    expect(kept.get_by_role("listitem")).to_have_count(2)
    expect(kept.get_by_role("button", name=re.compile(r"^Open: Regiotafel 19 maart"))).to_have_attribute("aria-pressed", "true")
    page.reload()
    kept.get_by_role("button", name=f"Open Bestuurlijk overleg 12 maart, {len(first)} vragen").click()
    expect(page.get_by_label("Titel van je set")).to_have_value("Bestuurlijk overleg 12 maart")
    assert own_questions(page) == first
    kept.get_by_role("button", name=f"Open Regiotafel 19 maart, {len(second)} vragen").click()
    assert own_questions(page) == second
    expect(page.get_by_role("link", name=f"Mijn vragenset ({len(second)} vragen)")).to_have_count(0)  # not on this page
    page.goto(url + "bouwstenen/coordineer-het-leren/")  # elsewhere the link counts the open set
    expect(page.get_by_role("link", name=f"Mijn vragenset ({len(second)} vragen)").first).to_be_visible()


@VIEWPORTS
def test_meeting_mode_runs_to_the_end_with_space_and_never_goes_back(new_page, site, viewport):
    url, data = site
    total = len(data["sets"][f"vragenset/{SET}"]["vragen"])
    page = new_page(viewport)
    page.goto(url + f"vragensets/{SET}/")
    page.get_by_role("button", name="Start vergadermodus").click()
    dialog = page.get_by_role("dialog")
    counter = dialog.locator(".ll-vergadering__teller")
    expect(counter).to_have_text(f"Vraag 1 van {total}")
    seen = []
    for _ in range(total + 3):  # a presenter keeps pressing Space, also past the end
        page.keyboard.press("Space")
        seen.append(counter.inner_text())
    numbers = [int(m[1]) if (m := re.match(r"Vraag (\d+) van", s)) else total + 1 for s in seen]
    assert numbers == sorted(numbers) and numbers[: total - 1] == list(range(2, total + 1)), seen  # forward only
    assert seen[-1] == "Einde van de set"
    end = dialog.locator("[aria-live]").filter(has_text="Dit was de laatste vraag")
    expect(end).to_have_count(1)  # said aloud: the live region of the question holds it
    expect(dialog.get_by_role("button", name="Opnieuw")).to_be_visible()
    page.keyboard.press("Home")
    expect(counter).to_have_text(f"Vraag 1 van {total}")
    page.keyboard.press("End")
    expect(counter).to_have_text(f"Vraag {total} van {total}")
    page.keyboard.press("PageDown")
    dialog.get_by_role("button", name="Opnieuw").click()
    expect(counter).to_have_text(f"Vraag 1 van {total}")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    expect(counter).to_have_text(f"Vraag 1 van {total}")
    page.keyboard.press("End")
    page.keyboard.press("ArrowRight")
    dialog.get_by_role("button", name="Klaar").click()
    expect(dialog).to_have_count(0)
    expect(page.get_by_role("button", name="Start vergadermodus")).to_be_focused()


def pdf_text(page) -> str:
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    return words(" ".join(p.extract_text() for p in reader.pages))


@VIEWPORTS
def test_a_printed_set_has_its_questions_title_and_date_and_no_interface_text(new_page, site, viewport):
    url, data = site
    page = new_page(viewport)
    take_over_from_overview(page, url, data, f"vragenset/{SET}")
    page.get_by_label("Titel van je set").fill("Bestuurlijk overleg 12 maart")
    page.get_by_label("Zoek een vraag").fill("inwoners")  # a search with results open: not on paper either
    expect(page.locator("#ll-mijnset-gevonden li").first).to_be_visible()
    text = pdf_text(page)
    # The example site prints its note first (test_browser_print_voorbeeldsite.py); then the set's own title.
    assert text.removeprefix(EXAMPLE_NOTE).lstrip().startswith("Bestuurlijk overleg 12 maart"), text[:300]
    assert re.search(r"Datum: \d{1,2} [a-z]+ 20\d\d", text), text[:300]
    for ref in data["sets"][f"vragenset/{SET}"]["vragen"]:
        if ref.startswith("tekst:"):
            assert words(ref.removeprefix("tekst:")) in text  # an extra question stands on its own
        else:
            vraag = data["vragen"][ref]
            assert words(f"{vraag['vraag']} Bij {vraag['bouwsteen']}") in text, vraag  # with its bouwsteen as context
    assert [t for t in INTERFACE if t in text] == []
    # The page of a ready set prints the same way.
    page.goto(url + f"vragensets/{SET}/")
    text = pdf_text(page)
    assert "Datum: " in text and all(words(q) in text for q in page.locator(".ll-set .ll-vraagtekst").all_inner_texts())
    assert [t for t in INTERFACE if t in text] == []


def test_the_guide_names_the_buttons_as_they_read(new_page, site, example_site):
    """handleiding/bestuurder.md names what the bestuurder sees in bold: each of those names is on the site as it is
    written there (a page, or a script that makes the button), and the button of step 2.5 is on the screen."""
    from conftest import ROOT

    url, data = site
    project, _ = example_site
    guide = (ROOT / "handleiding" / "bestuurder.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\*\*([^*]+)\*\*", guide))
    site_dir = project / "site"
    shown = " ".join(words(parse_text(path)) for path in site_dir.glob("**/*.html"))
    # In the scripts: the text of their strings, not their comments.
    scripts = " ".join(" ".join(re.findall(r'"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8")))
                       for path in (site_dir / "assets").glob("*.js"))
    missing = sorted(n for n in named if n.lower() not in shown.lower() and n not in scripts)
    assert missing == []
    step = re.search(r"^5\. Klik op \*\*Kopieer link\*\*.*?\n\n", guide, re.M | re.S).group(0)
    keep = re.search(r"pas als ze op \*\*([^*]+)\*\*", words(step)).group(1)
    page = new_page(LAPTOP)
    first = next(iter(data["vragen"]))
    page.goto(url + "mijn-vragenset/?v=" + first)
    expect(page.get_by_role("button", name=keep, exact=True)).to_be_visible()


def parse_text(path) -> str:
    from htmltools import parse_file

    return parse_file(path).all_text()


def luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_search_field_looks_like_a_field_and_shows_its_focus(new_page, site):
    """"Zoek een vraag" has a visible edge (3:1 against the page, WCAG 1.4.11) and a visible focus when tabbed to."""
    url, _ = site
    page = new_page(LAPTOP)
    page.goto(url + "mijn-vragenset/")
    field = page.get_by_label("Zoek een vraag")
    expect(field).to_be_visible()
    look = """el => { const s = getComputedStyle(el); let bg = 'rgb(255, 255, 255)';
        for (let n = el.parentElement; n; n = n.parentElement) { const c = getComputedStyle(n).backgroundColor;
          if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; } }
        return {style: s.borderTopStyle, width: parseFloat(s.borderTopWidth), color: s.borderTopColor, page: bg,
                outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor}; }"""
    at_rest = field.evaluate(look)
    assert at_rest["style"] not in ("none", "hidden") and at_rest["width"] >= 1, at_rest
    assert contrast(at_rest["color"], at_rest["page"]) >= 3, at_rest
    page.get_by_label("Titel van je set").focus()
    for _ in range(30):  # the keyboard, to the field
        page.keyboard.press("Tab")
        if field.evaluate("el => el === document.activeElement"):
            break
    expect(field).to_be_focused()
    focused = field.evaluate(look)
    assert focused["outline"] not in ("none", "hidden") and focused["outlineWidth"] >= 2, focused
    assert contrast(focused["outlineColor"], focused["page"]) >= 3, focused


@pytest.mark.parametrize("path", ["mijn-vragenset/", "vragensets/"])
def test_shift_tab_never_hides_the_focus_under_the_sticky_header(new_page, site, path):
    """Tabbing backwards up a long page, the control with the focus is never under the header that stays at the top
    (WCAG 2.4.11): the page scrolls it into view below the header."""
    url, data = site
    page = new_page({"width": 1280, "height": 720})
    if path == "mijn-vragenset/":  # a long own set: many controls to tab back through
        page.goto(url)
        page.evaluate("value => localStorage.setItem('leerlandschap.vragensets', value)", json.dumps(
            {"actief": "een", "sets": [{"id": "een", "titel": "Lang", "vragen": sorted(data["vragen"])[:12]}]}))
    page.goto(url + path)
    if path == "mijn-vragenset/":
        expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(12)
    page.locator(".md-footer").first.scroll_into_view_if_needed()
    page.locator(".md-footer a").last.focus()
    hidden = []
    for _ in range(40):
        page.keyboard.press("Shift+Tab")
        where = page.evaluate("""() => { const el = document.activeElement, header = document.querySelector('.md-header');
            if (!el || el === document.body || header.contains(el)) return null;
            const r = el.getBoundingClientRect(), h = header.getBoundingClientRect();
            return {what: (el.getAttribute('aria-label') || el.textContent || el.id).trim().slice(0, 60),
                    top: r.top, bottom: r.bottom, header: h.bottom, size: r.width * r.height}; }""")
        if where and where["size"] and where["top"] < where["header"] - 0.5:
            hidden.append(where)
    assert hidden == []

