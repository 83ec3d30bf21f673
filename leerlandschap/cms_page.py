"""The files of the editing page /beheer/: the page with its start screen, its script, the configuration and the
served copy of Sveltia CMS (cms_bundle.py), all made at build time.

cms.py turns the schemas into Sveltia's configuration; this module puts the page together. The page
(templates/beheer.html) allows requests to nothing but the site and the region's git host
(Content-Security-Policy); the fonts and the two modules our date field and previews need (React DOM, immutable:
cms_bundle.modules) are served by the site, and the Dutch strings (the package's locales/nl.json
with templates/beheer-nl.json over it) are handed to Sveltia in the browser, so nothing is fetched from a CDN.
The plugin (leerlandschap_mkdocs/site.py) copies the result into the site.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import cms_bundle, cms_hints
from .cms import PACKAGE, SECTION, config, config_yaml
from .cms_backend import git_host
from .cms_preview import preview_words
from .cms_rules import save_rules
from .discover import read_files
from .model import Content
from .regiomodel import Beheer
from .render import MONTHS, TEMPLATES, environment

FONTS = Path("node_modules") / "@fontsource-variable"
BUNDLE = PACKAGE / "dist" / "sveltia-cms.js"
# Files copied from node_modules into /beheer/: path in the site -> path under the project. The names of the font
# files are the ones cms_bundle.FONT_FILES gives the bundle.
COPIED = {
    "fonts/material-symbols-outlined.woff2": FONTS / "material-symbols-outlined" / "files" / "material-symbols-outlined-latin-wght-normal.woff2",
    "fonts/source-sans-3-latin.woff2": FONTS / "source-sans-3" / "files" / "source-sans-3-latin-wght-normal.woff2",
    "fonts/source-sans-3-latin-ext.woff2": FONTS / "source-sans-3" / "files" / "source-sans-3-latin-ext-wght-normal.woff2",
    "fonts/source-sans-3-latin-italic.woff2": FONTS / "source-sans-3" / "files" / "source-sans-3-latin-wght-italic.woff2",
}
NOTO_MONO = (PACKAGE / "npm" / "assets", "noto-mono-latin-400-normal-*.woff2")  # the package's own copy (OFL)
LOCALE = PACKAGE / "locales" / "nl.json"
OUR_STRINGS = TEMPLATES / "beheer-nl.json"


def csp(beheer: Beheer) -> str:
    """Content-Security-Policy of the page: the site itself, and the configured git host for its API."""
    host = git_host(beheer)
    connect = " ".join(["'self'", "blob:", "data:", *([host] if host else [])])  # data:/blob: stay in the browser
    images = " ".join(["'self'", "blob:", "data:", *([host] if beheer.platform == "gitlab" else [])])
    return "; ".join(["default-src 'none'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "font-src 'self'",
                      f"img-src {images}", f"connect-src {connect}", "manifest-src 'self' blob: data:",
                      "frame-src blob:", "base-uri 'none'", "form-action 'none'", "object-src 'none'"])


def proef_files(content_dir: Path) -> dict[str, str]:
    """proef mode: every content file the site is made of, path -> text, to seed the test repository. Exactly the
    files the loader reads (discover.read_files): a hidden file, a file in a folder that is not read or a link to
    a file elsewhere (the build's environment, a key) never reaches the published proef.json."""
    content_dir = Path(content_dir).resolve()
    project = content_dir.parent
    return {path.relative_to(project).as_posix(): path.read_text(encoding="utf-8") for path in read_files(content_dir)}


@dataclass(frozen=True)
class EditorFiles:
    """Everything /beheer/ needs: generated text files and files copied from node_modules (paths in the site)."""

    texts: dict[str, str] = field(default_factory=dict)
    copies: dict[str, Path] = field(default_factory=dict)
    missing: str = ""  # Dutch lines when the page cannot be built (then texts and copies are empty)


def copied(project: Path) -> dict[str, Path]:
    """Path in /beheer/ -> file under the project; {} when one of them is not there."""
    folder, pattern = NOTO_MONO
    noto = sorted((project / folder).glob(pattern))
    files = {path: project / source for path, source in COPIED.items()}
    if not noto or not all(f.is_file() for f in files.values()):
        return {}
    return {**files, "fonts/noto-mono-latin.woff2": noto[0]}


def missing_reason(project: Path) -> str:
    """Why /beheer/ cannot be built here, in one Dutch line; "" when it can."""
    needed = (BUNDLE, LOCALE, PACKAGE / "package.json", *(Path("node_modules") / m for m in cms_bundle.MODULES.values()))
    if copied(project) and all((project / source).is_file() for source in needed):
        return ""
    if shutil.which("npm") is None:
        return "Let op: /beheer/ ontbreekt, want Node.js (npm) is niet geïnstalleerd. De rest van de site wordt wel gebouwd."
    return ("Let op: /beheer/ ontbreekt, want de npm-pakketten zijn niet geïnstalleerd (draai 'npm ci' of 'make site'). "
            "De rest van de site wordt wel gebouwd.")


def editor_files(content: Content, content_dir: Path) -> EditorFiles:
    content_dir = Path(content_dir).resolve()
    project = content_dir.parent
    reason = missing_reason(project)
    if reason:
        return EditorFiles(missing=reason)
    bundle = cms_bundle.patch((project / BUNDLE).read_text(encoding="utf-8"))
    if bundle.problems:
        return EditorFiles(missing="\n".join(bundle.problems))
    beheer = content.regio.beheer
    version = json.loads((project / PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    strings = cms_bundle.dutch_strings(project / LOCALE, OUR_STRINGS)
    env = environment()
    site_name = content.regio.site.naam or content.regio.naam
    proef = beheer.platform == "proef"
    settings = config(content, content_dir)
    tafels = {c["name"]: c["label"] for c in settings["collections"] if c.get("name", "").startswith("bijeenkomsten-")}
    texts = {
        f"{SECTION}/index.html": env.get_template("beheer.html").render(csp=csp(beheer), site_name=site_name, beheer=beheer),
        f"{SECTION}/config.yml": config_yaml(settings),
        f"{SECTION}/beheer.js": env.get_template("beheer.js").render(version=version, strings=strings, proef=proef,
                                                                    months=MONTHS, date_hint=cms_hints.DATE.strip(),
                                                                    preview_words=preview_words(tafels, settings),
                                                                    save_rules=save_rules(settings, content)),
        f"{SECTION}/sveltia-cms.js": bundle.text,
        f"{SECTION}/voorbeeld.css": (TEMPLATES / "beheer-voorbeeld.css").read_text(encoding="utf-8"),
    }
    if proef:
        texts[f"{SECTION}/proef.json"] = json.dumps(proef_files(content_dir), ensure_ascii=False, sort_keys=True)
    copies = {f"{SECTION}/{path}": source for path, source in copied(project).items()}
    # React DOM and immutable, for our date field and previews (cms_bundle.modules): served, never fetched elsewhere.
    copies.update({f"{SECTION}/{path}": project / "node_modules" / source
                   for path, source in cms_bundle.modules(bundle.text).items()})
    return EditorFiles(texts, copies)
