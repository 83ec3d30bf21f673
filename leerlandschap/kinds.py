"""The one registry of content kinds: where files live, what they become, and what they may not be called.

Every table that used to say "praktijk lives in praktijken/, its pages under praktijken/, its
overview is called Goede praktijken, its schema is praktijk" is this module now. The loader, the
checker, URLs, page generation, open data and `make new` all read it, so a new kind is added here once.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import model


@dataclass(frozen=True)
class Kind:
    name: str  # schema name (schemas/<name>.schema.json), template (templates/<name>.html), word in messages
    folder: str  # folder under content/ and regio/, attribute on model.Content, URL section, open-data file
    cls: type
    overview: str = ""  # title of the overview page at /<folder>/; "" for kinds without one
    creatable: bool = False  # `make new` can make one from scripts/sjablonen/<name>.yml
    national: bool = False  # shared by every region; a fork keeps reading these from content/
    reserved: frozenset[str] = frozenset({"index"})  # ids that would overwrite a generated page or file

    @property
    def overview_template(self) -> str:
        return f"overzicht-{self.folder}.html"


# `index` would replace the overview page (<folder>/index.html); `alle-tafels` the calendar of all tafels.
BRON = Kind("bron", "bronnen", model.Bron, "Bronnen", national=True)
THEMA = Kind("thema", "themas", model.Thema, "Thema's", national=True)
ROL = Kind("rol", "rollen", model.Rol, "Rollen", national=True)
BOUWSTEEN = Kind("bouwsteen", "bouwstenen", model.Bouwsteen, "Bouwstenen", creatable=True, national=True)
PRAKTIJK = Kind("praktijk", "praktijken", model.Praktijk, "Goede praktijken", creatable=True)
VRAGENSET = Kind("vragenset", "vragensets", model.Vragenset, "Vragensets", creatable=True)
TAFEL = Kind("tafel", "tafels", model.Tafel, "Tafels", creatable=True, reserved=frozenset({"index", "alle-tafels"}))
# Meetings live in tafels/<tafel-id>/; their id is "<tafel-id>/<file name>" and their pages sit under the tafel.
BIJEENKOMST = Kind("bijeenkomst", "bijeenkomsten", model.Bijeenkomst, creatable=True)
# A region's additions to a national bouwsteen; the file name is the bouwsteen's id.
AANVULLING = Kind("aanvulling", "aanvullingen", model.Aanvulling)
REGIO = Kind("regio", "regio", model.Regio)

ITEM_KINDS = (BRON, THEMA, ROL, BOUWSTEEN, PRAKTIJK, VRAGENSET, TAFEL)  # one folder each, one page per item
ALL = (*ITEM_KINDS, BIJEENKOMST, AANVULLING, REGIO)
BY_NAME = {k.name: k for k in ALL}
BY_FOLDER = {k.folder: k for k in (*ITEM_KINDS, AANVULLING)}  # the folders a content root may hold
MEETINGS_IN = TAFEL.folder  # meetings live in tafels/<tafel-id>/
RESERVED_QUESTION_IDS = frozenset({"index"})  # bouwstenen/<b>/index.html would replace the bouwsteen's page
