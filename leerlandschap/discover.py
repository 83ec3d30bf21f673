"""Finding the content files: which folders are read in which layout, and what is refused before anything is read.

Two layouts: upstream's `content/` alone (national content plus the example region), or, in a region's fork,
`content/` for the national content and `regio/` next to it for everything of the region. Links that lead out of
the project, unknown folders, folders inside a kind's folder, files that are not .yml and file names that cannot be an
id are problems on their path. `read_files` is the one list of what is read: nothing else leaves the project as content.
"""
from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .items import Item
from .kinds import Kind, active
from .patterns import ID_RE, WINDOWS_NAMES, slugify
from .problems import Problem

YAML_SUFFIXES = (".yml", ".yaml")
REGIO_FILE = "regio.yml"
REGIO_DIR = "regio"  # a fork's own content, next to content/
ASSETS = "assets"  # regio/assets/: the region's logo and favicon
_NOT_PLAIN = f"Dit is geen gewoon bestand en wordt niet gelezen. Het regiobestand {REGIO_FILE} moet een tekstbestand zijn."

Show = Callable[[Path], str]


@dataclass(frozen=True)
class Root:
    path: Path
    layer: str  # "content" or "regio"
    folders: tuple[str, ...]  # folders read here
    skipped: tuple[str, ...] = ()  # present on purpose but not read here (the example region, assets)
    reads_regio_file: bool = True


def content_roots(content_dir: Path) -> list[Root]:
    registry = active()
    everything = tuple(registry.by_folder)
    regio_dir = content_dir.parent / REGIO_DIR
    if (regio_dir / REGIO_FILE).is_file():
        example = tuple(f for f in everything if f not in registry.national) + (REGIO_FILE,)
        return [Root(content_dir, "content", registry.national, example, reads_regio_file=False),
                Root(regio_dir, REGIO_DIR, everything, (ASSETS,))]
    return [Root(content_dir, "content", everything)]


def shows_example(content_dir: Path) -> bool:
    """True when the site shows the example region: upstream's layout, not a region's fork (content_roots)."""
    return all(root.layer != REGIO_DIR for root in content_roots(content_dir))


def _inside(path: Path, project: Path) -> bool:
    """False for a file or folder that is (or passes through) a link to a place outside the project, or to nothing."""
    return _link_problem(path, project, Path.as_posix) is None


def _link_problem(path: Path, project: Path, show: Show) -> Problem | None:
    """The problem of a link at `path` that leads outside the project, to nothing or round in a circle; else None.
    Whatever it is, nothing is read through it. (A file in a folder inside the project is inside: only links lead out.)"""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return Problem(show(path), 1, "Dit is een snelkoppeling naar een bestand dat niet (meer) bestaat. Zo'n "
                                      "bestand wordt niet gelezen. Haal de snelkoppeling weg, of zet het bestand zelf hier.")
    except (OSError, RuntimeError):  # a circle of links (RuntimeError up to Python 3.12, OSError from 3.13)
        return Problem(show(path), 1, "Dit is een snelkoppeling die in een kring naar zichzelf terugleidt. Zo'n "
                                      "bestand wordt niet gelezen. Haal de snelkoppeling weg, of zet het bestand zelf hier.")
    if not target.is_relative_to(project.resolve()):
        return Problem(show(path), 1, "Dit is een snelkoppeling naar een plek buiten de map van de site. "
                                      "Zo'n bestand wordt niet gelezen. Zet het bestand zelf in de map.")
    return None


def regio_links(regio_dir: Path, show: Show) -> list[Problem]:
    """Every symlink under regio/ (regio/assets/ itself included): a fork's own files are never links. Nothing is
    read through them (the discovery below skips them), so a link cannot publish or read a file from elsewhere."""
    if regio_dir.is_symlink():
        return [_linked(regio_dir, show)]
    found = []
    for top, dirs, names in os.walk(regio_dir):
        dirs.sort()
        found += [_linked(Path(top, name), show) for name in sorted(dirs + names) if Path(top, name).is_symlink()]
    return found


