"""What a preview's save does after its page is shown (`make serve`): the search index, and the files no page shows
(calendars, feed, open data, vragen.json).

MkDocs lets the waiting browser reload only when a save's build has returned. Work started before that competes with
the page: for Python's lock (a thread of this process) or for the two cores (the search index's process). So a save
hands this work to one thread that waits until its build has returned to the server and the browser has had a
moment to fetch the page (`GRACE`), then starts the index's process at a lower priority (a next save's build goes
first), writes the data files and swaps the new index in. A newer save stops an older save's work: only the newest
save's files are written, and they always are, so search never keeps a stale result for a changed page (a save that
fails keeps the last good save's pages, and that save's work is done after all). Without a server (the first build
of a preview, or builds run by a test) nothing waits.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer

from leerlandschap.begrippen import Begrippen
from leerlandschap.guard import message
from leerlandschap.searchbuild import BackgroundIndex
from leerlandschap.sitedata import SiteData

from .site import DATA_FILES, write_files

log = logging.getLogger("mkdocs.plugins.leerlandschap")
GRACE = 0.5  # seconds between a save's build returning and its work starting: the reloading browser fetches its page
Searched = tuple[str, str, str]  # (URL path, title, HTML body) of a page for the search index


@dataclass
class Work:
    """What one save leaves for after its page: the data files of `site`, and the search index of `pages` (generated)
    and `handwritten` (docs/, as MkDocs rendered them) into `where` (site/pagefind, the Begrippen page)."""

    site_dir: Path
    data: tuple[SiteData, str] | None = None  # the content, and the site's address the files name
    where: tuple[Path, Begrippen] | None = None
    pages: list[Searched] = field(default_factory=list)
    handwritten: list[Searched] = field(default_factory=list)


class AfterSave:
    """The background work of a preview's saves: `begin` when a build starts, `leave` its work when it ended without
    error (`failed` when it did not), `wrap` the server's builder so the work knows when the page can be fetched."""

    def __init__(self, grace: float = GRACE) -> None:
        self.grace = grace
        self.serving = False  # the builds after this are run by the preview's server (wrapped)
        self._state = threading.Condition()
        self._begun = 0  # builds begun
        self._returned = 0  # builds returned to the server
        self._index: BackgroundIndex | None = None  # the newest save's index being made
        self._unfinished: Work | None = None  # the last good save's work, until it is done
        self._writing = threading.Lock()

    def wrap(self, server: LiveReloadServer) -> None:
        """Called from on_serve, after the first build: every later build is run by `server.builder`."""
        build: Callable[..., Any] = server.builder

        def builder(*args: Any, **kwargs: Any) -> Any:
            try:
                return build(*args, **kwargs)
            finally:  # MkDocs makes the new pages visible right after this (or keeps the old ones after an error)
                with self._state:
                    self._returned = self._begun
                    self._state.notify_all()

        server.builder = builder
        self.serving = True

    def begin(self) -> None:
        """A build begins (on_config): what earlier saves were still making is no longer wanted."""
        with self._state:
            self._begun += 1
            save = self._begun
            index, self._index = self._index, None
            self._state.notify_all()
        if index is not None:  # stopped now; its files are removed once this build's page is shown (disk work)
            index.stop()
            threading.Thread(target=self._tidy, args=(index, save, self.serving, self.grace), name="zoekindex-stop",
                             daemon=True).start()

    def leave(self, work: Work) -> None:
        """The build that began last ended without error (on_post_build): its work, once its page can be fetched."""
        with self._state:
            save = self._begun
            self._unfinished = work
        threading.Thread(target=self._run, args=(save, work, self.serving, self.grace), name="na-opslaan", daemon=True).start()

    def failed(self) -> None:
        """The build that began last stopped with an error (on_build_error): the site keeps the last good save's
        pages, so that save's work is done, if this build stopped it."""
        with self._state:
            work = self._unfinished
        if work is not None:
            self.leave(work)

    def _tidy(self, index: BackgroundIndex, save: int, wait: bool, grace: float) -> None:
        if wait:
            with self._state:
                self._state.wait_for(lambda: self._returned >= save)
            time.sleep(grace)
        index.cancel()

    def _wanted(self, save: int) -> bool:
        return self._begun == save

    def _run(self, save: int, work: Work, wait: bool, grace: float) -> None:
        with self._state:
            if wait:  # first the page, and a moment for the browser to fetch it; a newer save ends the wait
                self._state.wait_for(lambda: self._returned >= save or not self._wanted(save))
                self._state.wait_for(lambda: not self._wanted(save), timeout=grace)
            if not self._wanted(save):
                return
        index = None
        if work.where is not None:  # its process makes the documents while this thread makes the data files
            index = BackgroundIndex(*work.where, nice=True)
            with self._state:
                if self._wanted(save):
                    self._index = index
                else:  # a newer save began meanwhile
                    index.stop()
        if index is not None:
            index.pages(work.pages)
            for url, title, html in work.handwritten:
                index.add(url, title, html)
        if work.data is not None and self._wanted(save):  # (a newer save's build would only have to share the core)
            self._write_data(save, *work.data, work.site_dir)
        if index is not None:
            try:
                index.write()
            except Exception as error:  # a preview keeps running; the next save tries again
                with self._state:
                    stopped = not self._wanted(save)
                if not stopped:
                    log.error(f"De zoekindex kon niet worden gemaakt: {error}")
        with self._state:
            if self._wanted(save) and self._unfinished is work:
                self._unfinished = None

    def _write_data(self, save: int, site: SiteData, site_url: str, site_dir: Path) -> None:
        try:
            made = site.data_files(site_url)
        except Exception as error:  # a preview keeps running; the next save tries again
            log.error(message(error, DATA_FILES))
            return
        with self._writing:
            if self._wanted(save):  # else a newer save writes its own
                write_files(made, site_dir)
