"""A page script kept as a folder of parts (docs/assets/vragenset/) reaches the site as one file (assets/vragenset.js):
the parts joined in name order, minified, at the address a single file would have; the parts are never served.
A part folder that cannot be joined stops the build with a Dutch message that names every problem at once."""
from __future__ import annotations

from pathlib import Path

import pytest
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files, get_files

from leerlandschap_mkdocs.minify import drop_unused_theme_files, minify_scripts
from leerlandschap_mkdocs.scriptparts import ScriptPartsError, join_in_place, joined_scripts
from sitebuild import ROOT, build, make_project, without_search
from zensical_build import generate


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_the_parts_are_joined_in_name_order_into_one_script(tmp_path):
    assets = tmp_path / "docs" / "assets"
    write(assets / "lijst" / "20-midden.js", "const b = a + 1;\n")
    write(assets / "lijst" / "10-begin.js", "(function () {\n  const a = 1;\n")
    write(assets / "lijst" / "30-eind.js", "  console.log(b);\n})();\n")
    write(assets / "los.js", "const los = 1;\n")  # a script of one file is no part folder
    scripts = joined_scripts(assets)
    assert [(s.name, [p.name for p in s.parts]) for s in scripts] == [
        ("lijst.js", ["10-begin.js", "20-midden.js", "30-eind.js"])]
    assert scripts[0].text == "(function () {\n  const a = 1;\nconst b = a + 1;\n  console.log(b);\n})();\n"


def test_a_part_without_a_last_line_break_does_not_swallow_the_next_part(tmp_path):
    """A part that ends in a // comment without a line break would turn the first line of the next part into
    comment if the texts were put together as they are."""
    assets = tmp_path / "docs" / "assets"
    write(assets / "x" / "1.js", "const a = 1; // the end")
    write(assets / "x" / "2.js", "const b = 2;\n")
    assert joined_scripts(assets)[0].text == "const a = 1; // the end\nconst b = 2;\n"


def test_hidden_files_in_a_part_folder_are_left_out(tmp_path):
    """An editor's swap file while a part is open, or a .DS_Store: not served by MkDocs, not joined either."""
    assets = tmp_path / "docs" / "assets"
    write(assets / "x" / "10-a.js", "const a = 1;\n")
    write(assets / "x" / ".10-a.js.swp", b"\x00\xff binary")
    write(assets / "x" / ".DS_Store", b"\x00")
    assert joined_scripts(assets)[0].text == "const a = 1;\n"


def test_every_problem_of_the_part_folders_is_named_at_once(tmp_path):
    assets = tmp_path / "docs" / "assets"
    (assets / "leeg").mkdir(parents=True)
    write(assets / "x" / "10-a.js", "const a = 1;\n")
    write(assets / "x" / "notities.txt", "later doen\n")
    write(assets / "x" / "oud" / "10-a.js", "const a = 0;\n")
    write(assets / "y" / "10-a.js", "const y = 1;\n")
    write(assets / "y.js", "const y = 2;\n")
    write(assets / "z" / "10-latin1.js", "const z = 'café';\n".encode("latin-1"))
    with pytest.raises(ScriptPartsError) as raised:
        joined_scripts(assets)
    problems = raised.value.problems
    assert len(problems) == 5, problems
    assert problems[0].startswith("docs/assets/leeg/: deze map bevat geen delen van een script.")
    assert problems[1].startswith("docs/assets/x/notities.txt: dit bestand hoort niet in een map met delen van een script")
    assert problems[2].startswith("docs/assets/x/oud/: een map met delen van een script mag zelf geen mappen bevatten.")
    assert problems[3].startswith("docs/assets/y.js en docs/assets/y/: het script y.js staat er twee keer")
    assert problems[4] == "docs/assets/z/10-latin1.js: dit deel is geen tekst in UTF-8. Sla het op als UTF-8."
    assert str(raised.value).startswith("De scripts in docs/assets/ hebben 5 problemen. Er is niets gebouwd.\n")


def test_a_folder_with_only_a_stray_file_has_no_parts_either(tmp_path):
    assets = tmp_path / "docs" / "assets"
    write(assets / "x" / "leesmij.md", "# Delen\n")
    with pytest.raises(ScriptPartsError) as raised:
        joined_scripts(assets)
    assert [p.split(":")[0] for p in raised.value.problems] == ["docs/assets/x/leesmij.md", "docs/assets/x/"]


def mkdocs_files(docs: Path) -> tuple[Files, MkDocsConfig]:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Proef", "docs_dir": str(docs), "site_dir": str(docs.parent / "site")})
    errors, _ = config.validate()
    assert errors == []
    config.plugins._current_plugin = "leerlandschap"  # as during the plugin's on_files, which calls minify_scripts
    return get_files(config), config


def test_the_site_gets_one_minified_file_per_script_and_never_its_parts(tmp_path):
    docs = tmp_path / "docs"
    write(docs / "index.md", "# Proef\n")
    write(docs / "assets" / "vragenset" / "10-opslag.js", "// Part one: storage.\nvar opslag = 1;\n")
    write(docs / "assets" / "vragenset" / "20-knoppen.js", "// Part two: buttons.\nvar knoppen = opslag + 1;\n")
    write(docs / "assets" / "tijd.js", "// One file.\nvar tijd = 2;\n")
    files, config = mkdocs_files(docs)
    assert "assets/vragenset/10-opslag.js" in files.src_uris  # MkDocs alone would serve the parts
    minify_scripts(files, config)
    scripts = sorted(uri for uri in files.src_uris if uri.endswith(".js"))
    assert scripts == ["assets/tijd.js", "assets/vragenset.js"]
    assert files.get_file_from_path("assets/vragenset.js").content_string == "var opslag=1;var knoppen=opslag+1;"
    assert files.get_file_from_path("assets/tijd.js").content_string == "var tijd=2;"

    # A preview (`make serve`) runs this again for every save: a changed part is in the next served file.
    write(docs / "assets" / "vragenset" / "20-knoppen.js", "var knoppen = opslag + 2;\n")
    files, config = mkdocs_files(docs)
    minify_scripts(files, config)
    assert files.get_file_from_path("assets/vragenset.js").content_string == "var opslag=1;var knoppen=opslag+2;"


