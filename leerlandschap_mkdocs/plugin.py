"""The MkDocs plugin `leerlandschap`: check the content, apply the region's settings, add the generated pages, index search.

Where a page comes from: leerlandschap/pages.py builds it from content/ (and regio/ in a fork) with a template
in leerlandschap/templates/; this plugin only hands it to MkDocs. Nothing generated is written to docs/.
Plain `mkdocs build` and `mkdocs serve` give the complete site, search included.

Under `mkdocs serve` the plugin keeps the previous build's pages: a dirty rebuild (`mkdocs serve --dirty`, which
`make serve` uses) hands MkDocs only the pages an edit really changed (rebuild.py), and the search index is rebuilt
in the background after the page reloads. Option `snel: false` takes the long way everywhere (same output).
"""
from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import jinja2
from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from leerlandschap.discover import REGIO_DIR, content_roots
from leerlandschap.guard import message
from leerlandschap.hyphenate import hyphenate_html
from leerlandschap.problems import ContentError
from leerlandschap.searchbuild import BackgroundIndex
from leerlandschap.sitedata import SiteCache, SiteData, load_site

from .minify import minify_scripts
from .rebuild import CompiledTemplates, KeptMarkdown, Rebuilds, watch_quickly
from .shortcuts import ListedThemes, SharedBlocks, render_placeholder
from .site import FALLBACK_URL, extra_files, settings, write_files

log = logging.getLogger("mkdocs.plugins.leerlandschap")
PLACEHOLDER = "<!-- leerlandschap: generated page -->"
NOT_SEARCHED = frozenset({"zoeken/"})  # the search page itself is not a result


class LeerlandschapConfig(base.Config):
    inhoud = c.Type(str, default="content")  # the content folder, next to mkdocs.yml (regio/ is found beside it)
    zoeken = c.Type(bool, default=True)  # build the Pagefind search index into site/pagefind/
    snel = c.Type(bool, default=True)  # the shortcuts of shortcuts.py (same bytes; `false` for the tests that compare)


