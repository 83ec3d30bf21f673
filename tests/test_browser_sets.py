"""A bestuurder prepares tomorrow's board meeting on a laptop and runs it on a projector, in a real headless Chromium:
take a ready set over whole, adapt it with undo, share it as a short link that survives e-mail, print it under its
own title, and run meeting mode with its keys in view and a timer readable from the back of the room."""
import io
import json
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader
from test_browser_print_voorbeeldsite import NOTE as EXAMPLE_NOTE  # printed first on the example site

from browser import hold_the_clock
from htmltools import parse_file
from leerlandschap import kinds

KEY = "leerlandschap.vragensets"  # {actief, sets: [{id, titel, vragen, werkwijze}]}
OLD_KEY = "leerlandschap.mijn-vragenset"  # the single set of older versions
FREE_TEXT = "tekst:"  # a question without a page in a set: this prefix + its text (leerlandschap/vragendata.py)
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SET = "bestuurlijk-overleg-bestuurlijk-leren"  # a curated set with extra questions and a werkwijze
SAFE = re.compile(r"^[A-Za-z0-9._~-]+$")  # what mail clients leave whole in a link


@pytest.fixture(scope="module")
def site(example_site):
    project, url = example_site
    data = json.loads((project / "site" / "vragen.json").read_text(encoding="utf-8"))
    return project / "site", url, data


@pytest.fixture
def new_page(chromium, site):
    """new_page(viewport=..., **context options) -> a page in a fresh context (its own localStorage)."""
    _, url, _ = site
    contexts = []

    def make(viewport=LAPTOP, **options):
        context = chromium.new_context(viewport=viewport, **options)
        page = context.new_page()
        errors, requests = [], []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: requests.append(request.url))
        contexts.append((context, page, errors, requests))
        return page

    yield make
    for context, _page, errors, requests in contexts:
        assert errors == []
        assert [r for r in requests if not r.startswith(url)] == []  # no third-party requests
        context.close()


def stored_sets(page):
    value = page.evaluate("key => localStorage.getItem(key)", KEY)
    return None if value is None else json.loads(value)


def stored(page):
    """The active set as it is stored, without its id."""
    value = stored_sets(page)
    if value is None:
        return None
    active = next(s for s in value["sets"] if s["id"] == value["actief"])
    return {k: v for k, v in active.items() if k != "id"}


def store(page, url, value):
    """The visitor has one set: `value`."""
    page.goto(url)  # not "Mijn vragenset": that page saves its own set once loaded
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [KEY, json.dumps({"actief": "een", "sets": [{"id": "een", **value}]})])


def own_set_page(page, url, value):
    store(page, url, value)
    page.goto(url + "mijn-vragenset/")
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(len(value["vragen"]))


def texts(page):
    return page.locator("#ll-mijnset-lijst .ll-vraagtekst").all_inner_texts()


# --- Take a ready set over whole ------------------------------------------------------------------------------

def test_take_over_a_curated_set_whole_with_one_click(new_page, site, example_content):
    _, url, _data = site
    vragenset = example_content.of(kinds.VRAGENSET)[SET]
    page = new_page()
    page.goto(url + f"vragensets/{SET}/")
    shown = page.locator(".ll-set .ll-vraagtekst").all_inner_texts()
    assert len(shown) == len(vragenset.vragen) + len(vragenset.extra_vragen)
    page.get_by_role("button", name="Pas deze set aan").click()  # the only click

    page.wait_for_url(re.compile(r"/mijn-vragenset/"))
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(len(shown))
    assert texts(page) == shown  # its questions and its extra questions, in the same order
    expect(page.get_by_label("Titel van je set")).to_have_value(vragenset.titel)
    expect(page.get_by_label("Titel van je set")).to_be_editable()
    method = page.get_by_role("region", name="Zo werk je ermee")
    expect(method).to_be_visible()
    expect(method).to_contain_text("Welke patronen houden ons tegen")
    expect(method.get_by_role("link", name=vragenset.titel)).to_have_attribute("href", re.compile(f"vragensets/{SET}/$"))
    expect(page.locator("#ll-mijnset-bericht")).to_contain_text(f"Je hebt de set \u201c{vragenset.titel}\u201d overgenomen")
    assert stored(page) == {"titel": vragenset.titel, "werkwijze": f"vragenset/{SET}",
                            "vragen": list(vragenset.vragen) + [FREE_TEXT + e for e in vragenset.extra_vragen]}
    # The extra questions are free-text questions of the own set: they can be moved and removed like the others.
    last = page.locator("#ll-mijnset-lijst .ll-setvraag").last
    expect(last.locator(".ll-meta")).to_contain_text("Extra vraag")
    expect(last.get_by_role("button", name=f"Haal weg: vraag {len(shown)}")).to_be_visible()
    # ... and meeting mode runs the set under its own title.
    page.get_by_role("button", name="Start vergadermodus").click()
    dialog = page.get_by_role("dialog", name=vragenset.titel)
    expect(dialog.locator(".ll-vergadering__teller")).to_have_text(f"Vraag 1 van {len(shown)}")
    page.keyboard.press("End")
    expect(dialog.locator(".ll-vergadering__tekst")).to_have_text(vragenset.extra_vragen[-1])


