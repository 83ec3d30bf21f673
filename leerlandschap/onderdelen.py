"""The parts of others that a built site carries, with their licences: one list for the site's licence files
(/licenties/, written by the build) and the Over page's table (the macro `onderdelen`).

The code of the kit is EUPL-1.2, but a site also publishes files it did not write: Material's styles and icons,
Pagefind's search scripts and, with the editing page /beheer/, Sveltia CMS and the fonts it shows. Their licences
(MIT, OFL-1.1, Apache-2.0) ask that their notice travels with every copy, so each built site serves them. Each text
is read from the installed package where the package has one; for the three that do not ship theirs (Pagefind's
Python package, the React DOM part of Sveltia's files, the Noto Mono font inside Sveltia's package), our copy in
licenties/ names the holder their own files name (the upstream repository, the file's header, the font's name table).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

OURS = Path(__file__).parent / "licenties"
NODE = Path("node_modules")
FOLDER = "licenties"  # where the site serves the texts
KIT_LICENCE = f"{FOLDER}/leerlandschap.txt"  # where the site serves the kit's own licence text (EUPL-1.2)


@dataclass(frozen=True)
class Onderdeel:
    """A part of others in the site: what it does there (Dutch), its version and licence, and the text to serve."""

    naam: str
    waarvoor: str
    versie: str  # its own, or "in <the part it comes in> <version>"
    licentie: str  # SPDX identifier
    tekst: Path
    editor: bool = False  # only in a site with the editing page /beheer/

    @property
    def bestand(self) -> str:
        """The text's path in the site."""
        return f"{FOLDER}/{self.naam.lower().replace(' ', '-')}.txt"


def _python(name: str, licence_file: str) -> tuple[str, Path]:
    """Version of an installed Python package and the path of one of its files (its licence text)."""
    dist = metadata.distribution(name)
    found = next(f for f in dist.files or () if f.as_posix().endswith(licence_file))
    return dist.version, Path(str(dist.locate_file(found)))


def kit_licence() -> Path:
    """The kit's own licence text (EUPL-1.2) as the installed package carries it. A site publishes the kit's own
    scripts and styles, compressed; the EUPL (article 5) asks that a copy of the licence goes with every copy of the
    work, and that a copy that is not the source code says where the source is (the Over page, macros.software)."""
    return _python("leerlandschap", "licenses/LICENSE")[1]


# The hosts of the free page services the guide (handleiding/publiceren.md) names, and whose servers they are.
PAGES_HOSTS = {"github.io": "GitHub", "gitlab.io": "GitLab"}


def platform_of(adres: str) -> str:
    """Who runs the server of a site at `adres`, when its host says so (a project on GitHub Pages or GitLab Pages);
    else '' (an address of one's own: the site cannot know whose server that is)."""
    host = (urlsplit(adres).hostname or "").rstrip(".")
    return next((who for domain, who in PAGES_HOSTS.items() if host.endswith(f".{domain}")), "")


def _npm(project: Path, package: str) -> str:
    return str(json.loads((project / NODE / package / "package.json").read_text(encoding="utf-8"))["version"])


def onderdelen(project: Path, editor: bool) -> tuple[Onderdeel, ...]:
    """The parts of others in a site built from `project`; those of /beheer/ only when `editor` (the page is built,
    so node_modules/ holds them)."""
    material, material_licence = _python("mkdocs-material", "licenses/LICENSE")
    _, icons = _python("mkdocs-material", "templates/.icons/material/LICENSE")
    parts = [
        Onderdeel("Material for MkDocs", "de opmaak van de pagina's", material, "MIT", material_licence),
        Onderdeel("Material Design Icons", "de pictogrammen in de kop en de voet", f"in Material for MkDocs {material}",
                  "Apache-2.0", icons),
        Onderdeel("Pagefind", "het zoeken in je eigen browser", metadata.version("pagefind"), "MIT", OURS / "pagefind.txt"),
    ]
    if editor:
        fonts = project / NODE / "@fontsource-variable"
        sveltia = _npm(project, "@sveltia/cms")
        parts += [
            Onderdeel("Sveltia CMS", "de bewerkpagina /beheer/", sveltia, "MIT",
                      project / NODE / "@sveltia" / "cms" / "LICENSE.txt", editor=True),
            Onderdeel("React DOM", "een deel van de bewerkpagina", f"in Sveltia CMS {sveltia}", "MIT",
                      OURS / "react.txt", editor=True),
            Onderdeel("Immutable", "een deel van de bewerkpagina", _npm(project, "immutable"), "MIT",
                      project / NODE / "immutable" / "LICENSE", editor=True),
            Onderdeel("Source Sans 3", "de letter van de bewerkpagina", _npm(project, "@fontsource-variable/source-sans-3"),
                      "OFL-1.1", fonts / "source-sans-3" / "LICENSE", editor=True),
            Onderdeel("Material Symbols", "de pictogrammen van de bewerkpagina",
                      _npm(project, "@fontsource-variable/material-symbols-outlined"), "OFL-1.1",
                      fonts / "material-symbols-outlined" / "LICENSE", editor=True),
            Onderdeel("Noto Mono", "de letter voor code op de bewerkpagina", f"in Sveltia CMS {sveltia}", "OFL-1.1",
                      OURS / "noto-mono.txt", editor=True),
        ]
    return tuple(parts)
