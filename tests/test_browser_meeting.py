"""Reflection questions in the meeting room, in a real headless Chromium: compose, share, meet, print."""
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from htmltools import parse_file
from leerlandschap import kinds
from leerlandschap.loader import load_content

A4 = (595.3, 841.9)  # points; Chromium rounds the width to 595


@pytest.fixture(scope="module")
def built(example_site):
    return example_site


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_compose_reorder_and_share(new_page, built):
    _, url = built
    page = new_page()
    page.goto(url + "bouwstenen/coordineer-het-leren/")
    questions = page.locator(".ll-set .ll-setvraag")
    first, second = questions.nth(0), questions.nth(1)
    chosen = [first.locator(".ll-vraagtekst").inner_text(), second.locator(".ll-vraagtekst").inner_text()]
    first.get_by_role("button", name="Voeg toe aan mijn vragenset").click()
    second.get_by_role("button", name="Voeg toe aan mijn vragenset").click()
    expect(first.get_by_role("button", name="Haal uit mijn vragenset")).to_be_visible()
    page.goto(url + "rollen/bestuurder/")
    third = page.locator(".ll-set .ll-setvraag", has_text="lerende bestuurder").first
    chosen.append(third.locator(".ll-vraagtekst").inner_text())
    third.get_by_role("button", name="Voeg toe aan mijn vragenset").click()

    page.get_by_role("link", name="Mijn vragenset (3 vragen)").first.click()
    items = page.locator("#ll-mijnset-lijst .ll-vraagtekst")
    expect(items).to_have_count(3)
    assert items.all_inner_texts() == chosen
    page.get_by_label("Titel van je set").fill("Overleg met de raad")
    page.get_by_role("button", name="Omhoog: vraag 3").click()
    reordered = [chosen[0], chosen[2], chosen[1]]
    expect(items.nth(1)).to_have_text(chosen[2])
    link = page.get_by_label("Link naar deze set").input_value()
    assert link == page.url and "?Overleg_met_de_raad." in link  # a short link: title, then a code per question

    colleague = new_page()  # a fresh browser context: no localStorage, only the link
    colleague.goto(link)
    shared = colleague.locator("#ll-mijnset-lijst .ll-vraagtekst")
    expect(shared).to_have_count(3)
    assert shared.all_inner_texts() == reordered
    expect(colleague.get_by_label("Titel van je set")).to_have_value("Overleg met de raad")


def test_unknown_question_in_a_shared_link_is_a_notice(new_page, built):
    _, url = built
    page = new_page()
    page.goto(url + "mijn-vragenset/?v=bestaat-niet/vraag,coordineer-het-leren/visie-organiseren")
    expect(page.locator("#ll-mijnset-melding")).to_contain_text("bestaat niet meer")
    expect(page.locator("#ll-mijnset-melding")).to_contain_text("bestaat-niet/vraag")
    expect(page.locator("#ll-mijnset-lijst .ll-setvraag")).to_have_count(1)


def test_meeting_mode_keys_and_escape(new_page, built):
    _project, url = built
    page = new_page()
    page.goto(url + "vragensets/bestuurlijk-overleg-bestuurlijk-leren/")
    texts = page.locator(".ll-set .ll-vraagtekst").all_inner_texts()
    start = page.get_by_role("button", name="Start vergadermodus")
    start.focus()
    page.keyboard.press("Enter")  # keyboard alone
    dialog = page.get_by_role("dialog", name="Bestuurlijk leren in het bestuurlijk overleg")
    expect(dialog).to_be_visible()
    counter, question = dialog.locator(".ll-vergadering__teller"), dialog.locator(".ll-vergadering__tekst")
    expect(counter).to_have_text(f"Vraag 1 van {len(texts)}")
    expect(question).to_have_text(texts[0])
    assert dialog.locator("[aria-live=polite]").count() == 1  # screen readers hear each new question
    page.keyboard.press("ArrowRight")
    expect(counter).to_have_text(f"Vraag 2 van {len(texts)}")
    page.keyboard.press("PageDown")
    expect(question).to_have_text(texts[2])
    page.keyboard.press("PageUp")
    expect(question).to_have_text(texts[1])
    dialog.get_by_role("button", name="Volgende vraag").click()
    expect(question).to_have_text(texts[2])
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    assert page.evaluate("document.activeElement.textContent") == "Start vergadermodus"


