"""The HTML reader the tests share (tests/htmltools.py): what the security and content tests rely on it to see."""
from htmltools import parse

PAGE = """<!DOCTYPE html>
<html lang="nl"><head><title>Titel</title><script>alert('in een script')</script><style>p{color:red}</style></head>
<body><!-- een opmerking --><p class="ll-voorbeeld groot" hidden>Een <b>vet</b> woord</p>
<h2 id="kop">Samen&shy;werking</h2><p>na de kop</p><ul><li>een</li></ul>
<a href="/x" rel="edit noopener">bewerk</a><img src=x onerror=alert(1)>
</body></html>"""


def test_the_text_of_scripts_and_styles_is_read_too():
    root = parse(PAGE)
    assert [s.all_text() for s in root.find_all("script")] == ["alert('in een script')"]
    assert "alert('in een script')" in root.all_text() and "p{color:red}" in root.all_text()


def test_comments_and_the_doctype_are_not_text_and_soft_hyphens_are_left_out():
    root = parse(PAGE)
    assert "opmerking" not in root.all_text() and "DOCTYPE" not in root.all_text()
    assert [h.all_text() for h in root.find_all("h2")] == ["Samenwerking"]


def test_attributes_are_plain_strings_and_classes_are_words():
    root = parse(PAGE)
    [p] = [p for p in root.find_all("p") if p.has_class("ll-voorbeeld")]
    assert p.attrs["class"] == "ll-voorbeeld groot" and p.has_class("groot") and not p.has_class("voorbeeld")
    assert [a.attrs["rel"] for a in root.find_all("a")] == ["edit noopener"]
    [img] = root.find_all("img")
    assert img.attrs == {"src": "x", "onerror": "alert(1)"}  # an event handler stays visible to the checks


def test_text_nodes_and_elements_in_document_order():
    root = parse(PAGE)
    [p] = [p for p in root.find_all("p") if p.has_class("groot")]
    assert [(c.tag, c.text) for c in p.children] == [("#text", "Een "), ("b", "vet"), ("#text", " woord")]
    heading = root.find_all(id="kop")[0]
    assert heading.tag == "h2" and heading.parent.tag == "body" and root.tag == "#document"
    assert heading.find_next_sibling("p").all_text() == "na de kop"
    assert root.find_all("meta", attrs={"name": "description"}) == []
