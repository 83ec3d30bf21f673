"""The MkDocs plugin `leerlandschap`: check the content, apply the region's settings, add the generated pages, index search.

Where a page comes from: leerlandschap/pages.py builds it from content/ (and regio/ in a fork) with a template
in leerlandschap/templates/; this plugin only hands it to MkDocs. Nothing generated is written to docs/.
Plain `mkdocs build` and `mkdocs serve` give the complete site, search included.

Under `mkdocs serve` the plugin keeps the previous build's pages: a dirty rebuild (`mkdocs serve --dirty`, which
`make serve` uses) hands MkDocs only the pages an edit really changed (rebuild.py), and the search index and the data
files are made in the background after the page reloads (later.py). Option `snel: false` takes the long way
everywhere (same output).
"""
from __future__ import annotations

import sys
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

from leerlandschap.begrippen import Begrippen
from leerlandschap.discover import REGIO_DIR, content_roots
from leerlandschap.guard import message
from leerlandschap.hyphenate import hyphenate_html
from leerlandschap.pages import GeneratedPage
from leerlandschap.problems import ContentError, Problem
from leerlandschap.searchbuild import BackgroundIndex
from leerlandschap.searchdocs import keywords_problem, with_keywords
from leerlandschap.sitedata import SiteCache, SiteData, load_site
from leerlandschap.templatecache import TemplateCache, cache_folder
from leerlandschap.woorden import aantal
from leerlandschap.yamlsource import line_of_key

