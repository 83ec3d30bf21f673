"""The JSON Schemas: valid in themselves, and their errors translated into Dutch with lines."""
import json

import jsonschema
import pytest

from leerlandschap.schemas import SCHEMA_DIR, Schema
from leerlandschap.yamlsource import read_yaml

KINDS = sorted(p.name.split(".")[0] for p in SCHEMA_DIR.glob("*.schema.json"))


def test_all_content_types_have_a_schema():
    assert KINDS == ["aanvulling", "bijeenkomst", "bouwsteen", "bron", "praktijk", "regio", "rol", "tafel", "thema", "vragenset"]


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_draft7_and_documented(kind):
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    for name, prop in schema["properties"].items():  # every field explains itself in the editor
        assert prop.get("description"), f"{kind}.{name} has no description"
        if "pattern" in prop:
            assert prop.get("x-foutmelding"), f"{kind}.{name} has a pattern but no Dutch message"


def problems(kind, text):
    doc, found = read_yaml(text, "f.yml")
    assert found == []
    return [f"{p.line}: {p.message}" for p in Schema.load(kind).validate(doc, "f.yml")]


RIGHT_ROL = "titel: Bestuurder\nmeervoud: Bestuurders\nbeschrijving: Bestuurt.\nbron: x\n"


def test_valid_item_has_no_problems():
    assert problems("rol", RIGHT_ROL) == []


def test_unknown_key_suggests_the_closest_field():
    assert problems("rol", RIGHT_ROL + "beschrijvng: x\n") == ["5: Onbekend veld 'beschrijvng'. Bedoel je 'beschrijving'?"]
    assert problems("rol", RIGHT_ROL + "kleur: rood\n") == [
        "5: Onbekend veld 'kleur'. Mogelijke velden hier: titel, meervoud, beschrijving, bron."]


def test_missing_required_fields_each_reported():
    assert problems("rol", "titel: Bestuurder\n") == [
        "1: Het verplichte veld 'meervoud' ontbreekt.",
        "1: Het verplichte veld 'beschrijving' ontbreekt.",
        "1: Het verplichte veld 'bron' ontbreekt."]


def test_types_enums_dates_and_patterns():
    text = ("titel: T\nsoort: leertafl\nsamenvatting: S\ndoel:\nstatus: actief\nbron: b\n"
            "startdatum: 2027-02-30\nbouwstenen: een-bouwsteen\nfrequentie: 2024-01-01\n")
    assert problems("tafel", text) == [
        "2: soort: 'leertafl' is geen geldige keuze. Bedoel je 'leertafel'? Kies uit: 'thematafel', 'leertafel', "
        "'intervisiegroep', 'ontwikkelsessie', 'contractvoortgangsgesprek', 'vast overleg'.",
        "4: doel: Dit veld is leeg. Hier hoort tekst te staan.",
        "7: startdatum: '2027-02-30' is geen geldige datum. Schrijf een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2027-01-01.",
        "8: bouwstenen: Hier hoort een lijst (regels die beginnen met '- ') te staan, maar er staat de tekst 'een-bouwsteen'.",
        "9: frequentie: '2024-01-01' wordt in YAML gelezen als datum. Bedoel je tekst? Zet die dan tussen aanhalingstekens.",
    ]
    assert problems("bijeenkomst", 'datum: 2026-01-01\ntijd: "half acht"\n') == [
        "2: tijd: 'half acht' heeft niet de goede vorm. Schrijf de tijd als \"13:00\" of \"13:00-15:00\", met aanhalingstekens."]


def test_references_are_found_from_schema_annotations():
    doc, _ = read_yaml("datum: 2026-01-01\ndeelnemers: [bestuurder]\nopbrengst:\n  afspraken:\n"
                       "    - tekst: t\n      eigenaar: coordinator\n      status: open\n  bouwstenen: [b1]\n", "f.yml")
    refs = {(r.kind, r.target, r.path) for r in Schema.load("bijeenkomst").references(doc.data)}
    assert refs == {("rol", "bestuurder", ("deelnemers", 0)),
                    ("rol", "coordinator", ("opbrengst", "afspraken", 0, "eigenaar")),
                    ("bouwsteen", "b1", ("opbrengst", "bouwstenen", 0))}