@pytest.mark.parametrize("kind, ident", [("rol", "bestuurder"), ("thema", "anders-kijken"), ("bouwsteen", "coordineer-het-leren")])
def test_take_over_a_set_per_rol_thema_or_bouwsteen(new_page, site, kind, ident):
    _, url, data = site
    ready = data["sets"][f"{kind}/{ident}"]
    page = new_page()
    page.goto(url + ready["url"])
    shown = page.locator(".ll-set .ll-vraagtekst").all_inner_texts()
    page.get_by_role("button", name="Pas deze set aan").click()
    page.wait_for_url(re.compile(r"/mijn-vragenset/"))
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(len(shown))
    assert texts(page) == shown
    expect(page.get_by_label("Titel van je set")).to_have_value(ready["titel"])
    expect(page.get_by_role("region", name="Zo werk je ermee")).to_be_hidden()  # these sets have no werkwijze
    assert stored(page) == {"titel": ready["titel"], "vragen": ready["vragen"]}


def test_ready_sets_in_vragen_json_are_the_sets_their_pages_show(site):
    """The overview's "Pas deze set aan" reads vragen.json; a set page reads itself. Both must take over the same."""
    site_dir, _, data = site
    assert {key.split("/")[0] for key in data["sets"]} == {"vragenset", "rol", "thema", "bouwsteen"}
    overview = parse_file(site_dir / "vragensets" / "index.html")
    buttons = [b.attrs["data-set"] for b in overview.find_all("button") if b.has_class("ll-pasaan")]
    assert sorted(buttons) == sorted(data["sets"])  # one button per ready set of the overview, each known
    for key, ready in data["sets"].items():
        root = parse_file(site_dir / ready["url"] / "index.html")
        tools = [d for d in root.find_all("div") if d.has_class("ll-settools")]
        assert len(tools) == 1 and tools[0].attrs["data-titel"] == ready["titel"], key
        assert (tools[0].attrs.get("data-werkwijze") == key) == ("werkwijze" in ready), key
        items = [li for el in root.find_all() if el.has_class("ll-set") for li in el.find_all("li") if li.has_class("ll-setvraag")]
        assert [li.attrs["data-vraag"] for li in items] == ready["vragen"], key


def test_take_over_keeps_the_own_set_beside_it_and_a_deleted_set_comes_back(new_page, site):
    _, url, data = site
    own = {"titel": "Mijn eigen overleg", "vragen": sorted(data["vragen"])[:2]}
    ready = data["sets"]["rol/bestuurder"]
    page = new_page()
    store(page, url, own)
    page.goto(url + "vragensets/")
    page.get_by_role("button", name="Pas deze set aan: Vragen voor bestuurders").click()  # no question: nothing is lost
    page.wait_for_url(re.compile(r"/mijn-vragenset/"))
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(len(ready["vragen"]))
    assert stored(page) == {"titel": ready["titel"], "vragen": ready["vragen"]}
    expect(page.locator("#ll-mijnset-bericht")).to_contain_text("Je andere sets staan er ook nog")
    kept = page.get_by_role("region", name="Mijn sets")
    expect(kept.get_by_role("listitem")).to_have_count(2)
    # Open the own set again: it is whole.
    kept.get_by_role("button", name="Open Mijn eigen overleg, 2 vragen").click()
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(2)
    expect(page.get_by_label("Titel van je set")).to_have_value("Mijn eigen overleg")
    assert stored(page) == own
    # Delete it, and undo.
    kept.get_by_role("button", name="Verwijder set: Mijn eigen overleg").click()
    expect(kept.get_by_role("listitem")).to_have_count(1)
    assert [s["titel"] for s in stored_sets(page)["sets"]] == [ready["titel"]]
    expect(page.get_by_label("Titel van je set")).to_have_value(ready["titel"])
    message = page.locator("#ll-mijnset-bericht")
    expect(message).to_contain_text("De set \u201cMijn eigen overleg\u201d is verwijderd.")
    undo = message.get_by_role("button", name="Ongedaan maken")
    expect(undo).to_be_focused()
    undo.click()
    expect(kept.get_by_role("listitem")).to_have_count(2)
    assert stored(page) == own
    assert [s["titel"] for s in stored_sets(page)["sets"]] == ["Mijn eigen overleg", ready["titel"]]


def test_taking_over_the_same_set_again_opens_it_instead_of_a_copy(new_page, site):
    _, url, _data = site
    page = new_page()
    for _ in range(2):
        page.goto(url + f"vragensets/{SET}/")
        page.get_by_role("button", name="Pas deze set aan").click()
        page.wait_for_url(re.compile(r"/mijn-vragenset/"))
        expect(page.locator("#ll-mijnset-lijst .ll-setvraag").first).to_be_visible()
    assert len(stored_sets(page)["sets"]) == 1
    expect(page.locator("#ll-mijnset-bericht")).to_contain_text("al overgenomen")


def test_a_set_stored_by_the_older_single_set_version_is_kept(new_page, site):
    _, url, data = site
    old = {"titel": "Overleg van vorige maand", "vragen": sorted(data["vragen"])[:3]}
    page = new_page()
    page.goto(url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [OLD_KEY, json.dumps(old)])
    page.goto(url + "bouwstenen/coordineer-het-leren/")
    expect(page.get_by_role("link", name="Mijn vragenset (3 vragen)").first).to_be_visible()
    page.goto(url + "mijn-vragenset/")
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(3)
    expect(page.get_by_label("Titel van je set")).to_have_value("Overleg van vorige maand")
    assert stored(page) == old
    assert page.evaluate("key => localStorage.getItem(key)", OLD_KEY) is None  # moved, not copied


