"""The YAML reader: line numbers, YAML 1.1 surprises reported instead of guessed, and no way to knock it over."""
import re

import pytest
import yaml

from leerlandschap import yamlsource
from leerlandschap.problems import Problem
from leerlandschap.yamlsource import MAX_BYTES, read_yaml


def read(text):
    return read_yaml(text, "x.yml")


def messages(text):
    return [f"{p.line}: {p.message}" for p in read(text)[1]]


def test_values_and_lines():
    doc, problems = read("# comment\ntitel: Iets\nvolgorde: 3\nlijst:\n  - een\n  - twee\n")
    assert problems == []
    assert doc.data == {"titel": "Iets", "volgorde": 3, "lijst": ["een", "twee"]}
    assert doc.lines[("lijst", 1)] == 6
    assert doc.key_lines[("volgorde",)] == 3
    assert doc.line_of(("lijst", 7, "x")) == 5  # falls back to the nearest known parent: the list


def test_quoted_and_block_text_stay_text():
    doc, problems = read('a: "no"\nb: \'17:30\'\nc: |\n  on\nd: "2024-01-01"\n')
    assert problems == []
    assert doc.data == {"a": "no", "b": "17:30", "c": "on\n", "d": "2024-01-01"}
    assert doc.date_scalars == set()


def test_yaml11_booleans_are_reported_with_the_field():
    assert messages("samenvatting: no\n") == [
        "1: samenvatting: 'no' wordt in YAML gelezen als ja/nee-waarde (false), niet als tekst. Bedoel je tekst? "
        "Zet die tussen aanhalingstekens: \"no\". Bedoel je ja of nee? Schrijf dan true of false."]
    assert len(messages("a: on\nb: Yes\nc: OFF\n")) == 3
    doc, problems = read("a: true\nb: False\n")
    assert problems == [] and doc.data == {"a": True, "b": False}


def test_dutch_words_are_plain_text():
    doc, problems = read("a: nee\nb: ja\n")
    assert problems == [] and doc.data == {"a": "nee", "b": "ja"}


def test_numbers_read_otherwise_than_written():
    assert messages("tijd: 17:30\n") == [
        "1: tijd: '17:30' wordt in YAML gelezen als het getal 1050. Zet het tussen aanhalingstekens: \"17:30\"."]
    assert messages("a: 010\n") == ["1: a: '010' wordt in YAML gelezen als het getal 8. Zet het tussen aanhalingstekens: \"010\"."]
    doc, problems = read("a: 10\nb: -2\nc: 1.5\n")
    assert problems == [] and doc.data == {"a": 10, "b": -2, "c": 1.5}


def test_dates_stay_text_and_are_remembered():
    doc, problems = read("datum: 2024-06-24\n")
    assert problems == [] and doc.data == {"datum": "2024-06-24"}
    assert doc.date_scalars == {("datum",)}
    assert messages("datum: 2024-06-24 10:00:00\n")[0].startswith("1: datum: '2024-06-24 10:00:00' wordt in YAML gelezen als datum en tijd.")


def test_duplicate_keys_name_both_lines():
    assert messages("titel: a\ntekst: b\ntitel: c\n") == [
        "3: Het veld 'titel' staat hier twee keer (ook op regel 1). Haal er één weg."]


def test_tabs_empty_and_syntax_errors():
    assert messages("a: 1\n\tb: 2\nc:\t3\n") == [
        "2: Er staat een tab-teken op deze regel. Gebruik spaties in plaats van tabs.",
        "3: Er staat een tab-teken op deze regel. Gebruik spaties in plaats van tabs."]
    assert messages("") == ["1: Het bestand is leeg. Vul de velden in of verwijder het bestand."]
    assert messages("# only\n\n") == ["1: Het bestand is leeg. Vul de velden in of verwijder het bestand."]
    assert messages("a: b\nc: d: e\n")[0].startswith("2: Er staat een dubbele punt (:) op een plek waar dat niet kan.")
    assert messages('a: "open\n')[0].startswith("2: ")


