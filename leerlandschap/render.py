"""Turning data into HTML safely: our own Jinja environment and a sanitising Markdown filter.

Content is data, never code. Templates are ours; values from content only ever arrive as
variables, and autoescape turns `<script>` into text. `{{ 7*7 }}` in a content field is a string
like any other: nothing here renders content as a template. Markdown fields go through
Python-Markdown with raw HTML switched off, and its HTML through the sanitiser nh3 (see `sanitise`).
"""
from __future__ import annotations

import datetime
import functools
import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import markdown
import nh3
from markupsafe import Markup, escape

from . import urls
from .woorden import aantal

TEMPLATES = Path(__file__).resolve().parent / "templates"
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
# What our Markdown produces, and nothing else. Everything else loses its tag (its text stays), and
# <script>/<style> lose their content too (nh3's default).
ALLOWED_TAGS = frozenset({"p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
                          "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "a", "img"})
ALLOWED_ATTRIBUTES = {"a": frozenset({"href", "title"}), "img": frozenset({"src", "alt", "title"}),
                      "ol": frozenset({"start"})}
# Link targets: these schemes, or relative (#anchor, page/, ../x/). nh3 reads a URL the way a browser does
# (entities such as &#58; and &colon; decoded, tabs and newlines removed) before it checks the scheme.
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def _image_source(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: an image may only show a file of the site itself (no third-party requests).

    nh3 hands over the decoded value, after its scheme check. urlsplit strips what browsers strip (leading
    control characters and spaces; tabs and newlines anywhere); backslashes are replaced because browsers
    read them as slashes in http(s) URLs (`/\\host` is `//host`). What is left must be a relative path:
    no scheme, no host, and no leading `/` (which could become `//host`, and leaves a site that is served
    from a sub-folder anyway).
    """
    if (tag, attribute) != ("img", "src"):
        return value
    try:
        parts = urlsplit(value.replace("\\", "/"))
    except ValueError:  # e.g. an unclosed [ in a host
        return None
    return value if not parts.scheme and not parts.netloc and parts.path and not parts.path.startswith("/") else None


_CLEANER = nh3.Cleaner(tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                       attribute_filter=_image_source, link_rel=None, strip_comments=True)
# nh3 can drop attributes, not elements: an image without its source is left as `<img alt="…">`. nh3's
# serialiser writes each attribute as ` name="value"` with `"`, `<`, `>` and `&` escaped, so this pattern
# reads every <img> of its output exactly. Such an image becomes its alt text (escaped again).
_IMG = re.compile(r'<img((?: [\w-]+="[^"]*")*)>')
_ATTRIBUTE = re.compile(r' ([\w-]+)="([^"]*)"')


def _image_or_alt(match: re.Match[str]) -> str:
    attributes = dict(_ATTRIBUTE.findall(match.group(1)))
    return match.group(0) if "src" in attributes else str(escape(html.unescape(attributes.get("alt", ""))))


def sanitise(fragment: str) -> str:
    """An HTML fragment with only the allowed tags, attributes and link targets, and images of the site only."""
    return _IMG.sub(_image_or_alt, _CLEANER.clean(fragment))


class _SafeMarkdown(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")  # raw HTML blocks become escaped text
        md.inlinePatterns.deregister("html")  # inline tags too


_MD = markdown.Markdown(extensions=["sane_lists", "tables", _SafeMarkdown()], output_format="html")


def markdown_html(text: str | None) -> Markup:
    if not text:
        return Markup("")
    _MD.reset()
    return Markup(sanitise(_MD.convert(text)))


def datum(value: datetime.date | None) -> str:
    """24 juni 2024"""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}" if value else ""


@jinja2.pass_context
def href(context, kind: str, ident: str | None = None, anchor: str = "") -> str:
    """Relative link from the page being rendered (`here`) to an item, or an overview without ident."""
    target = urls.item_url(kind, ident) if ident is not None else urls.overview_url(kind)
    return urls.relative(context["here"], target + (f"#{anchor}" if anchor else ""))


@jinja2.pass_context
def href_url(context, url: str) -> str:
    return urls.relative(context["here"], url)


@functools.cache
def environment() -> jinja2.Environment:
    """One environment for every page maker: templates are compiled once per process (a preview makes a new
    PageMaker after every edit); the loader still notices an edited template by its modification time."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_html
    env.filters["datum"] = datum
    env.globals.update(href=href, href_url=href_url, aantal=aantal)
    return env
