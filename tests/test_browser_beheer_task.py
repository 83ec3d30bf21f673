"""Issue 20: the whole coordinator task in /beheer/, in a real headless Chromium, offline (proef mode).

A coordinator goes from the tafel page to "Verslag toevoegen", reads the start screen, records yesterday's meeting
with two agreements and saves. On the way: Escape asks before a half-filled form is left, a reload offers the
draft back, no screen shows English, no new role can be made from the meeting form, the page never even tries
another host (counted by the browser's own network log, including what the Content-Security-Policy refuses), and
axe-core finds nothing on the start screen and the meeting form. The saved file passes the checker and, rebuilt,
shows on the tafel page.
"""
import re

import pytest
from playwright.sync_api import expect
from test_browser_cms import READ_SAVED, TAFEL, add_to_outcome, check_and_build, editor_site, open_outcome  # noqa: F401  (fixture)
from test_quality import AXE, AXE_RUN, WCAG

from browser import WAIT, at_rest, until
from htmltools import parse_file

# Words a coordinator met in English before (the examples) and common interface words; none may be visible.
# Not listed: words that are Dutch as well ("is", "later", "status", "link", "menu").
ENGLISH = {"show", "errors", "error", "save", "saved", "cancel", "delete", "entry", "entries", "collection", "draft",
           "preview", "will", "be", "the", "with", "available", "now", "english", "sign", "add", "new", "select",
           "options", "close", "restore", "discard", "edit", "search", "settings", "language", "update", "folder",
           "required", "field", "invalid", "create", "you", "your", "this", "are", "and", "slug"}
VISIBLE_TEXT = """() => {
  const out = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('script, style, noscript, .material-symbols-outlined, [aria-hidden="true"]')) continue;
    if (el.checkVisibility && !el.checkVisibility()) continue;
    out.push(node.textContent);
  }
  for (const el of document.querySelectorAll('input[placeholder], [aria-label], [title]'))
    if (!el.checkVisibility || el.checkVisibility())
      out.push(...['placeholder', 'aria-label', 'title'].map(name => el.getAttribute(name) || ''));
  return out.join(' ');
}"""
# Every CSP violation the document reports: an attempted request the policy refused.
CSP_LOG = """window.__refused = [];
document.addEventListener('securitypolicyviolation', e => window.__refused.push(e.blockedURI), true);"""
ROLE_FILES = """async () => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
  const folder = await (await root.getDirectoryHandle('content')).getDirectoryHandle('rollen');
  const names = []; for await (const name of folder.keys()) names.push(name); return names.sort();
}"""


# Date formats of other languages (the browser's own date field in English shows mm/dd/yyyy).
FOREIGN_DATE = re.compile(r"\b(mm/dd|dd/mm|yyyy|MM-DD|\d{1,2}/\d{1,2}/\d{4})", re.I)


def english_on(page) -> list[str]:
    text = page.evaluate(VISIBLE_TEXT)
    words = re.findall(r"[A-Za-z]+", text)
    # The browser's own date input shows the browser language's format (MM/DD/YYYY here), out of reach of the text.
    native = {"<input type=date>"} if page.locator("input[type=date]:visible").count() else set()
    return sorted({w for w in words if w.lower() in ENGLISH} | set(FOREIGN_DATE.findall(text)) | native)


def axe(page) -> list[str]:
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated, not injected: the page's policy allows no inline script
    result = at_rest(page, lambda: page.evaluate(AXE_RUN, WCAG))
    return [f"{v['id']}: {v['nodes'][0]['target']} {v['help']}" for v in result["violations"]]


def no_keyboard_trap(page, presses=60) -> int:
    """Tab through the page; focus must keep moving (never stuck on one element). Returns how many it visited."""
    seen, stuck, last = set(), 0, None
    for _ in range(presses):
        page.keyboard.press("Tab")
        here = page.evaluate("() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 120) + e.getBoundingClientRect().y : '' }")
        stuck = stuck + 1 if here == last else 0
        assert stuck < 4, f"focus stays on {here}"  # a date field takes three presses: day, month, year
        seen.add(here)
        last = here
    return len(seen)


@pytest.fixture
def network(chromium, editor_site):  # noqa: F811
    """A browser in English (the editor must still be Dutch) whose every attempted request is counted."""
    _, url = editor_site
    context = chromium.new_context(locale="en-US")
    context.add_init_script(CSP_LOG)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    attempted: list[str] = []
    cdp.on("Network.requestWillBeSent", lambda event: attempted.append(event["request"]["url"]))
    page.on("request", lambda request: attempted.append(request.url))
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
    dialogs: list[str] = []
    yield page, url, attempted, dialogs
    context.close()


