"""The open-data contract: every /data/*.json validates against the export schema published beside it.

The export schemas (schemas/export/) describe exactly what opendata.py writes, with a version a reader checks
first. Neighbours are read with the same schemas (test_buren.py), so a change here is a change for every region.
"""
import json
import shutil

import jsonschema
import pytest

from conftest import ROOT
from leerlandschap import kinds
from leerlandschap.kinds import BIJEENKOMST, ITEM_KINDS
from leerlandschap.loader import load_content
from leerlandschap.opendata import (
    EXPORT_SCHEMA_DIR,
    EXPORT_VERSION,
    EXPORT_VERSIONS,
    describe_files,
    export_validator,
    export_version,
    load_export_schema,
    open_data_documents,
    open_data_files,
)

FOLDERS = [k.folder for k in (*ITEM_KINDS, BIJEENKOMST)] + ["regio"]


def errors(folder: str, document: dict) -> list[str]:
    validator = export_validator(load_export_schema(folder))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


@pytest.fixture(scope="module")
def fork_content(tmp_path_factory):
    """A region's fork with every optional field filled, so the schemas meet each field at least once."""
    project = tmp_path_factory.mktemp("contract")
    shutil.copytree(ROOT / "content", project / "content")
    files = {
        "regio.yml": "naam: Regio Zuidkust\nmotto: M\nbeschrijving: B\nsite:\n  naam: Leerlandschap Zuidkust\n"
                     "  adres: https://zuidkust.example/\n  kleuren:\n    primair: \"#1d4f91\"\n"
                     "contact:\n  rol: Team leren\n  adres: leren@zuidkust.example\n"
                     "licentie:\n  naam: CC BY 4.0\n  url: https://creativecommons.org/licenses/by/4.0/deed.nl\n"
                     "buren:\n  - naam: Regio Noordrand\n    adres: https://noordrand.example/leerlandschap/\n"
                     "buren_in_nieuwsfeed: true\nbron: eigen\n",
        "bronnen/eigen.yml": "titel: Eigen\nuitgever: Zuidkust\nsoort: eigen inbreng\njaar: 2026\nurl: https://zuidkust.example/\n",
        "praktijken/samen-lunchen.yml": "titel: Samen lunchen\nsamenvatting: S.\nbeschrijving: B.\nregio: Zuidkust\n"
                                        "organisaties: [Wijkteam]\nperiode: heel 2026\nbouwstenen: [coordineer-het-leren]\n"
                                        "geleerd: [Eten helpt.]\ncontact_rol: coordinator\neigenaar_rol: coordinator\n"
                                        "herzien_voor: 2027-06-01\ndatum: 2026-11-20\nbron: eigen\n",
        "tafels/leertafel-wonen.yml": "titel: Leertafel Wonen\nsoort: leertafel\nsamenvatting: S.\ndoel: D.\nstatus: actief\n"
                                      "startdatum: 2026-01-01\nbouwstenen: [coordineer-het-leren]\n"
                                      "deelnemers:\n  - rol: professional\n    aantal: 4\nbron: eigen\n",
        "tafels/leertafel-wonen/2026-02-03.yml": "datum: 2026-02-03\ntijd: \"13:00-15:00\"\nfase: samen beslissen\n"
                                                 "opbrengst:\n  inzichten: [Wonen is leren.]\n  afspraken:\n"
                                                 "    - id: folder\n      tekst: Maak een folder.\n      eigenaar: coordinator\n"
                                                 "      status: open\n      deadline: 2026-03-01\n"
                                                 "  bouwstenen: [coordineer-het-leren]\n",
        "aanvullingen/coordineer-het-leren.yml": "toelichting: Bij ons.\nreflectievragen:\n  - id: zuidkust\n"
                                                 "    vraag: Wie coördineert?\n    rollen: [coordinator]\nbron: eigen\n",
    }
    for name, text in files.items():
        path = project / "regio" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return load_content(project / "content")


