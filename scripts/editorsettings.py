"""Write .vscode/settings.json: the YAML schema of every kind for the editor (leerlandschap/editorsettings.py).

  python scripts/editorsettings.py           # write the file
  python scripts/editorsettings.py --check   # exit 1 if the file is not what the registry makes of it
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from leerlandschap.editorsettings import settings_text

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / ".vscode" / "settings.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Schrijf .vscode/settings.json uit de lijst met soorten (kinds.py).")
    parser.add_argument("--check", action="store_true", help="controleer alleen of het bestand klopt")
    args = parser.parse_args(argv)
    current = json.loads(SETTINGS.read_text(encoding="utf-8")) if SETTINGS.is_file() else {}
    wanted = settings_text(ROOT, current)
    if args.check:
        if SETTINGS.is_file() and SETTINGS.read_text(encoding="utf-8") == wanted:
            return 0
        print(".vscode/settings.json klopt niet met de soorten in leerlandschap/kinds.py. "
              "Maak het opnieuw met: .venv/bin/python scripts/editorsettings.py", file=sys.stderr)
        return 1
    SETTINGS.parent.mkdir(exist_ok=True)
    SETTINGS.write_text(wanted, encoding="utf-8")
    print(f"Geschreven: {SETTINGS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
