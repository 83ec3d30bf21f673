"""The kinds of content files, and one file as the loader sees it while checking."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import model
from .yamlsource import YamlDocument


@dataclass(frozen=True)
class ContentType:
    kind: str  # schema name and the word authors see in messages
    folder: str  # folder under content/ (and regio/), also the attribute on model.Content
    cls: type


TYPES = (
    ContentType("bron", "bronnen", model.Bron),
    ContentType("thema", "themas", model.Thema),
    ContentType("rol", "rollen", model.Rol),
    ContentType("bouwsteen", "bouwstenen", model.Bouwsteen),
    ContentType("praktijk", "praktijken", model.Praktijk),
    ContentType("vragenset", "vragensets", model.Vragenset),
    ContentType("tafel", "tafels", model.Tafel),
)
MEETING = ContentType("bijeenkomst", "bijeenkomsten", model.Bijeenkomst)  # in tafels/<tafel-id>/
REGIO = ContentType("regio", "regio", model.Regio)
AANVULLING = ContentType("aanvulling", "aanvullingen", model.Aanvulling)  # a region's additions to a bouwsteen
FOLDER_OF = {t.kind: t.folder for t in TYPES}


@dataclass
class Item:
    type: ContentType
    id: str
    path: Path
    display: str
    doc: YamlDocument | None = None  # None when the file could not be read as a mapping
    valid: bool = False  # read and schema-checked without problems

    @property
    def data(self) -> dict | None:
        return self.doc.data if self.doc else None
