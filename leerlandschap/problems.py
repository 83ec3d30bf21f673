"""Problems found in content: one type, one format (`path:line: message`), Dutch messages."""
from __future__ import annotations

import re
from dataclasses import dataclass

SHOWN_LIMIT = 60  # characters of a value quoted in a message


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # display path, relative to the repository root, with forward slashes
    line: int  # 1-based
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def field_prefix(path: tuple[str | int, ...]) -> str:
    """'status: ' for a value at (..., 'status') or (..., 'status', 2); '' at the top of a file."""
    names = [step for step in path if isinstance(step, str)]
    return f"{names[-1]}: " if names else ""


def shown(value: object, limit: int = SHOWN_LIMIT) -> str:
    """A value as it may appear inside a message: on one line (control characters as \\uXXXX) and not endless."""
    text = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", str(value))
    return text if len(text) <= limit else text[:limit] + "…"
