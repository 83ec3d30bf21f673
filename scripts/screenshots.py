#!/usr/bin/env python3
"""Screenshots for the README's guides, made the way people use the site: in Debian's headless Chromium.

Usage: python scripts/screenshots.py [--site DIR] [--out DIR]      (also: make screenshots)

Builds the example site into a temporary folder (or uses --site), serves it on 127.0.0.1 and walks three flows:
a bestuurder preparing a meeting (laptop), a professional looking for good practices (phone), a coordinator
following a tafel (laptop) and a coordinator writing up a meeting in the editing page /beheer/ (laptop; shown in
handleiding/bewerken.md). Each step in SHOTS becomes one PNG in handleiding/ (the README shows them; they are
not part of the site). The pictures are the same on every run on the same machine: fixed window sizes, a fixed
date and a paused clock, no animations, system fonts loaded before each shot. The browser visits the site under
its own address (from the region file, e.g. https://example.org/leerlandschap/) and every request is answered by
the local server, so a shared link in a picture shows that address, not a changing port; nothing else is
requested. Only what is in view is captured, not the whole page, so the files stay small.
"""
from __future__ import annotations

import argparse
import datetime
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Locator, Page, Route

from browser import CHROMIUM, CHROMIUM_ARGS, SiteServer
from leerlandschap.kinds import PRAKTIJK, TAFEL, VRAGENSET
from leerlandschap.urls import item_url, overview_url

ROOT = Path(__file__).resolve().parent.parent

# Every picture the README uses, in the order the flows make them: file name -> what it shows.
# tests/test_screenshots.py reads this constant (without a browser): keep it a plain literal.
SHOTS = {
    "bestuurder-1-vragensets.png": "Vragensets: kant-en-klare sets, elk met de knop Pas deze set aan",
    "bestuurder-2-mijn-vragenset.png": "Mijn vragenset na Pas deze set aan: vragen verplaatsen of weghalen, Kopieer link",
    "bestuurder-3-vergadermodus.png": "Vergadermodus: één vraag groot in beeld, de timer rechtsboven, de toetsen onderaan",
    "professional-1-home.png": "Home op de telefoon: Wat wil je doen? met Goede praktijken vinden",
    "professional-2-zoeken.png": "Zoeken op 'bestuurder': eerst de resultaten, de filters ingeklapt",
    "professional-3-praktijk.png": "Een goede praktijk op de telefoon",
    "coordinator-1-tafel.png": "Pagina van een tafel: In je agenda, met de link en het adres",
    "coordinator-2-tijdlijn.png": "De laatste bijeenkomst in de tijdlijn, daaronder alle afspraken met hun status nu",
    "coordinator-3-afspraken.png": "Openstaande afspraken van alle tafels, per rol, te late gemarkeerd",
    "beheer-1-start.png": "Na Verslag toevoegen: het startscherm van de bewerkpagina, met de melding Proefversie",
    "beheer-2-bijeenkomst.png": "Het formulier voor de bijeenkomst: datum, tijd en plaats ingevuld",
    "beheer-3-afspraken.png": "Twee afspraken, elk met een eigenaar uit de rollen en een status, en de knop Opslaan",
}

OUT = ROOT / "handleiding"
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# A fixed moment, so "te laat" and "gepland" on the pages are the same on every run.
NOW = datetime.datetime.fromisoformat("2026-11-20T10:00:00+01:00")
SET = "bestuurlijk-overleg-bestuurlijk-leren"
TAFEL_ID = "voorbeeldtafel-jongeren-rond-18"
PRAKTIJK_SEARCH = "bestuurder"
# One raster thread and no partial raster: otherwise the edges of a few rounded corners differ by a pixel
# between runs, and git would see a changed picture where nothing changed.
STEADY_ARGS = ["--num-raster-threads=1", "--disable-partial-raster", "--force-color-profile=srgb"]
HEADER = 72  # px under the top of the window where a scrolled-to heading lands (below the sticky header)


