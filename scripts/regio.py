#!/usr/bin/env python3
"""Turn a fresh fork into the site of your own region: writes regio/ and checks that everything still works.

Usage:
  python scripts/regio.py --naam "Regio Voorbeeldstad" --adres https://regio.github.io/leerlandschap/
                          --contact leren@voorbeeldstad.nl
                          [--repository https://github.com/regio/leerlandschap] [--motto "..."] [--forceer]
  make regio                 (asks the questions in the terminal)

Everything of the region lives under regio/, a folder upstream never has: updates merge without
conflicts. The example region in content/ is no longer shown (it is not deleted, so upstream can keep
changing it). National bouwstenen, themas, rollen and bronnen in content/ stay.
"""
from __future__ import annotations

import argparse
import json
import re
import string
import sys
from pathlib import Path
from typing import cast

from common import Stop, ask, guarded
from leerlandschap.discover import ASSETS, REGIO_DIR, REGIO_FILE
from leerlandschap.kinds import BRON, REGIO, active
from leerlandschap.loader import check_content
from leerlandschap.patterns import made_id
from leerlandschap.schemas import Schema
from leerlandschap.yamlsource import read_yaml

ROOT = Path(__file__).resolve().parent.parent

TEMPLATES = Path(__file__).resolve().parent / "sjablonen" / "regio"


def folders() -> dict[str, str]:
    """The folders `make regio` makes in regio/, each with what its README.md says (kinds.Kind.uitleg)."""
    return {**{k.folder: k.uitleg for k in active().kinds if k.uitleg},
            ASSETS: "Logo en pictogram van jullie site (noem ze in regio.yml bij site: logo en favicon)."}


def contact_pattern() -> str:
    """The region schema's rule for a contact address: a general e-mail address or a web form (https://)."""
    return cast(str, Schema.load(REGIO.name).schema["properties"]["contact"]["properties"]["adres"]["pattern"])


def make_region(project: Path, naam: str, adres: str, repository: str, motto: str, forceer: bool,
                contact: str = "") -> list[str]:
    regio = project / REGIO_DIR
    if (regio / REGIO_FILE).exists() and not forceer:
        raise Stop(f"Er is al een regio: {REGIO_DIR}/{REGIO_FILE}. Er is niets veranderd. Wil je het regiobestand "
                   "opnieuw laten schrijven? Gebruik dan --forceer (je tafels, praktijken en vragensets blijven staan).")
    if not adres.startswith(("http://", "https://")):
        raise Stop(f"'{adres}' is geen webadres. Schrijf het hele adres, bijvoorbeeld https://regio.github.io/leerlandschap/.")
    adres = adres if adres.endswith("/") else adres + "/"
    if not re.search(contact_pattern(), contact):
        wrong = f"'{contact}' is geen contactadres." if contact else "Het contactadres ontbreekt (--contact)."
        raise Stop(f"{wrong} Geef een algemeen e-mailadres, bijvoorbeeld leren@jullieregio.nl, of de link naar een "
                   "contactformulier (https://...). Gebruik geen adres of naam van een persoon. Bezoekers zien het "
                   "onderaan elke pagina.")
    bron = made_id(f"eigen inbreng {naam}")
    values = {key: json.dumps(value, ensure_ascii=False) for key, value in {
        "naam": naam, "motto": motto, "sitenaam": f"Leerlandschap {naam}", "adres": adres, "contact": contact,
        "titel": f"Eigen inbreng van {naam}",
        "sitebeschrijving": f"Wat {naam} weet over samen leren in jeugdhulp, jeugdbescherming en sociaal domein."}.items()}
    values["bron"] = bron
    values["repository"] = f"  repository: {json.dumps(repository)}\n" if repository else ""
    # every value is written as a quoted YAML string: a name is text, never YAML (a line break cannot add a field)
    files = {target: string.Template((TEMPLATES / template).read_text(encoding="utf-8")).substitute(values)
             for template, target in (("regio.yml", regio / REGIO_FILE), ("bron.yml", regio / BRON.folder / f"{bron}.yml"))}
    # Both files are checked before the first one is written: a name too long for the site's title or a motto with
    # a character YAML refuses stops here with the checker's message, and regio/ stays as it was.
    found = [problem for (target, text), kind in zip(files.items(), (REGIO.name, BRON.name), strict=True)
             for problem in _problems(text, kind, target.relative_to(project).as_posix())]
    if found:
        raise Stop("Zo kan het regiobestand niet worden geschreven. Er is niets veranderd.\n"
                   + "\n".join(str(p) for p in found) + "\nPas de naam, het motto of het adres aan en probeer het opnieuw.")
    written = []  # everything is rendered and checked above, before the first file is written
    for folder, uitleg in folders().items():
        readme = regio / folder / "README.md"
        if not readme.exists():
            readme.parent.mkdir(parents=True, exist_ok=True)
            readme.write_text(f"# {folder}\n\n{uitleg}\n", encoding="utf-8")
            written.append(readme)
    for target, text in files.items():
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return [path.relative_to(project).as_posix() for path in written]


