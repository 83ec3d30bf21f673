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


def test_the_pages_of_a_bouwsteen_cost_time_in_proportion_to_its_questions(monkeypatch):
    """Each question page walked its whole bouwsteen, every question of it, for hard words it never shows: one file
    of 6000 questions (370 kB, within the limits) took the build four minutes, 6000² texts. Now what the pages walk
    grows with the number of questions, not with its square."""
    import dataclasses

    from conftest import EXAMPLE_CONTENT
    from leerlandschap import kinds, pages
    from leerlandschap.loader import load_content
    from leerlandschap.model import Reflectievraag

    walked = []
    real = pages.texts_of
    monkeypatch.setattr(pages, "texts_of", lambda *things: walked.append(real(*things).count("\n") + 1) or real(*things))
    content = load_content(EXAMPLE_CONTENT)
    cost = {}
    for count in (500, 1000):
        bouwsteen = next(iter(content.of(kinds.BOUWSTEEN).values()))
        many = dataclasses.replace(bouwsteen, reflectievragen=tuple(
            Reflectievraag(f"v{i}", f"Vraag {i} over de CLM?", ("bestuurder",)) for i in range(count)))
        walked.clear()
        assert len(pages.PageMaker(content, buren=None).pages_of("bouwsteen", many)) == count + 1
        cost[count] = sum(walked)
    assert cost[1000] < 2.5 * cost[500], cost
