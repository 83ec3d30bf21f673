"""A small HTML reader for tests (stdlib only): elements with attributes, ids, and the text."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict
    text: str = ""
    parent: Element | None = None
    children: list = field(default_factory=list)

    def find_all(self, tag: str | None = None, **attrs) -> list[Element]:
        found = []
        for child in self.children:
            if (tag is None or child.tag == tag) and all(child.attrs.get(k) == v for k, v in attrs.items()):
                found.append(child)
            found += child.find_all(tag, **attrs)
        return found

    def has_class(self, name: str) -> bool:
        return name in (self.attrs.get("class") or "").split()

    def all_text(self) -> str:
        return self.text + "".join(child.all_text() for child in self.children)


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), parent=self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, dict(attrs), parent=self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        # Text is kept in order as a child so all_text() reads naturally; soft hyphens (U+00AD, put into long words
        # of headings and table cells by leerlandschap/hyphenate.py) are invisible unless a line breaks there.
        self.current.children.append(Element("#text", {}, text=data.replace("\u00ad", ""), parent=self.current))


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def parse_file(path: Path) -> Element:
    return parse(path.read_text(encoding="utf-8"))
