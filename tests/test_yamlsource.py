"""The YAML reader: line numbers, and YAML 1.1 surprises reported instead of guessed."""
from leerlandschap.yamlsource import read_yaml


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
