"""Shortcuts through MkDocs' page pipeline for the generated pages, each giving the same bytes as the long way.

1. No Markdown for a generated page: MkDocs gets a placeholder as its source (plugin.py puts the finished HTML in),
   so converting it would only build a Markdown converter per page to find no headings, links or anchors.
   `render_placeholder` sets what Page.render would have set for that source (tests/test_shortcuts.py compares).
2. The theme's navigation once per kind of page: an item page that is not in the navigation gets the same tabs,
   side navigation, footer and script settings as every other such page at its depth in its section (the links are
   relative, and nothing in those blocks is about the page itself). overrides/main.html hands those blocks to
   `block`, which renders them for the first page of a group and reuses the text for the others; our header
   (overrides/partials/header.html) hands over its pieces around the page's title the same way (`part`).

The plugin's option `snel: false` switches both off; tests build a site both ways and compare every file.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Collection

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.theme import Theme

log = logging.getLogger("mkdocs.structure.pages")  # the logger whose level decides whether Page.render keeps links


def render_placeholder(page: Page, placeholder: str) -> Callable[[MkDocsConfig, Files], None]:
    """A replacement for `page.render` when the page's Markdown is only `placeholder` (an HTML comment)."""

    def render(config: MkDocsConfig, files: Files) -> None:
        if (page.markdown or "").strip() != placeholder:  # anything else: the real conversion
            Page.render(page, config, files)
            return
        page.content = placeholder  # Markdown passes an HTML comment block through as it is
        page.toc = get_toc([])
        page.present_anchor_ids = set()
        if log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {}

    return render


# A group of pages that share blocks: depth, trailing slash, first folder, folders shared per nav page, hidden parts, toc,
# names in the front matter
Group = tuple[int, bool, str, tuple[int, ...], tuple[str, ...], bool, tuple[str, ...]]


class SharedBlocks:
    """The theme blocks that are the same for every item page of a group (`group`), rendered once per group and build."""

    NAMES = ("styles", "tabs", "site_nav", "footer", "config")  # the blocks overrides/main.html hands over

    def __init__(self) -> None:
        self.kept: dict[tuple[Group, str], str] = {}
        self.nav_urls: tuple[str, ...] = ()

    def start(self, nav: Navigation) -> None:
        """A new build: nothing kept (the navigation or the theme may have changed)."""
        self.kept = {}
        self.nav_urls = tuple(p.url for p in nav.pages)

    def group(self, page: Page) -> Group | None:
        """Which pages share the blocks with `page`, or None when the page is in the navigation (its entry is marked
        there) or a navigation page lies below it. The blocks link to navigation pages, the home page and files of
        the site, all relative to the page: equal for pages of the same depth and section that share as many
        leading folders with every navigation page (so the question pages of all bouwstenen form one group)."""
        if page.url in self.nav_urls or page.parent is not None or page.previous_page or page.next_page:
            return None
        if not page.url or any(url.startswith(page.url) for url in self.nav_urls):
            return None
        parts = page.url.rstrip("/").split("/")
        shared = tuple(_common(parts, url.rstrip("/").split("/")) for url in self.nav_urls)
        meta = page.meta if isinstance(page.meta, dict) else {}
        hide = tuple(meta.get("hide") or ())
        # the names in the front matter: Material's dates, tags, comments and feedback read their own (none here)
        return len(parts), page.url.endswith("/"), parts[0], shared, hide, bool(page.toc), tuple(sorted(meta))

    @jinja2.pass_context
    def block(self, context: jinja2.runtime.Context, name: str, render: Callable[[], str]) -> str:
        group = context.get("ll_groep")
        if group is None:
            return render()
        key = (group, name)
        if key not in self.kept:
            self.kept[key] = render()
        return self.kept[key]

    @jinja2.pass_context
    def part(self, context: jinja2.runtime.Context, name: str, caller: Callable[[], str]) -> str:
        """`{% call ll_vast(name) %}…{% endcall %}`: a piece of our own theme templates that is the same for every
        page of a group (nothing in it is about the page itself), rendered once per group like `block`."""
        return self.block(context, name, caller)


def _common(a: list[str], b: list[str]) -> int:
    """How many leading path segments `a` and `b` share."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n



class ListedThemes:
    """A preview's list of theme files, kept between saves. On every rebuild MkDocs lists every file of the theme
    folders (Material's are thousands of icons) and filters the list to find the static files to copy. Under
    `mkdocs serve` those folders do not change (theme edits need `--watch-theme`), so the list is kept per theme
    folders, static templates and filter."""

    def __init__(self) -> None:
        self.listed: dict[tuple[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, ...], str | None], list[str]] = {}

    def keep(self, theme: Theme) -> None:
        """Make `theme.get_env()` give environments whose `list_templates` answers from the kept lists."""
        make = theme.get_env
        key = (tuple(theme.dirs), tuple(theme.static_templates))

        def get_env() -> jinja2.Environment:
            env = make()

            def list_templates(extensions: Collection[str] | None = None,
                               filter_func: Callable[[str], bool] | None = None) -> list[str]:
                asked = (key, tuple(extensions or ()), getattr(filter_func, "__qualname__", None))
                if asked not in self.listed:
                    self.listed[asked] = jinja2.Environment.list_templates(env, extensions, filter_func)
                return list(self.listed[asked])

            env.list_templates = list_templates  # type: ignore[method-assign]
            return env

        theme.get_env = get_env  # type: ignore[method-assign]
