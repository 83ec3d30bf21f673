"""The scripts a site serves: ours (docs/assets/*.js, and the folders of parts that scriptparts.py joins) as one
file each, without comments and spaces; the theme's as they come (with the licence notices of the libraries inside
them), and not at all when no page loads them.

Material copies all its scripts into every site: its bundle, and its own search (lunr with its language files, the
search worker), also when its search plugin is off. No page of ours loads the bundle (overrides/main.html leaves it
out) and Pagefind searches, so without a search plugin of the theme none of them is served: they would only be
bytes to publish, and licences to carry (lunr's language files and word splitters have licences of their own)."""
from __future__ import annotations

from pathlib import Path

import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from .scriptparts import ScriptPartsError, joined_scripts

THEME_SCRIPTS = "assets/javascripts/"  # Material's bundle, its source map, lunr and the search worker
SEARCH_PLUGINS = ("material.plugins.search", "mkdocs.contrib.search")  # where a search plugin of the theme lives


def minify_scripts(files: Files, config: MkDocsConfig) -> None:
    """Our scripts (docs/assets/*.js) reach the site without comments and spaces: the search page's script is a part
    of every first search. rjsmin keeps strings and regular expressions as they are; it does not know template
    literals, which our scripts do not use (tests/test_page_scripts.py checks).

    A script kept as a folder of parts (docs/assets/vragenset/) is served as the one file the parts make together
    (assets/vragenset.js, same address as a single file); the parts are not served on their own."""
    docs = Path(config.docs_dir)
    try:
        scripts = joined_scripts(docs / "assets", docs.parent)
    except ScriptPartsError as error:
        raise Abort(str(error)) from None
    for script in scripts:
        inside = f"assets/{script.folder.name}/"
        for file in [f for f in files if f.src_uri.startswith(inside)]:
            files.remove(file)
    for file in [f for f in files if f.src_uri.startswith("assets/") and f.src_uri.endswith(".js")]:
        # Only ours: the theme's scripts come minified, and minifying again would drop the licence notices
        # (/*! … */) of the libraries inside them, which their licences ask to keep.
        if _from(docs.resolve(), file):
            files.remove(file)
            text = Path(str(file.abs_src_path)).read_text(encoding="utf-8")
            files.append(File.generated(config, file.src_uri, content=rjsmin.jsmin(text)))
    for script in scripts:
        files.append(File.generated(config, f"assets/{script.name}", content=rjsmin.jsmin(script.text)))


def drop_unused_theme_files(files: Files, config: MkDocsConfig) -> None:
    """Leave out Material's scripts when no search plugin of the theme runs (scripts/zoekkwaliteit.py adds one, and
    drives its search worker)."""
    if any(type(plugin).__module__.startswith(SEARCH_PLUGINS) for plugin in config.plugins.values()):
        return
    docs = Path(config.docs_dir).resolve()
    for file in [f for f in files if f.src_uri.startswith(THEME_SCRIPTS) and f.abs_src_path and not _from(docs, f)]:
        files.remove(file)


def _from(folder: Path, file: File) -> bool:
    """Whether the file is read from that folder (not made by a plugin, not the theme's)."""
    return bool(file.abs_src_path) and Path(str(file.abs_src_path)).resolve().is_relative_to(folder)
