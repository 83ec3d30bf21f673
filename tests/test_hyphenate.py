"""Soft hyphens in headings and table cells (leerlandschap/hyphenate.py), read from the HTML with one tokenizer."""
from __future__ import annotations

import pytest

from leerlandschap.hyphenate import SHY, hyphenate_html, hyphenate_text

WORD = "samenwerkingsverband"
HYPHENATED = f"samen{SHY}wer{SHY}kings{SHY}ver{SHY}band"  # Dutch syllables (Pyphen's nl_NL patterns)


@pytest.mark.parametrize(("html", "expected"), [
    (f"<h2>{WORD}</h2>", f"<h2>{HYPHENATED}</h2>"),
    (f"<td>{WORD}</td><p>{WORD}</p>", f"<td>{HYPHENATED}</td><p>{WORD}</p>"),  # headings and cells only
    (f"<H1 class='x'>{WORD.capitalize()}</H1>", f"<H1 class='x'>Samen{SHY}wer{SHY}kings{SHY}ver{SHY}band</H1>"),
    # tags, attributes (also with ">" in a quoted value), comments and entity references stay as they are
    (f'<h3 title="a>{WORD}">{WORD}<!-- {WORD} --></h3>', f'<h3 title="a>{WORD}">{HYPHENATED}<!-- {WORD} --></h3>'),
    (f"<th>&amp;{WORD}&ThickSpace;{WORD}</th>", f"<th>&amp;{HYPHENATED}&ThickSpace;{HYPHENATED}</th>"),
    # script, style and textarea are never changed, not even inside a heading; "<h1>" inside a script is no tag
    (f'<h2><script>var s = "<h1>{WORD}";</script>{WORD}</h2><p>{WORD}</p>',
     f'<h2><script>var s = "<h1>{WORD}";</script>{HYPHENATED}</h2><p>{WORD}</p>'),
    (f"<th><textarea>{WORD}</textarea>{WORD}</th>", f"<th><textarea>{WORD}</textarea>{HYPHENATED}</th>"),
    (f"<style>h2::after{{content:'{WORD}'}}</style><h2>kort</h2>", f"<style>h2::after{{content:'{WORD}'}}</style><h2>kort</h2>"),
    # code: no soft hyphens (they would be copied), a line-break chance after each underscore
    (f"<td><code>regio_toelichting_lang</code> {WORD}</td>", f"<td><code>regio_<wbr>toelichting_<wbr>lang</code> {HYPHENATED}</td>"),
    # an end tag closes the elements opened inside it; text after the heading is left alone
    (f"<h2><em>{WORD}</h2>{WORD}", f"<h2><em>{HYPHENATED}</h2>{WORD}"),
    ("<h2>kort woord</h2>", "<h2>kort woord</h2>"),  # fewer than seven letters: nothing
    # outside headings and cells: what only looks like such a tag opens nothing, and a real one after it still counts
    (f"<!-- <h2>{WORD}</h2> --><h3>{WORD}</h3>", f"<!-- <h2>{WORD}</h2> --><h3>{HYPHENATED}</h3>"),
    (f'<a title="<h2>{WORD}">{WORD}</a><td>{WORD}</td>', f'<a title="<h2>{WORD}">{WORD}</a><td>{HYPHENATED}</td>'),
    (f"<p>1 < 2, {WORD}</p><h2>{WORD}</h2>", f"<p>1 < 2, {WORD}</p><h2>{HYPHENATED}</h2>"),
    (f"</ h2>{WORD}<th>{WORD}</th>", f"</ h2>{WORD}<th>{HYPHENATED}</th>"),
    (f"<h2x>{WORD}</h2x><h2/>{WORD}", f"<h2x>{WORD}</h2x><h2/>{HYPHENATED}"),  # <h2x> is another element
    (f"<div class='x>{WORD}<caption>{WORD}</caption>", f"<div class='x>{WORD}<caption>{HYPHENATED}</caption>"),
    (f"<!-- niet gesloten <h2>{WORD}", f"<!-- niet gesloten <h2>{WORD}"),
    (f"<!DOCTYPE html><?x {WORD}?><TD>{WORD}</TD>", f"<!DOCTYPE html><?x {WORD}?><TD>{HYPHENATED}</TD>"),
])
def test_long_words_in_headings_and_cells_get_soft_hyphens(html, expected):
    assert hyphenate_html(html) == expected


def test_a_page_without_such_words_is_returned_unchanged():
    html = "<!DOCTYPE html><html><head><title>samenwerkingsverband</title></head><body><p>x</p></body></html>"
    assert hyphenate_html(html) == html


def test_a_run_of_letters_longer_than_any_word_is_left_as_it_is():
    # pasted junk of thousands of letters passes the checker; hyphenating it cost seconds and helps nobody
    junk = "bestuur" * 9  # 63 letters
    assert hyphenate_text(f"{junk} contractvoortgangsgesprek") == f"{junk} con\u00adtract\u00advoort\u00adgangs\u00adge\u00adsprek"
    assert "\u00ad" in hyphenate_text("b" * 7 + "contractvoortgangsgesprek")  # 32 letters: still a word
