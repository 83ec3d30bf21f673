"""Adding a kind is one registry entry plus its schema and templates (issue #25): a toy kind is seen everywhere.

The toy kind `speeltuin` (folder `speeltuinen/`) is registered for the duration of a `with kinds.using(...)` block
only, with its schema, export schema, page templates and `make new` scaffold in a temporary project: nothing of the
repository or of the default registry changes. Expected values come from what the issue asks ("its folder appears in
loading and checking, its pages, open data, the editor, `make new` and the editor settings"), written out here.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from leerlandschap import cms, kinds
from leerlandschap.editorsettings import settings_text, yaml_schemas
from leerlandschap.loader import check_content, load_content
from leerlandschap.model import Bestand
from leerlandschap.opendata import export_validator, load_export_schema, open_data_files
from leerlandschap.pages import PageMaker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # scripts/nieuw.py and scripts/regio.py import their neighbour common.py

import nieuw  # noqa: E402
import regio  # noqa: E402


@dataclass(frozen=True)
class Speeltuin(Bestand):
    id: str
    titel: str
    samenvatting: str
    bron: str
    naast: str = ""  # the id of another speeltuin: a reference to the toy kind itself


SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#", "title": "Speeltuin", "description": "Een plek om te spelen.",
    "type": "object", "additionalProperties": False, "required": ["titel", "samenvatting", "bron"],
    "properties": {"titel": {"type": "string", "minLength": 1, "maxLength": 200},
                   "samenvatting": {"type": "string", "minLength": 1, "maxLength": 400},
                   "bron": {"type": "string", "x-verwijzing": "bron"},
                   "naast": {"type": "string", "x-verwijzing": "speeltuin"}},
}
EXPORT = {
    "$schema": "http://json-schema.org/draft-07/schema#", "title": "Open data: speeltuinen (versie 1)", "type": "object",
    "additionalProperties": False, "required": ["versie", "soort", "schema", "items"],
    "properties": {
        "versie": {"type": "integer", "const": 1}, "soort": {"type": "string", "const": "speeltuin"},
        "schema": {"type": "string", "const": "schemas/export/speeltuinen.schema.json"},
        "items": {"type": "array", "items": {
            "title": "Speeltuin", "description": "Een plek om te spelen.", "type": "object", "additionalProperties": False,
            "required": ["id", "pagina", "titel", "samenvatting", "bron", "voorbeeld", "voorbeeldsite", "herkomst"],
            "properties": {"id": {"type": "string", "description": "De id."},
                           "pagina": {"type": "string", "description": "De pagina."},
                           "titel": {"type": "string", "description": "De titel."},
                           "samenvatting": {"type": "string", "description": "Kort."},
                           "bron": {"type": "string", "description": "De bron."},
                           "naast": {"type": "string", "description": "De speeltuin ernaast."},
                           "voorbeeld": {"type": "boolean", "description": "Verzonnen?"},
                           "voorbeeldsite": {"type": "boolean", "description": "Van de voorbeeldsite?"},
                           "herkomst": {"type": "string", "description": "Het bestand."}}}},
    },
}
PAGE = '<article><h1 class="toy">{{ item.titel }}</h1><p>{{ item.samenvatting }}</p></article>\n'
OVERVIEW = ('<ul class="toy-lijst">{% for x in c.items["speeltuinen"].values() %}'
            '<li><a href="{{ href("speeltuin", x.id) }}">{{ x.titel }}</a></li>{% endfor %}</ul>\n')
SCHOMMEL = "titel: De schommel\nsamenvatting: Heen en weer, hoger en hoger.\nbron: samen-leren-met-impact\n"


@pytest.fixture()
def toy(tmp_path):
    """A project with the example content plus one speeltuin, and the registry that knows the kind."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "content" / "speeltuinen").mkdir()
    (tmp_path / "content" / "speeltuinen" / "de-schommel.yml").write_text(SCHOMMEL, encoding="utf-8")
    (tmp_path / "schemas" / "export").mkdir(parents=True)
    (tmp_path / "schemas" / "speeltuin.schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    (tmp_path / "schemas" / "export" / "speeltuinen.schema.json").write_text(json.dumps(EXPORT), encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "speeltuin.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "templates" / "overzicht-speeltuinen.html").write_text(OVERVIEW, encoding="utf-8")
    (tmp_path / "sjablonen").mkdir()
    (tmp_path / "sjablonen" / "speeltuin.yml").write_text(
        "titel: $titel\nsamenvatting: Wat je hier kunt doen.\nbron: $bron\n", encoding="utf-8")
    kind = kinds.Kind("speeltuin", "speeltuinen", Speeltuin, "Speeltuinen", creatable=True, icon="toys",
                      uitleg="Jullie speeltuinen, één bestand per speeltuin.")
    registry = kinds.DEFAULT.extended(kind, schema_dir=tmp_path / "schemas", template_dir=tmp_path / "templates",
                                      scaffold_dir=tmp_path / "sjablonen")
    with kinds.using(registry):
        yield tmp_path, kind
    assert "speeltuin" not in kinds.active().by_name  # the default registry is back