def regio_unread(regio_dir: Path, show: Show) -> list[Problem]:
    """A folder regio/ with content but without the file regio/regio.yml is not read at all (content_roots): the site
    would be the example region's, in silence. Said once, on the region file's path."""
    regio_file = regio_dir / REGIO_FILE
    if regio_dir.is_symlink() or not regio_dir.is_dir() or regio_file.is_file() or regio_file.is_symlink():
        return []  # read, or a link: said by regio_links
    if regio_file.exists():  # a folder, a pipe
        return [Problem(show(regio_file), 1, f"{_NOT_PLAIN} Zonder dat bestand wordt {REGIO_DIR}/ niet gelezen en toont "
                                             "de site de voorbeeldregio.")]
    parts = [p.relative_to(regio_dir).parts for p in regio_dir.rglob("*") if p.is_file()]
    files = [regio_dir.joinpath(*each) for each in parts  # regio/assets/ holds the example region's logo upstream too
             if each[0] != ASSETS and each[-1] != "README.md" and not any(part.startswith(".") for part in each)]
    if not files:
        return []
    other = next((p.name for p in files if p.parent == regio_dir and p.stem == "regio"), "")
    hint = f" Hernoem {other} naar {REGIO_FILE}." if other and other != REGIO_FILE else ""
    return [Problem(show(regio_dir / REGIO_FILE), 1, f"Het regiobestand ontbreekt. In {REGIO_DIR}/ staan wel bestanden, "
                                                     f"maar zonder {REGIO_DIR}/{REGIO_FILE} wordt die map niet gelezen en "
                                                     f"toont de site de voorbeeldregio.{hint}")]


def _linked(path: Path, show: Show) -> Problem:
    return Problem(show(path), 1, "Dit is een snelkoppeling (symlink). In de map regio/ zijn snelkoppelingen niet "
                                  "toegestaan; ze worden niet gelezen. Zet het bestand of de map zelf hier neer.")


def _skipped_link(path: Path, layer: str) -> bool:
    return layer == REGIO_DIR and path.is_symlink()  # reported by _regio_links


def read_files(content_dir: Path) -> list[Path]:
    """Every file the loader reads (the items of each root and the region file), in its order: what may leave the
    project as content (the editor's proef seed). Nothing else under content/ or regio/ does: not a hidden file, not
    a file in a folder that is not read, not a file a link leads to from outside (the checker refuses those)."""
    project = content_dir.parent
    found: list[Path] = []
    for root in content_roots(content_dir):
        items, regio_path, _ = discover(root, project, lambda path: path.as_posix())
        found += [item.path for item in items if not item.path.is_symlink() or _inside(item.path, project)]
        found += [regio_path] if regio_path else []
    return found


def discover(root: Root, project: Path, show: Show) -> tuple[list[Item], Path | None, list[Problem]]:
    """The files to read under `root`, the region file if it is there, and the problems of what is not read."""
    items: list[Item] = []
    problems: list[Problem] = []
    regio_path = None
    if root.layer == REGIO_DIR and root.path.is_symlink():
        return [], None, []  # reported by regio_links
    for entry in sorted(root.path.iterdir()):
        if entry.name.startswith(".") or entry.name == "README.md" or entry.name in root.skipped:
            continue
        if _skipped_link(entry, root.layer):
            continue
        if (trouble := _link_problem(entry, project, show)) is not None:
            problems.append(trouble)
        elif entry.name == REGIO_FILE and root.reads_regio_file and not entry.is_file():  # a folder, a pipe: never read
            problems.append(Problem(show(entry), 1, _NOT_PLAIN))
        elif entry.name == REGIO_FILE and root.reads_regio_file:
            regio_path = entry
        elif entry.is_dir() and entry.name in root.folders:
            kind = active().by_folder[entry.name]
            children = active().children(kind)
            items += _files_in(entry, kind, root.layer, project, show, problems, folders_read=bool(children))
            for child in children:  # meetings: tafels/<tafel-id>/<date>.yml
                for sub in (entry / e.name for e in _listing(entry) if _is_dir(e)):
                    if _skipped_link(sub, root.layer) or _link_problem(sub, project, show):
                        continue  # said by regio_links, or by _files_in above
                    items += _files_in(sub, child, root.layer, project, show, problems, id_prefix=f"{sub.name}/")
        else:
            close = difflib.get_close_matches(entry.name, [*root.folders, REGIO_FILE], n=1)
            guess = f" Bedoel je '{close[0]}'?" if close else ""
            for path in sorted(entry.rglob("*")) if entry.is_dir() else [entry]:
                if path.is_file():
                    problems.append(Problem(show(path), 1, f"Dit bestand wordt niet gelezen: '{entry.name}' is geen "
                                                           f"bekende map of bestand in {root.path.name}/.{guess}"))
    return items, regio_path, problems


