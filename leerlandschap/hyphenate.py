"""Dutch hyphenation for headings and table cells: soft hyphens (U+00AD) in long words, put in at build time.

On a phone a long Dutch compound ("contractvoortgangsgesprek") does not fit a heading or a narrow table column.
Without help the browser breaks it anywhere (`overflow-wrap`), which reads badly: "contractvoortgangsges-prek"
without even a hyphen. Browsers that would hyphenate themselves (`hyphens: auto`) need a Dutch dictionary that
Chromium on Linux does not have (checked in Debian's Chromium 156), so the kit puts soft hyphens at the syllable
boundaries that Pyphen's Dutch patterns (the ones LibreOffice uses) give. A soft hyphen is invisible unless the
line breaks there; then the reader sees a hyphen. Only the text between the tags changes, never tags, attributes
or entity references; script and style are left alone. Code (a field name such as `regio_toelichting` in a table)
gets no soft hyphens, which would be copied with it, but a line-break opportunity (<wbr>) after each underscore.
"""
from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

import pyphen

SHY = "\u00ad"
TARGETS = {"h1", "h2", "h3", "h4", "h5", "h6", "th", "td", "caption"}
CODE = {"code", "kbd", "samp", "pre"}
SKIP = {"script", "style", "textarea"}
MIN_LETTERS = 7  # shorter words fit every column the site has
_WORD = re.compile(rf"[^\W\d_]{{{MIN_LETTERS},}}")
_UNDERSCORE = re.compile(r"_(?=\w)")


@functools.cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL", left=3, right=3)


@functools.cache
def hyphenate_word(word: str) -> str:
    return _dictionary().inserted(word, hyphen=SHY)


def hyphenate_text(text: str) -> str:
    return _WORD.sub(lambda m: hyphenate_word(m.group(0)), text)


class _TextFinder(HTMLParser):
    """Where the text inside TARGETS elements starts: ((line, column), raw text, inside code or not)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.found: list[tuple[tuple[int, int], str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in TARGETS or tag in CODE or tag in SKIP:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open and self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not any(tag in TARGETS for tag in self.open) or any(tag in SKIP for tag in self.open):
            return
        in_code = any(tag in CODE for tag in self.open)
        if (_UNDERSCORE if in_code else _WORD).search(data):
            self.found.append((self.getpos(), data, in_code))


def hyphenate_html(html: str) -> str:
    finder = _TextFinder()
    finder.feed(html)
    finder.close()
    if not finder.found:
        return html
    starts = [0] + [m.end() for m in re.finditer("\n", html)]  # HTMLParser counts lines by "\n" only
    out: list[str] = []
    done = 0
    for (lineno, column), data, in_code in finder.found:
        at = starts[lineno - 1] + column
        if html[at:at + len(data)] != data:  # not where the parser said: leave this text as it is
            continue
        out.append(html[done:at])
        out.append(_UNDERSCORE.sub("_<wbr>", data) if in_code else hyphenate_text(data))
        done = at + len(data)
    out.append(html[done:])
    return "".join(out)
