#!/usr/bin/env python3
"""Read the neighbours' open data now and keep the copies: what was read, skipped and why, per neighbour.

Usage: python scripts/buren.py [--content DIR]      (also: make buren)

A site build does this too (leerlandschap/buren.py); this command only refreshes the copies in build/buren/
and tells the story. It fails only when the content itself has problems, never because of a neighbour.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from leerlandschap.buren import CACHE_DIR
from leerlandschap.buren import load as load_buren
from leerlandschap.loader import check_content

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Haal de open data van de buren op en bewaar een kopie.")
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="map met inhoud (standaard: content/)")
    args = parser.parse_args(argv)
    content_dir = args.content.resolve()
    content, problems = check_content(content_dir)
    if content is None:
        print("\n".join(str(p) for p in problems))
        print("\nDe inhoud heeft problemen (zie hierboven); los die eerst op met 'make check'.")
        return 1
    regio = content.regio
    if not regio.buren:
        print("Er staan geen buren in het regiobestand. Zet ze onder 'buren:' (naam en adres); zie de README, "
              "'Gluren bij de buren'.")
        return 0
    lines: list[str] = []
    buren = load_buren(content_dir.parent, regio, always=True, say=lines.append)
    print(f"Buren van {regio.naam}: {len(buren.buren)} gelezen of geprobeerd.\n")
    meldingen = {buur.melding for buur in buren.buren}
    for buur in buren.buren:
        if buur.melding:
            print(buur.melding.removeprefix("Buren: "))
        else:
            print(f"{buur.naam} ({buur.adres}): bijgewerkt.")
        for line in buur.verslag:
            print(f"  {line}")
    rest = [line for line in lines if line not in meldingen]
    if rest:
        print()
        print("\n".join(rest))
    uren = f"{regio.buren_vers_uren} uur"
    print(f"\nDe kopieën staan in {CACHE_DIR}/. Bij het bouwen gebruikt de site een kopie zonder opnieuw op te halen "
          f"zolang die jonger is dan {uren} (buren_vers_uren in het regiobestand), en ook als een buur niet "
          "bereikbaar is.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