def test_extra_questions_have_an_add_button(new_page, site, example_content):
    _, url, _ = site
    extra = example_content.of(kinds.VRAGENSET)[SET].extra_vragen[0]
    page = new_page()
    page.goto(url + f"vragensets/{SET}/")
    item = page.locator(".ll-set .ll-setvraag", has_text=extra)
    item.get_by_role("button", name="Voeg toe aan mijn vragenset").click()
    expect(item.get_by_role("button", name="Haal uit mijn vragenset")).to_be_visible()
    assert stored(page) == {"titel": "", "vragen": [FREE_TEXT + extra]}
    page.get_by_role("link", name="Mijn vragenset (1 vraag)").first.click()
    expect(page.locator("#ll-mijnset-lijst .ll-vraagtekst")).to_have_text([extra])


# --- Copy, undo ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280px", "390px"])
def test_copy_link_shows_that_it_worked(new_page, site, viewport):
    _, url, data = site
    page = new_page(viewport=viewport)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    page.clock.install()
    own_set_page(page, url, {"titel": "Overleg", "vragen": sorted(data["vragen"])[:3]})
    hold_the_clock(page)  # the message stays until the test moves time on
    button = page.get_by_role("button", name="Kopieer link")
    button.click()
    feedback = page.locator("#ll-mijnset-gekopieerd")
    expect(feedback).to_be_visible()
    expect(feedback).to_have_text("Link gekopieerd")
    assert page.evaluate("navigator.clipboard.readText()") == page.get_by_label("Link naar deze set").input_value()
    expect(page.get_by_role("status").filter(has_text="De link is gekopieerd")).to_have_count(1)
    near, box = button.bounding_box(), feedback.bounding_box()
    assert box["x"] + box["width"] <= viewport["width"]
    if viewport == LAPTOP:  # next to the button, on the same line
        assert box["x"] >= near["x"] + near["width"] and abs((box["y"] + box["height"] / 2) - (near["y"] + near["height"] / 2)) < 12
    page.clock.run_for(6000)  # a few seconds later it is gone again
    expect(feedback).to_be_hidden()


