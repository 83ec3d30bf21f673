"""Load content and generate pages once per change of the content, for every caller in a build.

MkDocs hooks and mkdocs-macros both need the model; they share one SiteCache (the plugin's) instead of loading
twice. The key is the size and modification time of every file under content/, regio/, schemas/ and
templates/ and of docs/begrippen.md, so `mkdocs serve` picks up an edited file on its next rebuild. The cache belongs to whoever runs the
build, never to this module: a new SiteCache starts empty.
"""
from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .agenda import Stamps, calendar_files
from .begrippen import PAGE, Begrippen
from .buren import Buren, Memory
from .buren import load as load_buren
from .cms_page import EditorFiles, editor_files, missing_reason
from .discover import REGIO_DIR, shows_example
from .feed import atom
from .filecheck import FileChecks
from .history import last_changes
from .kinds import BRON
from .loader import load_content
from .model import Content
from .opendata import open_data_files
from .pages import GeneratedPage, PageMaker
from .parallel import pages_per_item
from .preview import References, affected, references
from .relations import Relations, compute
from .render import TEMPLATES
from .schemas import SCHEMA_DIR
from .vragendata import questions_json


@dataclass(frozen=True)
class SiteData:
    content: Content
    maker: PageMaker
    pages: tuple[GeneratedPage, ...]
    project: Path  # the folder holding content/ (and regio/ in a fork)
    buren: Buren = field(default_factory=Buren)  # neighbours' items, read at build time (buren.py)
    by_item: dict[Any, Any] = field(default_factory=dict)  # (kind, id) -> that item's pages, for the next preview (preview.py)
    refs: References | None = None  # what each item refers to, once a preview has needed it (preview.py)
    shown: dict[str, str] = field(default_factory=dict)  # a full build's item page bodies -> with soft hyphens

    def files(self, site_url: str) -> dict[str, str]:
        """Every generated non-page file: path in the site -> text."""
        return {**self.page_files(), **self.data_files(site_url)}

    def page_files(self) -> dict[str, str]:
        """The generated files every page needs to be shown: the region's colours."""
        return {"assets/regio.css": self.colours_css()}

    def data_files(self, site_url: str) -> dict[str, str]:
        """The generated files no page needs to be shown: calendars, feed, open data and vragen.json (fetched by
        "Mijn vragenset" when it runs). A preview writes these after the page has reloaded."""
        built = build_time()
        stamps = Stamps(built, last_changes(self.project, built))
        return {"vragen.json": questions_json(self.content), "nieuw.xml": atom(self.content, site_url, self.buren),
                **calendar_files(self.content, site_url, stamps), **open_data_files(self.content)}

    def editor(self) -> EditorFiles:
        """The editing page /beheer/ (Sveltia CMS, configured from the schemas): generated texts, files copied from
        node_modules, or only a Dutch line saying why it is missing (no Node.js, or `npm ci` not run)."""
        return editor_files(self.content, self.project / "content")

    def colours_css(self) -> str:
        """The region's colours as the CSS variables Material and our stylesheet use (schema-checked #rrggbb)."""
        colours = self.content.regio.site.kleuren
        rules = [f"  --md-primary-fg-color: {colours.primair};\n  --md-typeset-a-color: {colours.primair};"
                 if colours.primair else "", f"  --md-accent-fg-color: {colours.accent};" if colours.accent else ""]
        body = "\n".join(r for r in rules if r)
        return f"/* Colours from the region file (regio.yml: site.kleuren). */\n:root {{\n{body}\n}}\n" if body else ""


def build_time() -> datetime.datetime:
    """The build's time: SOURCE_DATE_EPOCH when set (reproducible builds; scripts/build.py sets it), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0)


def _signature(*folders: Path) -> tuple[Any, ...]:
    """Name, modification time and size of every file below `folders` (one stat per file: it runs on every rebuild)."""
    found: list[tuple[str, str, int | None, int | None]] = []
    for folder in folders:
        for top, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                try:
                    stat = os.stat(os.path.join(top, name))
                except OSError:  # a link to nothing (an editor's lock file .#x.yml) or round in a circle: never read
                    found.append((top, name, None, None))
                    continue
                found.append((top, name, stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def _stat(path: Path) -> tuple[Any, ...]:
    """The modification time and size of one file; () when it is not there."""
    return (path, path.stat().st_mtime_ns, path.stat().st_size) if path.is_file() else ()


@dataclass
class SiteCache:
    """What one build or preview keeps between loads: the results of single files (filecheck.py), the last site
    of each content folder and the neighbours' data. The MkDocs plugin holds one for as long as it lives (all of `mkdocs serve`)."""

    files: FileChecks = field(default_factory=FileChecks)
    sites: dict[Path, tuple[tuple[Any, ...], tuple[Any, ...], SiteData]] = field(default_factory=dict)
    buren: Memory = field(default_factory=dict)  # the neighbours' data, reused for a while (buren.MEMORY_SECONDS)
    parallel: bool = True  # a full build checks the files and renders the item pages on two cores (twocores.py); False: all here
    preview: bool = False  # `mkdocs serve`: a full build also works out what the first save needs (references)


