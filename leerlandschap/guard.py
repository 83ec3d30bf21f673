"""No traceback reaches a user: an unexpected error becomes one Dutch message that names the file being processed.

Code that works on one file marks it with `working_on(path)`; an exception leaving that block carries the file
as a note. The scripts' entry points and the MkDocs plugin's hooks turn any such exception into `message()`.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

_NOTE = "leerlandschap-bestand: "


@contextlib.contextmanager
def working_on(display_path: str) -> Iterator[None]:
    try:
        yield
    except Exception as error:
        if file_of(error) is None:
            error.add_note(_NOTE + display_path)
        raise


def file_of(error: BaseException) -> str | None:
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, str) and note.startswith(_NOTE):
            return note[len(_NOTE):]
    return None


def message(error: BaseException, where: str) -> str:
    """'Er ging iets onverwacht mis bij content/x.yml (RecursionError). …' — `where` when no file is known.

    Only a message that names a file asks the reader to look into "dit bestand"; `where` names a task.
    """
    path = file_of(error)
    start = f"Er ging iets onverwacht mis bij {path or where} ({type(error).__name__}). Er is niets veranderd. "
    report = "meld het dan aan de beheerders van de kit en stuur deze melding mee."
    if path is None:
        return (start + "Kijk of er in je laatste wijziging iets ongewoons staat, zoals een heel lange of diep "
                "ingesprongen tekst. Lukt het dan nog niet, " + report)
    return (start + "Controleer dit bestand: staat er iets ongewoons in, zoals een heel lange of diep ingesprongen "
            "tekst? Lukt het dan nog niet, " + report)
