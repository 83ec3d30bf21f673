"""Reading and checking one content file on its own: its size, UTF-8, YAML, then its kind's schema.

Under `mkdocs serve` the same files are checked after every save. A file whose size and modification time did not
change (nor its schema) is not read, parsed and validated again: its earlier result is reused. That memory belongs to
whoever runs the checks (a FileChecks): a preview keeps one for as long as it runs, a single check starts empty, so
no run depends on what an earlier run in the same process happened to read.

What the loader makes of a file's document alone (its model item, the references it makes) is kept the same way
(`derived`): a save rebuilds the model of the one file it changed, the other items are the very objects of before.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from .guard import working_on
from .items import Item
from .problems import Problem
from .schemas import Schema
from .twocores import on_two_cores
from .yamlsource import YamlDocument, read_yaml, too_large

Result = tuple[YamlDocument | None, tuple[Problem, ...]]
Key = tuple[str, str, int, int, str]  # path, path as shown, modification time, size, schema fingerprint
T = TypeVar("T")
MIN_FILES = 40  # below this a second process costs more than it saves (a fork costs what checking ~15 files does)


class FileChecks:
    """The results of checking single files, remembered by file, size, modification time and schema."""

    def __init__(self) -> None:
        self._results: dict[Key, Result] = {}
        self._derived: dict[tuple[int, Hashable], tuple[YamlDocument, object]] = {}  # (id of document, what) -> made

    def check(self, item: Item, schema: Schema) -> tuple[Item, tuple[Problem, ...]]:
        """The item with its document (None when unusable) and whether it is valid, and the file's problems."""
        return self.check_all([(item, schema)], parallel=False)[0]

    def check_all(self, files: list[tuple[Item, Schema]], parallel: bool = True) -> list[tuple[Item, tuple[Problem, ...]]]:
        """`check` of every (item, schema), in order; the files not checked before are read on two cores when
        `parallel` and there are many (twocores.py): a thousand files take about a second on one."""
        keyed = []
        for item, schema in files:
            stat = item.path.stat()
            keyed.append(((str(item.path), item.display, stat.st_mtime_ns, stat.st_size, schema.fingerprint), item, schema))
        new = [(key, item, schema) for key, item, schema in keyed if key not in self._results]
        work = [(item, key[3], schema) for key, item, schema in new]
        results = on_two_cores(_checked_all, work, MIN_FILES) if parallel else _checked_all(work)
        self._results.update(zip((key for key, _, _ in new), results, strict=True))
        checked = []
        for key, item, _ in keyed:
            doc, found = self._results[key]
            checked.append((dataclasses.replace(item, doc=doc, valid=doc is not None and not found), found))
        return checked

    def derived(self, item: Item, what: Hashable, make: Callable[[], T]) -> T:
        """`make()`, kept for as long as the file's document is: `what` names everything else the result depends on."""
        if item.doc is None:
            return make()
        key = (id(item.doc), what)
        kept = self._derived.get(key)
        if kept is None or kept[0] is not item.doc:  # the document held in `kept` keeps its id from being reused
            kept = self._derived[key] = (item.doc, make())
        return kept[1]  # type: ignore[return-value]  # made by a `make` asked with the same `what`

    def forget_if_many(self, files: int) -> None:
        """Forget files that are long gone once far more are remembered than there are now (a preview runs for hours)."""
        if len(self._results) > 4 * (files + 1000) or len(self._derived) > 8 * (files + 1000):
            self._results.clear()
            self._derived.clear()


def _checked_all(files: Sequence[tuple[Item, int, Schema]]) -> list[Result]:
    return [_checked(item, size, schema) for item, size, schema in files]


def _checked(item: Item, size: int, schema: Schema) -> Result:
    try:
        with working_on(item.display):
            doc, found = read_file(item, size, schema)
            return doc, tuple(found)
    except (RecursionError, MemoryError, ValueError, OverflowError) as error:  # what a hostile file could cause
        return None, (Problem(item.display, 1, f"Dit bestand kon niet worden gelezen door een onverwachte "
                                               f"fout ({type(error).__name__}). Controleer of er iets "
                                               "ongewoons in staat, zoals een heel lange of diep "
                                               "ingesprongen tekst."),)


def read_file(item: Item, size: int, schema: Schema) -> tuple[YamlDocument | None, list[Problem]]:
    large = too_large(size, item.display)  # before reading: a huge file never enters memory
    if large:
        return None, [large]
    data = item.path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return None, [Problem(item.display, 1, "Dit bestand is opgeslagen als UTF-16 (in Kladblok heet dat "
                                                   "'Unicode'). Sla het op als UTF-8.")]
        line = len(re.split(rb"\r\n|\r|\n", data[:error.start]))  # the first such byte's: often one pasted word
        return None, [Problem(item.display, line, "Dit bestand is geen UTF-8-tekst: op deze regel staat een teken dat "
                                                  "anders is opgeslagen. Sla het bestand op als UTF-8, of typ de "
                                                  "letters met accenten op deze regel opnieuw.")]
    doc, found = read_yaml(text, item.display)
    if doc is not None and not isinstance(doc.data, dict):
        found.append(Problem(item.display, 1, "Het bestand moet bestaan uit velden, zoals 'titel: ...' op de eerste regel."))
        doc = None
    if doc is not None:
        found += schema.validate(doc, item.display)
    return doc, found