class LeerlandschapPlugin(BasePlugin[LeerlandschapConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.bodies: dict[str, str] = {}  # src_uri -> HTML of the generated pages of the current build
        self.waiting: set[str] = set()  # the hand-written pages whose HTML search still waits for
        self.rebuilds = Rebuilds(False)  # what a preview's save hands to MkDocs (rebuild.py)
        self.markdown = KeptMarkdown()  # and the hand-written pages it need not convert again
        self.index: BackgroundIndex | None = None
        self.later: BackgroundIndex | None = None  # a preview's search index being made after the last save
        # Under `mkdocs serve`: what the search index of this save is made of, once the page has been written.
        self.index_later: tuple[list[tuple[str, str, str]], list[tuple[str, str, str]], tuple[Path, Path]] | None = None
        # The theme's templates compiled once for all rebuilds of a preview (MkDocs makes a new environment each time);
        # a template whose text changed is compiled again (Jinja compares the source's checksum).
        self.compiled = CompiledTemplates()
        self.hyphenated: dict[str, str] = {}  # HTML -> the same with soft hyphens, of this build and the one before
        self.hyphenated_before: dict[str, str] = {}
        self.shown: dict[str, str] = {}
        # A preview writes calendars, feed, open data and vragen.json after the page (no page shows them): the
        # content of the last save, and which save that was (an older save's thread never overwrites a newer one).
        self.data_later: tuple[SiteData, str] | None = None
        self.saves = 0
        self.writing = threading.Lock()
        self.cache = SiteCache()  # kept across the rebuilds of `mkdocs serve` (MkDocs keeps a plugin with on_startup)
        self.shared = SharedBlocks()  # theme blocks rendered once per group of item pages (shortcuts.py)
        self.themes = ListedThemes()  # a preview's list of theme files, kept between saves (shortcuts.py)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command  # "serve" keeps the preview's own address and allows unchanged pages to be skipped
        self.rebuilds = Rebuilds(dirty and self.config.snel)  # a new preview starts from an empty site folder

    def content_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or "mkdocs.yml").resolve().parent / self.config.inhoud

    def site(self, config: MkDocsConfig) -> SiteData:
        try:
            return load_site(self.content_dir(config), self.cache)
        except ContentError as error:
            raise Abort(f"De inhoud bevat {len(error.problems)} problemen. Er is niets gebouwd.\n{error}") from None
        except Exception as error:  # no traceback for an author: the file, and what to do
            raise Abort(message(error, f"de inhoud in {self.config.inhoud}/")) from None

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """Material prints the canonical and edit links unescaped: escaped here once (Markup is never escaped twice).
        The schema allows only plain web addresses; this keeps a quote or < harmless whatever reaches the theme."""
        if page.canonical_url:
            page.canonical_url = escape(page.canonical_url)
        if page.edit_url:
            page.edit_url = escape(page.edit_url)
        if self.config.snel and page.file.src_uri in self.bodies:
            cast(dict[str, Any], context)["ll_groep"] = self.shared.group(page)
        return context

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.shared.start(nav)
        # The hand-written pages come first as MkDocs reads the pages: once the last is in, search starts indexing.
        self.waiting = {file.src_uri for file in files.documentation_pages()} - self.bodies.keys()
        return nav

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        if self.config.snel and page.file.src_uri in self.bodies:  # a generated page: no Markdown to convert
            page.render = render_placeholder(page, PLACEHOLDER)  # type: ignore[method-assign,assignment]
        elif self.config.snel and self.rebuilds.dirty:  # a preview's hand-written page: converted once per text
            page.render = self.markdown.render(page, self.rebuilds.settings_now)  # type: ignore[method-assign,assignment]
        return page

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.later is not None:  # a new save: the search index of the one before would only be replaced
            later, self.later = self.later, None  # (stopped beside this build: removing its files takes a moment)
            threading.Thread(target=later.cancel, name="zoekindex-stop", daemon=True).start()
        self.cache.parallel = self.config.snel
        self.cache.preview = self.command == "serve"
        if self.command == "serve" and self.config.snel:
            self.themes.keep(config.theme)
        if self.index is not None:
            self.index.cancel()
            self.index = None
        if self.config.zoeken and self.command != "serve":  # a build: the index's process starts while content loads
            self.index = BackgroundIndex(*_where(config), direct=True)
        site = self.site(config)
        if self.config.zoeken:
            self._search(site, config)
        s = settings(site)
        config.site_name = s.site_name or escape(config.site_name)
        config.site_description = s.site_description or escape(config.site_description or "")
        if s.site_url and self.command != "serve":  # the preview keeps the address it is served at
            config.site_url = s.site_url
        if s.edit_uri:
            config.edit_uri = s.edit_uri
        if s.logo:
            config.theme["logo"] = s.logo
        if s.favicon:
            config.theme["favicon"] = s.favicon
        config.extra.update(s.extra)  # the theme's footer shows the region's contact on every page
        self.rebuilds.configure(config)
        self.markdown.start()
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            return self._files(files, config)
        except Abort:
            raise
        except Exception as error:  # no traceback for an author: the file when known, and what to do
            raise Abort(message(error, "de pagina's en bestanden die uit de inhoud worden gemaakt")) from None

    def _search(self, site: SiteData, config: MkDocsConfig) -> None:
        """Search is indexed by other processes from the pages in memory, handed over as soon as the content is loaded
        (it takes longer than the rest of the build); a preview shows the page first and makes its index after it."""
        pages = [(p.url, p.title, p.body) for p in site.pages]
        if self.index is not None:
            self.index.pages(pages)
        elif self.command == "serve":
            self.index_later = (pages, [], _where(config))

    def _files(self, files: Files, config: MkDocsConfig) -> Files:
        site = self.site(config)
        editable = bool(config.edit_uri)
        for file in files:  # hand-written pages are edited in docs/
            if file.is_documentation_page():
                if editable:
                    file.edit_uri = f"{Path(config.docs_dir).name}/{file.src_uri}"
                # Their macros show content (the home page's latest items): rebuilt every time, they are few.
                file.is_modified = lambda: True  # type: ignore[method-assign]
        minify_scripts(files, config)
        self.bodies = {}
        self.shown = site.shown  # item pages already hyphenated while they were made (leerlandschap/parallel.py)
        self.hyphenated_before, self.hyphenated = self.hyphenated, {}
        for page, changed in self.rebuilds.sort(site.pages, config, files):  # a preview's save: only what it must write
            # MkDocs gets a placeholder; on_page_content puts the finished HTML in. Parsing that HTML again as
            # Markdown would only cost time (it is most of a build) and change nothing.
            self.bodies[page.src_uri] = page.body
            generated = File.generated(config, page.src_uri, content=page.markdown(PLACEHOLDER))
            if editable and page.source:  # the edit link opens the file the page comes from (content/ or regio/)
                generated.edit_uri = page.source
            if not changed:
                generated.is_modified = lambda: False  # type: ignore[method-assign]  # only a dirty rebuild asks
            files.append(generated)
        preview = self.command == "serve"
        extras, notes = extra_files(site, config.site_url, data=not preview)
        self.data_later = (site, config.site_url or FALLBACK_URL) if preview else None
        for note in notes:  # one Dutch line, not a warning: `mkdocs build --strict` must not fail on it
            print(note, file=sys.stderr)
        for extra in extras:
            if extra.source is not None:
                files.append(File.generated(config, extra.path, abs_src_path=str(extra.source)))
            else:
                files.append(File.generated(config, extra.path, content=extra.text or ""))
        return files

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        # mkdocs.yml's `watch:` is the same for every project and cannot name folders that only a fork has: watch
        # every content layer that exists here (content/, a fork's regio/ with its assets), so a fork's edits reload too.
        if self.config.snel:  # a save is heard at once (inotify) where that works; MkDocs polls twice a second
            watch_quickly(server)
        content = self.content_dir(config)
        roots = [root.path for root in content_roots(content)] + [content.parent / REGIO_DIR]
        for path in dict.fromkeys(roots):
            if path.is_dir():
                server.watch(str(path))
        return server

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        env.bytecode_cache = self.compiled
        if self.config.snel:
            env.globals["ll_blok"] = self.shared.block
            env.globals["ll_vast"] = self.shared.part
        if self.index is not None:  # every page's content is known now (MkDocs renders Markdown before on_env)
            self.index.start()
        return env

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        body = self.bodies.get(page.file.src_uri)
        if body is None and page.url not in NOT_SEARCHED:  # hand-written pages are searchable too
            if self.index is not None:
                self.index.add(page.url, page.title or "", html)
            elif self.index_later is not None:
                self.index_later[1].append((page.url, page.title or "", html))
        if page.file.src_uri in self.waiting:
            self.waiting.discard(page.file.src_uri)
            if self.index is not None and not self.waiting:  # every page's content is known: Pagefind can begin
                self.index.start()
        # Long words in headings and table cells get Dutch soft hyphens (the search index keeps the plain text).
        # A preview renders the hand-written pages and overviews on every save, mostly unchanged: kept per HTML.
        source = html if body is None else body
        done = (self.hyphenated.get(source) or self.hyphenated_before.get(source) or self.shown.get(source)
                or hyphenate_html(source))
        self.hyphenated[source] = done
        return done

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.rebuilds.done(Path(config.site_dir))
        self.markdown.done()
        if self.data_later is not None:
            self.saves += 1
            threading.Thread(target=self._write_data, args=(*self.data_later, Path(config.site_dir), self.saves),
                             name="gegevens", daemon=True).start()
            self.data_later = None
        if self.index_later is not None:  # the preview reloads now; search follows a moment later
            pages, handwritten, where = self.index_later
            self.index_later = None
            self.later = later = BackgroundIndex(*where)
            later.pages(pages)
            for url, title, html in handwritten:
                later.add(url, title, html)
            threading.Thread(target=self._write_later, args=(later,), name="zoekindex", daemon=True).start()
        if self.index is None:
            return
        index, self.index = self.index, None
        try:
            index.write()
        except Exception as error:
            raise Abort(message(error, "de zoekindex")) from None

    def _write_data(self, site: SiteData, site_url: str, site_dir: Path, save: int) -> None:
        try:
            made = site.data_files(site_url)
        except Exception as error:  # a preview keeps running; the next save tries again
            log.error(message(error, "de agenda's, de open data en vragen.json"))
            return
        with self.writing:
            if save == self.saves:  # else a newer save writes its own
                write_files(made, site_dir)

    def _write_later(self, index: BackgroundIndex) -> None:
        try:
            index.write()
        except Exception as error:  # a preview keeps running; the next save tries again
            if self.later is index:  # not cancelled by a newer save
                log.error(f"De zoekindex kon niet worden gemaakt: {error}")

    def on_build_error(self, *, error: Exception) -> None:
        self.rebuilds.failed()
        self.index_later = None
        if self.index is not None:
            self.index.cancel()
            self.index = None


def _where(config: MkDocsConfig) -> tuple[Path, Path]:
    """Where the search index goes, and the page whose `Ook wel:` lines give its synonyms."""
    return Path(config.site_dir) / "pagefind", Path(config.docs_dir) / "begrippen.md"
