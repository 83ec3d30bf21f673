"""Safe at the edges, in a real headless Chromium: a shared set never overwrites the visitor's own set,
dates are Dutch dates whatever the computer's time zone, and meeting mode keeps focus and speaks up at its ends."""
import json
import re
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

KEY = "leerlandschap.vragensets"  # {actief, sets: [{id, titel, vragen, werkwijze}]}


@pytest.fixture(scope="module")
def questions(example_site):
    """Ids and texts of real questions of the built example site, in a stable order."""
    project, _ = example_site
    data = json.loads((project / "site" / "vragen.json").read_text(encoding="utf-8"))["vragen"]
    return {ref: data[ref]["vraag"] for ref in sorted(data)[:6]}





def stored(page):
    """The active own set as JSON (without its id), or None when nothing is stored."""
    value = page.evaluate("key => localStorage.getItem(key)", KEY)
    if value is None:
        return None
    value = json.loads(value)
    active = next(s for s in value["sets"] if s["id"] == value["actief"])
    return json.dumps({k: v for k, v in active.items() if k != "id"}, sort_keys=True)


def titles(page):
    return [s["titel"] for s in json.loads(page.evaluate("key => localStorage.getItem(key)", KEY))["sets"]]


def store(page, url, titel, vragen):
    page.goto(url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [KEY, json.dumps({"actief": "een", "sets": [{"id": "een", "titel": titel, "vragen": vragen}]})])
    return stored(page)


def shared_link(url, vragen, titel=""):
    return url + "mijn-vragenset/?v=" + ",".join(vragen) + ("&titel=" + titel if titel else "")


# --- A shared "Mijn vragenset" link ----------------------------------------------------------------------

def test_shared_link_is_read_only_until_kept(new_page, example_site, questions):
    _, url = example_site
    ids = list(questions)
    page = new_page()
    before = store(page, url, "Mijn eigen overleg", ids[:3])
    page.goto(shared_link(url, ids[3:5], "Overleg%20van%20Anna"))
    items = page.locator("#ll-mijnset-lijst .ll-vraagtekst")
    expect(items).to_have_count(2)  # the page has read the questions and shown them ...
    assert stored(page) == before  # ... and opening the link changed nothing
    assert items.all_inner_texts() == [questions[ids[3]], questions[ids[4]]]
    panel = page.get_by_role("region", name="Je bekijkt een gedeelde vragenset")
    expect(panel).to_contain_text("Je eigen vragenset is niet veranderd")
    expect(panel).to_contain_text("Je eigen vragenset heeft 3 vragen")
    page.wait_for_load_state("networkidle")
    assert stored(page) == before

    # Read-only, but usable in a meeting
    expect(page.get_by_label("Titel van je set")).to_have_value("Overleg van Anna")
    expect(page.get_by_label("Titel van je set")).not_to_be_editable()
    expect(page.get_by_role("button", name=re.compile("^Haal weg"))).to_have_count(0)
    expect(page.get_by_role("button", name="Maak leeg")).to_be_hidden()
    page.get_by_role("button", name="Start vergadermodus").click()
    dialog = page.get_by_role("dialog", name="Overleg van Anna")
    expect(dialog.locator(".ll-vergadering__teller")).to_have_text("Vraag 1 van 2")
    page.keyboard.press("Escape")
    assert stored(page) == before

    # "Bewaar bij mijn sets" keeps it beside the own set: nothing is replaced, so nothing needs asking
    page.get_by_role("button", name="Bewaar bij mijn sets").click()
    assert json.loads(stored(page)) == {"titel": "Overleg van Anna", "vragen": ids[3:5]}
    assert titles(page) == ["Mijn eigen overleg", "Overleg van Anna"]
    expect(panel).to_have_count(0)
    expect(page.get_by_label("Titel van je set")).to_be_editable()
    expect(page.get_by_label("Titel van je set")).to_be_focused()
    expect(page.get_by_role("button", name=re.compile("^Haal weg"))).to_have_count(2)


