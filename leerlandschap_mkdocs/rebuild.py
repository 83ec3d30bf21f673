"""What a preview's save hands to MkDocs: only the generated pages it must write again (`make serve`).

`mkdocs serve --dirty` keeps the site folder between saves and writes a page again only when its file says it was
modified. MkDocs still makes a File and a Page for every page on every save, reads it, works out its address and
puts it through every plugin event: about a millisecond per page, more than a second at a thousand items. A page
that is not in the navigation and whose title and HTML equal what the last good build wrote is left out of such a
save altogether: its file in the site folder is already what this save would write (nothing is removed from the
site folder on a dirty build). Pages in the navigation, and pages a hand-written page links to, always stay: every
page's menu and every link MkDocs checks are made as before.

Nothing is left out on a build that cleans the site folder (`mkdocs build`, `mkdocs serve` without `--dirty`), on
the first build of a preview, or when a setting that every page shows changed (the region's name, say). After a
failed build every page it was to write is written again. The sitemap lists every page: a save, which hands MkDocs
only some, puts the one of the last full build back.
"""
from __future__ import annotations

import functools
import gc
import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from watchdog.events import FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEvent, FileSystemEventHandler
from watchdog.observers.api import ObservedWatch

from leerlandschap.pages import GeneratedPage
from leerlandschap.safepaths import write_whole

Written = dict[str, tuple[str, str]]  # src_uri -> (title, HTML) of a generated page in the site folder
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")
CHANGES: list[type[FileSystemEvent]] = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent,
                                        FileClosedEvent]  # what a save does to a file (not opening or reading it)
QUIET = 0.05  # seconds without a change before a preview builds, when it hears changes through inotify
_MARKDOWN_LINK = re.compile(r"(?:\]\(|^\s*\[[^\]]+\]:)\s*<?([^)\s>#?]+\.md)\b", re.M)  # [x](a.md), [x]: a.md


class Rebuilds:
    """The generated pages of the last complete build of a preview, and what this build will add to them."""

    def __init__(self, dirty: bool) -> None:
        self.dirty = dirty  # the site folder keeps what earlier builds wrote (`--dirty`)
        self.written: Written = {}  # the last build that ended without error
        self.pending: Written = {}  # this build's, once it ends without error
        self.changed: set[str] = set()  # this build's pages that MkDocs writes again
        self.settings = ""  # what every page shows besides its own content, as of the last build that ended
        self.settings_now = ""
        self.sitemaps: dict[str, bytes] = {}  # the sitemap files of the last build that handed MkDocs every page

    def saving(self) -> bool:
        """This build is a save of a running preview: the site folder holds a complete earlier build."""
        return self.dirty and bool(self.written)

    def configure(self, config: MkDocsConfig) -> None:
        """Once the settings are final (the end of on_config): if one that every page shows changed, write all."""
        self.settings_now = repr([config.get(key) for key in _EVERY_PAGE] + sorted(config.theme.items()))
        if self.settings_now != self.settings:
            self.written = {}

    def sort(self, pages: Iterable[GeneratedPage], config: MkDocsConfig, files: Files) -> list[tuple[GeneratedPage, bool]]:
        """The pages to hand to MkDocs, each with whether it differs from the one in the site folder."""
        in_nav = set(_nav_sources(config.nav)) | _linked(files) if self.saving() else set()
        handed: list[tuple[GeneratedPage, bool]] = []
        self.pending, self.changed = {}, set()
        for page in pages:
            self.pending[page.src_uri] = (page.title, page.body)
            changed = self.written.get(page.src_uri) != (page.title, page.body)
            if changed:
                self.changed.add(page.src_uri)
            if changed or not self.saving() or page.src_uri in in_nav:
                handed.append((page, changed))
        return handed

    def done(self, site_dir: Path) -> None:
        """The build ended without error: its pages are the site folder's now."""
        if self.saving():  # the sitemap MkDocs just made lists only the pages this save handed it
            for name, data in self.sitemaps.items():
                write_whole(site_dir / name, data)  # the preview serves the folder
        elif self.dirty:
            self.sitemaps = {name: (site_dir / name).read_bytes() for name in SITEMAPS if (site_dir / name).is_file()}
            # What the first build made stays for as long as the preview runs (the model, the compiled templates):
            # kept out of the cycle collector's full rounds, which would otherwise walk all of it during every save.
            gc.collect()
            gc.freeze()
        self.written, self.pending, self.changed = self.pending, {}, set()
        self.settings = self.settings_now

    def failed(self) -> None:
        """The build stopped: the pages it was to write again may or may not be in the site folder now."""
        for src_uri in self.changed:
            self.written.pop(src_uri, None)
        self.pending, self.changed = {}, set()


_EVERY_PAGE = ("site_name", "site_description", "site_url", "site_author", "copyright", "edit_uri", "repo_url", "repo_name",
               "extra", "nav", "extra_css", "extra_javascript", "markdown_extensions", "mdx_configs")  # on every page