@pytest.mark.parametrize("folder", FOLDERS)
def test_export_schema_is_valid_documented_and_versioned(folder):
    schema = load_export_schema(folder)
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$id"] == f"{folder}.schema.json"
    assert schema["properties"]["versie"]["const"] == export_version(folder)
    assert schema["properties"]["schema"]["const"] == f"schemas/export/{folder}.schema.json"
    item = schema["properties"]["items"]["items"]
    assert item["additionalProperties"] is False and item["required"] == list(item["properties"])

    def documented(spec, where):
        assert spec.get("description"), f"{folder}: {where} has no description"
        for name, sub in spec.get("properties", {}).items():
            documented(sub, f"{where}.{name}")
        if spec.get("items", {}).get("properties"):
            for name, sub in spec["items"]["properties"].items():
                documented(sub, f"{where}[].{name}")

    for name, spec in item["properties"].items():
        documented(spec, name)


def test_every_export_file_has_a_schema():
    assert sorted(p.name for p in EXPORT_SCHEMA_DIR.glob("*.schema.json")) == sorted(f"{f}.schema.json" for f in FOLDERS)


@pytest.mark.parametrize("which", ["example", "fork"])
def test_every_exported_item_validates_against_its_published_schema(which, example_content, fork_content):
    content = example_content if which == "example" else fork_content
    files = open_data_files(content)
    for folder in FOLDERS:
        document = json.loads(files[f"data/{folder}.json"])  # as a reader gets it: through JSON
        assert document["versie"] == export_version(folder)
        published = json.loads(files["data/" + document["schema"]])  # the schema next to it on the site
        assert published == load_export_schema(folder)
        assert errors(folder, document) == []
    assert len(json.loads(files["data/praktijken.json"])["items"]) == len(content.of(kinds.PRAKTIJK))


def test_items_carry_their_page_and_examples_say_so(example_content, fork_content):
    documents = open_data_documents(example_content)
    praktijk = documents["praktijken"]["items"][0]
    assert praktijk["pagina"] == f"praktijken/{praktijk['id']}/"
    meeting = documents["bijeenkomsten"]["items"][0]
    assert meeting["pagina"] == f"tafels/{meeting['id']}/"
    assert any(t["voorbeeld"] for t in documents["tafels"]["items"])
    regio = open_data_documents(fork_content)["regio"]["items"][0]
    assert regio["buren"] == [{"naam": "Regio Noordrand", "adres": "https://noordrand.example/leerlandschap/"}]
    assert "beheer" not in regio  # only the published fields of the region file (opendata.REGIO_FIELDS)


def test_schema_refuses_what_the_contract_does_not_promise(example_content):
    document = open_data_documents(example_content)["praktijken"]
    assert errors("praktijken", {**document, "versie": 2}) == ["versie: 1 was expected"]
    item = dict(document["items"][0])
    wrong = [{**item, "extra": 1}, {**item, "pagina": "javascript:alert(1)//"}, {**item, "datum": "2026-02-30"},
             {k: v for k, v in item.items() if k != "voorbeeld"}]
    for bad in wrong:
        assert errors("praktijken", {**document, "items": [bad]}), bad


def test_open_data_page_documents_the_export_fields():
    files = {f["naam"]: f for f in describe_files()}
    assert set(files) == set(FOLDERS)
    assert files["praktijken"]["schema"] == "schemas/export/praktijken.schema.json"
    fields = dict(files["bijeenkomsten"]["velden"])
    assert {"id", "tafel", "pagina", "voorbeeld", "herkomst", "opbrengst"} <= set(fields) and all(fields.values())


def test_the_regions_licence_is_published_and_its_file_has_a_new_version(example_content, fork_content):
    # A version-1 reader refuses unknown fields (additionalProperties: false), so adding `licentie` is a new version.
    assert EXPORT_VERSIONS == {"regio": 2} and EXPORT_VERSION == 1
    fork = open_data_documents(fork_content)["regio"]
    assert fork["versie"] == 2
    assert fork["items"][0]["licentie"] == {"naam": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.nl"}
    # The example region grants no licence (its sources' publishers gave none): null, not an invented one.
    example = open_data_documents(example_content)["regio"]
    assert example["items"][0]["licentie"] is None
    assert errors("regio", {**example, "versie": 1}) == ["versie: 2 was expected"]
    bad = {**fork["items"][0], "licentie": {"naam": "CC BY 4.0", "url": "javascript:alert(1)"}}
    assert errors("regio", {**fork, "items": [bad]})
    # The other files keep version 1: neighbours on the same kit still read each other.
    assert {d["versie"] for f, d in open_data_documents(fork_content).items() if f != "regio"} == {1}