class Shooter:
    """Writes each shot of SHOTS once, and says where."""

    def __init__(self, out: Path):
        self.out = out
        self.written: list[Path] = []
        self.errors: list[str] = []  # script errors in the pages: a picture of a broken page is no guide

    def __call__(self, page: Page, name: str, idle: bool = True) -> None:
        assert name in SHOTS, name
        settle(page, idle)
        path = self.out / name
        page.screenshot(path=str(path), animations="disabled", caret="hide", scale="css")
        self.written.append(path)
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  ({path.stat().st_size // 1024} kB): {SHOTS[name]}")


def settle(page: Page, idle: bool = True) -> None:
    """Nothing loading, fonts ready, and what the page had scheduled for the next half second has run. (The editor
    keeps a connection busy now and then, so there `idle` is False: the page has loaded, its fonts are there.)"""
    page.wait_for_load_state("networkidle" if idle else "load")
    page.evaluate("document.fonts.ready.then(() => true)")
    if idle:
        page.clock.run_for(500)
    else:
        page.wait_for_timeout(500)


def site_address(site: Path) -> str:
    """The published address of the site (MkDocs' canonical link on the home page), ending in a slash."""
    found = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    address = found.group(1) if found else "https://example.org/"
    return address if address.endswith("/") else address + "/"


def serve_as(context: BrowserContext, address: str, local: str) -> None:
    """Requests for `address` are answered by the local server at `local`; anything else is refused."""

    def answer(route: Route) -> None:
        if route.request.url.startswith(address):
            route.fulfill(response=route.fetch(url=local + route.request.url[len(address):]))
        else:
            route.abort()

    context.route("**/*", answer)


def open_page(context: BrowserContext, url: str, shoot: Shooter) -> Page:
    page = context.new_page()
    page.on("pageerror", lambda error: shoot.errors.append(f"{page.url}: {error}"))
    page.goto(url)
    return page


def scroll_to(page: Page, locator: Locator) -> None:
    locator.evaluate(f"e => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - {HEADER})")


def bestuurder(context: BrowserContext, url: str, shoot: Shooter) -> None:
    page = open_page(context, url + overview_url(VRAGENSET.name), shoot)
    shoot(page, "bestuurder-1-vragensets.png")
    page.goto(url + item_url(VRAGENSET.name, SET))
    page.get_by_role("button", name="Pas deze set aan").click()
    page.wait_for_url("**/mijn-vragenset/**")
    page.locator("#ll-mijnset-lijst .ll-setvraag").first.wait_for()
    scroll_to(page, page.get_by_role("button", name="Start vergadermodus"))
    page.get_by_role("button", name="Kopieer link").click()
    page.get_by_text("Link gekopieerd").wait_for()
    page.evaluate("document.activeElement.blur()")
    shoot(page, "bestuurder-2-mijn-vragenset.png")
    page.get_by_role("button", name="Start vergadermodus").click()
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    page.keyboard.press("t")  # the timer, 3 minutes per question
    page.clock.run_for(45_000)  # 45 seconds into the first question
    shoot(page, "bestuurder-3-vergadermodus.png")
    page.close()


def professional(context: BrowserContext, url: str, shoot: Shooter) -> None:
    from playwright.sync_api import expect

    page = open_page(context, url, shoot)
    scroll_to(page, page.get_by_role("heading", name="Wat wil je doen?"))
    shoot(page, "professional-1-home.png")
    page.get_by_role("link", name="Zoeken").first.click()  # the magnifier in the header
    page.wait_for_url("**/zoeken/**")
    # The search page prepares its first search before it says it is ready (50-zoeken.js), and Pagefind waits on
    # timers: with the clock standing still, it is moved on until then.
    for _ in range(200):
        if page.locator("#ll-zoekstatus").inner_text():
            break
        page.clock.run_for(100)
    expect(page.locator("#ll-zoekstatus")).to_have_text("Typ een zoekwoord of kies een filter.")  # search is ready
    field = page.get_by_label("Waar zoek je naar?")
    field.fill(PRAKTIJK_SEARCH)
    field.press("Enter")
    expect(page.locator("#ll-zoekstatus")).to_contain_text(f"voor \u201c{PRAKTIJK_SEARCH}\u201d")
    field.blur()
    shoot(page, "professional-2-zoeken.png")
    page.get_by_text("Filters", exact=True).click()
    page.get_by_role("checkbox", name=re.compile(r"^praktijk \(\d+\)$")).check()
    kinds = page.locator("#ll-resultaten .ll-meta")
    expect(kinds.first).to_have_text(re.compile(r"^Goede praktijk"))  # the list is redrawn with only good practices
    expect(kinds.filter(has_not_text="Goede praktijk")).to_have_count(0)
    page.locator("#ll-resultaten a").first.click()
    page.wait_for_url(f"**/{overview_url(PRAKTIJK.name)}**")
    shoot(page, "professional-3-praktijk.png")
    page.close()


def coordinator(context: BrowserContext, url: str, shoot: Shooter) -> None:
    page = open_page(context, url + overview_url(TAFEL.name), shoot)
    page.locator("article a", has_text="thematafel Jongeren rond 18").first.click()
    page.wait_for_url(f"**/{item_url(TAFEL.name, TAFEL_ID)}")
    scroll_to(page, page.locator("h2#agenda"))  # the calendar block (an example tafel shows no "Waar staat de tafel?")
    shoot(page, "coordinator-1-tafel.png")
    scroll_to(page, page.locator(".ll-tijdlijn > li").last)  # the latest meeting, then how the agreements stand now
    shoot(page, "coordinator-2-tijdlijn.png")
    page.goto(url + "afspraken/")
    shoot(page, "coordinator-3-afspraken.png")
    page.close()


def beheer(context: BrowserContext, url: str, shoot: Shooter) -> None:
    """The editing page in its proef mode: from the tafel page to a meeting with two agreements (not saved)."""
    page = open_page(context, url + item_url(TAFEL.name, TAFEL_ID), shoot)
    page.get_by_role("link", name="Verslag toevoegen").click()
    page.get_by_role("button", name="Begin met bewerken").wait_for()
    shoot(page, "beheer-1-start.png", idle=False)
    page.get_by_role("button", name="Begin met bewerken").click()
    page.get_by_role("button", name="Werken met een testrepository").click(timeout=60_000)
    page.get_by_role("textbox", name="Datum").fill("2026-11-19", timeout=60_000)
    page.get_by_role("textbox", name="Tijd").fill("13:00-15:00")
    page.get_by_role("textbox", name="Locatie").fill("Wijkcentrum De Schakel")
    page.get_by_role("radio", name="samen beslissen").check()
    page.evaluate("document.activeElement.blur()")
    shoot(page, "beheer-2-bijeenkomst.png", idle=False)
    page.get_by_role("checkbox", name=re.compile("Opbrengst")).click()
    # Sveltia renders a group's fields once they scroll into view: bring the outcome's into view (as
    # tests/test_browser_cms.py's open_outcome does), or "Afspraak toevoegen" never comes when the box sits low.
    group = page.locator("[data-key-path='opbrengst']")
    page.wait_for_function("""g => g && g.querySelector("[data-key-path^='opbrengst.']") && !g.querySelector(".placeholder")
        || (g && g.querySelector(".placeholder") && g.querySelector(".placeholder").scrollIntoView({block: 'center'}), false)""",
                           arg=group.element_handle(), polling=100, timeout=60_000)
    agreements = [("aanspreekpunt-regelen", "Regel één aanspreekpunt per jongere.", "open"),
                  ("overdracht-testen", "Test de warme overdracht bij 18 jaar.", "gedaan")]
    for number, (ident, text, status) in enumerate(agreements):
        page.get_by_role("button", name=re.compile(r"Afspraak\W* toevoegen")).click()
        page.get_by_role("textbox", name="Korte naam van de afspraak").nth(number).fill(ident)
        page.get_by_role("textbox", name="Tekst").nth(number).fill(text)
        page.get_by_role("combobox", name="Eigenaar").nth(number).click()
        page.get_by_role("option", name="Coördinator").click()
        page.get_by_role("radiogroup", name="Status").nth(number).get_by_role("radio", name=status, exact=True).check()
    page.get_by_role("textbox", name="Tekst").nth(1).scroll_into_view_if_needed()
    page.evaluate("document.activeElement.blur()")
    shoot(page, "beheer-3-afspraken.png", idle=False)
    page.close()


# Flow, browser options, and whether the clock stands still (the editor needs its own clock and timers).
FLOWS: list[tuple[Callable[[BrowserContext, str, Shooter], None], dict[str, Any], bool]] = [
    (bestuurder, {"viewport": LAPTOP}, True),
    (professional, {"viewport": PHONE, "is_mobile": True, "has_touch": True}, True),
    (coordinator, {"viewport": LAPTOP}, True),
    (beheer, {"viewport": LAPTOP}, False),
]


def shoot_all(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    shoot = Shooter(out)
    address = site_address(site)
    server = SiteServer(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + STEADY_ARGS)
            for flow, options, paused in FLOWS:
                context = browser.new_context(device_scale_factor=1, reduced_motion="reduce", color_scheme="light",
                                              locale="nl-NL", timezone_id="Europe/Amsterdam", **options)
                serve_as(context, address, server.url)
                # Timers only move when run_for says so, from a fixed moment: the same "te laat" and the same
                # meeting timer on every run. (Installed a second early: pausing cannot go back in time.)
                if paused:
                    context.clock.install(time=NOW - datetime.timedelta(seconds=1))
                    context.clock.pause_at(NOW)
                origin = re.match(r"[a-z]+://[^/]+", address).group(0)  # type: ignore[union-attr]
                context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
                flow(context, address, shoot)
                context.close()
            browser.close()
    finally:
        server.stop()
    if shoot.errors:
        raise SystemExit("Fouten in de pagina's (de afbeeldingen kloppen misschien niet):\n" + "\n".join(shoot.errors))
    missing = [name for name in SHOTS if out / name not in shoot.written]
    if missing:
        raise SystemExit(f"Niet gemaakt: {', '.join(missing)}")
    return shoot.written


def main() -> int:
    parser = argparse.ArgumentParser(description="Maak de schermafbeeldingen voor de README opnieuw.")
    parser.add_argument("--site", type=Path, help="een al gebouwde site gebruiken (anders bouwt het script de voorbeeldsite)")
    parser.add_argument("--out", type=Path, default=OUT, help="map voor de afbeeldingen (standaard: handleiding/)")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print("Chromium is niet geïnstalleerd (apt-get install chromium). Er zijn geen afbeeldingen gemaakt.")
        return 1
    if args.site is not None and not (args.site / "index.html").is_file():
        print(f"In {args.site} staat geen gebouwde site (index.html ontbreekt).")
        return 1
    with tempfile.TemporaryDirectory(prefix="leerlandschap-shots-") as temporary:
        site = args.site
        if site is None:
            from build import build

            site = Path(temporary) / "site"
            if build(site, ROOT / "mkdocs.yml") != 0:
                return 1
        print(f"Schermafbeeldingen van {site}:")
        written = shoot_all(site.resolve(), args.out.resolve())
    print(f"{len(written)} afbeeldingen geschreven in {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