# True once the editor's draft backup (IndexedDB store `draft-backups`, written half a second after typing) holds
# the text: a reload before that would find an older draft.
DRAFT_HOLDS = """async (text) => {
  const holds = (value, seen) => {
    if (typeof value === 'string') return value.includes(text);
    if (!value || typeof value !== 'object' || seen.has(value)) return false;
    seen.add(value);
    return [...(value instanceof Map ? value.values() : Object.values(value))].some(v => holds(v, seen));
  };
  const ask = request => new Promise((ok, fail) => { request.onsuccess = () => ok(request.result); request.onerror = () => fail(request.error); });
  for (const { name } of await indexedDB.databases()) {
    const db = await ask(indexedDB.open(name));
    try {
      if (db.objectStoreNames.contains('draft-backups')
          && holds(await ask(db.transaction('draft-backups').objectStore('draft-backups').getAll()), new Set())) return true;
    } finally { db.close(); }
  }
  return false;
}"""


def elsewhere(url, attempted, page) -> list[str]:
    refused = page.evaluate("() => window.__refused || []")
    return [u for u in [*attempted, *refused] if u and not u.startswith((url, "blob:", "data:", "about:")) and u not in ("self", "inline", "eval")]


def test_the_coordinator_task(network, editor_site, tmp_path):  # noqa: F811
    page, url, attempted, dialogs = network
    answers = []  # what the next confirm() gets: False keeps the form

    def dialog(d):
        dialogs.append(f"{d.type}: {d.message}")
        d.accept() if (answers.pop(0) if answers else True) else d.dismiss()

    page.on("dialog", dialog)

    # 1. The tafel page leads to the editor: a small link below the content, reached with the keyboard.
    page.goto(url + f"tafels/{TAFEL}/")
    link = page.get_by_role("link", name="Verslag toevoegen")
    expect(link).to_have_attribute("href", re.compile(rf"beheer/#/collections/bijeenkomsten-{TAFEL}/new$"))
    assert axe(page) == []  # the small editors' links keep the tafel page accessible (contrast, 24 px targets)
    link.focus()
    page.keyboard.press("Enter")

    # 2. The start screen: what you can do, what saving does, how to sign in, and that nothing leaves this browser.
    start = page.get_by_role("main")
    expect(start).to_contain_text("Wat gebeurt er als je opslaat?", timeout=WAIT)
    notice = page.get_by_role("note")
    expect(notice).to_contain_text("blijft in deze browser")
    assert english_on(page) == []
    assert axe(page) == []
    page.get_by_role("button", name="Begin met bewerken").focus()
    page.keyboard.press("Enter")
    sign_in = page.get_by_role("button", name="Werken met een testrepository")
    sign_in.focus(timeout=WAIT)
    page.keyboard.press("Enter")
    assert english_on(page) == []

    # 3. The meeting form of this tafel opens, below the same notice.
    date = page.get_by_role("textbox", name="Datum")
    expect(date).to_be_visible(timeout=WAIT)
    expect(notice).to_be_visible()
    # Not covered: the editor's layers (the app and its form, fixed over the window) start below the notice.
    assert page.evaluate("""() => { const bottom = document.querySelector('.ll-proef').getBoundingClientRect().bottom;
        return [...document.querySelectorAll('#nc-root .app-shell, #nc-root .content-editor')]
          .map(e => e.getBoundingClientRect().top - bottom); }""") == pytest.approx([0, 0], abs=1)
    roles_before = page.evaluate(ROLE_FILES)
    # The date the Dutch way in this English browser: the field asks for dd-mm-jjjj, never MM/DD/YYYY
    # (test_browser_datum.py has the rest: both browser languages, dates that do not exist).
    expect(date).to_have_attribute("placeholder", "dd-mm-jjjj")
    date.fill("10-03-2027")
    page.get_by_role("textbox", name="Tijd").click()  # typed as people type it
    page.keyboard.type("13:00-15:00")
    # Mid-form, Escape asks first; "no" keeps the form and what is in it.
    answers.append(False)
    page.get_by_role("textbox", name="Tijd").press("Escape")
    assert dialogs and "nog niet is opgeslagen" in dialogs[-1]
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}/new$"))
    expect(page.get_by_role("textbox", name="Tijd")).to_have_value("13:00-15:00")
    # The editor's back arrow asks too (an in-page change of address), and so does the browser's back button (here
    # it would leave the page for the tafel page we came from).
    for leave in (lambda: page.get_by_role("button", name="Bewerken annuleren").click(), lambda: page.evaluate("() => history.back()")):
        answers.append(False)
        before = len(dialogs)
        leave()
        until(page, lambda before=before: len(dialogs) > before, "the question before leaving the form")
        expect(page.get_by_role("textbox", name="Tijd")).to_have_value("13:00-15:00")
        expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}/new$"))
        assert len(dialogs) == before + 1 and re.match(r"(confirm: Je hebt iets ingevuld dat nog niet is opgeslagen|beforeunload)", dialogs[-1])
    asked = len(dialogs)

    # A reload (or closing the tab) asks first; leaving anyway, the draft is offered back.
    page.get_by_role("textbox", name="Locatie").click()
    page.keyboard.type("Wijkcentrum De Schakel")
    until(page, lambda: page.evaluate(DRAFT_HOLDS, "Wijkcentrum De Schakel"), "the draft backup of what was typed")
    page.reload()
    assert any(d.startswith("beforeunload") for d in dialogs[asked:])
    restore = page.get_by_role("button", name="Herstellen")
    expect(restore).to_be_visible(timeout=WAIT)
    assert english_on(page) == []
    restore.click()
    expect(page.get_by_role("textbox", name="Locatie")).to_have_value("Wijkcentrum De Schakel", timeout=WAIT)
    expect(page.get_by_role("textbox", name="Tijd")).to_have_value("13:00-15:00")

    # 4. Two agreements, each with an owner chosen from the existing roles and a status.
    open_outcome(page)
    for number, (ident, text, status) in enumerate([("aanspreekpunt-regelen", "Regel één aanspreekpunt per jongere.", "open"),
                                                    ("overdracht-testen", "Test de warme overdracht bij 18 jaar.", "gedaan")]):
        add_to_outcome(page, "Afspraak")
        page.get_by_role("textbox", name="Korte naam van de afspraak").nth(number).fill(ident)
        page.get_by_role("textbox", name="Tekst").nth(number).fill(text)
        page.get_by_role("combobox", name="Eigenaar").nth(number).click()
        page.get_by_role("option", name="Coördinator").click()
        page.get_by_role("radiogroup", name="Status").nth(number).get_by_role("radio", name=status, exact=True).check()
    assert page.get_by_role("button", name=re.compile(r"Rol\W* toevoegen")).count() == 0  # no role made from here
    expect(page.get_by_text(re.compile(r"^2\s+Afspraken$"))).to_be_visible()  # two: the plural
    assert english_on(page) == []
    assert axe(page) == []
    page.get_by_role("textbox", name="Datum").focus()
    assert no_keyboard_trap(page) > 20

    # 5. Save: no question, back to the tafel's meetings.
    before_save = len(dialogs)
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(f"#/collections/bijeenkomsten-{TAFEL}$"), timeout=WAIT)
    assert len(dialogs) == before_save
    assert english_on(page) == []
    assert page.evaluate(ROLE_FILES) == roles_before

    # The counter sees an attempt the policy refuses (so a zero below means something), then nothing else.
    page.evaluate("() => fetch('https://tellen.invalid/probe').catch(() => null)")
    until(page, lambda: any("tellen.invalid" in u for u in elsewhere(url, attempted, page)), "the counted probe")
    outside = elsewhere(url, attempted, page)
    assert any("tellen.invalid" in u for u in outside), "the request counter does not see refused requests"
    assert [u for u in outside if "tellen.invalid" not in u] == []

    # 6. The saved file passes the checker and shows on the rebuilt tafel page.
    path = f"content/tafels/{TAFEL}/2027-03-10.yml"
    saved = page.evaluate(READ_SAVED, path)
    assert 'tijd: "13:00-15:00"' in saved and 'eigenaar: "coordinator"' in saved
    site = check_and_build(editor_site, tmp_path, path, saved)
    meeting = next(li for li in parse_file(site / "tafels" / TAFEL / "index.html").find_all("li")
                   if li.attrs.get("id") == "bijeenkomst-2027-03-10")
    text = " ".join(meeting.all_text().split())
    assert "13:00-15:00" in text and "Regel één aanspreekpunt per jongere." in text and "Test de warme overdracht" in text
