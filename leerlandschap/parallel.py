"""The item pages of a full build on two cores: a forked copy of this process renders every other item (and puts
the soft hyphens into them that the site shows, hyphenate.py).

Rendering a page is plain Python on data already loaded (pages.PageMaker), so a fork has everything it needs without
loading again. The child sends its pages back through a pipe; the result is the same list, in the same order, as
rendering every item here (tests/test_shortcuts.py builds a site both ways and compares every file). When this
process runs other threads (a preview's web server), forking is not safe and everything is rendered here; so it is
when the child fails in any way, so a content error is reported exactly as without the second core.

A build with search also makes each item page's search document here (`pages_with_documents`, searchdocs.py): that
is most of the search index's own work, done on both cores while the pages are made instead of afterwards.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from .hyphenate import hyphenate_html
from .pages import GeneratedPage, PageMaker

Items = Sequence[tuple[str, str, Any]]  # (kind, id, item), as PageMaker.items() gives them
MIN_ITEMS = 20  # below this a second process costs more than it saves


Rendered = tuple[tuple[GeneratedPage, ...], tuple[str, ...]]  # an item's pages, and each body as shown (hyphenated)
Documents = tuple[str | None, ...]  # the search document of each of an item's pages; None: the page is not searched


@dataclass(frozen=True)
class SearchDocuments:
    """The item pages' search documents (URL -> document; None: not searched) and the words they counted
    (searchwords.Vocabulary: pages, and how many pages have each word)."""

    by_url: dict[str, str | None] = field(default_factory=dict)
    pages: int = 0
    counts: Counter[str] = field(default_factory=Counter)


def pages_per_item(maker: PageMaker, items: Items, parallel: bool = True) -> list[Rendered]:
    """The pages of each item, in the order of `items`, each with its body as the site shows it (hyphenate.py)."""
    return _in_two(maker, items, parallel, False)[0]


def pages_with_documents(maker: PageMaker, items: Items,
                         parallel: bool = True) -> tuple[list[Rendered], SearchDocuments]:
    """As `pages_per_item`, and the search document of every page (searchdocs.Writer.document)."""
    rendered, documents, words = _in_two(maker, items, parallel, True)
    by_url = {page.url: document for (pages, _), made in zip(rendered, documents, strict=True)
              for page, document in zip(pages, made, strict=True)}
    return rendered, SearchDocuments(by_url, *words)


Made = tuple[list[Rendered], list[Documents], tuple[int, Counter[str]]]


def _in_two(maker: PageMaker, items: Items, parallel: bool, documents: bool) -> Made:
    if not parallel or len(items) < MIN_ITEMS or (os.cpu_count() or 1) < 2 or threading.active_count() > 1 \
            or "fork" not in multiprocessing.get_all_start_methods():
        return _render(maker, items, documents)
    theirs_items, mine_items = items[1::2], items[0::2]
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(maker, theirs_items, documents, send), name="paginas", daemon=True)
    child.start()
    send.close()
    try:
        mine = _render(maker, mine_items, documents)
        try:
            theirs = receive.recv()
        except (EOFError, OSError):
            theirs = None
    finally:
        receive.close()
        child.join()
    if not isinstance(theirs, tuple) or len(theirs[0]) != len(theirs_items):  # the child failed: the long way, here
        theirs = _render(maker, theirs_items, documents)
    merged: Made = ([], [], (mine[2][0] + theirs[2][0], mine[2][1] + theirs[2][1]))
    for n in range(len(mine[0])):
        for made in (mine, theirs):
            if n < len(made[0]):
                merged[0].append(made[0][n])
                merged[1].append(made[1][n])
    return merged


def _render(maker: PageMaker, items: Items, documents: bool) -> Made:
    rendered, made = [], []
    writer = None
    if documents:  # only now: the word lists take a moment to load, in each process at the same time
        from .searchdocs import NOT_SEARCHABLE, Writer
        writer = Writer(None)
    for kind, _, item in items:
        pages = tuple(maker.pages_of(kind, item))
        rendered.append((pages, tuple(hyphenate_html(page.body) for page in pages)))
        if writer is not None:
            made.append(tuple(None if NOT_SEARCHABLE in page.body else writer.document(page.url, page.title, page.body, False)
                              for page in pages))
        else:
            made.append(())
    return rendered, made, (writer.words.pages, writer.words.counts) if writer is not None else (0, Counter())


def _child(maker: PageMaker, items: Items, documents: bool, send: Connection) -> None:
    try:
        made: object = _render(maker, items, documents)
    except BaseException:  # reported by the parent, which renders these items again
        made = None
    send.send(made)
    send.close()
