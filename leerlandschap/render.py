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
from typing import cast
from urllib.parse import urlsplit

import jinja2
import markdown
import nh3
from markdown.inlinepatterns import (
    IMAGE_LINK_RE,
    IMAGE_REFERENCE_RE,
    LINK_RE,
    REFERENCE_RE,
    ImageInlineProcessor,
    ImageReferenceInlineProcessor,
    LinkInlineProcessor,
    ReferenceInlineProcessor,
    ShortImageReferenceInlineProcessor,
    ShortReferenceInlineProcessor,
)
from markupsafe import Markup, escape

from . import urls
from .templatecache import TemplateCache, cache_folder
from .textcheck import SINGLE_LINE_FORBIDDEN
from .voorbeeld import meeting_title, shown_title
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


MAX_LINK_TEXT = 1000  # characters the link parsers look ahead for the `]` of a `[`
MAX_LINK_TARGET = 2000  # characters of a link's (target "title")
MAX_LINK_DEPTH = 8  # brackets inside the brackets of a link text
_BRACKET = re.compile(r"[\[\]]")


class _BoundedText:
    """Python-Markdown's link parsers scan from every `[` to its `]`, to the end of the paragraph when there is none:
    thousands of unclosed `[` take minutes. Here a link text ends within MAX_LINK_TEXT characters or is no link
    (the checker refuses such text before a build; this keeps any other caller fast too)."""

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:  # noqa: N802 (Markdown's API)
        """Markdown's own LinkInlineProcessor.getText, with bounds on length and on brackets inside brackets."""
        depth = 1
        for bracket in _BRACKET.finditer(data, index, index + MAX_LINK_TEXT):
            depth += 1 if bracket.group() == "[" else -1
            if depth == 0:
                return data[index:bracket.start()], bracket.end(), True
            if depth > MAX_LINK_DEPTH:
                break
        return "", index, False

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:  # noqa: N802 (Markdown's API)
        """Markdown's own getLink (it walks to the `)` character by character), on at most MAX_LINK_TARGET characters."""
        end = index + MAX_LINK_TARGET
        if data.find(")", index, end) == -1:  # no link target can close here: skip the walk
            return "", None, index, False
        # a mixin: Markdown's class comes after it in the MRO, which mypy cannot see (hence the ignore)
        return cast("tuple[str, str | None, int, bool]", super().getLink(data[:end], index))  # type: ignore[misc]


class _Link(_BoundedText, LinkInlineProcessor):
    pass


class _Image(_BoundedText, ImageInlineProcessor):
    pass


class _Reference(_BoundedText, ReferenceInlineProcessor):
    pass


class _ShortReference(_BoundedText, ShortReferenceInlineProcessor):
    pass


class _ImageReference(_BoundedText, ImageReferenceInlineProcessor):
    pass


class _ShortImageReference(_BoundedText, ShortImageReferenceInlineProcessor):
    pass


class _SafeMarkdown(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")  # raw HTML blocks become escaped text
        md.inlinePatterns.deregister("html")  # inline tags too
        # the same patterns and priorities as Markdown's own (markdown.inlinepatterns.build_inlinepatterns)
        for processor, name, priority in ((_Reference(REFERENCE_RE, md), "reference", 170),
                                          (_Link(LINK_RE, md), "link", 160),
                                          (_Image(IMAGE_LINK_RE, md), "image_link", 150),
                                          (_ImageReference(IMAGE_REFERENCE_RE, md), "image_reference", 140),
                                          (_ShortReference(REFERENCE_RE, md), "short_reference", 130),
                                          (_ShortImageReference(IMAGE_REFERENCE_RE, md), "short_image_ref", 125)):
            md.inlinePatterns.register(processor, name, priority)


@functools.cache
def _markdown() -> markdown.Markdown:
    """One converter per process (reset before each text); made anew after a failed conversion, which can leave
    its state behind (an interrupted link would keep later links from being links)."""
    return markdown.Markdown(extensions=["sane_lists", "tables", _SafeMarkdown()], output_format="html")


def markdown_html(text: str | None) -> Markup:
    if not text:
        return Markup("")
    converter = _markdown()
    converter.reset()
    try:
        return Markup(sanitise(converter.convert(text)))
    except RecursionError:  # nesting the checker refuses (textcheck.MAX_NESTING): shown as plain text, never a crash
        _markdown.cache_clear()
        return Markup("<p>") + escape(text) + Markup("</p>")


# ASCII punctuation: every character Markdown, attribute lists ({: …}) or HTML could read as syntax
_SYNTAX = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def plain(text: str) -> Markup:
    """A setting (a region's name, a contact's role) as inert text for a hand-written Markdown page: every
    punctuation character as a numeric character reference, line breaks as spaces. Markdown leaves references as
    they are and the browser shows the character, so `![x](x){: onerror=…}` is shown as typed and never becomes an
    image, a link, an attribute or a tag. The one rule for settings printed into Markdown (macros.py)."""
    flat = " ".join(SINGLE_LINE_FORBIDDEN.sub(" ", str(text)).split())
    return Markup("".join(f"&#{ord(c)};" if c in _SYNTAX else c for c in flat))


def datum(value: datetime.date | None) -> str:
    """24 juni 2024"""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}" if value else ""


@jinja2.pass_context
def href(context: jinja2.runtime.Context, kind: str, ident: str | None = None, anchor: str = "") -> str:
    """Relative link from the page being rendered (`here`) to an item, or an overview without ident."""
    target = urls.item_url(kind, ident) if ident is not None else urls.overview_url(kind)
    return urls.relative(context["here"], target + (f"#{anchor}" if anchor else ""))


@jinja2.pass_context
def href_url(context: jinja2.runtime.Context, url: str) -> str:
    return urls.relative(context["here"], url)


@functools.cache
def environment(extra: tuple[Path, ...] = ()) -> jinja2.Environment:
    """One environment for every page maker: templates are compiled once per process (a preview makes a new
    PageMaker after every edit); the loader still notices an edited template by its modification time.
    `extra`: folders searched first (kinds.Registry.template_dirs, the templates of kinds added elsewhere)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*extra, TEMPLATES]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=TemplateCache(cache_folder()),  # compiled once, kept for later builds (templatecache.py)
    )
    env.filters["md"] = markdown_html
    env.filters["datum"] = datum
    env.filters["titel"] = shown_title  # an item's title as readers see it: labelled when it is an example
    env.globals.update(href=href, href_url=href_url, aantal=aantal, meeting_title=meeting_title)
    return env
