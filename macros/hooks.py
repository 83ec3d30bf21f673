"""MkDocs glue (thin on purpose): check the content, then add the generated pages as virtual files.

Where a page comes from: leerlandschap/pages.py builds it from content/ with a template in
leerlandschap/templates/; this hook only hands it to MkDocs. Nothing generated is written to docs/.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from leerlandschap.problems import ContentError  # noqa: E402
from leerlandschap.searchindex import index_site  # noqa: E402
from leerlandschap.sitedata import load_site  # noqa: E402


def content_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent / "content"


def on_files(files, config):
    try:
        site = load_site(content_dir(config))
    except ContentError as error:
        raise Abort(f"De inhoud bevat {len(error.problems)} problemen. Er is niets gebouwd.\n{error}") from None
    for page in site.pages:
        files.append(File.generated(config, page.src_uri, content=page.markdown()))
    for path, text in site.files(config.site_url or "https://leerlandschap.invalid/").items():
        files.append(File.generated(config, path, content=text))  # calendars, feed, open data, vragen.json
    return files


def on_post_build(config):
    # `make serve` sets this so search works in the preview too; `make site` indexes in scripts/build.py.
    if os.environ.get("LEERLANDSCHAP_ZOEKINDEX") == "1":
        index_site(Path(config.site_dir))
