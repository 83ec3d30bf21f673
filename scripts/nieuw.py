#!/usr/bin/env python3
"""Create a new content item from a template, with a unique id, and check it.

Usage:
  python scripts/nieuw.py bijeenkomst --tafel thematafels --datum 2027-01-12
  python scripts/nieuw.py praktijk --titel "Samen lunchen met de wijkteams"
  python scripts/nieuw.py tafel|vragenset|bouwsteen --titel "..."
  make new                       (asks the questions in the terminal)
"""
from __future__ import annotations

import argparse
import datetime
import difflib
import json
import string
import sys
from pathlib import Path

from common import Stop, ask, guarded
from leerlandschap.discover import content_roots
from leerlandschap.kinds import BOUWSTEEN, BRON, TAFEL, THEMA, active
from leerlandschap.loader import check_content, load_content
from leerlandschap.patterns import WINDOWS_NAMES, made_id
from leerlandschap.problems import ContentError

ROOT = Path(__file__).resolve().parent.parent

TEMPLATES = Path(__file__).resolve().parent / "sjablonen"  # one template per creatable kind: <name>.yml


def choices() -> list[str]:
    """What `make new` can make: every creatable kind of the registry (kinds.py)."""
    return [k.name for k in active().creatable]


def scaffold(kind: str) -> Path:
    """scripts/sjablonen/<kind>.yml, or the file of that name in a folder of the registry (kinds.Registry.scaffold_dirs)."""
    return next((d / f"{kind}.yml" for d in active().scaffold_dirs if (d / f"{kind}.yml").is_file()),
                TEMPLATES / f"{kind}.yml")


def unique(folder: Path, base: str) -> Path:
    path, number = folder / f"{base}.yml", 2
    while path.exists():
        path, number = folder / f"{base}-{number}.yml", number + 1
    return path


def create(kind: str, args: argparse.Namespace, content_dir: Path, interactive: bool) -> Path:
    try:
        content = load_content(content_dir)
    except ContentError as error:
        raise Stop(f"Los eerst de problemen in de inhoud op (make check):\n{error}") from None
    target = content_roots(content_dir)[-1].path  # regio/ in a region's fork, else content/
    made = active().by_name[kind]
    today = datetime.date.today().isoformat()
    # Text values are written as JSON strings: valid YAML, whatever characters they contain.
    own_sources = [b for b in content.of(BRON) if (target / BRON.folder / f"{b}.yml").exists()]
    values = {"datum": today, "jaar_tekst": json.dumps(today[:4]), "regio_tekst": json.dumps(content.regio.naam, ensure_ascii=False),
              "bron": (own_sources or list(content.of(BRON)) or ["bron"])[0], "bouwsteen": next(iter(content.of(BOUWSTEEN)), ""),
              "thema": next(iter(content.of(THEMA)), ""),
              "vraag": next((f"{b.id}/{v.id}" for b in content.of(BOUWSTEEN).values() for v in b.reflectievragen), "")}
    if kind == "bijeenkomst":
        tafel_id = ask("de tafel (de naam van het bestand zonder .yml, bijvoorbeeld thematafels)", args.tafel, interactive)
        if tafel_id not in content.of(TAFEL):
            close = difflib.get_close_matches(tafel_id, list(content.of(TAFEL)), n=1)
            hint = f" Bedoel je '{close[0]}'?" if close else ""
            raise Stop(f"Er is geen tafel '{tafel_id}'.{hint} Kies uit: {', '.join(content.of(TAFEL))}.")
        day = ask("de datum (JJJJ-MM-DD)", args.datum, interactive, today)
        try:
            datetime.date.fromisoformat(day)
        except ValueError:
            raise Stop(f"'{day}' is geen datum. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2027-01-12.") from None
        tafel = content.of(TAFEL)[tafel_id]
        values |= {"datum": day, "tafel_titel": tafel.titel, "rollen": ", ".join(dict.fromkeys(d.rol for d in tafel.deelnemers))}
        layer = target if (target / TAFEL.folder / f"{tafel_id}.yml").exists() else content_dir
        path = unique(layer / TAFEL.folder / tafel_id, day)  # a meeting lives in the folder of its tafel
    else:
        title = ask("de titel", args.titel, interactive)
        if not made_id(title):
            raise Stop("De titel moet letters of cijfers bevatten.")
        if made_id(title) in made.reserved:
            raise Stop(f"Van de titel '{title}' zou de bestandsnaam '{made_id(title)}' worden. Die naam gebruikt de site "
                       "zelf al voor een pagina of bestand. Kies een andere titel.")
        if made_id(title) in WINDOWS_NAMES:
            raise Stop(f"Van de titel '{title}' zou de bestandsnaam '{made_id(title)}' worden. Windows gebruikt die naam "
                       "zelf en kan zo'n bestand niet openen. Kies een andere titel, bijvoorbeeld met een woord erbij.")
        values["titel"] = json.dumps(title, ensure_ascii=False)
        path = unique(target / made.folder, made_id(title))
    text = string.Template(scaffold(kind).read_text(encoding="utf-8")).safe_substitute(values)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    _, problems = check_content(content_dir)
    mine = [p for p in problems if p.path.endswith(path.relative_to(target.parent).as_posix())]
    if mine:  # never leave a broken file behind
        path.unlink()
        raise Stop("Het nieuwe bestand klopt niet en is weer verwijderd:\n" + "\n".join(str(p) for p in mine))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak een nieuw item vanuit een sjabloon (in regio/ als jullie kopie die map heeft, anders in content/).")
    kinds = choices()
    parser.add_argument("soort", nargs="?", choices=kinds, help="wat je wilt maken")
    parser.add_argument("--titel", help="titel (niet voor een bijeenkomst)")
    parser.add_argument("--tafel", help="de tafel: de naam van het bestand zonder .yml (voor een bijeenkomst)")
    parser.add_argument("--datum", help="datum van de bijeenkomst, JJJJ-MM-DD (standaard: vandaag)")
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="map met inhoud (standaard: content/)")
    args = parser.parse_args(argv)
    interactive = sys.stdin.isatty()
    try:
        kind = args.soort or ask(f"wat wil je maken ({', '.join(kinds)})", None, interactive)
        if kind not in kinds:
            raise Stop(f"'{kind}' kan ik niet maken. Kies uit: {', '.join(kinds)}.")
        path = create(kind, args, args.content.resolve(), interactive)
    except Stop as stop:
        print(stop, file=sys.stderr)
        return 2
    shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
    print(f"Gemaakt: {shown}\nOpen het bestand, vul het verder in en controleer het met 'make check'.")
    return 0


if __name__ == "__main__":
    sys.exit(guarded(main, "het nieuwe item"))
