"""One content file as the loader sees it while checking, before it becomes a model item."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .herkomst import Herkomst
from .kinds import Kind
from .yamlevents import Path as YamlPath
from .yamlsource import YamlDocument


@dataclass(frozen=True)
class Item:
    type: Kind[Any]
    id: str
    path: Path  # the file as found (not resolved: a link inside the project keeps its own name)
    display: str  # the path authors see in messages, relative to where they stand
    layer: str = "content"  # "content" or "regio"
    doc: YamlDocument | None = None  # None when the file could not be read as a mapping
    valid: bool = False  # read and schema-checked without problems

    @property
    def data(self) -> dict[str, Any] | None:
        return self.doc.data if self.doc and isinstance(self.doc.data, dict) else None

    def line_of(self, path: YamlPath) -> int:
        return self.doc.line_of(path) if self.doc else 1

    def herkomst(self, project: Path) -> Herkomst:
        lines = self.doc.key_lines if self.doc else {}
        top = tuple((key[0], line) for key, line in lines.items() if len(key) == 1 and isinstance(key[0], str))
        return Herkomst(self.layer, self.path.relative_to(project).as_posix(), top)