class KeptMarkdown:
    """A preview's hand-written pages (docs/) converted from Markdown once per text: a save converts again only a
    page whose Markdown (after its macros) changed. What Page.render sets is kept and set again; the links the page
    makes to other pages are part of the key (whether each target exists), and so are the settings (`Rebuilds`)."""

    def __init__(self) -> None:
        self.kept: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self.used: dict[tuple[Any, ...], tuple[Any, ...]] = {}  # this build's: what the next build may reuse

    def start(self) -> None:
        self.used = {}

    def done(self) -> None:
        self.kept, self.used = self.used, {}  # only the last complete build's texts are kept

    def render(self, page: Page, settings: str) -> Callable[[MkDocsConfig, Files], None]:
        def render(config: MkDocsConfig, files: Files) -> None:
            text = page.markdown or ""
            folder = posixpath.dirname(page.file.src_uri)
            targets = frozenset(target for target in _MARKDOWN_LINK.findall(text)
                                if files.get_file_from_path(posixpath.normpath(posixpath.join(folder, target))))
            key = (page.file.src_uri, text, settings, targets)
            if key in self.kept:
                content, toc, title, anchors, links = self.kept[key]
                page.content, page.toc, page._title_from_render, page.present_anchor_ids = content, toc, title, anchors
                if links is not None:  # by the files of this build (a File is made anew for every build)
                    page.links_to_anchors = {found: to for file, to in links.items()
                                             if (found := files.get_file_from_path(file.src_uri)) is not None}
            else:
                Page.render(page, config, files)
            self.used[key] = (page.content, page.toc, page._title_from_render, page.present_anchor_ids,
                              page.links_to_anchors)

        return render


def _linked(files: Files) -> set[str]:
    """The pages that the hand-written pages (docs/) link to in their Markdown."""
    found = set()
    for file in files.documentation_pages():
        if file.generated_by is None and file.abs_src_path:
            text = Path(file.abs_src_path).read_text(encoding="utf-8", errors="replace")
            folder = posixpath.dirname(file.src_uri)
            found |= {posixpath.normpath(posixpath.join(folder, target)) for target in _MARKDOWN_LINK.findall(text)}
    return found


def _nav_sources(nav: object) -> Iterable[str]:
    """Every page file named in mkdocs.yml's `nav:` (a list of strings and one-key mappings, nested)."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_sources(value)
    elif isinstance(nav, list):
        for value in nav:
            yield from _nav_sources(value)


def ask_git_once() -> None:
    """mkdocs-macros asks git thirteen questions (commit, tag, author, ...) on every build for its `git` variable, which
    none of our pages uses: thirteen processes, 0.05-0.1 s of every save. A preview's server asks once, at its first
    save, and keeps the answers for as long as it runs (a commit made meanwhile shows after a restart). Called from
    on_serve: only a `mkdocs serve` process is changed; a build asks as before."""
    from mkdocs_macros import context

    asked = context.get_git_info
    if getattr(asked, "leerlandschap", False):  # already kept
        return
    once = functools.cache(asked)

    def get_git_info() -> dict[str, Any]:
        return dict(once())  # a copy for each build, as a new answer would be

    get_git_info.leerlandschap = True  # type: ignore[attr-defined]
    context.get_git_info = get_git_info


def watch_quickly(server: LiveReloadServer) -> bool:
    """Let the preview hear of a save at once (Linux inotify) instead of finding it by looking at every watched file
    twice a second (MkDocs' polling observer: a quarter of a second late on average, and each look walks a thousand
    files while a save is being built). Where inotify does not work (not Linux, no watches left), nothing changes.
    Returns whether the quick way is used. Called from on_serve, before the watched paths of mkdocs.yml are added."""
    try:
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:  # not Linux
        return False

    class Changes(InotifyObserver):
        """Only changes count: inotify also tells of every file the build itself opens and reads."""

        def schedule(self, event_handler: FileSystemEventHandler, path: str | Path, *, recursive: bool = False,
                     event_filter: list[type[FileSystemEvent]] | None = None, follow_symlink: bool = False) -> ObservedWatch:
            return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or CHANGES,
                                    follow_symlink=follow_symlink)

    paths = dict(getattr(server, "_watched_paths", {}))  # what MkDocs already watches: docs/ and mkdocs.yml
    old, quick = server.observer, Changes()
    quick.start()  # started empty: every path below is watched at once, so a failure shows here and not in serve()
    for path, count in paths.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = quick  # type: ignore[assignment]  # MkDocs types it as its polling observer
    try:
        for path, count in paths.items():
            for _ in range(count):
                server.watch(path)
    except OSError:  # e.g. no inotify watches left: back to polling
        server.observer = old
        quick.stop()
        for path, count in paths.items():
            for _ in range(count):
                server.watch(path)
        return False
    quick.start = lambda: None  # type: ignore[method-assign]  # serve() starts its observer: this one runs already
    # MkDocs starts a build once no change has come for 0.1 s, time for a poll to find every file of one save. The
    # events of one save (a write, or a new file renamed into place) reach inotify within milliseconds of each other.
    server.build_delay = min(server.build_delay, QUIET)
    return True