def _problems(text: str, kind: str, shown: str) -> list[str]:
    """What the checker says of one file that is not written yet (its syntax and its schema), as 'path:line: ...'."""
    doc, found = read_yaml(text, shown)
    if doc is not None:
        found += Schema.load(kind).validate(doc, shown)
    return [str(problem) for problem in found]


NEXT_STEPS = """
Klaar. Je site is nu de site van {naam}.
- De voorbeeldregio (Flevoland) staat niet meer op je site. De landelijke bouwstenen blijven.
- Volgende stappen:
  1. Vul regio/regio.yml verder in: beschrijving, wie bereikbaar is (contact), en eventueel logo en kleuren.
  2. Voeg een tafel toe:      make new ARGS="tafel --titel 'Leertafel ...'"
  3. Voeg een praktijk toe:   make new ARGS="praktijk --titel '...'"
  4. Controleer en bekijk:    make check  en  make serve
  5. Zet GitHub Pages aan (Settings > Pages > Source: GitHub Actions), zet in je fork de workflows aan (Actions >
     I understand my workflows, go ahead and enable them) en push naar main. Zie handleiding/publiceren.md.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak van deze kopie de site van je eigen regio.")
    parser.add_argument("--naam", help="naam van de regio, bijvoorbeeld 'Regio Voorbeeldstad'")
    parser.add_argument("--adres", help="webadres van de site, bijvoorbeeld https://regio.github.io/leerlandschap/")
    parser.add_argument("--contact", help="algemeen e-mailadres of link naar een contactformulier, bijvoorbeeld "
                                          "leren@voorbeeldstad.nl (geen persoonlijk adres)")
    parser.add_argument("--repository", default="", help="webadres van de repository, voor links 'Bewerk deze pagina'")
    parser.add_argument("--motto", help="motto van de regio")
    parser.add_argument("--forceer", action="store_true", help="schrijf het regiobestand opnieuw als het al bestaat")
    parser.add_argument("--project", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    interactive = sys.stdin.isatty()
    try:
        naam = ask("de naam van je regio", args.naam, interactive)
        adres = ask("het webadres van je site", args.adres, interactive)
        contact = ask("het contactadres (algemeen e-mailadres of link naar een contactformulier)", args.contact, interactive)
        motto = ask("het motto", args.motto, interactive, "Samen leren wat werkt")
        written = make_region(args.project, naam, adres, args.repository, motto, args.forceer, contact)
    except Stop as stop:
        print(stop, file=sys.stderr)
        return 2
    print("Geschreven:\n" + "\n".join(f"  {path}" for path in written))
    _, problems = check_content(args.project / "content", args.project)
    if problems:
        print("\nDe inhoud klopt nog niet:\n" + "\n".join(str(p) for p in problems) + "\nLos dit op in de genoemde "
              "bestanden en draai 'make check'. Het regiobestand opnieuw laten schrijven kan met --forceer.", file=sys.stderr)
        return 1
    print(NEXT_STEPS.format(naam=naam))
    return 0


if __name__ == "__main__":
    sys.exit(guarded(main, "het regiobestand"))