def test_shared_link_can_be_added_to_the_own_set(new_page, example_site, questions):
    _, url = example_site
    ids = list(questions)
    page = new_page()
    before = store(page, url, "Mijn eigen overleg", ids[:2])
    page.goto(shared_link(url, [ids[1], ids[2]]))
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(2)
    assert stored(page) == before
    page.get_by_role("button", name="Voeg toe aan mijn set").click()  # nothing is lost: no question asked
    assert json.loads(stored(page)) == {"titel": "Mijn eigen overleg", "vragen": [ids[0], ids[1], ids[2]]}
    expect(page.locator("#ll-mijnset-lijst .ll-vraagtekst")).to_have_text([questions[i] for i in ids[:3]])
    expect(page.get_by_role("status").filter(has_text="toegevoegd")).to_have_text(
        "1 vraag toegevoegd aan je eigen set. Er staan nu 3 vragen in.")


def test_own_set_stays_reachable_from_a_shared_link(new_page, example_site, questions):
    _, url = example_site
    ids = list(questions)
    page = new_page()
    before = store(page, url, "Mijn eigen overleg", ids[:3])
    page.goto(shared_link(url, ids[4:6]))
    page.get_by_role("link", name="Terug naar mijn eigen set").click()
    expect(page.locator("#ll-mijnset-lijst .ll-vraagtekst")).to_have_text([questions[i] for i in ids[:3]])
    expect(page.get_by_label("Titel van je set")).to_have_value("Mijn eigen overleg")
    expect(page.get_by_label("Titel van je set")).to_be_editable()
    expect(page.get_by_role("region", name="Je bekijkt een gedeelde vragenset")).to_have_count(0)
    assert json.loads(stored(page)) == json.loads(before)
    page.reload()  # the address now holds the own set: it opens as the own set again, not as a shared one
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(3)
    expect(page.get_by_role("region", name="Je bekijkt een gedeelde vragenset")).to_have_count(0)