def test_a_tab_inside_a_text_does_not_hide_the_files_other_problems():
    """Every problem at once: text pasted from Word may hold a tab. It is said, and the file is read on with a space
    in its place, so a second problem in the same file is said in the same check. A tab in the indentation changes
    the structure: then only the tab is said, as the other messages would mislead."""
    tab = "Er staat een tab-teken op deze regel. Gebruik spaties in plaats van tabs."
    assert messages('titel: "Overleg\tjongeren"\ntekst: a\ntitel: b\n') == [
        f"1: {tab}", "3: Het veld 'titel' staat hier twee keer (ook op regel 1). Haal er één weg."]
    doc, problems = read('a: "x\ty"\nb: 2\n')
    assert [p.line for p in problems] == [1] and doc is not None and doc.data == {"a": "x y", "b": 2}
    invisible = messages("a: x\x00y\nb: 1\na: 2\n")  # a NUL in a text, and a field twice
    assert invisible[0].startswith("1: Er staat een onzichtbaar teken op deze regel") and len(invisible) == 2
    assert invisible[1].startswith("3: Het veld 'a' staat hier twee keer")
    assert messages("a:\n\t- b\nc: [\n") == [f"2: {tab}"]  # in the indentation: the structure is not read on
    assert messages('a: "x\ty"\nc: [\n') == [f"1: {tab}"]  # unreadable on: ours are all (as before)


ANCHORS = "Een & of * aan het begin van een waarde kan hier niet. Schrijf de tekst voluit, of zet hem tussen aanhalingstekens."
TAGS = ("aan het begin van een waarde kan hier niet. Haal het uitroepteken en wat erbij hoort weg. Begint je tekst met een "
        "uitroepteken (!)? Zet de tekst dan tussen aanhalingstekens.")
DEPTH = ("Hier zitten meer dan 20 lijsten of blokken in elkaar. Zo diep gaat geen enkel veld. Controleer de haakjes "
         "([ ] en { }) en de inspringing. De rest van het bestand is niet gelezen.")


def test_anchors_aliases_and_merge_keys_are_refused_unexpanded():
    assert read("a: &x tekst\nb: *x\nc:\n  <<: *x\n") == (None, [
        Problem("x.yml", 1, ANCHORS), Problem("x.yml", 2, ANCHORS),
        Problem("x.yml", 4, "Samenvoegen met << is in deze bestanden niet toegestaan. Schrijf de velden voluit."),
        Problem("x.yml", 4, ANCHORS)])
    laughs = "a0: &a0 [lol]\n" + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 30))
    assert messages(laughs) == [f"{n}: {ANCHORS}" for n in range(1, 31)]  # one per line, found in linear time
    assert messages("a: *nergens\n") == [f"1: {ANCHORS}"]
    assert messages("<<: {a: 1}\n") == ["1: Samenvoegen met << is in deze bestanden niet toegestaan. Schrijf de velden voluit."]
    assert messages("'<<': 1\n") == ["1: Hier hoort de naam van een veld te staan, gevolgd door een dubbele punt."]
    doc, problems = read("a: 'Tom & Jerry *'\nb: \"&x *y\"\n")
    assert problems == [] and doc.data == {"a": "Tom & Jerry *", "b": "&x *y"}


def test_tags_are_refused_on_every_kind_of_node():
    assert messages("a: !!str 1\nb: !!python/object/apply:os.system [echo]\nc: !!map {d: 1}\n!!str e: f\ng: !foo x\n"
                    "h: ! x\ni: !<tag:yaml.org,2002:str> x\nj: !!binary aGk=\n") == [
        f"1: '!!str' {TAGS}", f"2: '!!python/object/apply:os.system' {TAGS}", f"3: '!!map' {TAGS}", f"4: '!!str' {TAGS}",
        f"5: '!foo' {TAGS}", f"6: '!' {TAGS}", f"7: '!!str' {TAGS}", f"8: '!!binary' {TAGS}"]
    assert messages("lijst: !!str\n  - een\n  - twee\n") == [f"1: '!!str' {TAGS}"]  # once dropped silently
    assert messages("a: !x!y b\n") == ["1: Een uitroepteken (!) " + TAGS]
    doc, problems = read("a: \"!!str\"\nb: 'Ja!'\nc: Nu!\n")
    assert problems == [] and doc.data == {"a": "!!str", "b": "Ja!", "c": "Nu!"}


