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
        """One line of printable text, whatever a file's name or a quoted value holds (one_line)."""
        return f"{one_line(self.path)}:{self.line}: {one_line(self.message)}"


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def field_prefix(path: tuple[str | int, ...]) -> str:
    """'status: ' for a value at (..., 'status') or (..., 'status', 2); '' at the top of a file."""
    names = [step for step in path if isinstance(step, str)]
    return f"{names[-1]}: " if names else ""


# Characters that would break a message's one line or what a terminal shows: control characters (an escape code
# "\x1b[2J" clears the screen), line and paragraph separators, direction overrides (the rest of the line read
# backwards) and the surrogates Python makes of a file name's bytes that are not UTF-8 (printing them fails)
_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def one_line(text: str) -> str:
    """`text` with every unshowable character written as \\uXXXX: a file name or value in a message, as typed."""
    return _UNSHOWABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def shown(value: object, limit: int = SHOWN_LIMIT) -> str:
    """A value as it may appear inside a message: on one line (control characters as \\uXXXX) and not endless."""
    text = one_line(str(value))
    return text if len(text) <= limit else text[:limit] + "…"