def test_undo_after_removing_a_question(new_page, site):
    _, url, data = site
    own = {"titel": "Overleg", "vragen": sorted(data["vragen"])[:3]}
    page = new_page()
    own_set_page(page, url, own)
    before = texts(page)
    page.get_by_role("button", name="Haal weg: vraag 2").click()
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(2)
    assert stored(page)["vragen"] == [own["vragen"][0], own["vragen"][2]]
    message = page.locator("#ll-mijnset-bericht")
    expect(message).to_be_visible()
    expect(message).to_contain_text(f"Vraag weggehaald: \u201c{before[1]}\u201d")
    undo = message.get_by_role("button", name="Ongedaan maken")
    expect(undo).to_be_focused()  # the button went away with its question: focus goes to the way back
    page.keyboard.press("Enter")  # keyboard alone
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(3)
    assert texts(page) == before
    assert stored(page) == own
    expect(message).to_be_hidden()
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag").nth(1).locator(":focus")).to_have_count(1)  # back on it
    expect(page.get_by_role("status").filter(has_text="Ongedaan gemaakt")).to_have_count(1)


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280px", "390px"])
def test_undo_after_emptying_the_set(new_page, site, viewport):
    _, url, _ = site
    page = new_page(viewport=viewport)
    page.goto(url + f"vragensets/{SET}/")
    page.get_by_role("button", name="Pas deze set aan").click()
    page.wait_for_url(re.compile(r"/mijn-vragenset/"))
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag").first).to_be_visible()
    whole = stored(page)
    before = texts(page)
    page.get_by_role("button", name="Maak leeg").click()
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(0)
    assert stored(page) == {"titel": "", "vragen": []}
    expect(page.get_by_role("region", name="Zo werk je ermee")).to_be_hidden()
    undo = page.locator("#ll-mijnset-bericht").get_by_role("button", name="Ongedaan maken")
    expect(undo).to_be_focused()
    expect(undo).to_be_in_viewport()
    box = undo.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    undo.click()
    assert texts(page) == before
    assert stored(page) == whole
    expect(page.get_by_label("Titel van je set")).to_have_value(whole["titel"])
    expect(page.get_by_role("region", name="Zo werk je ermee")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")  # nothing sideways


# --- Short links ----------------------------------------------------------------------------------------------

def test_short_link_of_ten_questions_survives_mail_and_opens_the_same_set(new_page, site):
    _, url, data = site
    ten = sorted(data["vragen"])[::4][:10]
    assert len(ten) == 10
    page = new_page()
    own_set_page(page, url, {"titel": "Bestuurlijk overleg 12 maart", "vragen": ten})
    link = page.get_by_label("Link naar deze set").input_value()
    assert link == page.url
    assert len(link) < 200, link
    base, _, code = link.partition("?")
    assert base == url + "mijn-vragenset/" and SAFE.match(code) and not code.endswith("."), link
    mine = texts(page)

    colleague = new_page()  # a fresh browser: no localStorage, only the link
    colleague.goto(link)
    expect(colleague.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(10)
    assert texts(colleague) == mine
    expect(colleague.get_by_label("Titel van je set")).to_have_value("Bestuurlijk overleg 12 maart")
    expect(colleague.get_by_label("Titel van je set")).not_to_be_editable()  # read-only until kept
    expect(colleague.get_by_role("region", name="Je bekijkt een gedeelde vragenset")).to_be_visible()
    colleague.wait_for_load_state("networkidle")
    assert stored(colleague) is None
    colleague.get_by_role("button", name="Bewaar bij mijn sets").click()
    assert stored(colleague) == {"titel": "Bestuurlijk overleg 12 maart", "vragen": ten}


def test_short_link_carries_free_text_questions_and_the_werkwijze(new_page, site, example_content):
    _, url, _ = site
    vragenset = example_content.of(kinds.VRAGENSET)[SET]
    page = new_page()
    page.goto(url + f"vragensets/{SET}/")
    page.get_by_role("button", name="Pas deze set aan").click()
    page.wait_for_url(re.compile(r"/mijn-vragenset/"))
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag").first).to_be_visible()
    link = page.get_by_label("Link naar deze set").input_value()
    assert len(link) < 200 and SAFE.match(link.partition("?")[2]), link  # extra questions by code, not by text
    # Free text that is no extra question of a set travels as text; any title too.
    taken = stored(page)
    taken["vragen"].append(FREE_TEXT + "Eigen vraag: w\u00e1t doen we m\u00e9t 1.000 euro, en waarom?")
    own_set_page(page, url, taken)
    page.get_by_label("Titel van je set").fill("Raad \u00e9n college: 12.03, \u201cleren\u201d?")
    link = page.get_by_label("Link naar deze set").input_value()
    assert SAFE.match(link.partition("?")[2]) and not link.endswith("."), link
    colleague = new_page()
    colleague.goto(link)
    expect(colleague.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(len(texts(page)))
    assert texts(colleague) == texts(page)
    expect(colleague.get_by_label("Titel van je set")).to_have_value("Raad \u00e9n college: 12.03, \u201cleren\u201d?")
    expect(colleague.get_by_role("region", name="Zo werk je ermee")).to_contain_text("Welke patronen houden ons tegen")
    assert vragenset.extra_vragen[0] in texts(colleague)
    assert texts(colleague)[-1] == "Eigen vraag: w\u00e1t doen we m\u00e9t 1.000 euro, en waarom?"
    mangled = new_page()  # a mail program that writes "~" as "%7E"
    mangled.goto(link.replace("~", "%7E"))
    expect(mangled.get_by_label("Titel van je set")).to_have_value("Raad \u00e9n college: 12.03, \u201cleren\u201d?")
    expect(mangled.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(len(texts(page)))


def test_the_owner_reopening_the_short_link_gets_the_own_set(new_page, site):
    _, url, data = site
    page = new_page()
    own_set_page(page, url, {"titel": "Mijn overleg", "vragen": sorted(data["vragen"])[:2]})
    expect(page).to_have_url(re.compile(r"/mijn-vragenset/\?Mijn_overleg\."))
    page.reload()
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(2)
    expect(page.get_by_role("region", name="Je bekijkt een gedeelde vragenset")).to_have_count(0)
    expect(page.get_by_label("Titel van je set")).to_be_editable()


def test_an_old_long_link_still_opens(new_page, site):
    _, url, data = site
    ids = sorted(data["vragen"])[:3]
    page = new_page()
    page.goto(url + "mijn-vragenset/?v=" + ",".join(ids) + "&titel=Overleg%20van%20Anna")
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(3)
    assert texts(page) == [data["vragen"][i]["vraag"] for i in ids]
    expect(page.get_by_label("Titel van je set")).to_have_value("Overleg van Anna")
    expect(page.get_by_role("region", name="Je bekijkt een gedeelde vragenset")).to_be_visible()
    assert SAFE.match(page.get_by_label("Link naar deze set").input_value().partition("?")[2])  # shared on: short


def test_short_codes_are_stable_and_lengthened_on_collision():
    from leerlandschap.vragendata import FREE_TEXT as PREFIX
    from leerlandschap.vragendata import short_codes

    assert PREFIX == FREE_TEXT
    digests = {"a/x": "abcd1zz", "b/y": "abcd2zz", "c/z": "abce9zz", "d/w": "qrst000"}
    codes = short_codes(digests, digest=digests.get)
    assert codes == {"a/x": "abcd1", "b/y": "abcd2", "c/z": "abce", "d/w": "qrst"}
    # A code depends only on the ids it collides with, not on order or on unrelated questions.
    assert short_codes(list(reversed(digests)), digest=digests.get) == codes
    assert short_codes(["c/z", "d/w"], digest=digests.get) == {"c/z": "abce", "d/w": "qrst"}
    with pytest.raises(ValueError):
        short_codes(["a", "b"], digest=lambda ident: "same")
    real = short_codes(f"bouwsteen-{i}/vraag-{j}" for i in range(60) for j in range(10))
    assert len(set(real.values())) == 600 and all(re.fullmatch(r"[0-9a-z]{4,}", c) for c in real.values())



# A browser that keeps nothing for the site: as older Safari in a private window, every write throws.
NO_STORAGE = """Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"""
NOT_STORED = "Deze browser bewaart niets voor deze site, dus ook geen eigen vragenset."


@pytest.mark.parametrize("where", ["bouwsteen", "vragenset", "overzicht"])
def test_a_browser_that_keeps_nothing_is_told_so_instead_of_losing_the_set(new_page, site, where):
    """Before, "Voeg toe" said "Toegevoegd aan mijn vragenset. Er staat nu 1 vraag in." over nothing, and "Pas deze
    set aan" opened an empty "Mijn vragenset": the set was lost without a word. Now the button says why it cannot
    work, beside itself, and nothing pretends to be kept."""
    _, url, _ = site
    page = new_page()
    page.add_init_script(NO_STORAGE)
    path, button = {"bouwsteen": ("bouwstenen/investeer-in-bestuurlijk-leren/", "Voeg toe aan mijn vragenset"),
                    "vragenset": (f"vragensets/{SET}/", "Pas deze set aan"),
                    "overzicht": ("vragensets/", "Pas deze set aan")}[where]
    page.goto(url + path)
    pressed = page.get_by_role("button", name=button).first
    pressed.click()
    note = page.locator(".ll-nietbewaard")
    expect(note).to_have_count(1)
    expect(note).to_contain_text("Dit lukt niet. " + NOT_STORED)
    expect(note).to_be_visible()
    assert page.url == url + path  # it stays: no empty "Mijn vragenset"
    expect(pressed).to_have_text(button)  # nothing claims the question is in the set
    assert not any("Toegevoegd" in text for text in page.locator("[role=status]").all_text_contents())
    pressed.click()
    expect(note).to_have_count(1)  # said once


def test_my_set_page_says_the_set_lives_only_in_its_link_when_nothing_is_kept(new_page, site):
    _, url, _ = site
    page = new_page()
    page.add_init_script(NO_STORAGE)
    page.goto(url + "mijn-vragenset/")
    expect(page.locator("#ll-mijnset-melding")).to_have_text(
        NOT_STORED + " Zet cookies en sitegegevens voor deze site aan in je browser. Je set staat nu alleen in de link"
        " van deze pagina. Kopieer die link voordat je de pagina sluit.")

# --- Paper --------------------------------------------------------------------------------------------------

def test_composed_set_prints_under_its_own_title(new_page, site):
    _, url, data = site
    page = new_page()
    own_set_page(page, url, {"titel": "Bestuurlijk overleg 12 maart", "vragen": sorted(data["vragen"])[:3]})
    questions = texts(page)
    page.emulate_media(media="print")
    heading = page.locator("#ll-mijnset-printkop")
    expect(heading).to_be_visible()
    expect(heading).to_have_text("Bestuurlijk overleg 12 maart")
    expect(page.get_by_role("heading", name="Mijn vragenset", level=1)).to_be_hidden()
    shown = page.locator("article").inner_text()
    assert shown.strip().removeprefix(EXAMPLE_NOTE).lstrip().startswith("Bestuurlijk overleg 12 maart")
    assert all(q in shown for q in questions)
    for gone in ("Mijn vragenset", "Stel je eigen set", "Open je een link", "Kopieer link", "Maak leeg", "Haal weg",
                 "Omhoog", "Start vergadermodus", "Titel van je set", "Link naar deze set"):
        assert gone not in shown, gone
    page.emulate_media(media="screen")
    expect(heading).to_be_hidden()


def test_taken_over_set_prints_its_werkwijze(new_page, site, example_content):
    _, url, _ = site
    page = new_page()
    page.goto(url + f"vragensets/{SET}/")
    page.get_by_role("button", name="Pas deze set aan").click()
    page.wait_for_url(re.compile(r"/mijn-vragenset/"))
    expect(page.locator("#ll-mijnset-bericht")).to_be_visible()
    page.emulate_media(media="print")
    shown = page.locator("article").inner_text()
    assert shown.strip().removeprefix(EXAMPLE_NOTE).lstrip().startswith(example_content.of(kinds.VRAGENSET)[SET].titel)
    assert "Zo werk je ermee" in shown and "Welke patronen houden ons tegen" in shown
    assert "overgenomen" not in shown and "Ongedaan maken" not in shown and "Haal werkwijze weg" not in shown



def printed(page) -> str:
    """The page as Chromium prints it on A4, as one line of text."""
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def named(content, bron_id: str) -> str:
    """A bron as the site's pages name it in their source line: title, publisher (year)."""
    bron = content.of(kinds.BRON)[bron_id]
    return f"{bron.titel}, {bron.uitgever}" + (f" ({bron.jaar})" if bron.jaar else "")


def test_a_taken_over_set_names_its_sources_on_paper_and_so_does_its_shared_link(new_page, site, example_content):
    """The vragenset's own page names the bron of its questions and of its werkwijze; the same set taken over on
    "Mijn vragenset", and opened by a colleague from its link, is printed and read without the site: it names both."""
    _, url, _ = site
    vragenset = example_content.of(kinds.VRAGENSET)[SET]
    assert vragenset.werkwijze_bron and vragenset.werkwijze_bron != vragenset.bron  # a werkwijze from another source
    questions = f"Bron van de vragen: {named(example_content, vragenset.bron)}."
    method = f"Bron van deze werkwijze: {named(example_content, vragenset.werkwijze_bron)}."
    page = new_page()
    page.goto(url + f"vragensets/{SET}/")
    page.get_by_role("button", name="Pas deze set aan").click()
    page.wait_for_url(re.compile(r"/mijn-vragenset/"))
    expect(page.locator("#ll-mijnset-bronnen")).to_have_text(questions)  # on screen too
    text = printed(page)
    assert questions in text and method in text
    assert text.index(method) < text.index(vragenset.extra_vragen[0]) < text.index(questions)
    colleague = new_page()
    colleague.goto(page.get_by_label("Link naar deze set").input_value())
    expect(colleague.locator("#ll-mijnset-gedeeld")).to_be_visible()
    text = printed(colleague)
    assert questions in text and method in text


def test_a_set_of_single_questions_names_their_source_and_an_example_werkwijze_none(new_page, site, example_content):
    _, url, data = site
    page = new_page()
    refs = sorted(data["vragen"])[:2] + sorted(data["vragen"])[-1:]  # from two bouwstenen
    own_set_page(page, url, {"titel": "Teamoverleg", "vragen": refs})
    sources = {example_content.of(kinds.BOUWSTEEN)[ref.split("/")[0]].bron for ref in refs}
    assert len(sources) == 1
    assert f"Bron van de vragen: {named(example_content, sources.pop())}." in printed(page)
    # A werkwijze written as an example for this site has no bron: it says so, and names none.
    example = "ervaringsdeskundigheid-in-het-leren"
    assert example_content.of(kinds.BRON)[example_content.of(kinds.VRAGENSET)[example].werkwijze_bron].soort == "voorbeeld"
    page.goto(url + f"vragensets/{example}/")
    page.get_by_role("button", name="Pas deze set aan").click()
    page.wait_for_url(re.compile(r"/mijn-vragenset/"))
    expect(page.locator("#ll-mijnset-werkwijze-voorbeeld")).to_be_visible()
    text = printed(page)
    assert "Bron van de vragen: " in text and "Bron van deze werkwijze" not in text
    assert "Deze werkwijze is als voorbeeld voor deze site geschreven. Ze komt niet uit een bron." in text

# --- Meeting mode on a projector ----------------------------------------------------------------------------

def open_meeting(page, url):
    page.goto(url + f"vragensets/{SET}/")
    page.get_by_role("button", name="Start vergadermodus").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    return dialog


def test_meeting_mode_shows_its_keys(new_page, site):
    _, url, _ = site
    page = new_page()
    dialog = open_meeting(page, url)
    legend = dialog.locator(".ll-vergadering__toetsen")
    expect(legend).to_be_visible()
    expect(legend).to_have_text("\u2192 of spatie: volgende \u00b7 \u2190 vorige \u00b7 T: timer \u00b7 Esc: stoppen \u00b7 ?: uitleg")
    assert legend.bounding_box()["y"] + legend.bounding_box()["height"] <= LAPTOP["height"]  # in view, no scrolling
    help_button = dialog.get_by_role("button", name="Uitleg toetsen (?)")
    expect(help_button).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("?")
    explained = dialog.locator("#ll-vergadering-uitleg")
    expect(explained).to_be_visible()
    expect(explained).to_contain_text("Toetsen in de vergadermodus")
    expect(explained).to_contain_text("timer aan of uit")
    expect(help_button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("?")
    expect(explained).to_be_hidden()
    help_button.click()
    expect(explained).to_be_visible()
    page.keyboard.press("ArrowRight")  # the keys keep working with the explanation open
    expect(dialog.locator(".ll-vergadering__teller")).to_have_text(re.compile(r"^Vraag 2 van \d+$"))


def test_meeting_mode_timer_is_readable_from_the_back_of_the_room(new_page, site):
    _, url, _ = site
    page = new_page()
    dialog = open_meeting(page, url)
    clock = dialog.get_by_role("timer")
    page.keyboard.press("t")  # T: the timer on, without the mouse
    expect(clock).to_have_text(re.compile(r"^Nog [23]:\d\d$"))
    expect(dialog.get_by_label("Timer per vraag")).to_have_value("3")
    digits = clock.locator(".ll-vergadering__cijfers")
    style = digits.evaluate("""el => { const s = getComputedStyle(el), c = getComputedStyle(el.closest('[role=timer]'));
        return {size: parseFloat(s.fontSize), color: s.color, background: c.backgroundColor, weight: s.fontWeight}; }""")
    question = float(dialog.locator(".ll-vergadering__tekst").evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    assert style["size"] >= 64, style  # large digits at 1280 x 900 ...
    assert style["size"] >= question, (style, question)  # ... at least as large as the question
    assert style["color"] == "rgb(0, 0, 0)" and style["background"] == "rgb(255, 255, 255)", style  # high contrast
    box = clock.bounding_box()
    assert box["x"] + box["width"] <= LAPTOP["width"] and box["y"] >= 0
    page.keyboard.press("T")
    expect(dialog.locator(".ll-vergadering__klok")).to_be_empty()
    expect(dialog.get_by_label("Timer per vraag")).to_have_value("0")



@pytest.mark.parametrize("screen", [(1024, 768), (1920, 1080), (512, 384)], ids=["1024x768", "1920x1080", "zoom-200"])
def test_what_the_room_reads_beside_the_question_is_large_enough_on_a_projector(new_page, site, screen):
    """Text on a projected screen is at least 1/30 of its height (about 24 pt on a slide), so the back of the room reads
    the set's title, the counter and the question's bouwsteen, not only the question; a laptop zoomed to 200 % (a
    1024 x 768 window of 512 x 384 CSS px) keeps them at the page's own size at least, and scrolls nothing sideways."""
    width, height = screen
    _, url, _ = site
    page = new_page(viewport={"width": width, "height": height})
    dialog = open_meeting(page, url)
    sizes = {name: dialog.locator(selector).evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
             for name, selector in (("titel", ".ll-vergadering__titel"), ("teller", ".ll-vergadering__teller"),
                                    ("bouwsteen", ".ll-vergadering__bron"))}
    question = dialog.locator(".ll-vergadering__tekst").evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    least = max(16, height / 30)
    assert {name: size for name, size in sizes.items() if size < least - 0.5} == {}, (sizes, least)
    assert all(size < question for size in sizes.values())  # the question stays the largest
    assert page.evaluate("document.documentElement.scrollWidth") <= width

def test_meeting_mode_on_a_phone_keeps_everything_in_view(new_page, site):
    _, url, _ = site
    page = new_page(viewport=PHONE)
    dialog = open_meeting(page, url)
    page.keyboard.press("t")
    expect(dialog.get_by_role("timer")).to_have_text(re.compile(r"^Nog "))
    for part in (dialog.get_by_role("timer"), dialog.locator(".ll-vergadering__toetsen")):
        box = part.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box



@pytest.mark.parametrize("time_up", [False, True], ids=["timer", "tijd-is-om"])
def test_on_a_phone_the_timer_does_not_squeeze_the_title_to_a_word_a_line(new_page, site, time_up):
    """Beside the timer's large digits (or 'Tijd is om') a 360 px phone left the title and counter a column of a few
    letters: 'Vraag 1' and 'van 9' on two lines. The counter is one line, the title has at least half the width."""
    _, url, _ = site
    page = new_page(viewport={"width": 360, "height": 640})
    page.clock.install()
    dialog = open_meeting(page, url)
    hold_the_clock(page)
    page.keyboard.press("t")
    if time_up:
        page.clock.run_for(3 * 60 * 1000 + 1000)
        expect(dialog.get_by_role("timer")).to_have_text("Tijd is om")
    counter = dialog.locator(".ll-vergadering__teller")
    lines = counter.evaluate("""el => { const range = document.createRange(); range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size; }""")  # lines of its text
    assert lines == 1, lines
    assert dialog.locator(".ll-vergadering__titel").bounding_box()["width"] >= 360 / 2

def meeting_with_timer(new_page, site):
    """A fresh page with meeting mode open: the page, the dialog, its question counter and its timer select."""
    _, url, _ = site
    page = new_page()
    dialog = open_meeting(page, url)
    return page, dialog, dialog.locator(".ll-vergadering__teller"), dialog.get_by_label("Timer per vraag")


def test_meeting_keys_still_work_after_a_timer_is_picked_with_the_mouse(new_page, site):
    """A bestuurder picks a time with the mouse, then goes on with a clicker (Page Down) and the arrow keys."""
    page, dialog, counter, timer = meeting_with_timer(new_page, site)
    timer.click()  # the mouse on the select, as a real pick starts
    timer.select_option("5")
    expect(dialog.get_by_role("timer")).to_have_text(re.compile(r"^Nog [45]:\d\d$"))
    page.keyboard.press("PageDown")
    expect(counter).to_have_text(re.compile(r"^Vraag 2 van \d+$"))
    page.keyboard.press("ArrowRight")
    expect(counter).to_have_text(re.compile(r"^Vraag 3 van \d+$"))
    page.keyboard.press("ArrowLeft")
    expect(counter).to_have_text(re.compile(r"^Vraag 2 van \d+$"))
    expect(timer).to_have_value("5")  # the arrows moved the questions, not the timer
    page.keyboard.press("t")
    expect(timer).to_have_value("0")


def test_a_clicker_works_while_the_timer_select_has_the_keyboard_focus(new_page, site):
    """Chosen with the keyboard, the arrows stay with the select; Page Down, Page Up and T still run the meeting."""
    page, _dialog, counter, timer = meeting_with_timer(new_page, site)
    timer.focus()
    page.keyboard.press("ArrowDown")  # the keyboard chooses the next time: 2 minutes
    expect(timer).to_have_value("2")
    expect(timer).to_be_focused()
    page.keyboard.press("PageDown")
    expect(counter).to_have_text(re.compile(r"^Vraag 2 van \d+$"))
    page.keyboard.press("PageUp")
    expect(counter).to_have_text(re.compile(r"^Vraag 1 van \d+$"))
    page.keyboard.press("T")
    expect(timer).to_have_value("0")


@pytest.mark.parametrize("pressed", ["Vorige vraag", "Uitleg toetsen (?)", "Volgende vraag"])
def test_space_and_a_clicker_go_on_after_a_button_is_pressed_with_the_mouse(new_page, site, pressed):
    """The legend and the guide say: Space (and Page Down, a clicker's key) is the next question. A bestuurder who
    steps back with the mouse, or opens the key explanation with it, and then goes on with Space or a clicker means
    the next question: not that button again (which went back, or closed the explanation)."""
    page, dialog, counter, _timer = meeting_with_timer(new_page, site)
    for _ in range(2):
        page.keyboard.press("ArrowRight")
    expect(counter).to_have_text(re.compile(r"^Vraag 3 van \d+$"))
    dialog.get_by_role("button", name=pressed, exact=True).click()
    at = {"Vorige vraag": 2, "Uitleg toetsen (?)": 3, "Volgende vraag": 4}[pressed]
    expect(counter).to_have_text(re.compile(rf"^Vraag {at} van \d+$"))
    page.keyboard.press("Space")
    expect(counter).to_have_text(re.compile(rf"^Vraag {at + 1} van \d+$"))
    page.keyboard.press("PageDown")
    expect(counter).to_have_text(re.compile(rf"^Vraag {at + 2} van \d+$"))
    if pressed == "Uitleg toetsen (?)":
        explained = dialog.locator("#ll-vergadering-uitleg")
        expect(explained).to_be_visible()  # Space went on; it did not close the explanation again
        explained.click()  # a click inside the explanation (to read it) leaves the clicker's keys to the meeting
        page.keyboard.press("PageDown")
        expect(counter).to_have_text(re.compile(rf"^Vraag {at + 3} van \d+$"))


def test_a_button_reached_with_tab_still_takes_space_and_enter(new_page, site):
    """The keyboard user's way stays: Tab to a button, and Space or Enter presses it."""
    page, dialog, counter, _timer = meeting_with_timer(new_page, site)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    previous = dialog.get_by_role("button", name="Vorige vraag")
    page.keyboard.press("Shift+Tab")  # from "Volgende vraag", where the meeting opens with the focus
    expect(previous).to_be_focused()
    page.keyboard.press("Space")
    expect(counter).to_have_text(re.compile(r"^Vraag 2 van \d+$"))
    page.keyboard.press("Enter")
    expect(counter).to_have_text(re.compile(r"^Vraag 1 van \d+$"))
    dialog.get_by_role("button", name="Volgende vraag").click()
    page.keyboard.press("Enter")  # Enter presses a button, also one pressed with the mouse
    expect(counter).to_have_text(re.compile(r"^Vraag 3 van \d+$"))


@pytest.mark.parametrize("height", [720, 600])
def test_the_key_explanation_fits_or_scrolls_beside_a_long_question(new_page, site, height):
    """At 1280 x 720 (a beamer) with the site's longest question the explanation is in the window, and on a lower
    window what does not fit scrolls within it, with the keyboard."""
    _, url, data = site
    ref, longest = max(data["vragen"].items(), key=lambda item: len(item[1]["vraag"]))
    page = new_page(viewport={"width": 1280, "height": height})
    page.goto(url + "mijn-vragenset/?v=" + ref)
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(1)
    page.get_by_role("button", name="Start vergadermodus").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.locator(".ll-vergadering__tekst")).to_have_text(longest["vraag"])
    page.keyboard.press("?")
    explained = dialog.get_by_role("region", name="Toetsen in de vergadermodus")
    expect(explained).to_be_visible()
    box = explained.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, box  # in the window, not below it
    assert dialog.evaluate("el => el.scrollHeight <= el.clientHeight"), "the meeting itself overflows the window"
    for part in ("Toetsen in de vergadermodus", "Esc", "vergadermodus stoppen", "presentatieklikker"):
        expect(explained).to_contain_text(part)
    # Tab reaches the explanation (Shift+Tab from the first control wraps to it: it is the last stop)...
    for _ in range(8):
        if explained.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(explained).to_be_focused()
    # ... and the keys that scroll do so there, without leaving the question.
    room = explained.evaluate("el => el.scrollHeight - el.clientHeight")
    assert room > 0 or height == 720  # at 600 px it scrolls (a test of the scrolling itself)
    page.keyboard.press("End")
    page.wait_for_function("room => document.getElementById('ll-vergadering-uitleg').scrollTop >= room - 1", arg=room,
                           timeout=5000)  # a smooth scroll takes a moment
    last = explained.get_by_text("Een presentatieklikker werkt ook")
    last_box, box = last.bounding_box(), explained.bounding_box()
    assert last_box["y"] + last_box["height"] <= box["y"] + box["height"] + 1, (last_box, box)
    expect(dialog.locator(".ll-vergadering__teller")).to_have_text("Vraag 1 van 1")


# --- Accessibility of the new states ------------------------------------------------------------------------

def test_new_states_have_no_wcag_violations(new_page, site):
    from test_quality import AXE, axe_violations

    if not AXE.is_file():
        pytest.fail("axe-core is missing: 'make test' installs the npm tools (npm ci)")
    _, url, data = site
    page = new_page()
    store(page, url, {"titel": "Eigen", "vragen": sorted(data["vragen"])[:2]})
    page.goto(url + f"vragensets/{SET}/")
    page.get_by_role("button", name="Pas deze set aan").click()
    page.wait_for_url(re.compile(r"/mijn-vragenset/"))
    expect(page.get_by_role("region", name="Mijn sets").get_by_role("listitem")).to_have_count(2)
    page.get_by_label("Zoek een vraag").fill("bestuurder")  # questions found in place, with their buttons
    expect(page.locator("#ll-mijnset-gevonden li").first).to_be_visible()
    expect(page.locator("#ll-mijnset-bericht")).to_be_visible()  # message with undo, werkwijze, copy feedback
    page.get_by_role("button", name="Kopieer link").click()
    expect(page.locator("#ll-mijnset-gekopieerd")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Start vergadermodus").click()
    page.keyboard.press("t")
    page.keyboard.press("?")
    expect(page.locator("#ll-vergadering-uitleg")).to_be_visible()
    assert axe_violations(page) == []


def test_a_set_that_cannot_load_says_so_beside_its_button_and_a_second_click_tries_again(new_page, site):
    """On the overview "Pas deze set aan" reads the set from vragen.json. On a dropped network it said so to screen
    readers only: a sighted bestuurder clicked and nothing happened, and every later click failed as well."""
    _, url, _ = site
    page = new_page()
    page.goto(url + "vragensets/")
    page.route("**/vragen.json", lambda route: route.abort("internetdisconnected"))
    button = page.get_by_role("button", name="Pas deze set aan").first
    button.click()
    note = page.locator(".ll-nietbewaard")
    expect(note).to_have_text("Deze set kon niet worden geladen. Controleer je internetverbinding en probeer het opnieuw.")
    expect(note).to_be_visible()
    page.unroute("**/vragen.json")  # the network is back
    button.click()
    page.wait_for_url(re.compile(r"/mijn-vragenset/"))
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag").first).to_be_visible()