def pdf_text(pdf: bytes) -> tuple[list, str]:
    reader = PdfReader(io.BytesIO(pdf))
    sizes = [(round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1)) for p in reader.pages]
    return sizes, words(" ".join(p.extract_text() for p in reader.pages))


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def navigation_texts(html_path) -> set[str]:
    """Link texts of the menu, tabs, header and footer: none of them belongs on paper."""
    root = parse_file(html_path)
    chrome = [e for e in root.find_all() if e.tag in ("header", "nav", "footer") or e.has_class("md-tabs")]
    article = words(root.find_all("article")[0].all_text())
    texts = {words(a.all_text()) for part in chrome for a in part.find_all("a")} | {"Zoek op deze site", "Zoek"}
    return {t for t in texts if t and t not in article}


def test_print_a_curated_set_gives_clean_a4_pages(new_page, built):
    project, url = built
    model = load_content(project / "content")
    vragenset = model.of(kinds.VRAGENSET)["bestuurlijk-overleg-bestuurlijk-leren"]
    page = new_page()
    page.goto(url + f"vragensets/{vragenset.id}/")
    sizes, text = pdf_text(page.pdf(prefer_css_page_size=True, print_background=True))
    assert sizes and all(abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1 for w, h in sizes)
    questions = [model.vraag(ref)[1].vraag for ref in vragenset.vragen] + list(vragenset.extra_vragen)
    assert [q for q in questions if words(q) not in text] == []
    # The title is the heading, whose soft hyphens (hyphenate.py) split its words where pypdf reads the PDF.
    assert squeezed(vragenset.titel) in squeezed(text) and words(vragenset.doel) in text and "Bron:" in text
    leaked = [t for t in navigation_texts(project / "site" / "vragensets" / vragenset.id / "index.html") if t in text]
    assert leaked == []
    assert "Start vergadermodus" not in text and "Voeg toe" not in text


