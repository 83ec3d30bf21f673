"""pages.one_block: a rendered page as one HTML block, with a line break wherever text touches a block's edge."""
from leerlandschap.pages import one_block


def test_text_touching_a_block_gets_a_line_break_on_that_side():
    assert one_block("<dl><dt>Status</dt><dd>actief</dd></dl>") == "<dl>\n<dt>Status</dt>\n<dd>actief</dd>\n</dl>"
    assert one_block("tekst<p>alinea</p>meer") == "tekst\n<p>alinea</p>\nmeer"
    assert one_block("regel<br>volgende<hr/>einde") == "regel\n<br>\nvolgende\n<hr/>\neinde"
    assert one_block('kop<h2 id="a">Titel</h2>') == 'kop\n<h2 id="a">Titel</h2>'


def test_inline_tags_and_tags_that_only_start_like_a_block_are_left_alone():
    # <b>, <span>, <a>, <brand> and <tdx> are no block tags: text stays against them
    assert one_block("a<b>vet</b>b<span>c</span>d<a href='x'>e</a>") == "a<b>vet</b>b<span>c</span>d<a href='x'>e</a>"
    assert one_block("x<brand>y</brand>z<tdx>w</tdx>") == "x<brand>y</brand>z<tdx>w</tdx>"


def test_existing_whitespace_is_kept_and_blank_lines_go():
    assert one_block("<p>a</p> <p>b</p>") == "<p>a</p> <p>b</p>"
    assert one_block("<p>a</p>\n\n   \n<p>b</p>\n") == "<p>a</p>\n<p>b</p>"
    assert one_block("") == ""
