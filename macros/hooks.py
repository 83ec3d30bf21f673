"""MkDocs glue (thin on purpose): check the content, apply the region's site settings, add the generated pages.

Where a page comes from: leerlandschap/pages.py builds it from content/ (and regio/ in a fork) with a
template in leerlandschap/templates/; this hook only hands it to MkDocs. Nothing generated is written
to docs/.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from markupsafe import escape  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from leerlandschap.loader import ASSETS, REGIO_DIR  # noqa: E402
from leerlandschap.problems import ContentError  # noqa: E402
from leerlandschap.searchindex import index_site  # noqa: E402
from leerlandschap.sitedata import SiteData, load_site  # noqa: E402

PLACEHOLDER = "<!-- leerlandschap: generated page -->"
_bodies: dict[str, str] = {}  # src_uri -> HTML of the generated pages of the current build


def content_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent / "content"


def site_data(config) -> SiteData:
    try:
        return load_site(content_dir(config))
    except ContentError as error:
        raise Abort(f"De inhoud bevat {len(error.problems)} problemen. Er is niets gebouwd.\n{error}") from None


def edit_base(repository: str, branch: str) -> str:
    # An absolute edit_uri without repo_url: edit links work, and Material shows no repository widget
    # (which would call the GitHub API from every visitor's browser).
    marker = "/-/edit/" if "gitlab" in (urlsplit(repository).hostname or "") else "/edit/"
    return f"{repository.rstrip('/')}{marker}{branch}/"


def serving(config) -> bool:
    """True under `mkdocs serve`, which sets site_url to its own local address before building."""
    return urlsplit(config.site_url or "").netloc == f"{config.dev_addr.host}:{config.dev_addr.port}"


def on_config(config):
    site = site_data(config).content.regio.site
    # One rule, as for page titles (pages.GeneratedPage.markdown): Material prints the site's name and
    # description raw (MkDocs' Jinja has no autoescape), so they are escaped once, here. escape() returns
    # Markup, which `| e` in the templates and escape() in macros/main.py leave as it is: never twice.
    config.site_name = escape(site.naam or config.site_name)
    config.site_description = escape(site.beschrijving or config.site_description or "")
    if not serving(config):  # the preview keeps the address it is served at
        config.site_url = site.adres or config.site_url
    if site.repository:
        config.edit_uri = edit_base(site.repository, site.tak)
    if site.logo:
        config.theme["logo"] = f"regio/{site.logo}"
    if site.favicon:
        config.theme["favicon"] = f"regio/{site.favicon}"
    return config


def on_files(files, config):
    site = site_data(config)
    project = content_dir(config).parent
    editable = bool(config.edit_uri)
    for file in files:  # hand-written pages are edited in docs/
        if editable and file.is_documentation_page():
            file.edit_uri = f"{Path(config.docs_dir).name}/{file.src_uri}"
    _bodies.clear()
    for page in site.pages:
        # MkDocs gets a placeholder; on_page_content puts the finished HTML in. Parsing that HTML again as
        # Markdown would only cost time (it is most of a build) and change nothing.
        _bodies[page.src_uri] = page.body
        generated = File.generated(config, page.src_uri, content=page.markdown(PLACEHOLDER))
        if editable and page.source:  # the edit link opens the file the page comes from (content/ or regio/)
            generated.edit_uri = page.source
        files.append(generated)
    for path, text in site.files(config.site_url or "https://leerlandschap.invalid/").items():
        files.append(File.generated(config, path, content=text))  # calendars, feed, open data, vragen.json, colours
    # The editing page /beheer/: static files (not theme pages), so it stays out of the sitemap and the search index.
    editor = site.editor()
    if editor.missing:
        print(editor.missing, file=sys.stderr)
    for path, text in editor.texts.items():
        files.append(File.generated(config, path, content=text))
    for path, source in editor.copies.items():  # sveltia-cms.js and fonts, copied from node_modules as they are
        files.append(File.generated(config, path, abs_src_path=str(source)))
    # Only what the site shows is published from regio/assets/ (the checker made sure these files exist):
    # a README or a draft lying next to them stays out of the site.
    settings = site.content.regio.site
    for name in sorted({settings.logo, settings.favicon} - {""}):
        files.append(File.generated(config, f"regio/{name}", abs_src_path=str(project / REGIO_DIR / ASSETS / name)))
    return files


def on_page_content(html, page, config, files):
    body = _bodies.get(page.file.src_uri)
    return html if body is None else body


def on_post_build(config):
    # `make serve` sets this so search works in the preview too; `make site` indexes in scripts/build.py.
    if os.environ.get("LEERLANDSCHAP_ZOEKINDEX") == "1":
        index_site(Path(config.site_dir))
