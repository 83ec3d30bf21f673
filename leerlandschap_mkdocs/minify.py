"""Our scripts (docs/assets/*.js, and the folders of parts that scriptparts.py joins) reach the site as one file
each, without comments and spaces."""
from __future__ import annotations

from pathlib import Path

import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from .scriptparts import ScriptPartsError, joined_scripts


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
        if file.abs_src_path:
            files.remove(file)
            text = Path(file.abs_src_path).read_text(encoding="utf-8")
            files.append(File.generated(config, file.src_uri, content=rjsmin.jsmin(text)))
    for script in scripts:
        files.append(File.generated(config, f"assets/{script.name}", content=rjsmin.jsmin(script.text)))