def test_print_as_cards(new_page, built):
    _project, url = built
    page = new_page()
    page.goto(url + "bouwstenen/organiseer-de-governance/")
    texts = page.locator(".ll-set .ll-vraagtekst").all_inner_texts()
    page.evaluate("window.print = () => { window.__kaartjes = document.querySelectorAll('.ll-kaartje').length; }")
    page.get_by_role("button", name="Print als kaartjes").click()
    assert page.evaluate("window.__kaartjes") == len(texts)
    sizes, text = pdf_text(page.pdf(prefer_css_page_size=True))
    assert len(sizes) == -(-len(texts) // 4)  # four cards to an A4 sheet
    assert all(words(t) in text for t in texts)
    assert "Aan de slag" not in text and "Organiseer de governance · " not in text.split(texts[0])[0]


def test_meeting_mode_works_offline_with_a_timer(new_page, built):
    _, url = built
    page = new_page()
    page.goto(url + "themas/blijvend-anders-organiseren/")
    page.context.set_offline(True)  # once loaded, the meeting needs no network
    page.get_by_role("button", name="Start vergadermodus").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Timer per vraag").select_option("2")
    expect(dialog.get_by_role("timer")).to_have_text(re.compile(r"^Nog [12]:\d\d$"))
    page.keyboard.press("Space")
    expect(dialog.locator(".ll-vergadering__teller")).to_have_text(re.compile(r"^Vraag 2 van \d+$"))
    expect(dialog.locator(".ll-vergadering__bron")).to_have_text(re.compile(r"^Bij "))
    page.context.set_offline(False)


def test_set_overview_filters_by_role_and_thema(new_page, built):
    project, url = built
    model = load_content(project / "content")
    page = new_page()
    page.goto(url + "vragensets/")
    sets = page.locator(".ll-setlijst > li")
    total = sets.count()
    assert total == len(model.of(kinds.VRAGENSET)) + len(model.of(kinds.ROL)) + len(model.of(kinds.THEMA)) + len(model.of(kinds.BOUWSTEEN))
    page.get_by_label("Voor welke rol?").select_option("Ervaringsdeskundige")
    visible = page.locator(".ll-setlijst > li:visible")
    expect(page.locator(".ll-setfilter-status")).to_contain_text("bij je keuze")
    assert 0 < visible.count() < total
    assert all("Ervaringsdeskundige" in (v.get_attribute("data-rollen") or "").split("|") for v in visible.all())
    page.get_by_label("Over welk thema?").select_option("Anders kijken")
    assert all("Anders kijken" in v.get_attribute("data-themas").split("|") for v in page.locator(".ll-setlijst > li:visible").all())


def test_the_set_overview_keeps_its_choice_on_reload_and_in_a_shared_link(new_page, built):
    """A bestuurder picks a role and a thema, reloads or sends the link to a colleague: the same sets show. The
    choice was lost on reload, and the address never held it. A value the list does not have is ignored."""
    _project, url = built
    page = new_page()
    page.goto(url + "vragensets/")
    page.get_by_label("Voor welke rol?").select_option("Bestuurder")
    page.get_by_label("Over welk thema?").select_option("Anders kijken")
    expect(page).to_have_url(re.compile(r"\?rol=Bestuurder&thema=Anders\+kijken$"))
    shown = page.locator(".ll-setlijst > li:visible").all_inner_texts()
    assert shown
    page.reload()
    expect(page.get_by_label("Voor welke rol?")).to_have_value("Bestuurder")
    expect(page.get_by_label("Over welk thema?")).to_have_value("Anders kijken")
    expect(page.locator(".ll-setfilter-status")).to_contain_text("bij je keuze")
    assert page.locator(".ll-setlijst > li:visible").all_inner_texts() == shown
    other = new_page()  # a colleague opens the link
    other.goto(page.url)
    assert other.locator(".ll-setlijst > li:visible").all_inner_texts() == shown
    other.goto(url + "vragensets/?rol=<b>niemand</b>")
    expect(other.get_by_label("Voor welke rol?")).to_have_value("")
    assert other.locator(".ll-setlijst > li:visible").count() == other.locator(".ll-setlijst > li").count()
    page.get_by_label("Voor welke rol?").select_option("")
    page.get_by_label("Over welk thema?").select_option("")
    expect(page).to_have_url(url + "vragensets/")


def test_printed_set_names_its_title_once(new_page, built):
    """The page's heading is the set's title (with soft hyphens for breaking long words): the line under it on paper
    gives only the date, not the title again."""
    _project, url = built
    page = new_page()
    page.goto(url + "vragensets/bestuurlijk-overleg-bestuurlijk-leren/")
    title = "Bestuurlijk leren in het bestuurlijk overleg"
    assert "\u00ad" in page.locator("h1").text_content()  # the case of this test: a hyphenated heading
    expect(page.locator(".ll-printregel")).to_have_text(re.compile(r"^Datum: \d{1,2} [a-z]+ \d{4}$"))
    _, text = pdf_text(page.pdf(prefer_css_page_size=True))
    assert "Datum:" in text and squeezed(text).count(squeezed(title)) == 1


def test_an_extra_question_of_a_set_belongs_to_no_bouwsteen(new_page, built):
    """An extra question of a vragenset has no bouwsteen: meeting mode shows no "Bij ..." line for it, and its card
    names the set once."""
    project, url = built
    model = load_content(project / "content")
    vragenset = model.of(kinds.VRAGENSET)["bestuurlijk-overleg-bestuurlijk-leren"]
    assert vragenset.extra_vragen
    extra = words(vragenset.extra_vragen[0])
    page = new_page()
    page.goto(url + f"vragensets/{vragenset.id}/")
    page.get_by_role("button", name="Start vergadermodus").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.locator(".ll-vergadering__bron")).to_have_text(re.compile(r"^Bij "))  # a question of a bouwsteen
    for _ in vragenset.vragen:
        page.keyboard.press("ArrowRight")
    expect(dialog.locator(".ll-vergadering__tekst")).to_have_text(extra)
    expect(dialog.locator(".ll-vergadering__bron")).to_be_empty()
    page.keyboard.press("Escape")
    page.evaluate("window.print = () => {}")
    page.get_by_role("button", name="Print als kaartjes").click()
    card = page.locator(".ll-kaartje", has=page.locator(".ll-kaartje__vraag", has_text=extra))
    expect(card.locator(".ll-kaartje__bron")).to_have_text(vragenset.titel)


@pytest.mark.parametrize(("address", "said", "not_said"), [
    ("", [], ["Voor welke rol?", "Over welk thema?", "Alle rollen", "Alle thema's"]),
    ("?rol=Bestuurder", ["Voor welke rol? Bestuurders"], ["Over welk thema?", "Alle thema's"]),
    ("?rol=Bestuurder&thema=Anders+kijken", ["Voor welke rol? Bestuurders Over welk thema? Anders kijken"], []),
])
def test_the_printed_set_overview_says_its_choice_in_words_and_no_control(new_page, built, address, said, not_said):
    """A bestuurder who prints the overview of sets for bestuurders reads on paper which sets these are; the paper
    has no field to fill in ('Alle rollen' in a box) and no link to the own set."""
    _, url = built
    page = new_page()
    page.goto(url + "vragensets/" + address)
    expect(page.locator(".ll-setfilter")).to_be_visible()
    _, text = pdf_text(page.pdf(prefer_css_page_size=True))
    assert "Naar mijn vragenset" not in text
    assert [s for s in said if s not in text] == [] and [s for s in not_said if s in text] == []
