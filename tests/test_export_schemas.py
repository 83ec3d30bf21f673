"""The open-data schemas are generated from the authors' schemas and the model, never copied (issue 25).

Requirement: schemas/export/ is what scripts/export_schemas.py writes, so a field changed in schemas/*.schema.json or
in the model reaches the published contract by running the script, and the test fails until it is run. The rules of
the generation are checked on their own: what an author must write stays required and non-empty, what an author may
leave out gets the model's default (null or empty), a reference is an id, and every field is described.
"""
from __future__ import annotations

import dataclasses
import json

import pytest
from export_schemas import generated

from conftest import ROOT
from leerlandschap.exportschema import SITE_FIELDS, export_kinds, export_schema
from leerlandschap.opendata import EXPORT_SCHEMA_DIR, export_validator, export_version

KINDS = {folder: kind for kind, folder in export_kinds()}


def item_schema(folder: str) -> dict:
    return export_schema(KINDS[folder], folder, export_version(folder))["properties"]["items"]["items"]


def author(name: str) -> dict:
    return json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_the_committed_schemas_are_the_generated_ones():
    files = generated()
    assert sorted(files) == sorted(p.name for p in EXPORT_SCHEMA_DIR.glob("*.schema.json"))
    stale = [name for name, text in files.items() if (EXPORT_SCHEMA_DIR / name).read_text(encoding="utf-8") != text]
    assert not stale, f"run python scripts/export_schemas.py: {stale}"


@pytest.mark.parametrize("folder", sorted(KINDS))
def test_every_field_of_the_model_is_published_and_described(folder):
    schema = item_schema(folder)
    kind = KINDS[folder]
    fields = {f.name for f in dataclasses.fields(kind.cls)}
    published = set(schema["properties"])
    site = {"voorbeeldsite"}  # a fact of the site that every item of every file carries (exportschema.SITE_FIELDS)
    assert site <= published and set(SITE_FIELDS) == site
    if folder == "regio":  # only the public part of the region file
        assert {"beheer", "buren_vers_uren", "gebied"}.isdisjoint(published) and published - site < fields
    else:
        assert fields <= published and published - fields == {"pagina"} | site
    assert schema["required"] == list(schema["properties"])
    texts = author(kind.name)["properties"]
    for name, spec in schema["properties"].items():
        assert spec["description"], f"{folder}.{name}"
        if name in texts:
            assert spec["description"] == texts[name]["description"], f"{folder}.{name}: not the author's text"


def test_what_an_author_may_leave_out_gets_its_default_and_what_is_required_stays_required():
    praktijk = item_schema("praktijken")["properties"]
    check = lambda spec, value: not list(export_validator(spec).iter_errors(value))
    assert not check(praktijk["titel"], "")  # required in the author schema: never empty
    assert check(praktijk["regio"], "") and check(praktijk["bron_plek"], "")  # optional, default ""
    assert check(praktijk["contact_rol"], None) and not check(praktijk["titel"], None)  # optional, default None
    assert check(praktijk["contact_rol"], "coordinator") and not check(praktijk["contact_rol"], "Coördinator")  # an id
    assert check(praktijk["herzien_voor"], "2027-06-01") and not check(praktijk["herzien_voor"], "2027-02-30")
    meeting = item_schema("bijeenkomsten")["properties"]
    assert check(meeting["tijd"], "") and check(meeting["tijd"], "13:00-15:00") and not check(meeting["tijd"], "1 uur")
    assert check(meeting["fase"], None) and not check(meeting["fase"], "iets anders")
    afspraak = meeting["opbrengst"]["properties"]["afspraken"]["items"]
    assert afspraak["required"] == ["id", "tekst", "eigenaar", "status", "deadline"]
    assert check(afspraak["properties"]["tekst"], "")  # an update of an earlier agreement has no text of its own
    vragenset = item_schema("vragensets")["properties"]
    assert check(vragenset["vragen"], ["coordineer-het-leren/wie"]) and not check(vragenset["vragen"], ["wie"])


def test_an_author_field_reaches_the_export_schema(monkeypatch):
    """A field added to an author schema and the model appears in the generated export schema, described."""
    import leerlandschap.exportschema as exportschema

    rol = author("rol")
    rol["properties"]["afkorting"] = {"type": "string", "maxLength": 20, "description": "Korte naam, bijvoorbeeld 'PM'."}

    @dataclasses.dataclass(frozen=True)
    class Rol(KINDS["rollen"].cls):  # type: ignore[misc, valid-type]
        afkorting: str = ""

    monkeypatch.setattr(exportschema, "_author", lambda name: rol if name == "rol" else author(name))
    kind = dataclasses.replace(KINDS["rollen"], cls=Rol)
    spec = exportschema.export_schema(kind, "rollen", 1)["properties"]["items"]["items"]
    assert spec["properties"]["afkorting"] == {"description": "Korte naam, bijvoorbeeld 'PM'.", "type": "string"}
    assert "afkorting" in spec["required"]


def test_the_authors_list_limits_stay_out_of_the_export():
    """maxItems guides an author, as maxLength does: a reader of the open data (a neighbour's kit, maybe with other
    limits) must not refuse a list a build may write, so the export schemas stay as they were (exportschema.KEPT)."""
    assert "maxItems" in (ROOT / "schemas" / "bijeenkomst.schema.json").read_text(encoding="utf-8")
    for path in EXPORT_SCHEMA_DIR.glob("*.schema.json"):
        text = path.read_text(encoding="utf-8")
        assert '"maxItems"' not in text and '"maxLength"' not in text, path.name
