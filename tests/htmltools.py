"""HTML for tests, parsed by Beautiful Soup with lxml, plus the three helpers the tests share.

`parse(html)` returns the document; every element (`Element`) is a Beautiful Soup tag with `.tag` (its name),
`.has_class(name)` and `.all_text()`, every text node (`Text`) has `.tag == "#text"`; `.text` is the text inside
(of a text node: itself). Attribute values are plain strings (also `class` and `rel`), comments and the doctype are
dropped, and soft hyphens (U+00AD, put into long words of headings and table cells by leerlandschap/hyphenate.py) are
left out of text: they are invisible unless a line breaks there. The same text gives the same document (parsed once
per process): read it, never change it.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import ClassVar

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

SOFT_HYPHEN = "\u00ad"


class Text(NavigableString):
    tag = "#text"

    def __new__(cls, value: str):
        return super().__new__(cls, value.replace(SOFT_HYPHEN, ""))

    @property
    def text(self) -> str:  # type: ignore[override]
        return str(self)


class _Shared:
    # The strings get_text(), .strings and .text read: every Text, also inside <script>, <style> and <template>.
    MAIN_CONTENT_STRING_TYPES: ClassVar[frozenset[type]] = frozenset({Text})

    @property
    def tag(self) -> str:
        return self.name  # type: ignore[attr-defined]

    def has_class(self, name: str) -> bool:
        return name in (self.get("class") or "").split()  # type: ignore[attr-defined]

    def all_text(self) -> str:
        return self.get_text()  # type: ignore[attr-defined]


class Element(_Shared, Tag):
    pass


class Document(_Shared, BeautifulSoup):
    @property
    def tag(self) -> str:
        return "#document"


# The same text gives the same document, parsed once per test process: the tests of a file read the same built pages
# again and again (in a run of `pytest -m "not browser"` more than half of 2700 parses were repeats, 13 of 22 s).
# So a document is read, never changed.
@functools.lru_cache(maxsize=512)
def parse(html: str) -> Document:
    # Every string, also inside <script>/<style>/<template>, becomes a Text (no special string containers); attributes
    # are never split into lists.
    root = Document(html, "lxml", element_classes={Tag: Element, NavigableString: Text}, string_containers={},
                    multi_valued_attributes=None)
    for node in list(root.descendants):
        if isinstance(node, PreformattedString):  # comments, the doctype, processing instructions
            node.extract()
    return root


def parse_file(path: Path) -> Document:
    return parse(path.read_text(encoding="utf-8"))
