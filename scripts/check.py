#!/usr/bin/env python3
"""Check all content and report every problem as `path:line: message` (Dutch). Exit 1 on problems.

Usage: python scripts/check.py [--content DIR]      (also: make check)
"""
from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from urllib.parse import urlsplit

from common import guarded
from leerlandschap.freshness import due_for_review
from leerlandschap.loader import check_content

ROOT = Path(__file__).resolve().parent.parent


def display_root(content_dir: Path) -> Path:
    """Show paths relative to where the user stands, when the content is below it."""
    cwd = Path.cwd().resolve()
    return cwd if content_dir.resolve().is_relative_to(cwd) else content_dir.resolve().parent


def summary(content) -> str:
    meetings = len(content.bijeenkomsten)
    return (f"Inhoud in orde: {len(content.bouwstenen)} bouwstenen in {len(content.themas)} thema's, "
            f"{len(content.rollen)} rollen, {len(content.praktijken)} praktijken, {len(content.vragensets)} vragensets, "
            f"{len(content.tafels)} tafels met {meetings} bijeenkomsten, {len(content.bronnen)} bronnen.")


def shown_examples(content) -> list[str]:
    """In a region's fork: the files of invented examples (bron with soort 'voorbeeld') that the site still shows."""
    if not content.regio.herkomst or content.regio.herkomst.laag != "regio":
        return []  # upstream's example region is meant to show its examples
    items = [*content.praktijken.values(), *content.vragensets.values(), *content.tafels.values(),
             *content.bijeenkomsten.values()]
    return sorted(item.herkomst.pad for item in items if item.voorbeeld and item.herkomst)


EXAMPLE_HOSTS = ("example.org", "example.com", "example.net")  # RFC 2606: never a region's real site


def example_address(content) -> str:
    """The site address from the region file when it is still an example address (e.g. example.org), else ''."""
    adres = content.regio.site.adres
    host = (urlsplit(adres).hostname or "") if adres else ""
    return adres if host in EXAMPLE_HOSTS or host.endswith(tuple("." + h for h in EXAMPLE_HOSTS)) or host.endswith(".example") else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Controleer de inhoud in content/.")
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="map met inhoud (standaard: content/)")
    parser.add_argument("--vandaag", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="datum voor de herzieningscontrole, JJJJ-MM-DD (standaard: vandaag)")
    args = parser.parse_args(argv)
    content_dir = args.content.resolve()
    content, problems = check_content(content_dir, display_root(content_dir))
    for problem in problems:
        print(problem)
    if problems:
        files = len({p.path for p in problems})
        print(f"\n{len(problems)} {'probleem' if len(problems) == 1 else 'problemen'} gevonden in {files} "
              f"{'bestand' if files == 1 else 'bestanden'}. Los ze op en controleer opnieuw met 'make check'.")
        return 1
    print(summary(content))
    project = content_dir.parent.relative_to(display_root(content_dir)).as_posix()
    prefix = "" if project == "." else f"{project}/"
    examples = shown_examples(content)
    if examples:
        print(f"\nTer info: {len(examples)} verzonnen {'voorbeeld staat' if len(examples) == 1 else 'voorbeelden staan'} "
              "nog op jullie site (geen fout). Vervang ze door echte inhoud, of haal ze weg:")
        for path in examples:
            print(f"{prefix}{path}")
    due = due_for_review(content, args.vandaag)
    if due:
        print(f"\nTer info: {len(due)} {'tekst is' if len(due) == 1 else 'teksten zijn'} aan herziening toe "
              "(geen fout; de site wordt gewoon gebouwd):")
        for review in due:
            print(review.display(prefix))
    example = example_address(content)
    if example and content.regio.herkomst:
        where = f"{prefix}{content.regio.herkomst.pad}:{content.regio.herkomst.regel('site')}"
        print(f"\nTer info: het adres van de site is nog een voorbeeldadres: {example} ({where}, bij site: adres). "
              "Links naar de site, zoals 'Abonneer je op de agenda', wijzen dan naar een andere site. "
              "Zet daar het echte adres van jullie site.")
    return 0


if __name__ == "__main__":
    sys.exit(guarded(main, "de inhoud in content/ en regio/"))
