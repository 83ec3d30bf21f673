"""Turning data into HTML safely: our own Jinja environment and a sanitising Markdown filter.

Content is data, never code. Templates are ours; values from content only ever arrive as
variables, and autoescape turns `<script>` into text. `{{ 7*7 }}` in a content field is a string
like any other: nothing here renders content as a template. Markdown fields go through
Python-Markdown with raw HTML switched off and a tree pass that drops unsafe URLs.
"""
from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as etree  # noqa: N813 (Markdown's own name for it)
from pathlib import Path

import jinja2
import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from . import urls

TEMPLATES = Path(__file__).resolve().parent / "templates"
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
_SAFE_LINK = re.compile(r"(https?:|mailto:|#|[^:]*$)", re.I)  # http(s), mailto, anchors, or relative


class _DropUnsafeUrls(Treeprocessor):
    """Links may point anywhere safe; images only to files of the site itself (no third-party requests)."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "a" and not _SAFE_LINK.match(child.get("href", "").strip()):
                    child.attrib.pop("href", None)
                if child.tag == "img":
                    src = child.get("src", "").strip()
                    if ":" in src or src.startswith("//"):
                        span = etree.Element("span")
                        span.text, span.tail = child.get("alt", ""), child.tail
                        parent[list(parent).index(child)] = span


class _SafeMarkdown(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")  # raw HTML blocks become escaped text
        md.inlinePatterns.deregister("html")  # inline tags too
        md.treeprocessors.register(_DropUnsafeUrls(md), "drop_unsafe_urls", 0)


_MD = markdown.Markdown(extensions=["sane_lists", "tables", _SafeMarkdown()], output_format="html")


def markdown_html(text: str | None) -> Markup:
    if not text:
        return Markup("")
    _MD.reset()
    return Markup(_MD.convert(text))


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


def environment() -> jinja2.Environment:
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
    env.globals.update(href=href, href_url=href_url)
    return env
