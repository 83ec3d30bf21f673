"""A page script whose source is a folder of parts: docs/assets/vragenset/*.js becomes the one file assets/vragenset.js.

Every folder directly in docs/assets/ holds the parts of one script, named after the folder. The parts are joined in
name order (number them: 10-opslag.js, 20-knoppen.js, ...) into one text, as if they were one file: the site loads
one file per script, and the parts themselves are never served. Hidden files (a name that starts with ".", such as
an editor's swap file) are left out, as MkDocs leaves them out of the site. Anything else in a part folder stops the
build with a Dutch message, all problems at once. Plain Python: the MkDocs plugin (minify.py) and the Zensical
export (scripts/zensical_build.py) both use it.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from leerlandschap.woorden import aantal

PART = ".js"


class ScriptPartsError(Exception):
    """The parts of one or more scripts cannot be joined; `problems` holds one Dutch line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(f"De scripts in docs/assets/ hebben {aantal(len(problems), 'probleem')}. Er is niets gebouwd.\n"
                         + "\n".join(problems))


@dataclass(frozen=True)
class JoinedScript:
    name: str  # the served file's name in assets/: vragenset.js
    folder: Path  # where its parts are
    parts: tuple[Path, ...]  # in the order they are joined
    text: str


def part_folders(assets: Path) -> list[Path]:
    """The folders in `assets` that hold the parts of a script, by name."""
    if not assets.is_dir():
        return []
    return sorted(p for p in assets.iterdir() if p.is_dir() and not p.name.startswith("."))


def joined_scripts(assets: Path, root: Path | None = None) -> list[JoinedScript]:
    """Every script in `assets` that is made of parts, joined. Paths in messages are shown from `root` (by default
    the folder above `assets`' parent: the project)."""
    shown_from = root or assets.parent.parent
    problems: list[str] = []
    scripts = []
    for folder in part_folders(assets):
        name = folder.name + PART
        if (assets / name).exists():
            problems.append(f"{_shown(assets / name, shown_from)} en {_shown(folder, shown_from)}/: het script {name} "
                            "staat er twee keer, als bestand en als map met delen. Houd er één van de twee.")
        entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
        for entry in entries:
            if entry.is_dir():
                problems.append(f"{_shown(entry, shown_from)}/: een map met delen van een script mag zelf geen mappen "
                                f"bevatten. Zet de delen direct in {_shown(folder, shown_from)}/.")
            elif entry.suffix != PART:
                problems.append(f"{_shown(entry, shown_from)}: dit bestand hoort niet in een map met delen van een "
                                f"script: alleen bestanden die eindigen op {PART} worden samengevoegd tot {name}. Haal het weg. "
                                f"Is het een deel van {name}? Geef het dan een naam die eindigt op {PART}.")
        parts = tuple(p for p in entries if p.is_file() and p.suffix == PART)
        if not parts:
            problems.append(f"{_shown(folder, shown_from)}/: deze map bevat geen delen van een script. Zet er de delen "
                            f"van {name} in (bestanden die eindigen op {PART}, zoals 10-begin.js) of haal de map weg.")
        texts = []
        for part in parts:
            try:
                text = part.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                problems.append(f"{_shown(part, shown_from)}: dit deel is geen tekst in UTF-8. Sla het op als UTF-8.")
                continue
            texts.append(text if text.endswith("\n") or not text else text + "\n")  # a last // comment ends here
        scripts.append(JoinedScript(name, folder, parts, "".join(texts)))
    if problems:
        raise ScriptPartsError(problems)
    return scripts


def join_in_place(assets: Path) -> list[str]:
    """In a copy of docs/assets/ (never the source): write each joined script and remove its part folder. Returns the
    names written."""
    scripts = joined_scripts(assets)
    for script in scripts:
        (assets / script.name).write_text(script.text, encoding="utf-8")
        shutil.rmtree(script.folder)
    return [script.name for script in scripts]


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
