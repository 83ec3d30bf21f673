"""Our scripts (docs/assets/*.js) reach the site without comments and spaces."""
from __future__ import annotations

from pathlib import Path

import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


def minify_scripts(files: Files, config: MkDocsConfig) -> None:
    """Our scripts (docs/assets/*.js) reach the site without comments and spaces: the search page's script is a part
    of every first search. rjsmin keeps strings and regular expressions as they are; it does not know template
    literals, which our scripts do not use (tests/test_page_scripts.py checks)."""
    for file in [f for f in files if f.src_uri.startswith("assets/") and f.src_uri.endswith(".js")]:
        if file.abs_src_path:
            files.remove(file)
            text = Path(file.abs_src_path).read_text(encoding="utf-8")
            files.append(File.generated(config, file.src_uri, content=rjsmin.jsmin(text)))
