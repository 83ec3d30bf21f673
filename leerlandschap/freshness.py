"""Which practices and tafels are due for review (`herzien_voor` has passed): information, not an error."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from .kinds import PRAKTIJK, ROL, TAFEL
from .model import Content
from .render import datum
from .voorbeeld import shown_title


@dataclass(frozen=True)
class Review:
    path: str  # the content file, from the project root (herkomst.Herkomst.pad): content/ or regio/, .yml or .yaml
    line: int
    message: str

    def display(self, prefix: str = "") -> str:
        return f"{prefix}{self.path}:{self.line}: {self.message}"


def due_for_review(content: Content, today: datetime.date) -> list[Review]:
    due = []
    for items in (content.of(PRAKTIJK), content.of(TAFEL)):
        for item in items.values():
            if item.herzien_voor and item.herzien_voor < today and item.herkomst:
                owner = f" (eigenaar: {shown_title(content.of(ROL)[item.eigenaar_rol]).lower()})" if item.eigenaar_rol else ""
                due.append(Review(item.herkomst.pad, item.herkomst.regel("herzien_voor"),
                                  f"te herzien sinds {datum(item.herzien_voor)}{owner}"))
    return sorted(due, key=lambda r: (r.path, r.line))