from .later import AfterSave, Work
from .minify import drop_unused_theme_files, minify_scripts
from .rebuild import KeptMarkdown, Rebuilds, ask_git_once, watch_quickly
from .shortcuts import ListedThemes, SharedBlocks, render_placeholder
from .site import DATA_FILES, FALLBACK_URL, extra_files, own_files, search_where, settings, write_files

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
        self.page_problems: list[Problem] = []  # what is wrong in the front matter of hand-written pages (on_env)
        self.rebuilds = Rebuilds(False)  # what a preview's save hands to MkDocs (rebuild.py)
        self.markdown = KeptMarkdown()  # and the hand-written pages it need not convert again
        self.index: BackgroundIndex | None = None
        self.after = AfterSave()  # under `mkdocs serve`: what a save makes after its page is shown (later.py)
        self.work: Work | None = None  # this save's (search index and data files), once its page has been written
        self.data_at_end: tuple[SiteData, str] | None = None  # a build's data files, written as it ends (content, address)
        self.compiled = TemplateCache(cache_folder())  # compiled templates, for a preview's saves and later builds
        self.hyphenated: dict[str, str] = {}  # HTML -> the same with soft hyphens, of this build and the one before
        self.hyphenated_before: dict[str, str] = {}
        self.shown: dict[str, str] = {}
        self.loaded: SiteData | None = None  # the content of this build, as on_config loaded it (for on_files, macros)
        self.cache = SiteCache()  # kept across the rebuilds of `mkdocs serve` (MkDocs keeps a plugin with on_startup)
        self.shared = SharedBlocks()  # theme blocks rendered once per group of item pages (shortcuts.py)
        self.themes = ListedThemes()  # a preview's list of theme files, kept between saves (shortcuts.py)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command  # "serve" keeps the preview's own address and allows unchanged pages to be skipped
        self.rebuilds = Rebuilds(dirty and self.config.snel)  # a new preview starts from an empty site folder

    def content_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or "mkdocs.yml").resolve().parent / self.config.inhoud

    def _where(self, config: MkDocsConfig) -> tuple[Path, Begrippen]:  # the index's folder, the page of its synonyms
        return search_where(config.site_dir, config.docs_dir, self.content_dir(config))

    def site(self, config: MkDocsConfig, item_pages: Callable[[tuple[GeneratedPage, ...]], None] | None = None) -> SiteData:
        try:
            return load_site(self.content_dir(config), self.cache, item_pages)
        except ContentError as error:
            raise Abort(f"De inhoud bevat {aantal(len(error.problems), 'probleem')}. Er is niets gebouwd.\n{error}") from None
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
        self.page_problems = []
        return nav

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        if self.config.snel and page.file.src_uri in self.bodies:  # a generated page: no Markdown to convert
            page.render = render_placeholder(page, PLACEHOLDER)  # type: ignore[method-assign,assignment]
        elif self.config.snel and self.rebuilds.dirty:  # a preview's hand-written page: converted once per text
            page.render = self.markdown.render(page, self.rebuilds.settings_now)  # type: ignore[method-assign,assignment]
        return page

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        preview = self.command == "serve"
        self.loaded = None
        self.work = Work(Path(config.site_dir)) if preview else None
        if preview:  # a new save: what the one before was still making in the background would only be replaced
            self.after.begin()
        self.cache.parallel = self.config.snel
        self.cache.preview = self.command == "serve"
        if self.command == "serve" and self.config.snel:
            self.themes.keep(config.theme)
        if self.index is not None:
            self.index.cancel()
            self.index = None
        if self.config.zoeken and self.command != "serve":  # a build: the index's process starts while content loads
            self.index = BackgroundIndex(*self._where(config), direct=True)
        index = self.index  # a build's item pages go to its index as soon as they are rendered (load_site)
        early = None if index is None else lambda made: index.pages([(p.url, p.title, p.body) for p in made])
        site = self.loaded = self.site(config, early)  # once per build: each load looks at every file's time and size
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
        """Search is indexed by other processes from the pages in memory, handed over as soon as they are made; a
        preview shows the page first and makes its index after it."""
        pages = [(p.url, p.title, p.body) for p in site.pages[self.index.handed if self.index else 0:]]
        if self.index is not None:
            self.index.pages(pages)
        elif self.work is not None:
            self.work.pages, self.work.where = pages, self._where(config)

    def _files(self, files: Files, config: MkDocsConfig) -> Files:
        site = self.loaded or self.site(config)
        editable, own = bool(config.edit_uri), own_files(site)
        for file in files:  # hand-written pages are edited in docs/ (upstream's own: in a fork, not by the region)
            if file.is_documentation_page():
                if editable:  # None: MkDocs would otherwise link the page's own path
                    file.edit_uri = None if own else f"{Path(config.docs_dir).name}/{file.src_uri}"
                # Their macros show content (the home page's latest items): rebuilt every time, they are few.
                file.is_modified = lambda: True  # type: ignore[method-assign]
        minify_scripts(files, config)
        drop_unused_theme_files(files, config)
        self.bodies = {}
        self.shown = site.shown  # item pages already hyphenated while they were made (leerlandschap/parallel.py)
        self.hyphenated_before, self.hyphenated = self.hyphenated, {}
        for page, changed in self.rebuilds.sort(site.pages, config, files):  # a preview's save: only what it must write
            # MkDocs gets a placeholder; on_page_content puts the finished HTML in. Parsing that HTML again as
            # Markdown would only cost time (it is most of a build) and change nothing.
            self.bodies[page.src_uri] = page.body
            generated = File.generated(config, page.src_uri, content=page.markdown(PLACEHOLDER))
            if editable:  # the file the page comes from (in a fork only the region's own), else no link
                generated.edit_uri = page.source if page.source and page.source.startswith(own) else None
            if not changed:
                generated.is_modified = lambda: False  # type: ignore[method-assign]  # only a dirty rebuild asks
            files.append(generated)
        # A save's data files come after its page is shown (later.py); a preview's first build makes them itself (its
        # server is not up yet). A build writes them as it ends, beside the search index (on_post_build): made here,
        # they held back MkDocs' reading of the pages, and so the start of the index (0.7 s at 1000 items).
        later = self.work is not None and self.after.serving
        extras, notes = extra_files(site, config.site_url, data=self.work is not None and not later)
        if self.work is not None and later:
            self.work.data = (site, config.site_url or FALLBACK_URL)
        self.data_at_end = (site, config.site_url or FALLBACK_URL) if self.work is None else None
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
            ask_git_once()
        self.after.wrap(server)  # a save's background work waits for its page to be shown
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
        if self.page_problems:  # every page's front matter was read (MkDocs renders Markdown before on_env)
            found, self.page_problems = ContentError(self.page_problems), []
            raise Abort(f"De pagina's in docs/ bevatten {aantal(len(found.problems), 'probleem')}. Er is niets gebouwd.\n{found}")
        if self.index is not None:  # every page's content is known now
            self.index.start()
        return env

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        body = self.bodies.get(page.file.src_uri)
        if body is None and page.url not in NOT_SEARCHED:  # hand-written pages are searchable too
            keywords = page.meta.get("zoekwoorden") if isinstance(page.meta, dict) else None
            if problem := keywords_problem(keywords):
                self.page_problems.append(Problem(f"docs/{page.file.src_uri}", line_of_key(Path(page.file.abs_src_path or ""), "zoekwoorden"), problem))
            searched = with_keywords(html, keywords)
            if self.index is not None:
                self.index.add(page.url, page.title or "", searched)
            elif self.work is not None and self.work.where is not None:
                self.work.handwritten.append((page.url, page.title or "", searched))
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
        if self.data_at_end is not None:  # a build's calendars, feed, open data and vragen.json (_files)
            (site, site_url), self.data_at_end = self.data_at_end, None
            try:
                write_files(site.data_files(site_url), Path(config.site_dir))
            except Exception as error:  # no traceback for an author: the file when known, and what to do
                raise Abort(message(error, DATA_FILES)) from None
        self.rebuilds.done(Path(config.site_dir))
        self.markdown.done()
        if self.work is not None:  # the preview reloads now; search and the data files follow a moment later
            self.after.leave(self.work)
            self.work = None
        if self.index is None:
            return
        index, self.index = self.index, None
        try:
            index.write()
        except Exception as error:
            raise Abort(message(error, "de zoekindex")) from None

    def on_build_error(self, *, error: Exception) -> None:
        self.data_at_end = None
        self.rebuilds.failed()
        self.work = None
        if self.command == "serve":
            self.after.failed()
        if self.index is not None:
            self.index.cancel()
            self.index = None

