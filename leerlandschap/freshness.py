"""Which practices and tafels are due for review (`herzien_voor` has passed): information, not an error."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from .model import Content
from .render import datum


@dataclass(frozen=True)
class Review:
    path: Path  # the content file
    line: int
    message: str

    def display(self, root: Path) -> str:
        return f"{self.path.relative_to(root).as_posix()}:{self.line}: {self.message}"


def _line_of(path: Path, key: str) -> int:
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text.startswith(f"{key}:"):
            return number
    return 1


def due_for_review(content: Content, content_dir: Path, today: datetime.date) -> list[Review]:
    due = []
    for folder, items in (("praktijken", content.praktijken), ("tafels", content.tafels)):
        for item in items.values():
            if item.herzien_voor and item.herzien_voor < today:
                path = content_dir / folder / f"{item.id}.yml"
                owner = f" (eigenaar: {content.rollen[item.eigenaar_rol].titel.lower()})" if item.eigenaar_rol else ""
                due.append(Review(path, _line_of(path, "herzien_voor"),
                                  f"te herzien sinds {datum(item.herzien_voor)}{owner}"))
    return sorted(due, key=lambda r: (str(r.path), r.line))
