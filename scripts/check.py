#!/usr/bin/env python3
"""Check all content and report every problem as `path:line: message` (Dutch). Exit 1 on problems.

Usage: python scripts/check.py [--content DIR]      (also: make check)
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime
import sys
from collections.abc import Callable, Sized
from pathlib import Path

from common import guarded
from leerlandschap import taal
from leerlandschap.freshness import Review, due_for_review
from leerlandschap.kinds import BIJEENKOMST, BOUWSTEEN, BRON, PRAKTIJK, ROL, TAFEL, THEMA, VRAGENSET, active
from leerlandschap.loader import check_content
from leerlandschap.model import Content
from leerlandschap.patterns import PLACEHOLDER_START, is_example_address
from leerlandschap.rules import moved_meetings, same_day_meetings
from leerlandschap.woorden import aantal

ROOT = Path(__file__).resolve().parent.parent


def display_root(content_dir: Path) -> Path:
    """Show paths relative to where the user stands, when the content is below it."""
    cwd = Path.cwd().resolve()
    return cwd if content_dir.resolve().is_relative_to(cwd) else content_dir.resolve().parent


def summary(content: Content) -> str:
    meetings = len(content.of(BIJEENKOMST))
    n: Callable[[Sized, str], str] = lambda items, word: aantal(len(items), word)
    return (f"Inhoud in orde: {n(content.of(BOUWSTEEN), 'bouwsteen')} in {n(content.of(THEMA), 'thema')}, "
            f"{n(content.of(ROL), 'rol')}, {n(content.of(PRAKTIJK), 'praktijk')}, {n(content.of(VRAGENSET), 'vragenset')}, "
            f"{n(content.of(TAFEL), 'tafel')} met {aantal(meetings, 'bijeenkomst')}, {n(content.of(BRON), 'bron')}.")


def example_promises(content: Content) -> list[str]:
    """In a region's fork: what the site still says in the region's name from the example, not from the region."""
    regio = content.regio
    if not regio.herkomst or regio.herkomst.laag != "regio":
        return []
    found = []
    herkomst = regio.herkomst
    at: Callable[[str], str] = lambda field: f"{herkomst.pad}:{herkomst.regel(field)}: {field}:"  # path:line: field:
    if regio.contact is None or regio.contact.voorbeeld:
        found.append(f"{at('contact')} het contactadres is nog een voorbeeldadres. Zet hier het adres "
                     "van jullie regio; de site zegt nu onder elke pagina dat het adres niet werkt.")
    if example_address(content):
        found.append(f"{at('site')} het webadres van de site is nog een voorbeeldadres. Zet hier het "
                     "adres waarop jullie site staat; links naar de site, zoals 'Abonneer je op de agenda', wijzen nu "
                     "naar een andere site.")
    if regio.website and is_example_address(regio.website):
        found.append(f"{at('website')} het adres van de website van jullie regio is nog een voorbeeldadres. Zet hier "
                     "jullie eigen website, of haal de regel weg.")
    beloften = [naam for naam in ("reactietermijn", "privacy", "bijdragen") if not getattr(regio.beloften, naam)]
    if beloften:
        found.append(f"{at('beloften')} de regio belooft nog niets over {', '.join(beloften)}. De site "
                     "zegt daar dus niets over. Vul het in als jullie regio dat wil.")
    return found


def unfilled(content: Content) -> list[str]:
    """Texts a template put in a new file for its author to replace, still as the template wrote them ('path:line:
    field'): the site would show "Schrijf hier ..." to its readers."""
    items = [content.regio, *(item for kind in active().item_kinds for item in content.of(kind).values())]
    return [f"{item.herkomst.pad}:{item.herkomst.regel(field.name)}: {field.name}"
            for item in items if item.herkomst for field in dataclasses.fields(item)
            if isinstance(value := getattr(item, field.name), str) and value.lstrip().startswith(PLACEHOLDER_START)]


def taal_report(content_dir: Path, shown: Callable[[Path], str], details: bool) -> list[str]:
    """Plain Dutch (B1), per content file: long sentences and hard words. Information only. In a region's fork only
    its own files (regio/): the national content in content/ is upstream's, which the region does not change."""
    lines = []
    for path in taal.content_files(content_dir):
        verslag = taal.verslag(path, shown(path))
        if verslag.lang or verslag.jargon:
            lines.append(verslag.regel())
            if details:
                lines += [f"  regel {t.regel}: {t.tekst}" for t in verslag.lang]
    return lines


def shown_examples(content: Content) -> list[str]:
    """In a region's fork: the files of invented examples (bron with soort 'voorbeeld') that the site still shows."""
    if not content.regio.herkomst or content.regio.herkomst.laag != "regio":
        return []  # upstream's example region is meant to show its examples
    items = [*content.of(PRAKTIJK).values(), *content.of(VRAGENSET).values(), *content.of(TAFEL).values(),
             *content.of(BIJEENKOMST).values()]
    return sorted(item.herkomst.pad for item in items if item.voorbeeld and item.herkomst)


def example_address(content: Content) -> str:
    """The site address from the region file when it is still an example address (e.g. example.org), else ''."""
    adres = content.regio.site.adres
    return adres if adres and is_example_address(adres) else ""


def reviews(heading: str, found: list[Review], prefix: str) -> None:
    """One block of information (not a problem): its heading after "Ter info:", then a line per place. Nothing if empty."""
    if found:
        print(f"\nTer info: {heading}")
        for review in found:
            print(review.display(prefix))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Controleer de inhoud in content/.")
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="map met inhoud (standaard: content/)")
    parser.add_argument("--taal", action="store_true", help="toon bij de taalcontrole ook elke lange zin")
    parser.add_argument("--vandaag", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="datum voor de herzieningscontrole, JJJJ-MM-DD (standaard: vandaag)")
    args = parser.parse_args(argv)
    content_dir = args.content.resolve()
    content, problems = check_content(content_dir, display_root(content_dir), parallel=True)
    for problem in problems:
        print(problem)
    if problems or content is None:
        files = len({p.path for p in problems})
        print(f"\n{aantal(len(problems), 'probleem')} gevonden in {aantal(files, 'bestand')}. "
              f"Los {'het' if len(problems) == 1 else 'ze'} op en controleer opnieuw met 'make check'.")
        return 1
    print(summary(content))
    project = content_dir.parent.relative_to(display_root(content_dir)).as_posix()
    prefix = "" if project == "." else f"{project}/"
    examples = shown_examples(content)
    if examples:
        print(f"\nTer info: {aantal(len(examples), 'verzonnen voorbeeld', 'verzonnen voorbeelden')} "
              f"{'staat' if len(examples) == 1 else 'staan'} "
              "nog op jullie site (geen fout). Vervang ze door echte inhoud, of haal ze weg:")
        for path in examples:
            print(f"{prefix}{path}")
    due = due_for_review(content, args.vandaag)
    one = len(due) == 1
    reviews(f"{len(due)} {'tekst is' if one else 'teksten zijn'} aan herziening toe (geen fout; de site wordt gewoon "
            "gebouwd):", due, prefix)
    moved = moved_meetings(content)
    reviews(f"{aantal(len(moved), 'bijeenkomst')} {'heeft' if len(moved) == 1 else 'hebben'} een andere datum dan de naam "
            "van het bestand (geen fout; de site wordt gewoon gebouwd). Dat gebeurt als je de datum in de browser "
            "verbetert. De site toont de datum uit het bestand; het adres van de pagina blijft hetzelfde. Hernoemt een "
            "beheerder het bestand, dan klopt de naam weer. Maar dan krijgt de pagina een nieuw adres, en ziet een "
            "agenda een nieuwe afspraak:", moved, prefix)
    doubles = same_day_meetings(content)
    reviews(f"{aantal(len(doubles), 'bijeenkomst')} {'is' if len(doubles) == 1 else 'zijn'} op dezelfde dag als een "
            "andere bijeenkomst van dezelfde tafel (geen fout; de site toont ze gewoon). Waren het echt twee "
            "bijeenkomsten? Dan is het goed. Is een bijeenkomst per ongeluk twee keer gemaakt? Haal er dan een weg:",
            doubles, prefix)
    example = example_address(content)
    if example and content.regio.herkomst and content.regio.herkomst.laag != "regio":  # a fork's: example_promises
        where = f"{prefix}{content.regio.herkomst.pad}:{content.regio.herkomst.regel('site')}"
        print(f"\nTer info: het adres van de site is nog een voorbeeldadres: {example} ({where}, bij site: adres). "
              "Links naar de site, zoals 'Abonneer je op de agenda', wijzen dan naar een andere site. "
              "Zet daar het echte adres van jullie site.")
    adres = content.regio.site.adres or ""
    if adres.startswith("http://") and not example and content.regio.herkomst:
        where = f"{prefix}{content.regio.herkomst.pad}:{content.regio.herkomst.regel('site')}"
        print(f"\nTer info: het adres van de site begint met http:// ({where}, bij site: adres). Browsers noemen zo'n "
              "site onveilig, en andere Leerlandschap-sites kunnen haar niet als buur lezen: die lezen alleen adressen "
              "met https://. Zet de site op een adres met https:// als dat kan.")
    tak = content.regio.site.tak
    if tak != "main" and content.regio.herkomst:
        where = f"{prefix}{content.regio.herkomst.pad}:{content.regio.herkomst.regel('site')}"
        print(f"\nTer info: de bewerkpagina en de links 'Bewerk deze pagina' gebruiken de tak {tak} ({where}, bij site: "
              "tak). Op GitHub komt alleen de tak main online (.github/workflows/site.yml), op GitLab de standaardtak "
              f"van het project. Komt {tak} niet online? Dan komt ook niet op de site wat redacteuren opslaan en "
              "samenvoegen. Haal tak dan weg (dan is het main).")
    placeholders = unfilled(content)
    if placeholders:
        one = len(placeholders) == 1
        print(f"\nTer info: {aantal(len(placeholders), 'tekst')} uit een sjabloon {'is' if one else 'zijn'} nog niet "
              f"ingevuld: {'hij begint' if one else 'ze beginnen'} met '{PLACEHOLDER_START.strip()}'. Zo "
              f"{'komt hij' if one else 'komen ze'} op jullie site (geen fout). Schrijf daar jullie eigen tekst:")
        for line in placeholders:
            print(f"{prefix}{line}")
    promises = example_promises(content)
    if promises:
        print("\nTer info: dit zegt de site nog uit het voorbeeld, niet namens jullie regio (geen fout):")
        for line in promises:
            print(f"{prefix}{line}")
    shown = lambda path: path.relative_to(display_root(content_dir)).as_posix()
    lines = taal_report(content_dir, shown, args.taal)
    if lines:
        print(f"\nTer info: gewone taal (B1). Een zin van meer dan {taal.MAX_WOORDEN} woorden is moeilijk te lezen. "
              "Maak hem korter, of knip hem in tweeën. Tekst die je letterlijk uit een bron haalt, laat je zoals hij is. "
              "Zie handleiding/bronnen-en-voorbeelden.md. Met 'make check ARGS=--taal' zie je elke lange zin.")
        for line in lines:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(guarded(main, "de inhoud in content/ en regio/"))