def test_a_part_folder_that_cannot_be_joined_stops_the_build_with_its_message(tmp_path):
    docs = tmp_path / "docs"
    write(docs / "index.md", "# Proef\n")
    (docs / "assets" / "leeg").mkdir(parents=True)
    files, config = mkdocs_files(docs)
    with pytest.raises(Abort, match=r"^De scripts in docs/assets/ hebben 1 probleem\. Er is niets gebouwd\.\n"
                                    r"docs/assets/leeg/: deze map bevat geen delen van een script\."):
        minify_scripts(files, config)


def test_join_in_place_turns_a_copy_of_the_assets_into_single_files(tmp_path):
    assets = tmp_path / "export" / "docs" / "assets"
    write(assets / "vragenset" / "10-a.js", "var a = 1;\n")
    write(assets / "vragenset" / "20-b.js", "var b = 2;\n")
    write(assets / "tijd.js", "var t = 3;\n")
    assert join_in_place(assets) == ["vragenset.js"]
    assert sorted(p.relative_to(assets).as_posix() for p in assets.rglob("*")) == ["tijd.js", "vragenset.js"]
    assert (assets / "vragenset.js").read_text(encoding="utf-8") == "var a = 1;\nvar b = 2;\n"


@pytest.mark.site
def test_the_built_example_site_serves_vragenset_as_one_file(example_project):
    """The project's own vragenset.js is kept as parts; the site has the one file, the same as the parts joined."""
    parts = sorted((ROOT / "docs" / "assets" / "vragenset").glob("*.js"))
    assert len(parts) > 1
    site = example_project / "site" / "assets"
    assert not (site / "vragenset").exists()
    joined = "".join(p.read_text(encoding="utf-8") for p in parts)
    assert (site / "vragenset.js").read_text(encoding="utf-8") == rjsmin.jsmin(joined)


@pytest.mark.build
def test_a_real_build_with_a_stray_file_in_a_part_folder_fails_with_a_dutch_message(tmp_path):
    project = without_search(make_project(tmp_path / "project"))
    write(project / "docs" / "assets" / "vragenset" / "kladje.txt", "nog uitzoeken\n")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/assets/vragenset/kladje.txt: dit bestand hoort niet in een map met delen van een script" in output
    assert "Traceback" not in output
    assert not (project / "site" / "assets" / "vragenset.js").exists()


@pytest.mark.build
def test_the_zensical_export_has_the_joined_script_and_not_its_parts(tmp_path):
    config = generate(ROOT, tmp_path / "export")
    assets = config.parent / "docs" / "assets"
    assert not (assets / "vragenset").exists()
    parts = sorted((ROOT / "docs" / "assets" / "vragenset").glob("*.js"))
    assert (assets / "vragenset.js").read_text(encoding="utf-8") == "".join(p.read_text(encoding="utf-8") for p in parts)


def theme_files(docs: Path, plugins: list[str]) -> tuple[Files, MkDocsConfig]:
    """The files MkDocs hands the plugins (docs/ and the theme's), with Material as the theme."""
    config = MkDocsConfig()
    config.load_dict({"site_name": "Proef", "docs_dir": str(docs), "site_dir": str(docs.parent / "site"),
                      "theme": {"name": "material"}, "plugins": plugins})
    errors, _ = config.validate()
    assert errors == []
    config.plugins._current_plugin = "leerlandschap"  # as during the plugin's on_files
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    return files, config


def test_the_themes_scripts_are_not_served_when_no_page_loads_them_and_never_minified_again(tmp_path):
    """No page loads Material's bundle (overrides/main.html) and Pagefind searches: without the theme's search plugin
    none of Material's scripts is served. With it (scripts/zoekkwaliteit.py's lunr site) they are served exactly as
    Material ships them: minifying them again dropped the licence notices (/*! … */) of the libraries inside."""
    import material

    docs = tmp_path / "docs"
    write(docs / "index.md", "# Proef\n")
    write(docs / "assets" / "eigen.js", "// A script of the site's own.\nvar eigen = 1;\n")
    shipped = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    bundle = next(shipped.glob("bundle.*.min.js"))
    assert "/*!" in bundle.read_text(encoding="utf-8")  # the notices this test is about are there to lose

    files, config = theme_files(docs, [])
    assert f"assets/javascripts/{bundle.name}" in files.src_uris  # MkDocs alone would serve them
    minify_scripts(files, config)
    drop_unused_theme_files(files, config)
    assert [uri for uri in files.src_uris if uri.startswith("assets/javascripts/")] == []
    assert files.get_file_from_path("assets/eigen.js").content_string == "var eigen=1;"

    files, config = theme_files(docs, ["search"])
    minify_scripts(files, config)
    drop_unused_theme_files(files, config)
    served = files.get_file_from_path(f"assets/javascripts/{bundle.name}")
    assert served is not None and served.content_bytes == bundle.read_bytes()
    worker = next(shipped.glob("workers/search.*.min.js"))
    assert files.get_file_from_path(f"assets/javascripts/workers/{worker.name}").content_bytes == worker.read_bytes()
    assert files.get_file_from_path("assets/javascripts/lunr/min/lunr.nl.min.js") is not None