def with_glossary(content: Content, begrippen: Begrippen) -> Relations:
    """The relations of the content, plus the Begrippen page as a use of each source its entries name (the page of
    such a source said that nothing on the site referred to it)."""
    relations = compute(content)
    cited = begrippen.citing(b.titel for b in content.of(BRON).values())
    for bron in content.of(BRON).values():
        if bron.titel in cited:
            relations.items_by_bron[bron.id].append(("begrippen", bron))
    return relations


def load_site(content_dir: Path, cache: SiteCache | None = None,
              item_pages: Callable[[tuple[GeneratedPage, ...]], None] | None = None) -> SiteData:
    """Checked content and its pages; raises ContentError listing every problem.

    `item_pages`, when given, gets the item pages of a full build as soon as they are rendered, before the overviews
    are made: they are the first pages of `SiteData.pages`, in the same order (a build's search index starts on them).

    With a `cache` (a preview's), the result is kept: asked again with nothing changed, it is returned as it is.
    After an edit of the content only the pages the edit reaches are rendered again (preview.py); after an edit of a
    template or schema, all.
    """
    cache = cache if cache is not None else SiteCache()
    content_dir = Path(content_dir).resolve()
    regio_dir = content_dir.parent / REGIO_DIR
    begrippen = Begrippen(content_dir.parent / PAGE, shows_example(content_dir))  # which entries a page may link
    # An edited template or schema must show on the next preview too, and so must a changed mark on Begrippen.
    code = _signature(SCHEMA_DIR, TEMPLATES) + _stat(begrippen.path)
    inhoud = _signature(content_dir, *([regio_dir] if regio_dir.is_dir() else []))
    cached = cache.sites.get(content_dir)
    if cached and cached[:2] == (code, inhoud):
        return cached[2]
    content = load_content(content_dir, cache.files, cache.parallel)
    buren = load_buren(content_dir.parent, content.regio, memory=cache.buren)  # fetched, or the last good copy under build/buren/
    maker = PageMaker(content, relations=with_glossary(content, begrippen), buren=buren,
                      editor=missing_reason(content_dir.parent) == "", hidden=begrippen.hidden())  # editor: links into /beheer/
    previous = cached[2] if cached and cached[0] == code and cached[2].buren == buren else None
    refs = None
    reach = None
    if previous:  # a preview: only what an edit reaches is rendered again; the references are kept for the next save
        old_refs = previous.refs if previous.refs is not None else references(previous.content)
        refs = references(content, old_refs)
        reach = affected(previous.content, content, old_refs, refs)
    items = maker.items()
    if reach is None:  # a full build: every item rendered, on two cores where that is safe (parallel.py)
        rendered = pages_per_item(maker, items, cache.parallel)
        by_item = {(kind, ident): pages for (kind, ident, _), (pages, _) in zip(items, rendered, strict=True)}
        shown = {page.body: body for pages, bodies in rendered for page, body in zip(pages, bodies, strict=True)}
        refs = references(content) if cache.preview else None
        if item_pages is not None:
            item_pages(tuple(page for pages in by_item.values() for page in pages))
    else:
        shown = {}
        by_item = {(kind, ident): (previous.by_item[(kind, ident)]
                                   if previous and (kind, ident) not in reach and (kind, ident) in previous.by_item
                                   else tuple(maker.pages_of(kind, item))) for kind, ident, item in items}
    pages = tuple(page for item_pages in by_item.values() for page in item_pages) + tuple(maker.overview_pages())
    data = SiteData(content, maker, pages, content_dir.parent, buren, by_item, refs, shown)
    cache.sites[content_dir] = (code, inhoud, data)
    return data