def test_loaded_and_checked(toy):
    project, kind = toy
    content = load_content(project / "content")
    schommel = content.of(kind)["de-schommel"]
    assert (schommel.titel, schommel.bron) == ("De schommel", "samen-leren-met-impact")
    assert schommel.herkomst.pad == "content/speeltuinen/de-schommel.yml"


def test_bad_files_of_the_kind_are_reported_with_their_path(toy):
    project, _ = toy
    (project / "content" / "speeltuinen" / "kapot.yml").write_text("titel: Kapot\nsamenvatting: Stuk.\nbron: bestaat-niet\n",
                                                                    encoding="utf-8")
    (project / "content" / "speeltuinen" / "index.yml").write_text(SCHOMMEL, encoding="utf-8")
    (project / "content" / "speeltuinen" / "de-wip.yml").write_text(SCHOMMEL + "naast: de-glijbaan\n", encoding="utf-8")
    (project / "content" / "speeltuin").mkdir()
    (project / "content" / "speeltuin" / "x.yml").write_text(SCHOMMEL, encoding="utf-8")
    content, problems = check_content(project / "content")
    assert content is None
    by_path = {p.path: p for p in problems}
    assert "bestaat-niet" in by_path["content/speeltuinen/kapot.yml"].message  # the reference to a bron is checked
    assert by_path["content/speeltuinen/kapot.yml"].line == 3
    assert "gebruikt de site zelf" in by_path["content/speeltuinen/index.yml"].message  # reserved id of every kind
    assert "Bedoel je 'speeltuinen'?" in by_path["content/speeltuin/x.yml"].message  # a misspelt folder
    wip = by_path["content/speeltuinen/de-wip.yml"]  # a reference to an item of the new kind is checked too
    assert wip.line == 4 and "Er is geen speeltuin met de naam 'de-glijbaan' (in speeltuinen/)" in wip.message


def test_pages_and_overview(toy):
    project, _ = toy
    pages = {p.url: p for p in PageMaker(load_content(project / "content")).all_pages()}
    page = pages["speeltuinen/de-schommel/"]
    assert (page.title, page.description, page.source) == (
        "De schommel", "Heen en weer, hoger en hoger.", "content/speeltuinen/de-schommel.yml")
    assert '<h1 class="toy">De schommel</h1>' in page.body
    overview = pages["speeltuinen/"]
    assert overview.title == "Speeltuinen"
    assert '<a href="de-schommel/">De schommel</a>' in overview.body
    assert page.src_uri == "speeltuinen/de-schommel.md"


def test_open_data(toy):
    project, _ = toy
    files = open_data_files(load_content(project / "content"))
    document = json.loads(files["data/speeltuinen.json"])
    assert document["soort"] == "speeltuin" and document["schema"] == "schemas/export/speeltuinen.schema.json"
    assert [(i["id"], i["pagina"], i["titel"]) for i in document["items"]] == [
        ("de-schommel", "speeltuinen/de-schommel/", "De schommel")]
    assert not list(export_validator(load_export_schema("speeltuinen")).iter_errors(document))
    assert json.loads(files["data/schemas/speeltuin.schema.json"]) == SCHEMA
    assert json.loads(files["data/schemas/export/speeltuinen.schema.json"]) == EXPORT


