"""The copy of Sveltia CMS that /beheer/ serves: changed at build time so it never even tries another host.

The pinned bundle (node_modules/@sveltia/cms/dist/sveltia-cms.js, MIT) starts requests of its own: three font
files from a CDN, an hourly update check against a package CDN, its translations and some optional libraries
from that CDN. A Content-Security-Policy refuses them, but the browser still attempts them. The served copy is
changed instead (the package in node_modules stays as it is):

  fonts          the CDN addresses become files this site serves (fonts/…)
  update check   never asked: an npm install is updated by `npm ci`, not by the page
  language tip   no "now available in English" banner: the editor is Dutch only
  zoom           its viewport tag no longer forbids zooming (maximum-scale=1; WCAG 1.4.4, axe meta-viewport)
  proef drafts   the test repository (proef mode) gets a name for its browser database, so Sveltia keeps draft
                 backups there too (it keeps them per repository, and the test repository had none)
  status checks  GitHub's and GitLab's status APIs are not asked: the address becomes a data: URL in the browser
                 that answers "no incident", so the editor shows no status and nothing is requested
  other CDN use  every remaining package-CDN address points at the site itself; nothing can reach another host.
                 The two modules our field type and previews need (React DOM, shipped in the package's
                 dist/chunks/, and immutable, a dependency npm installs beside it) are served where the bundle
                 looks for them (`modules`); the rest is never used by our configuration

Each change names what it expects to find. When a new bundle version no longer has it, `problems` says so and
/beheer/ is left out of the build with that line: a new version cannot silently bring the requests back
(tests/test_cms_bundle.py checks the pinned version).

The Dutch strings are the package's locales/nl.json with ours (templates/beheer-nl.json) laid over it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Font files on the CDN -> the file name under /beheer/fonts/ (cms_page.COPIED puts them there).
FONT_FILES = (
    (r"source-sans-3:vf@[\d.]+/latin-wght-normal\.woff2", "source-sans-3-latin.woff2"),
    (r"material-symbols-outlined:vf@[\d.]+/latin-wght-normal\.woff2", "material-symbols-outlined.woff2"),
    (r"noto-mono@[\d.]+/latin-400-normal\.woff2", "noto-mono-latin.woff2"),
)
FONT_CDN = "https://cdn.jsdelivr.net/fontsource/fonts/"
PACKAGE_CDN = "https://unpkg.com/"
LOCAL_CDN = "./geen-cdn/"  # relative to /beheer/: a request there stays on the site (and finds nothing)
# Status APIs of the git hosts that the editor asks on its own -> the answer "no incident", in the shape each gives.
STATUS_APIS = ((r"https://www\.githubstatus\.com/api/[^`]+", 'data:application/json,{"status":{"indicator":"none"}}'),
               (r"https://status-api\.hostedstatus\.com/[^`]+",
                'data:application/json,{"result":{"status_overall":{"status_code":100}}}'))
# Modules the bundle imports at run time that our field type and previews need -> their file under node_modules/.
MODULES = {"react-dom": "@sveltia/cms/dist/chunks/react-dom.js", "immutable": "immutable/dist/immutable.es.js"}
# Hosts the served bundle must not name at all after the changes (status pages may stay as links for people).
FORBIDDEN = ("unpkg.com", "cdn.jsdelivr.net", "fonts.googleapis.com", "fonts.gstatic.com", "esm.sh", "githubstatus.com/api",
             "hostedstatus.com")


@dataclass(frozen=True)
class Patched:
    text: str
    problems: tuple[str, ...]  # Dutch, one line each; empty when every change was made


def _update_check(text: str) -> tuple[str, int]:
    """The function that fetches `<cdn>/package.json` to compare versions: it returns "no newer version"."""
    names = re.findall(r"(\w+)=`\$\{\w+\}/package\.json`", text)
    count = 0
    for name in names:
        text, n = re.subn(rf"await fetch\({name}\)", "await Promise.reject(new Error(`geen updatecontrole`))", text)
        count += n
    return text, count


def _language_tip(text: str) -> tuple[str, int]:
    return re.subn(r"if\(await \w+\(`newLanguageCta`\)\)return;", "return;", text)


def _proef_drafts(text: str) -> tuple[str, int]:
    """The test backend (the one that signs in to the browser's private storage) gets `repository.databaseName`."""
    return re.subn(r"(isGit:!1,name:\w+,label:\w+,)(init:\(\)=>void 0,signIn:async\(\)=>\{try\{\w+=await \w+\(await "
                   r"navigator\.storage\.getDirectory\(\))", r"\1repository:{databaseName:`sveltia-cms-proef`},\2", text)


def _zoom(text: str) -> tuple[str, int]:
    return re.subn(r",`maximum-scale=1`(?=,)", "", text)


def _status_checks(text: str) -> tuple[str, int]:
    count = 0
    for pattern, answer in STATUS_APIS:
        text, n = re.subn(pattern, answer, text)
        count += n == 1
    return text, count if count == len(STATUS_APIS) else 0


def _fonts(text: str) -> tuple[str, int]:
    count = 0
    for pattern, name in FONT_FILES:
        text, n = re.subn(re.escape(FONT_CDN) + pattern, f"fonts/{name}", text)
        count += n == 1
    return text, count if count == len(FONT_FILES) else 0


def patch(bundle: str) -> Patched:
    problems = []
    text = bundle
    for label, change in (("de lettertypen", _fonts), ("de updatecontrole", _update_check),
                          ("de taaltip", _language_tip), ("de conceptopslag van de proefversie", _proef_drafts),
                          ("de zoomblokkade", _zoom), ("de statuscontrole", _status_checks)):
        text, count = change(text)
        if not count:
            problems.append(f"Let op: /beheer/ ontbreekt: in deze versie van Sveltia CMS is {label} niet te vinden "
                            "(zie leerlandschap/cms_bundle.py).")
    text = text.replace(PACKAGE_CDN, LOCAL_CDN)
    left = [host for host in FORBIDDEN if host in text]
    if left:
        problems.append(f"Let op: /beheer/ ontbreekt: Sveltia CMS noemt nog {', '.join(left)} "
                        "(zie leerlandschap/cms_bundle.py).")
    return Patched(text, tuple(problems))


def modules(bundle: str) -> dict[str, str]:
    """Modules the bundle imports at run time for custom field types and preview templates (beheer-datum.js,
    beheer-voorbeeld.js): path under /beheer/ -> path under node_modules/. React DOM is looked for next to the
    script first (chunks/); immutable at the package-CDN address, which `patch` made local (LOCAL_CDN)."""
    found = re.search(r"immutable:`\^?([\d.]+)`", bundle)
    served = {"chunks/react-dom.js": MODULES["react-dom"]}
    if found:
        served[f"{LOCAL_CDN[2:]}immutable@{found.group(1)}/dist/immutable.es.js"] = MODULES["immutable"]
    return served


def _set(tree: dict[str, Any], dotted: str, value: str) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        tree = tree.setdefault(part, {})
    tree[last] = value


def dutch_strings(package_nl: Path, overlay: Path) -> dict[str, Any]:
    """The package's Dutch strings with ours laid over them (dotted keys are nested keys; `_uitleg` is ours)."""
    strings: dict[str, Any] = json.loads(package_nl.read_text(encoding="utf-8"))
    for key, value in json.loads(overlay.read_text(encoding="utf-8")).items():
        if not key.startswith("_uitleg"):
            _set(strings, key, value)
    return strings
