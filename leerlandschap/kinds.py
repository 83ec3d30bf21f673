"""The one registry of content kinds: where files live, what they become, and what they may not be called.

Every table that used to say "praktijk lives in praktijken/, its pages under praktijken/, its
overview is called Goede praktijken, its schema is praktijk" is this module now. The loader, the
checker, URLs, page generation, open data, the editor (/beheer/), editors' YAML settings, `make regio` and
`make new` all read it, so a new kind is one entry here plus its schema (schemas/<name>.schema.json, and
schemas/export/<folder>.schema.json for open data), its page templates (templates/<name>.html and
templates/overzicht-<folder>.html) and, when `creatable`, its scaffold (scripts/sjablonen/<name>.yml).
See handleiding/ontwikkelaars.md, "Een soort toevoegen".

Code asks `active()` for the registry in use. That is `DEFAULT` unless a caller runs inside `using(registry)`,
e.g. a test that adds a toy kind with its own schema and template folders; leaving the block restores the
previous registry (a context variable: nothing global is changed, threads and other tests are unaffected; a
thread or process started inside the block sees DEFAULT).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from . import model, regiomodel

T = TypeVar("T")


@dataclass(frozen=True)
class Kind(Generic[T]):
    """One kind of content; `T` is its item class, so `content.of(PRAKTIJK)` is a `dict[str, model.Praktijk]`."""

    name: str  # schema name (schemas/<name>.schema.json), template (templates/<name>.html), word in messages
    folder: str  # folder under content/ and regio/, key of model.Content.items, URL section, open-data file
    cls: type[T]
    overview: str = ""  # title of the overview page at /<folder>/; "" for kinds without one
    creatable: bool = False  # `make new` can make one from scripts/sjablonen/<name>.yml
    national: bool = False  # shared by every region; a fork keeps reading these from content/
    reserved: frozenset[str] = frozenset({"index"})  # ids that would overwrite a generated page or file
    parent: Kind[Any] | None = None  # items live in <parent folder>/<parent id>/ instead of a folder of their own
    pages: bool = True  # one page per item (and a data file data/<folder>.json in open data)
    single_file: bool = False  # the kind is one file (<folder>.yml), not a folder of files
    neighbours: bool = False  # read from other regions' open data (buren.py)
    title_field: str = "titel"  # the field that is an item's page title
    summary_field: str = "samenvatting"  # the field that is an item's page description
    icon: str = "article"  # the editor's (Sveltia CMS) icon for the collection: a Material Symbols name
    cms_rank: int = 50  # the editor lists collections by this number: what coordinators do most comes first
    label: str = ""  # the kind in words on a search result ("Goede praktijk"); "" is the name with a capital
    uitleg: str = ""  # what regio/<folder>/README.md says in a region's fork (`make regio`); "" makes none

    @property
    def overview_template(self) -> str:
        return f"overzicht-{self.folder}.html"

    @property
    def section(self) -> str:
        """The URL section of the item's pages: its folder, or its parent's (meetings sit under their tafel)."""
        return self.parent.section if self.parent else self.folder


# `index` would replace the overview page (<folder>/index.html); `alle-tafels` the calendar of all tafels.
BRON = Kind("bron", "bronnen", model.Bron, "Bronnen", national=True, summary_field="uitgever", icon="menu_book",
            cms_rank=90, uitleg="Bronnen van jullie eigen inhoud.")
THEMA = Kind("thema", "themas", model.Thema, "Thema's", national=True, icon="category", cms_rank=70)
ROL = Kind("rol", "rollen", model.Rol, "Rollen", national=True, title_field="meervoud", summary_field="beschrijving",
           icon="badge", cms_rank=80)
BOUWSTEEN = Kind("bouwsteen", "bouwstenen", model.Bouwsteen, "Bouwstenen", creatable=True, national=True,
                 icon="widgets", cms_rank=60,
                 uitleg="Eigen bouwstenen van jullie regio (naast de landelijke in content/bouwstenen/).")
PRAKTIJK = Kind("praktijk", "praktijken", model.Praktijk, "Goede praktijken", creatable=True, neighbours=True,
                label="Goede praktijk",
                icon="lightbulb", cms_rank=30, uitleg="Jullie goede praktijken, één bestand per praktijk.")
VRAGENSET = Kind("vragenset", "vragensets", model.Vragenset, "Vragensets", creatable=True, neighbours=True,
                 summary_field="doel", icon="quiz", cms_rank=40, uitleg="Jullie vragensets voor overleggen.")
TAFEL = Kind("tafel", "tafels", model.Tafel, "Tafels", creatable=True, reserved=frozenset({"index", "alle-tafels"}),
             neighbours=True, icon="groups", cms_rank=10,
             uitleg="Jullie tafels, één bestand per tafel. Bijeenkomsten in een map met de naam van de tafel.")
# Meetings live in tafels/<tafel-id>/; their id is "<tafel-id>/<file name>" and their pages sit under the tafel.
BIJEENKOMST = Kind("bijeenkomst", "bijeenkomsten", model.Bijeenkomst, creatable=True, parent=TAFEL, neighbours=True,
                   icon="event", cms_rank=20)
# A region's additions to a national bouwsteen; the file name is the bouwsteen's id.
AANVULLING = Kind("aanvulling", "aanvullingen", model.Aanvulling, pages=False, icon="add_notes", cms_rank=50,
                  uitleg="Eigen vragen of uitleg bij een landelijke bouwsteen: de bestandsnaam is de id van die bouwsteen.")
REGIO = Kind("regio", "regio", regiomodel.Regio, pages=False, single_file=True, icon="settings", cms_rank=100)


@dataclass(frozen=True)
class Registry:
    """A set of kinds and where their schemas, templates and scaffolds are found besides the project's own."""

    kinds: tuple[Kind[Any], ...]
    schema_dirs: tuple[Path, ...] = ()  # searched before schemas/ (export schemas in <dir>/export/)
    template_dirs: tuple[Path, ...] = ()  # searched before leerlandschap/templates/
    scaffold_dirs: tuple[Path, ...] = ()  # searched before scripts/sjablonen/

    def extended(self, *extra: Kind[Any], schema_dir: Path | None = None, template_dir: Path | None = None,
                 scaffold_dir: Path | None = None) -> Registry:
        """This registry plus `extra` kinds (and the folders their files are in)."""
        more: Callable[[tuple[Path, ...], Path | None], tuple[Path, ...]] = lambda dirs, d: (d, *dirs) if d else dirs
        return Registry((*self.kinds, *extra), more(self.schema_dirs, schema_dir),
                        more(self.template_dirs, template_dir), more(self.scaffold_dirs, scaffold_dir))

    @cached_property
    def item_kinds(self) -> tuple[Kind[Any], ...]:
        """One folder each, one page per item, an overview page."""
        return tuple(k for k in self.kinds if k.pages and k.parent is None and not k.single_file)

    @cached_property
    def page_kinds(self) -> tuple[Kind[Any], ...]:
        """Every kind with pages (meetings too): also one open-data file each, data/<folder>.json."""
        return tuple(k for k in self.kinds if k.pages)

    @cached_property
    def by_name(self) -> dict[str, Kind[Any]]:
        return {k.name: k for k in self.kinds}

    @cached_property
    def by_folder(self) -> dict[str, Kind[Any]]:
        """The folders a content root may hold."""
        return {k.folder: k for k in self.kinds if k.parent is None and not k.single_file}

    @cached_property
    def national(self) -> tuple[str, ...]:
        return tuple(k.folder for k in self.item_kinds if k.national)

    @cached_property
    def creatable(self) -> tuple[Kind[Any], ...]:
        """What `make new` can make: meetings first (what people make most), then the rest in registry order."""
        return tuple(sorted((k for k in self.kinds if k.creatable), key=lambda k: k.parent is None))

    @cached_property
    def editor_order(self) -> tuple[Kind[Any], ...]:
        return tuple(sorted(self.kinds, key=lambda k: k.cms_rank))

    @cached_property
    def neighbour_files(self) -> tuple[str, ...]:
        """The open-data files read of every neighbour; a parent's file comes before its children's."""
        return tuple(k.folder for k in sorted((k for k in self.kinds if k.neighbours), key=lambda k: k.parent is not None))

    def children(self, kind: Kind[Any]) -> tuple[Kind[Any], ...]:
        return tuple(k for k in self.kinds if k.parent is kind)


DEFAULT = Registry((BRON, THEMA, ROL, BOUWSTEEN, PRAKTIJK, VRAGENSET, TAFEL, BIJEENKOMST, AANVULLING, REGIO))
_ACTIVE: ContextVar[Registry] = ContextVar("leerlandschap_kinds", default=DEFAULT)


def active() -> Registry:
    return _ACTIVE.get()


@contextmanager
def using(registry: Registry) -> Iterator[Registry]:
    """Run the block with `registry` as the kinds in use; the previous one is back afterwards, also after an error."""
    token = _ACTIVE.set(registry)
    try:
        yield registry
    finally:
        _ACTIVE.reset(token)


# The default registry's lists, for code and tests that need no other.
ITEM_KINDS = DEFAULT.item_kinds
ALL = DEFAULT.kinds
BY_NAME = DEFAULT.by_name
BY_FOLDER = DEFAULT.by_folder
MEETINGS_IN = TAFEL.folder  # meetings live in tafels/<tafel-id>/
RESERVED_QUESTION_IDS = frozenset({"index"})  # bouwstenen/<b>/index.html would replace the bouwsteen's page