def test_editor_collection(toy):
    project, _ = toy
    settings = cms.config(load_content(project / "content"), project / "content")
    collection = next(c for c in settings["collections"] if c.get("name") == "speeltuinen")
    assert collection["folder"] == "content/speeltuinen"
    assert (collection["label"], collection["label_singular"], collection["icon"]) == ("Speeltuinen", "Speeltuin", "toys")
    assert [f["name"] for f in collection["fields"]] == ["titel", "samenvatting", "bron", "naast"]
    assert any(c.get("name") == "speeltuinen-keuze" for c in settings["collections"])  # others may point at one


def test_make_new(toy):
    project, kind = toy
    assert "speeltuin" in nieuw.choices()
    args = argparse.Namespace(titel="Het klimrek", tafel=None, datum=None)
    path = nieuw.create("speeltuin", args, project / "content", interactive=False)
    assert path == project / "content" / "speeltuinen" / "het-klimrek.yml"
    assert load_content(project / "content").of(kind)["het-klimrek"].titel == "Het klimrek"


def test_make_regio_readme(toy):
    assert regio.folders()["speeltuinen"] == "Jullie speeltuinen, één bestand per speeltuin."


def test_editor_settings(toy):
    project, _ = toy
    assert yaml_schemas(project)["./schemas/speeltuin.schema.json"] == ["content/speeltuinen/*.yml",
                                                                        "regio/speeltuinen/*.yml"]


@pytest.mark.build  # a whole MkDocs build in this process: the conftest hook sees only sitebuild.build
def test_full_build(toy, tmp_path, monkeypatch):
    """The real MkDocs build (plugin, Material, search) of a project with the toy kind, in this process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from common import copy_project
    from htmltools import parse_file

    project = copy_project(tmp_path / "project", content=toy[0] / "content")
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # the editor's package, for /beheer/
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True))
    site = project / "site"
    page = parse_file(site / "speeltuinen" / "de-schommel" / "index.html")
    assert [h.all_text() for h in page.find_all("h1") if h.has_class("toy")] == ["De schommel"]
    overview = parse_file(site / "speeltuinen" / "index.html")
    assert [(a.attrs.get("href"), a.all_text()) for ul in overview.find_all("ul") if ul.has_class("toy-lijst")
            for a in ul.find_all("a")] == [("de-schommel/", "De schommel")]
    assert [i["id"] for i in json.loads((site / "data" / "speeltuinen.json").read_text(encoding="utf-8"))["items"]] == [
        "de-schommel"]
    editor = yaml.safe_load((site / "beheer" / "config.yml").read_text(encoding="utf-8"))
    assert [c["folder"] for c in editor["collections"] if c.get("name") == "speeltuinen"] == ["content/speeltuinen"]


def test_default_registry_has_no_toy():
    assert "speeltuin" not in kinds.active().by_name and "speeltuinen" not in kinds.active().by_folder
    assert "speeltuin" not in nieuw.choices()


def test_committed_editor_settings_are_generated():
    """.vscode/settings.json maps every kind's schema to its files; `python scripts/editorsettings.py` writes it."""
    path = ROOT / ".vscode" / "settings.json"
    committed = path.read_text(encoding="utf-8")
    assert committed == settings_text(ROOT, json.loads(committed))
    schemas = json.loads(committed)["yaml.schemas"]
    assert schemas["./schemas/praktijk.schema.json"] == ["content/praktijken/*.yml", "regio/praktijken/*.yml"]
    assert schemas["./schemas/bijeenkomst.schema.json"] == ["content/tafels/*/*.yml", "regio/tafels/*/*.yml"]
    assert schemas["./schemas/regio.schema.json"] == ["content/regio.yml", "regio/regio.yml"]


def test_without_the_entry_the_folder_is_not_read(tmp_path):
    """The registry entry is what makes the folder content: without it the same files are reported, not read."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "content" / "speeltuinen").mkdir()
    (tmp_path / "content" / "speeltuinen" / "de-schommel.yml").write_text(SCHOMMEL, encoding="utf-8")
    content, problems = check_content(tmp_path / "content")
    assert content is None
    assert [p.path for p in problems] == ["content/speeltuinen/de-schommel.yml"]
    assert "geen bekende map" in problems[0].message


def test_every_overview_of_the_default_kinds_is_in_the_menu():
    """The menu (mkdocs.yml `nav`) is a design choice Zensical reads too, so it stays there: no kind is left out."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[1]
    assert [k.folder for k in kinds.DEFAULT.item_kinds if f": {k.folder}/index.md" not in nav] == []