def test_nesting_depth_is_bounded_before_anything_is_built():
    doc, problems = read("a: " + "[" * 19 + "x" + "]" * 19 + "\n")  # 20 levels with the file itself
    assert problems == [] and doc.line_of(("a",) + (0,) * 18) == 1
    assert messages("a: " + "[" * 20 + "x" + "]" * 20 + "\n") == [f"1: {DEPTH}"]
    assert messages("titel: " + "[" * 5000 + "]" * 5000 + "\n") == [f"1: {DEPTH}"]
    assert messages("a: 1\nb:\n" + "".join("  " * i + "- \n" for i in range(1, 40))) == [f"22: {DEPTH}"]
    assert messages("a: no\nb: " + "{c: " * 100000) == [  # what came before is still reported; the rest is not read
        "1: a: 'no' wordt in YAML gelezen als ja/nee-waarde (false), niet als tekst. Bedoel je tekst? Zet die tussen "
        "aanhalingstekens: \"no\". Bedoel je ja of nee? Schrijf dan true of false.", f"2: {DEPTH}"]


def test_file_size_is_bounded_before_parsing():
    assert read("a: " + "x" * (MAX_BYTES - 4) + "\n")[1] == []
    assert messages("a: " + "x" * (MAX_BYTES - 3) + "\n") == [
        "1: Dit bestand is te groot: 513 kB. Een bestand mag hoogstens 512 kB zijn. Maak de tekst korter of verdeel "
        "hem over meer bestanden."]
    assert messages("a: " + "é" * (MAX_BYTES // 2) + "\n")[0].startswith("1: Dit bestand is te groot: 513 kB.")  # bytes count


def test_characters_yaml_does_not_allow():
    assert messages("a: b\x00c\nd: e\ne: \x1b[31m\n") == [
        "1: Er staat een onzichtbaar teken op deze regel (U+0000). Haal het weg, bijvoorbeeld door de regel opnieuw te typen.",
        "3: Er staat een onzichtbaar teken op deze regel (U+001B). Haal het weg, bijvoorbeeld door de regel opnieuw te typen."]
    doc, problems = read("\ufeffa: é ☃ \U0001f600\n")  # a byte order mark at the start is fine
    assert problems == [] and doc.data == {"a": "é ☃ \U0001f600"}
    assert messages("\ufeff") == ["1: Het bestand is leeg. Vul de velden in of verwijder het bestand."]


@pytest.mark.parametrize("text, line, char", [
    ("titel: Samen\u2028leren\nsamenvatting: x\n", 1, "2028"),  # pasted from a PDF: the title broke in two
    ("a: 1\nb: |\n  Eerste\u2029alinea.\n  Meer.\nc: 2\n", 3, "2029"),  # inside a block of text
    ("a: 1\r\nb: x\x85y\r\nc: 2\r\n", 2, "0085"),  # NEL (Windows-1252's … read as Latin-1), CRLF lines
])
def test_a_line_break_editors_do_not_show_is_an_invisible_character_on_the_editors_line(text, line, char):
    """YAML 1.1 reads NEL, U+2028 and U+2029 as line breaks, editors do not: the message was about a missing colon,
    on a line one further than the editor's, and every later message was one line off."""
    assert messages(text) == [f"{line}: Er staat een onzichtbaar teken op deze regel (U+{char.upper()}). Haal het weg, "
                              "bijvoorbeeld door de regel opnieuw te typen."]
    assert messages(text + "d: 1\nd: 2\n")[-1].startswith(f"{text.count(chr(10)) + 2}: Het veld 'd' staat hier twee keer")


def test_more_than_one_document():
    assert messages("a: 1\n---\nb: 2\n") == [
        "2: Het bestand bevat meer dan één document (---). Zet elk item in een eigen bestand."]
    doc, problems = read("---\na: 1\n...\n")
    assert problems == [] and doc.data == {"a": 1}


def test_numbers_the_reader_cannot_make_do_not_crash_it():
    assert messages("a: 0x_\nb: 0b_\n") == [
        "1: a: '0x_' wordt in YAML gelezen als een getal. Zet het tussen aanhalingstekens: \"0x_\".",
        "2: b: '0b_' wordt in YAML gelezen als een getal. Zet het tussen aanhalingstekens: \"0b_\"."]
    doc, problems = read(f"volgorde: {'9' * 5000}\n")
    assert doc.data == {"volgorde": "9" * 5000}
    assert [p.message for p in problems] == [
        f"volgorde: '{'9' * 60}…' is een heel lang getal. Schrijf een korter getal, of zet tekst tussen aanhalingstekens."]


def test_keys_that_are_not_names():
    doc, problems = read("? [a]\n: b\n{c: 1}: d\ne: f\n")
    assert doc.data == {"e": "f"} and [p.line for p in problems] == [1, 3]
    assert {p.message for p in problems} == {"Hier hoort de naam van een veld te staan, gevolgd door een dubbele punt."}
    doc, problems = read("' ': no\n\"a\\nb\": 1\n\"a\\nb\": 2\n")  # no odd field name in front of a message
    assert [str(p) for p in problems] == [
        "x.yml:1: 'no' wordt in YAML gelezen als ja/nee-waarde (false), niet als tekst. Bedoel je tekst? Zet die tussen "
        "aanhalingstekens: \"no\". Bedoel je ja of nee? Schrijf dan true of false.",
        "x.yml:3: Het veld 'a\\u000ab' staat hier twee keer (ook op regel 2). Haal er één weg."]


SYNTAX = {
    "a: [1, 2\n": "2: Een lijst tussen [ en ] is niet goed afgesloten.",
    "a: {b: 1\n": "2: Een blok tussen { en } is niet goed afgesloten.",
    "a: - b\n": "1: Hier kan geen lijst beginnen.",
    "a: ]\n": "1: Hier staat een teken (zoals ], } of ,) waar een waarde hoort.",
    "  a: 1\nb: 2\n": "2: Deze regel past niet bij de regels erboven.",
    'a: "C:\\map"\n': "1: Tussen dubbele aanhalingstekens heeft een \\ (backslash) een speciale betekenis.",
    'a: "x\n---\ny"\n': "2: Een regel met --- of ... staat midden in een tekst tussen aanhalingstekens.",
    "a: |x\n  b\n": "1: Na | of > mag op dezelfde regel alleen nog +, - of een cijfer van 1 tot 9 staan.",
    "a: *\n": "1: Een tekst mag niet beginnen met * of &.",
    "a: @x\n": "1: Deze regel begint met een teken dat YAML niet verwacht (zoals @ of `).",
    "a: 1\n- b\n": "2: ",
    "a:\n  - 1\n  b: 2\n": "3: ",
}


@pytest.mark.parametrize("loader", ["libyaml", "python"])
def test_syntax_errors_in_dutch_with_either_loader(loader, monkeypatch):
    if loader == "python":
        monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    for text, start in SYNTAX.items():
        found = messages(text)
        assert len(found) == 1 and found[0].startswith(start), (text, found)
        assert not re.search(r"\b(found|expected|while)\b", found[0]), (text, found)  # no English left


def test_the_pure_python_loader_reads_the_same():
    texts = ["# c\ntitel: Iets\nvolgorde: 3\nlijst:\n  - een\n  - {a: b, c: [1, 2]}\ntekst: |\n  x\n", "a: no\nb: 17:30\n",
             "a: &x 1\nb: *x\nc: !!str d\n", "a: 2024-06-24\nb: '2024-06-24'\n", "a: 1\na: 2\n", "a: " + "[" * 30 + "\n"]
    libyaml = [read(t) for t in texts]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
        assert [read(t) for t in texts] == libyaml


@pytest.mark.parametrize(("text", "line", "length"), [
    ("titel: x\n" + "a" * 1100 + ": y\n", 2, 1100),  # a field of the file
    ("titel: x\nlijst:\n  - " + "é" * 1025 + ": y\n", 3, 1025),  # in a list, counted in characters, not bytes
    ('titel: x\n"' + "a" * 1100 + '": y\n', 2, 1102),  # between quotes
    ("titel: x\nlijst: {" + "a" * 1100 + ": y}\n", 2, 1100),  # between { and }
    ("\ufeff" + "a" * 1025 + ": y\n", 1, 1025),  # after a byte order mark
])
def test_a_key_over_yamls_limit_is_said_to_be_too_long_not_missing_a_colon(text, line, length):
    """Both PyYAML and libyaml forget a key over 1024 characters; the colon after it then seemed to be wrong or
    missing ("ontbreekt een dubbele punt"), while it stands right there."""
    assert messages(text) == [
        f"{line}: Voor de dubbele punt staan hier {length} tekens. Zo'n lange naam van een veld kan YAML niet lezen "
        "(hoogstens 1024 tekens), en geen veld heeft zo'n naam. Is het een tekst? Zet hem dan achter de naam van een "
        "veld en een dubbele punt."]


def test_a_key_at_the_limit_and_a_colon_in_a_long_text_keep_their_meaning():
    assert read("a" * 1024 + ": y\n")[1] == []
    assert messages("titel: " + "a" * 1100 + ": y\n")[0].startswith(
        "1: Er staat een dubbele punt (:) op een plek waar dat niet kan.")  # a text with a colon: not a key
