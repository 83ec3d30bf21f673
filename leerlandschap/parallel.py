"""The item pages of a full build on two cores (twocores.py): a forked copy of this process renders every other item
(and puts the soft hyphens into them that the site shows, hyphenate.py).

Rendering a page is plain Python on data already loaded (pages.PageMaker). The result is the same list, in the same
order, as rendering every item here (tests/test_shortcuts.py builds a site both ways and compares every file).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from .hyphenate import hyphenate_html, patterns
from .pages import GeneratedPage, PageMaker
from .twocores import on_two_cores

Items = Sequence[tuple[str, str, Any]]  # (kind, id, item), as PageMaker.items() gives them
MIN_ITEMS = 20  # below this a second process costs more than it saves


Rendered = tuple[tuple[GeneratedPage, ...], tuple[str, ...]]  # an item's pages, and each body as shown (hyphenated)


def pages_per_item(maker: PageMaker, items: Items, parallel: bool = True) -> list[Rendered]:
    """The pages of each item, in the order of `items`, each with its body as the site shows it (hyphenate.py)."""
    if parallel:
        patterns()  # loaded before the fork, so the forked copy has them too (0.12 s of CPU less per build)
    return on_two_cores(partial(_render, maker), items, MIN_ITEMS) if parallel else _render(maker, items)


def _render(maker: PageMaker, items: Items) -> list[Rendered]:
    rendered = []
    for kind, _, item in items:
        pages = tuple(maker.pages_of(kind, item))
        rendered.append((pages, tuple(hyphenate_html(page.body) for page in pages)))
    return rendered