def _not_read(sub: Path, folder: Path, show: Show) -> list[Problem]:
    """A problem for each file in `sub`, a folder inside `folder` where no folder is read."""
    where = show(folder)
    return [Problem(show(path), 1, f"Dit bestand wordt niet gelezen: in {where}/ worden geen mappen gelezen. Zet het "
                                   f"bestand direct in {where}/, of haal het weg.")
            for path in sorted(sub.rglob("*")) if path.is_file() and not path.name.startswith(".")]


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a circle of links: said by _link_problem
        return False


def _listing(folder: Path) -> list[os.DirEntry[str]]:
    """The entries of `folder` but hidden ones, by name (os.scandir: a preview lists a thousand files on every save)."""
    with os.scandir(folder) as entries:
        return sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)


def _files_in(folder: Path, kind: Kind[Any], layer: str, project: Path, show: Show, problems: list[Problem],
              id_prefix: str = "", folders_read: bool = False) -> list[Item]:
    """The items of `folder`. `folders_read`: its folders are read by the caller (a tafel's meetings); any other
    folder in it is not read, and each file in it is said (an author would think it is on the site)."""
    items = []
    for entry in _listing(folder):  # what the folder listing says about each file: no look at the file itself
        path = folder / entry.name
        if layer == REGIO_DIR and entry.is_symlink():
            continue  # reported by regio_links
        # `folder` is inside the project (checked by the caller), so only a link can lead out: resolving every file
        # would cost a preview a good part of a second at a thousand files.
        if entry.is_symlink() and (trouble := _link_problem(path, project, show)) is not None:
            problems.append(trouble)
            continue
        if _is_dir(entry) and not folders_read:
            problems += _not_read(path, folder, show)
        if _is_dir(entry) or entry.name == "README.md":
            continue
        if not entry.is_file():
            problems.append(Problem(show(path), 1, "Dit is geen gewoon bestand en wordt niet gelezen."))
            continue
        if path.suffix not in YAML_SUFFIXES:
            problems.append(Problem(show(path), 1, "Dit bestand wordt niet gelezen. Alleen bestanden die eindigen "
                                                   "op .yml horen in deze map."))
            continue
        if not ID_RE.fullmatch(path.stem):
            better = slugify(path.stem) or "mijn-item"
            better += "-1" if better in WINDOWS_NAMES or better in kind.reserved else ""  # 'CON' -> 'con-1', not 'con'
            problems.append(Problem(show(path), 1, f"De bestandsnaam '{path.stem}' kan niet. Gebruik alleen "
                                                   "kleine letters (a-z), cijfers en streepjes, bijvoorbeeld "
                                                   f"'{better}{path.suffix}'."))
        elif path.stem in WINDOWS_NAMES:
            problems.append(Problem(show(path), 1, f"De bestandsnaam '{path.stem}' kan niet: Windows gebruikt die naam "
                                                   "zelf, en kan zo'n bestand niet openen. Kies een andere naam."))
        elif path.stem in kind.reserved:
            problems.append(Problem(show(path), 1, f"De bestandsnaam '{path.stem}' kan hier niet: die naam gebruikt de site "
                                                   "zelf al voor een pagina of bestand. Kies een andere naam."))
        items.append(Item(kind, id_prefix + path.stem, path, show(path), layer))
    return items