def test_shared_link_without_own_set_stores_nothing_until_kept(new_page, example_site, questions):
    _, url = example_site
    ids = list(questions)
    page = new_page()
    page.goto(shared_link(url, ids[:2]))
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(2)
    expect(page.get_by_role("button", name="Voeg toe aan mijn set")).to_be_hidden()
    expect(page.get_by_role("link", name="Terug naar mijn eigen set")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert stored(page) is None
    page.get_by_role("button", name="Bewaar bij mijn sets").click()  # nothing to lose: no question asked
    assert json.loads(stored(page)) == {"titel": "", "vragen": ids[:2]}


# --- Dates are Dutch dates ---------------------------------------------------------------------------------

PROBE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Datumproef</title></head><body>
<ul><li data-status="open" data-deadline="{yesterday}">gisteren</li><li data-status="open" data-deadline="{today}">vandaag</li></ul>
<ol class="ll-tijdlijn"><li data-datum="{yesterday}"><h3>gisteren</h3></li><li data-datum="{today}"><h3>vandaag</h3></li></ol>
<p data-herzien-voor="{yesterday}" hidden>herzien gisteren</p><p data-herzien-voor="{today}" hidden>herzien vandaag</p>
<script src="../assets/tijd.js"></script></body></html>"""

# 00:30 in Amsterdam, in winter (UTC+1) and in summer (UTC+2): the UTC date is still the day before.
MOMENTS = [(datetime(2026, 3, 9, 23, 30, tzinfo=UTC), "2026-03-09", "2026-03-10"),
           (datetime(2026, 7, 1, 22, 30, tzinfo=UTC), "2026-07-01", "2026-07-02")]


@pytest.mark.parametrize("zone", ["America/New_York", "UTC", "Asia/Tokyo"])
@pytest.mark.parametrize("moment, yesterday, today", MOMENTS)
def test_today_is_the_date_in_amsterdam(new_page, example_site, zone, moment, yesterday, today):
    _, url = example_site
    page = new_page(timezone_id=zone)
    page.route(url + "datumproef/", lambda route: route.fulfill(
        content_type="text/html; charset=utf-8", body=PROBE.format(yesterday=yesterday, today=today)))
    page.clock.set_fixed_time(moment)
    page.goto(url + "datumproef/")
    expect(page.locator(f"[data-deadline='{yesterday}']")).to_contain_text("te laat")
    expect(page.locator(f"[data-deadline='{today}']")).not_to_contain_text("te laat")
    expect(page.locator(f"[data-datum='{yesterday}'] .ll-gepland")).to_have_count(0)
    expect(page.locator(f"[data-datum='{today}'] .ll-gepland")).to_have_text("gepland")
    expect(page.locator(f"[data-herzien-voor='{yesterday}']")).to_be_visible()
    expect(page.locator(f"[data-herzien-voor='{today}']")).to_be_hidden()


def test_real_pages_use_the_date_in_amsterdam(new_page, example_site):
    _, url = example_site
    page = new_page(timezone_id="America/New_York")
    page.clock.set_fixed_time(datetime(2026, 11, 17, 23, 30, tzinfo=UTC))  # 18 November, 00:30 in Amsterdam
    page.goto(url + "tafels/voorbeeldtafel-jongeren-rond-18/")
    expect(page.locator("li[data-datum='2026-11-17']")).to_be_attached()
    expect(page.locator("li[data-datum='2026-11-17'] .ll-gepland")).to_have_count(0)  # that meeting was yesterday


# --- Meeting mode at its ends ------------------------------------------------------------------------------

def open_meeting(page, url, path="vragensets/bestuurlijk-overleg-bestuurlijk-leren/"):
    page.goto(url + path)
    total = page.locator(".ll-set .ll-setvraag").count()
    page.get_by_role("button", name="Start vergadermodus").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    return dialog, total


def assert_focus_on_a_control(page, dialog, name):
    focused = dialog.locator(":focus")
    expect(focused).to_have_count(1)
    expect(focused).to_be_visible()
    expect(focused).to_be_enabled()
    expect(focused).to_have_accessible_name(name)
    assert page.evaluate("document.activeElement !== document.body")


def test_focus_stays_in_meeting_mode_on_the_last_and_first_question(new_page, example_site):
    _, url = example_site
    page = new_page()
    dialog, total = open_meeting(page, url)
    expect(dialog.get_by_role("button", name="Volgende vraag")).to_be_focused()
    for _ in range(total - 1):  # keyboard alone: Enter on "Volgende vraag" until the last question
        page.keyboard.press("Enter")
    expect(dialog.locator(".ll-vergadering__teller")).to_have_text(f"Vraag {total} van {total}")
    page.keyboard.press("Enter")  # past the last question: the end of the set, focus never on "Vorige vraag"
    expect(dialog.locator(".ll-vergadering__teller")).to_have_text("Einde van de set")
    expect(dialog.get_by_role("button", name="Volgende vraag")).to_be_disabled()
    expect(dialog.locator(":focus")).to_have_text(re.compile("^Dit was de laatste vraag"))
    for key in ("Enter", "Space", "ArrowRight"):  # more presses stay at the end
        page.keyboard.press(key)
    expect(dialog.locator(".ll-vergadering__teller")).to_have_text("Einde van de set")
    for _ in range(total):  # and back with the mouse
        dialog.get_by_role("button", name="Vorige vraag").click()
    expect(dialog.locator(".ll-vergadering__teller")).to_have_text(f"Vraag 1 van {total}")
    assert_focus_on_a_control(page, dialog, "Volgende vraag")
    expect(dialog.get_by_role("status")).to_have_text("Dit is de eerste vraag. Je staat nu op de knop Volgende vraag.")


@pytest.mark.parametrize("key", ["Shift+Tab", "Tab"])
@pytest.mark.parametrize("state", ["einde", "uitleg"])
def test_tab_never_leaves_meeting_mode(new_page, example_site, key, state):
    """From the end message (focused by the code, no control) and with the key explanation open, Tab and Shift+Tab
    go round the dialog's own controls and never reach the page behind it."""
    _, url = example_site
    page = new_page()
    dialog, _total = open_meeting(page, url)
    if state == "einde":
        page.keyboard.press("End")
        page.keyboard.press("ArrowRight")
        expect(dialog.locator(".ll-vergadering__teller")).to_have_text("Einde van de set")
        expect(dialog.locator(":focus")).to_have_text(re.compile("^Dit was de laatste vraag"))
    else:
        page.keyboard.press("?")
        expect(dialog.get_by_role("region", name="Toetsen in de vergadermodus")).to_be_visible()
    seen = []
    for _ in range(10):  # more presses than the dialog has controls: round it at least once
        page.keyboard.press(key)
        assert page.evaluate("document.querySelector('.ll-vergadering').contains(document.activeElement)"), seen
        seen.append(page.evaluate("document.activeElement.getAttribute('aria-label') || document.activeElement.id"
                                  " || document.activeElement.textContent"))
    if state == "einde":  # from the message: Tab to "Opnieuw", Shift+Tab round to the last control, "Sluiten (Esc)"
        assert seen[0] == ("Opnieuw" if key == "Tab" else "Sluiten (Esc)"), seen


def test_a_set_of_one_question_ends_after_it(new_page, example_site, questions):
    _, url = example_site
    page = new_page()
    page.goto(shared_link(url, list(questions)[:1]))
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(1)
    page.get_by_role("button", name="Start vergadermodus").click()
    dialog = page.get_by_role("dialog", name="Gedeelde vragenset")
    assert_focus_on_a_control(page, dialog, "Volgende vraag")
    page.keyboard.press("Space")
    expect(dialog.locator(".ll-vergadering__teller")).to_have_text("Einde van de set")
    dialog.get_by_role("button", name="Klaar").click()
    expect(dialog).to_have_count(0)


def test_end_of_the_timer_is_announced(new_page, example_site):
    _, url = example_site
    page = new_page()
    page.clock.install()
    dialog, total = open_meeting(page, url, "themas/blijvend-anders-organiseren/")
    # Mark the live regions that exist before the timer runs out: a region added later is not read aloud.
    page.evaluate("""() => document.querySelectorAll('.ll-vergadering [aria-live], .ll-vergadering [role=status],'
        + ' .ll-vergadering [role=alert]').forEach((region) => { region.dataset.vooraf = 'ja'; })""")
    dialog.get_by_label("Timer per vraag").select_option("2")
    expect(dialog.get_by_role("timer")).to_have_text(re.compile(r"^Nog [12]:\d\d$"))
    page.clock.run_for("02:05")
    expect(dialog.get_by_role("timer")).to_have_text("Tijd is om")
    region = dialog.locator("[data-vooraf=ja]").filter(has_text="Tijd is om")
    expect(region).to_have_count(1)
    expect(region).to_have_attribute("aria-live", re.compile("^(assertive|polite)$"))
    expect(region).to_have_text(f"Tijd is om voor vraag 1 van {total}.")
    dialog.get_by_role("button", name="Volgende vraag").click()  # a new question: the timer starts again
    expect(dialog.get_by_role("timer")).to_have_text(re.compile(r"^Nog [12]:\d\d$"))
    expect(dialog.locator("[data-vooraf=ja]").filter(has_text="Tijd is om")).to_have_count(0)


def test_shared_set_with_its_question_has_no_wcag_violations(new_page, example_site, questions):
    from test_quality import AXE, axe_violations

    if not AXE.is_file():
        pytest.fail("axe-core is missing: 'make test' installs the npm tools (npm ci)")
    _, url = example_site
    ids = list(questions)
    page = new_page()
    store(page, url, "Mijn eigen overleg", ids[:3])
    page.goto(shared_link(url, ids[3:5], "Overleg%20van%20Anna"))
    expect(page.get_by_role("button", name="Bewaar bij mijn sets")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Bewaar bij mijn sets").click()
    expect(page.get_by_role("region", name="Mijn sets").get_by_role("listitem")).to_have_count(2)
    assert axe_violations(page) == []
