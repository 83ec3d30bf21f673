"""Small helpers shared by the command-line scripts: asking in the terminal, copying the project, and the guard
that keeps tracebacks from users."""
from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a site build needs besides content/: copied into a temporary project by benchmarks and tests.
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "macros", "leerlandschap", "leerlandschap_mkdocs", "schemas", "scripts"]


class Stop(Exception):
    """A message for the user; nothing was written."""


def ask(label: str, value: str | None, interactive: bool, default: str | None = None) -> str:
    """`value` if given; else ask in a terminal; else the default; else stop with a Dutch message."""
    if value:
        return value
    if interactive:
        answer = input(f"{label}{f' [{default}]' if default else ''}: ").strip() or default
        if answer:
            return answer
        raise Stop(f"Zonder {label} kan ik niets maken.")
    if default is not None:
        return default
    raise Stop(f"Geef {label} op (zie --help).")


def copy_project(dest: Path, content: Path = ROOT / "content") -> Path:
    """A copy of the project's site machinery at `dest`, with `content` as its content folder."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, dest / part)
    shutil.copytree(content, dest / "content")
    return dest


def guarded(main: Callable[[], int], where: str) -> int:
    """Run a script's main; an unexpected error becomes one Dutch message naming the file (or `where`), exit 2."""
    from leerlandschap.guard import message  # installed with the project (make setup)

    try:
        return main()
    except KeyboardInterrupt:
        print("Gestopt. Er is niets afgemaakt.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the output went to a program that stopped reading (`make check | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # the one place where any error is turned into a message
        print(message(error, where), file=sys.stderr)
        return 2
