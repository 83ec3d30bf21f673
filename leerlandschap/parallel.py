"""The item pages of a full build on two cores: a forked copy of this process renders every other item (and puts
the soft hyphens into them that the site shows, hyphenate.py).

Rendering a page is plain Python on data already loaded (pages.PageMaker), so a fork has everything it needs without
loading again. The child sends its pages back through a pipe; the result is the same list, in the same order, as
rendering every item here (tests/test_shortcuts.py builds a site both ways and compares every file). When this
process runs other threads (a preview's web server), forking is not safe and everything is rendered here; so it is
when the child fails in any way, so a content error is reported exactly as without the second core.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import Any

from .hyphenate import hyphenate_html
from .pages import GeneratedPage, PageMaker

Items = Sequence[tuple[str, str, Any]]  # (kind, id, item), as PageMaker.items() gives them
MIN_ITEMS = 20  # below this a second process costs more than it saves


Rendered = tuple[tuple[GeneratedPage, ...], tuple[str, ...]]  # an item's pages, and each body as shown (hyphenated)


def pages_per_item(maker: PageMaker, items: Items, parallel: bool = True) -> list[Rendered]:
    """The pages of each item, in the order of `items`, each with its body as the site shows it (hyphenate.py)."""
    if not parallel or len(items) < MIN_ITEMS or (os.cpu_count() or 1) < 2 or threading.active_count() > 1 \
            or "fork" not in multiprocessing.get_all_start_methods():
        return _render(maker, items)
    theirs_items, mine_items = items[1::2], items[0::2]
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(maker, theirs_items, send), name="paginas", daemon=True)
    child.start()
    send.close()
    try:
        mine = _render(maker, mine_items)
        try:
            theirs = receive.recv()
        except (EOFError, OSError):
            theirs = None
    finally:
        receive.close()
        child.join()
    if not isinstance(theirs, list) or len(theirs) != len(theirs_items):  # the child failed: the long way, here
        theirs = _render(maker, theirs_items)
    merged: list[Rendered] = []
    for n, pages in enumerate(mine):
        merged.append(pages)
        if n < len(theirs):
            merged.append(theirs[n])
    return merged


def _render(maker: PageMaker, items: Items) -> list[Rendered]:
    rendered = []
    for kind, _, item in items:
        pages = tuple(maker.pages_of(kind, item))
        rendered.append((pages, tuple(hyphenate_html(page.body) for page in pages)))
    return rendered


def _child(maker: PageMaker, items: Items, send: Connection) -> None:
    try:
        pages: object = _render(maker, items)
    except BaseException:  # reported by the parent, which renders these items again
        pages = None
    send.send(pages)
    send.close()
