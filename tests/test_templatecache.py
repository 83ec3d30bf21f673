"""Compiled templates kept between builds (leerlandschap/templatecache.py; issue 25: cache what does not change between
builds). Each test is one build after another: a new environment and a new cache object on the same folder, as a
new `mkdocs build` process has. That a whole site built with kept templates is byte-identical to one built without:
tests/test_site.py::test_two_builds_are_byte_identical."""
from __future__ import annotations

import os
import pickle

import jinja2
import pytest

from leerlandschap.templatecache import CACHE_VARIABLE, TemplateCache, cache_folder


class Counting(jinja2.Environment):
    """An environment that counts how often it compiles a template."""

    def __init__(self, **settings):
        super().__init__(**settings)
        self.compiled = 0

    def compile(self, *args, **kwargs):  # type: ignore[override]
        self.compiled += 1
        return super().compile(*args, **kwargs)


def build(templates, cache, **settings) -> Counting:
    """A new build's environment over `templates`, with a new cache object on the folder `cache` (made, as cache_folder
    makes it)."""
    if cache is not None:
        cache.mkdir(exist_ok=True)
    return Counting(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=TemplateCache(cache), **settings)


@pytest.fixture
def templates(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "pagina.html").write_text("<h1>{{ titel }}</h1>{% for r in regels %}<p>{{ r }}</p>{% endfor %}", encoding="utf-8")
    return folder


def test_a_template_compiled_by_one_build_is_used_by_the_next_without_compiling(tmp_path, templates):
    first = build(templates, tmp_path / "cache")
    shown = first.get_template("pagina.html").render(titel="Intervisie", regels=["a", "b"])
    assert first.compiled == 1 and list((tmp_path / "cache").iterdir())
    second = build(templates, tmp_path / "cache")
    assert second.get_template("pagina.html").render(titel="Intervisie", regels=["a", "b"]) == shown
    assert second.compiled == 0


def test_an_edited_template_is_compiled_again_and_shows_its_new_text(tmp_path, templates):
    build(templates, tmp_path / "cache").get_template("pagina.html").render(titel="x", regels=[])
    (templates / "pagina.html").write_text("<h2>{{ titel }}</h2>", encoding="utf-8")
    second = build(templates, tmp_path / "cache")
    assert second.get_template("pagina.html").render(titel="Nieuw") == "<h2>Nieuw</h2>"
    assert second.compiled == 1


def test_copies_of_a_project_share_the_compiled_code(tmp_path, templates):
    """A region's fork and the tests' projects hold the same templates in other folders."""
    build(templates, tmp_path / "cache").get_template("pagina.html").render(titel="x", regels=[])
    copy = tmp_path / "fork" / "templates"
    copy.mkdir(parents=True)
    (copy / "pagina.html").write_bytes((templates / "pagina.html").read_bytes())
    second = build(copy, tmp_path / "cache")
    assert second.get_template("pagina.html").render(titel="Fork", regels=[]) == "<h1>Fork</h1>"
    assert second.compiled == 0


def test_environments_with_other_settings_never_share_compiled_code(tmp_path, templates):
    (templates / "tekst.html").write_text("{{ tekst }}", encoding="utf-8")
    escaped = build(templates, tmp_path / "cache", autoescape=True)
    assert escaped.get_template("tekst.html").render(tekst="<b>") == "&lt;b&gt;"
    plain = build(templates, tmp_path / "cache", autoescape=False)
    assert plain.get_template("tekst.html").render(tekst="<b>") == "<b>"
    assert plain.compiled == 1
    trimmed = build(templates, tmp_path / "cache", autoescape=True, trim_blocks=True)
    assert trimmed.get_template("tekst.html").render(tekst="<b>") == "&lt;b&gt;"
    assert trimmed.compiled == 1


def test_an_autoescape_that_depends_on_the_template_is_part_of_what_is_kept(tmp_path, templates):
    """Jinja decides autoescape per template when it is a function (select_autoescape), and compiles it in."""
    (templates / "tekst.html").write_text("{{ tekst }}", encoding="utf-8")
    escaped = build(templates, tmp_path / "cache", autoescape=jinja2.select_autoescape(["html"]))
    assert escaped.get_template("tekst.html").render(tekst="<b>") == "&lt;b&gt;"
    plain = build(templates, tmp_path / "cache", autoescape=jinja2.select_autoescape(["xml"]))
    assert plain.get_template("tekst.html").render(tekst="<b>") == "<b>"
    assert plain.compiled == 1


def test_a_damaged_or_foreign_file_in_the_cache_is_never_run_and_the_template_is_compiled_again(tmp_path, templates):
    build(templates, tmp_path / "cache").get_template("pagina.html").render(titel="x", regels=[])
    (kept,) = (tmp_path / "cache").iterdir()
    marker = tmp_path / "uitgevoerd"

    class Payload:  # what unpickling this would do: write the marker file
        def __reduce__(self):
            return (open, (str(marker), "w"))

    for damaged in (kept.read_bytes()[:40], b"", b"onzin", jinja2.bccache.bc_magic + pickle.dumps(Payload())):
        kept.write_bytes(damaged)
        again = build(templates, tmp_path / "cache")
        assert again.get_template("pagina.html").render(titel="Hersteld", regels=["r"]) == "<h1>Hersteld</h1><p>r</p>"
        assert again.compiled == 1
    assert not marker.exists()


def test_without_a_folder_that_can_be_written_the_templates_are_kept_in_memory_only(tmp_path, templates, monkeypatch):
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "bestand" / "cache"))  # below a file: cannot be made
    assert cache_folder() is None
    monkeypatch.setenv(CACHE_VARIABLE, "")  # switched off
    assert cache_folder() is None
    env = build(templates, None)
    page = env.get_template("pagina.html")
    assert page.render(titel="Zonder", regels=[]) == "<h1>Zonder</h1>"
    env.cache.clear()  # Jinja's own template cache: the next load asks the bytecode cache, which has it in memory
    assert env.get_template("pagina.html").render(titel="Weer", regels=[]) == "<h1>Weer</h1>" and env.compiled == 1


def test_the_folder_is_per_jinja_and_python_version_and_private(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "eigen"))
    folder = cache_folder()
    assert folder is not None and folder.parent == tmp_path / "eigen"
    assert jinja2.__version__ in folder.name and folder.stat().st_mode & 0o077 == 0
    monkeypatch.delenv(CACHE_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "leerlandschap" / folder.name


def test_a_folder_of_another_user_is_not_trusted(tmp_path, monkeypatch):
    """Whoever can write the folder can change what a build runs."""
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "gedeeld"))
    folder = cache_folder()
    assert folder is not None
    try:
        os.chown(folder, os.getuid() + 1, -1)
    except PermissionError:
        pytest.skip("only root can give a folder to another user")
    assert cache_folder() is None
