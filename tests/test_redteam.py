"""Red team, round two: hostile region settings, assets, calendar and feed text, patterns and pathological Markdown.

Every case ends in a Dutch message that names the file and line (checked by its text), or is shown as inert text on
the built site. Nothing ends in a traceback, nothing is read or written outside the project.
"""
from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

import variants
from conftest import EXAMPLE_CONTENT, ROOT, build_cpu_seconds
from htmltools import parse_file
from leerlandschap import kinds, opendata
from leerlandschap.loader import check_content
from leerlandschap.render import markdown_html
from leerlandschap.schemas import Schema, Validator
from sitebuild import build, make_project

REGIO = "content/regio.yml"
MEETING = "content/tafels/intervisiegroep-1/2024-06-24.yml"
PRAKTIJK = "content/praktijken/leerlandschap-flevoland.yml"
SVG_OK = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n'
          '<defs><linearGradient id="g"><stop offset="0" stop-color="#1d4f91"/></linearGradient></defs>\n'
          '<rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/>\n</svg>\n')
PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """The example project once; each test works on its own copy of the content."""
    return make_project(tmp_path_factory.mktemp("redteam") / "base")


@pytest.fixture
def project(base, tmp_path):
    shutil.copytree(base / "content", tmp_path / "content")
    return tmp_path


def put(project: Path, rel: str, old: str, new: str) -> int:
    """Replace `old` by `new` in a file; the line `new` starts on."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (rel, old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def add(project: Path, rel: str, lines: str) -> int:
    """Append YAML lines to a file; the line the first one is on."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(text + lines, encoding="utf-8")
    return text.count("\n") + 1


def problems(project: Path) -> list[str]:
    content, found = check_content(project / "content", project)
    assert content is None, "the checker accepted a hostile input"
    return [str(p) for p in found]


def refused(project: Path, where: str, *phrases: str) -> None:
    """Some problem is on `where` (path:line) and says all `phrases`."""
    found = problems(project)
    assert any(p.startswith(where + ": ") and all(phrase in p for phrase in phrases) for p in found), found


def logo(project: Path, name: str, data: bytes | str) -> None:
    assets = project / "regio" / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / name).write_bytes(data.encode() if isinstance(data, str) else data)
    put(project, REGIO, "  adres: https://example.org/leerlandschap/\n",
        f"  adres: https://example.org/leerlandschap/\n  logo: {name}\n")


# --- Region settings -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    "javascript:alert(1)//",  # not a web address at all
    'https://x.nl/"><script>alert(1)</script>/',  # markup in the canonical link
    "https:///pad/",  # no host
    "https://x.nl/pad/\n",  # a trailing newline (written as a quoted YAML escape below)
    "ftp://x.nl/",
])
def test_the_site_address_is_a_web_address_with_a_host(project, value):
    line = put(project, REGIO, "  adres: https://example.org/leerlandschap/", f"  adres: {json.dumps(value)}")
    refused(project, f"{REGIO}:{line}", "adres: ", "moet beginnen met https://", "domeinnaam")


@pytest.mark.parametrize("value", ['https://github.com/a/b" onmouseover="alert(1)', "github.com/a/b", "https://"])
def test_the_repository_is_a_web_address_with_a_host_and_path(project, value):
    line = put(project, REGIO, "  adres: https://example.org/leerlandschap/",
               f"  adres: https://example.org/leerlandschap/\n  repository: {json.dumps(value)}") + 1
    refused(project, f"{REGIO}:{line}", "repository: ", "https://")


@pytest.mark.parametrize("value", ["feature..x", "-main", "main.lock", "a//b", "main/", ".verborgen", "main\" x=\"1",
                                   "HEAD", "a b", "a~1", "a:b", "@"])
def test_the_branch_follows_gits_rules(project, value):
    line = put(project, REGIO, "  adres: https://example.org/leerlandschap/",
               f"  adres: https://example.org/leerlandschap/\n  repository: https://github.com/voorbeeldregio/leerlandschap\n"
               f"  tak: {json.dumps(value)}") + 2
    refused(project, f"{REGIO}:{line}", "tak: ", "zoals git hem kent")


@pytest.mark.parametrize("value", ["javascript:alert(1)@x.nl", "leren@x", "https://", "a b@x.nl", "leren@x.nl\n"])
def test_the_contact_address_is_an_email_address_or_a_form(project, value):
    line = put(project, REGIO, "  adres: leerlandschap@example.org", f"  adres: {json.dumps(value)}")
    refused(project, f"{REGIO}:{line}", "adres: ", "algemeen e-mailadres")


@pytest.mark.parametrize("field,old", [("naam", "naam: Sociaal Domein Flevoland"),
                                       ("rol", "  rol: Contactpersoon CLM van Sociaal Domein Flevoland")])
@pytest.mark.parametrize("value,phrase", [("Regio\rZuid", "op één regel"), ("Regio\nZuid", "op één regel"),
                                          ("Regio\x01Zuid", "U+0001"), ("Regio\u2028Zuid", "op één regel"),
                                          ("Regio\ufffeZuid", "U+FFFE"), (" Regio", "spatie"),
                                          ("CafÃ©", "maakt er 'Café' van")])
def test_a_name_or_role_is_one_line_of_plain_characters(project, field, old, value, phrase):
    indent = old[:len(old) - len(old.lstrip())]
    line = put(project, REGIO, old, f"{indent}{field}: {json.dumps(value)}")
    refused(project, f"{REGIO}:{line}", f"{field}: ", phrase)


@pytest.mark.parametrize("value", ["#123456\n} body { background: url(https://evil.example/x) }", "#12345g", "red"])
def test_a_colour_is_only_a_colour(project, value):
    line = put(project, REGIO, '    primair: "#1d4f91"', f"    primair: {json.dumps(value)}")
    refused(project, f"{REGIO}:{line}", "primair: ", "#rrggbb")


def test_a_reference_with_a_line_break_is_shown_on_one_line(project):
    line = put(project, MEETING, "  - bestuurder", '  - "bestuurder\\nEXTRA: regel"')  # a YAML escape
    found = [p for p in problems(project) if p.startswith(f"{MEETING}:{line}: ")]
    assert found and all("\n" not in p for p in found), found
    assert any("Er is geen rol met de naam 'bestuurder\\u000aEXTRA: regel'" in p for p in found), found


def test_overlong_settings_are_refused_with_their_limit(project):
    line = put(project, REGIO, "  naam: Leerlandschap Flevoland", f"  naam: {'a' * 201}")
    refused(project, f"{REGIO}:{line}", "naam: Deze tekst is te lang: 201 tekens", "hoogstens 200")


# --- Assets ----------------------------------------------------------------------------------------------------

SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'


@pytest.mark.parametrize("body,line,phrase", [
    ("<script>alert(1)</script>", 2, "<script>"),
    ('<rect width="1" height="1" onload="alert(1)"/>', 2, "onload"),
    ('<g><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></g>', 2, "<foreignObject>"),
    ('<use xlink:href="https://evil.example/x.svg#a"/>', 2, "https://evil.example/x.svg#a"),
    ('<use href="data:image/svg+xml,&lt;svg/&gt;"/>', 2, "verwijst naar"),
    ('<style>rect { fill: url(https://evil.example/x) }</style>', 2, "url(...)"),
    ('<style>@import "https://evil.example/x.css";</style>', 2, "@import"),
    ('<rect style="fill:url( \'http://evil.example/x\' )"/>', 2, "url(...)"),
    ('<a href="#x"><rect/></a>', 2, "<a>"),
    ('<image href="https://evil.example/x.png"/>', 2, "<image>"),
    ('<set attributeName="href" to="javascript:alert(1)"/>', 2, "<set>"),
    ('<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script>', 2, "andere namespace"),
    # A style sheet split up by a character reference, CDATA sections or an element: the browser reads it whole
    # (opened directly, the first two loaded x.css and p.png from the other host in Chromium)
    ('<style>@imp&#111;rt "https://evil.example/x.css";</style>', 2, "@import"),
    ('<style>\nrect { fill: u<![CDATA[rl(https://evil.example/p.png)]]> }\n</style>', 2, "url(...)"),
    ('<style>@imp<g/>ort "https://evil.example/x.css";</style>', 2, "<g> binnen <style>"),
])
def test_an_svg_logo_may_only_draw(project, body, line, phrase):
    logo(project, "logo.svg", SVG_HEAD + body + "\n</svg>\n")
    refused(project, f"regio/assets/logo.svg:{line}", "Het bestand 'logo.svg' kan niet als logo", phrase)


@pytest.mark.parametrize("text,phrase", [
    ('<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
     '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>', "DOCTYPE"),
    ('<?xml version="1.0"?>\n<?xml-stylesheet href="https://evil.example/x.css"?>\n'
     '<svg xmlns="http://www.w3.org/2000/svg"/>', "xml-stylesheet"),
    ("<svg><rect/></svg>", "xmlns"),
])
def test_an_svg_with_a_doctype_stylesheet_or_no_namespace_is_refused(project, text, phrase):
    logo(project, "logo.svg", text)
    refused(project, "regio/assets/logo.svg:" + str(text[:text.index(phrase) if phrase != "xmlns" else 0].count("\n") + 1),
            "kan niet als logo", phrase)


@pytest.mark.parametrize("name,data,phrase", [
    ("logo.png", b"<html><script>alert(1)</script></html>", "geen afbeelding"),
    ("logo.png", b"GIF89a" + bytes(20), "geen afbeelding"),
    ("logo.png", SVG_OK, "is een SVG-bestand"),
    ("logo.jpg", PNG, "is een PNG-bestand"),
    ("logo.webp", b"RIFF\x00\x00\x00\x00WAVEfmt ", "geen afbeelding"),
])
def test_a_raster_logo_is_judged_by_its_bytes(project, name, data, phrase):
    logo(project, name, data)
    refused(project, f"regio/assets/{name}:1", f"Het bestand '{name}'", phrase)


def test_a_wrong_logo_is_said_together_with_other_problems_of_the_region_file(project):
    """All problems at once: a motto that is a number used to hide that the logo is no image (the file rules ran only
    on a region file without schema problems). A name the schema refuses gets that message only, not a second one."""
    logo(project, "logo.png", b"<html>geen plaatje</html>")
    motto = put(project, REGIO, "motto: Samen, Dichtbij en Leren wat werkt\n", "motto: 12\n")
    favicon = put(project, REGIO, "  logo: logo.png\n", "  logo: logo.png\n  favicon: icoon.gif\n") + 1
    found = problems(project)
    assert [p for p in found if p.startswith(f"{REGIO}:{motto}: motto:")]
    assert [p for p in found if p.startswith("regio/assets/logo.png:1: Het bestand 'logo.png'") and "geen afbeelding" in p]
    [only] = [p for p in found if p.startswith(f"{REGIO}:{favicon}:")]  # the schema's message, no "staat niet in"
    assert "'icoon.gif' heeft niet de goede vorm" in only


def test_a_missing_logo_is_said_beside_another_problem_of_the_region_file(project):
    put(project, REGIO, "  adres: https://example.org/leerlandschap/\n", "  adres: https://example.org/leerlandschap/\n"
        "  logo: bestaatniet.svg\n")
    motto = put(project, REGIO, "motto: Samen, Dichtbij en Leren wat werkt\n", "motto: [Samen, Dichtbij]\n")
    found = problems(project)
    assert [p for p in found if "'bestaatniet.svg'" in p and "regio/assets/" in p]
    assert [p for p in found if p.startswith(f"{REGIO}:{motto}: motto:")]


def test_clean_logos_pass(project):
    logo(project, "logo.svg", SVG_OK)
    (project / "regio" / "assets" / "icoon.png").write_bytes(PNG)
    put(project, REGIO, "  logo: logo.svg\n", "  logo: logo.svg\n  favicon: icoon.png\n")
    content, found = check_content(project / "content", project)
    assert found == [] and content is not None


@pytest.fixture
def fork(project):
    from regio import make_region  # scripts/regio.py, as `make regio` runs it

    make_region(project, naam="Regio Zuid", adres="https://zuid.example/", repository="", motto="Samen", forceer=False,
                contact="leren@zuid.example")
    return project


def test_make_regio_writes_a_name_as_text_never_as_yaml(project):
    from regio import make_region

    make_region(project, naam="Zuid: #1 {x} & 'co'", adres="https://zuid.example/", repository="", motto="Samen",
                forceer=False, contact="leren@zuid.example")
    content, found = check_content(project / "content", project)
    assert found == [] and content is not None
    assert content.regio.naam == "Zuid: #1 {x} & 'co'"
    assert content.of(kinds.BRON)["eigen-inbreng-zuid-1-x-co"].uitgever == "Zuid: #1 {x} & 'co'"


def test_make_regio_with_a_line_break_in_the_name_adds_no_field_and_writes_nothing(project):
    """The files are checked before they are written: the checker's message for the name, and no regio/ at all (a
    second try is then not refused with "Er is al een regio")."""
    from regio import make_region

    from common import Stop

    with pytest.raises(Stop) as stopped:
        make_region(project, naam="Zuid\nsoort: voorbeeld", adres="https://zuid.example/", repository="", motto="Samen",
                    forceer=False, contact="leren@zuid.example")
    bron = "regio/bronnen/eigen-inbreng-zuid-soort-voorbeeld.yml"
    assert f"{bron}:3: uitgever: Deze tekst hoort op één regel te staan, maar er staat een regeleinde in. Zet de " \
           "tekst op één regel. Begint de tekst met > of |? Schrijf dan >- of zet de tekst tussen aanhalingstekens." \
           in str(stopped.value)
    assert not re.search(r":\d+: soort:", str(stopped.value))  # no field 'soort' was injected (it would be unknown)
    assert str(stopped.value).startswith("Zo kan het regiobestand niet worden geschreven. Er is niets veranderd.")
    assert not (project / "regio").exists()


def test_make_regio_with_a_name_too_long_says_so_and_writes_nothing(project):
    """A name of 300 letters: the site's title and the region's own source (named after it) would be too long; the
    file name of that source was longer than a file system allows, which stopped halfway with an unexpected error."""
    from regio import make_region

    from common import Stop

    with pytest.raises(Stop) as stopped:
        make_region(project, naam="Regio " + "Lang" * 75, adres="https://zuid.example/", repository="", motto="Samen",
                    forceer=False, contact="leren@zuid.example")
    assert "regio/regio.yml:3: naam: Deze tekst is te lang: 306 tekens. Hier passen hoogstens 200 tekens." in str(stopped.value)
    assert not (project / "regio").exists()


def test_make_regio_with_a_long_real_name_gives_a_site_that_checks_clean(project):
    """A long name that fits (124 letters): the region's source gets a file name of whole words within 80 letters."""
    from regio import make_region

    naam = ("Regio Samenwerkingsverband Jeugdhulp en Jeugdbescherming in de gemeenten van de Kop van Noord-Holland en "
            "West-Friesland")
    make_region(project, naam=naam, adres="https://zuid.example/", repository="", motto="Samen", forceer=False,
                contact="leren@zuid.example")
    content, found = check_content(project / "content", project)
    assert found == [] and content is not None and content.regio.naam == naam
    [bron] = [b for b in content.of(kinds.BRON).values() if b.uitgever == naam]
    assert bron.id == "eigen-inbreng-regio-samenwerkingsverband-jeugdhulp-en-jeugdbescherming-in-de"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_an_assets_folder_that_is_a_symlink_is_refused_and_not_followed(fork, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elders")
    (elsewhere / "logo.svg").write_text("<script>geheim</script>", encoding="utf-8")
    shutil.rmtree(fork / "regio" / "assets", ignore_errors=True)
    os.symlink(elsewhere, fork / "regio" / "assets")
    put(fork, "regio/regio.yml", "site:\n", "site:\n  logo: logo.svg\n")
    found = problems(fork)
    assert "regio/assets:1: Dit is een snelkoppeling (symlink). In de map regio/ zijn snelkoppelingen niet toegestaan; " \
           "ze worden niet gelezen. Zet het bestand of de map zelf hier neer." in found
    assert not any("geheim" in p or "<script>" in p for p in found)  # nothing was read through the link


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_symlink_anywhere_under_regio_is_refused(fork):
    (fork / "regio" / "tafels").mkdir(exist_ok=True)
    os.symlink(fork / "content" / "tafels" / "leertafel-jggz.yml", fork / "regio" / "tafels" / "kopie.yml")
    assert "regio/tafels/kopie.yml:1: Dit is een snelkoppeling (symlink). In de map regio/ zijn snelkoppelingen niet " \
           "toegestaan; ze worden niet gelezen. Zet het bestand of de map zelf hier neer." in problems(fork)


# --- Calendars and feeds -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("field,value,phrase", [
    ("titel", "Gesprek\rATTENDEE:mailto:x@evil.example", "op één regel"),
    ("titel", "Gesprek\r\nURL:https://evil.example", "op één regel"),
    ("locatie", "Zaal 1\nLOCATION:elders", "op één regel"),
    ("titel", "Gesprek\x01", "U+0001"),
    ("locatie", "Zaal\x85", "op één regel"),
    ("titel", "C:\\Nieuw", "\\N"),
    ("tijd", "13:00\n", "13:00-15:00"),
])
def test_calendar_fields_are_single_lines(project, field, value, phrase):
    line = add(project, MEETING, f"{field}: {json.dumps(value)}\n") if field != "titel" else \
        put(project, MEETING, "titel: Intervisiegesprek 1", f"titel: {json.dumps(value)}")
    refused(project, f"{MEETING}:{line}", f"{field}: ", phrase)


@pytest.mark.parametrize("value,phrase", [("Eerste regel.\n\nDan \x01 dit.", "U+0001"), ("Tekst \ufffe", "U+FFFE"),
                                          ("Tekst \x1b[31m", "U+001B")])
def test_characters_xml_forbids_are_refused_in_long_text_too(project, value, phrase):
    line = add(project, MEETING, f"verslag: {json.dumps(value)}\n")
    refused(project, f"{MEETING}:{line}", "verslag: ", phrase, "nieuwsfeed")


@pytest.mark.parametrize("where,old,new", [
    (MEETING, "titel: Intervisiegesprek 1", 'titel: "Intervisie\\u202egesprek"'),  # an escape between quotes
    (MEETING, "titel: Intervisiegesprek 1", "titel: Intervisie\u202dgesprek"),  # the character itself
    (PRAKTIJK, "samenvatting: ", 'samenvatting: "Eerste alinea.\\n\\n\\u202bTweede."\nx_oud: '),  # Markdown, escaped
    (REGIO, "naam: Sociaal Domein Flevoland", 'naam: "Sociaal Domein \u202aFlevoland"'),
])
def test_a_character_that_turns_the_text_around_is_refused_in_every_field(project, where, old, new):
    """U+202A-U+202E make the rest of a title read backwards (or in another order than in the file) on every page,
    in the feed and in calendars; a neighbour's texts already lose them."""
    line = put(project, where, old, new)
    refused(project, f"{where}:{line}", "leesrichting omdraait (U+202")


def test_a_practice_summary_with_a_control_character_never_reaches_the_feed(project):
    line = put(project, PRAKTIJK, "samenvatting: ", 'samenvatting: "\\u0008 "\nx_oud: ')
    refused(project, f"{PRAKTIJK}:{line}", "samenvatting: ")


# --- Patterns --------------------------------------------------------------------------------------------------

VALID = {  # one valid value for every pattern in every schema, from what the field is for
    r"^#[0-9a-fA-F]{6}$": "#1d4f91",
    r"^([01][0-9]|2[0-3]):[0-5][0-9](-([01][0-9]|2[0-3]):[0-5][0-9])?$": "13:00-15:00",
    r"^[A-Za-z0-9._/-]+\.(svg|png|jpg|jpeg|webp)$": "logo.svg",
    r"^[A-Za-z0-9._/-]+\.(svg|png|jpg|jpeg|webp|ico)$": "favicon.ico",
    r"^[A-Za-z0-9]+$": "a1b2c3",
    r"^[A-Za-z0-9_-][A-Za-z0-9._/-]*\.ya?ml$": "content/praktijken/x.yml",
    r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$": "voorbeeldregio/leerlandschap",
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "mijn-item",
    r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*/$": "praktijken/mijn-item/",
    r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$": "tafel/2027-01-12",
    r"^bouwstenen/[a-z0-9]+(-[a-z0-9]+)*$": "bouwstenen/coordineer-het-leren",
}
URL_EXAMPLES = ["https://leren.voorbeeldregio.nl/", "https://github.com/voorbeeldregio/leerlandschap",
                "https://gitlab.voorbeeldregio.nl", "leren@voorbeeldregio.nl", "main"]


def all_patterns() -> list[tuple[str, str]]:
    found = []

    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "pattern":
                    found.append((where, value))
                else:
                    walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    for path in sorted((ROOT / "schemas").rglob("*.schema.json")):
        walk(json.loads(path.read_text(encoding="utf-8")), path.relative_to(ROOT).as_posix())
    return found


def example_for(pattern: str) -> str:
    if pattern in VALID:
        return VALID[pattern]
    matching = [value for value in URL_EXAMPLES if Validator({"pattern": pattern}).is_valid(value)]
    assert matching, f"no valid example for {pattern}: add one to VALID"
    return matching[0]


@pytest.mark.parametrize("where,pattern", all_patterns(), ids=lambda x: x if "/" in x and "^" not in x else "")
def test_every_pattern_matches_the_whole_value(where, pattern):
    value = example_for(pattern)
    validator = Validator({"type": "string", "pattern": pattern})
    assert validator.is_valid(value), (where, value)
    for tail in ("\n", "\r\n", " ", "\nx"):
        assert not validator.is_valid(value + tail), (where, value + tail)


def unbounded_texts(folder: Path = ROOT / "schemas") -> list[str]:
    """Every text in the authors' schemas without a maxLength (an enum or a date is bounded by itself), every
    number without a maximum, and every list without a maxItems."""
    found = []

    def walk(node, where):
        if isinstance(node, dict):
            types = node.get("type") if isinstance(node.get("type"), list) else [node.get("type")]
            if "string" in types and not {"maxLength", "enum", "const", "format"} & node.keys():
                found.append(where)
            if {"integer", "number"} & set(types) and "maximum" not in node:
                found.append(where)
            if ("array" in types or "items" in node) and "maxItems" not in node:
                found.append(where)
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    for path in sorted(folder.glob("*.schema.json")):
        walk(json.loads(path.read_text(encoding="utf-8")), path.name)
    return found


def test_every_text_and_number_of_a_schema_has_a_limit():
    """A text without one took 400 kB on one line onto a page ('bron_plek', the region's promises, 'gebied'); the
    editor gives each field the same limit (cms.py), so it is refused before saving too. A number of 29 digits
    ('volgorde', a tafel's 'aantal') went into pages and open data, where JavaScript reads it otherwise. A list was
    as long as the file allowed (thousands of agreements in one meeting, each on the tafel's page and in its
    calendar); the editor gets its maxItems as `max` (cms.py)."""
    assert unbounded_texts() == []


def test_a_new_list_without_a_limit_is_found(tmp_path):
    """The walk above sees a list however it is written: as "type": "array", in a list of types, or by its items."""
    (tmp_path / "x.schema.json").write_text(json.dumps({"type": "object", "properties": {
        "a": {"type": "array", "items": {"type": "string", "maxLength": 5}},
        "b": {"type": ["array", "null"], "items": {"type": "integer", "maximum": 9}},
        "c": {"items": {"type": "boolean"}},
        "d": {"type": "array", "maxItems": 3, "items": {"type": "boolean"}}}}), encoding="utf-8")
    assert unbounded_texts(tmp_path) == ["x.schema.json/properties/a", "x.schema.json/properties/b", "x.schema.json/properties/c"]


@pytest.mark.parametrize(("rel", "field", "most"), [(MEETING, "deelnemers", 100), (REGIO, "partners", 500),
                                                   (PRAKTIJK, "organisaties", 200)])
def test_a_list_over_its_limit_is_refused_with_its_length_and_limit(project, rel, field, most):
    key = put(project, rel, f"\n{field}:\n", f"\n{field}:\n" + "  - bestuurder\n" * most) + 1  # the line of `field:`
    count = len(yaml.safe_load((project / rel).read_text(encoding="utf-8"))[field])  # the example's items and `most`
    found = [p for p in problems(project) if "Deze lijst is te lang" in p]
    assert found == [f"{rel}:{key + 1}: {field}: Deze lijst is te lang: {count} items. Hier passen hoogstens {most} "
                     "items. Maak de lijst korter."], found


def longest_lists(content_dir: Path) -> dict[tuple[str, str], int]:
    """(schema, path of a list in it) -> the longest such list in the example content."""
    longest: dict[tuple[str, str], int] = {}

    def walk(value, name, where):
        if isinstance(value, list):
            longest[name, where] = max(longest.get((name, where), 0), len(value))
            for each in value:
                walk(each, name, where)
        elif isinstance(value, dict):
            for key, each in value.items():
                walk(each, name, f"{where}/properties/{key}")

    for path in sorted(content_dir.rglob("*.yml")):
        parts = path.relative_to(content_dir).parts
        kind = (kinds.REGIO if len(parts) == 1 else kinds.BIJEENKOMST if len(parts) == 3
                else kinds.DEFAULT.by_folder[parts[0]])
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), kind.name, "")
    return longest


def test_every_list_limit_leaves_the_example_content_a_wide_margin():
    """The limits are generous: ten times the longest list the example content has. One is exact: a region names
    each of the four phases a meeting can have at most once (rules.py checks the names)."""
    exact = {("regio", "/properties/fasen"): 4}
    tight = []
    for (name, where), count in longest_lists(EXAMPLE_CONTENT).items():
        node = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        for step in where.strip("/").split("/"):
            node = node[step] if step in node else node["items"][step]
        wanted = exact.get((name, where), 10 * count)
        if node["maxItems"] < wanted:
            tight.append(f"{name}{where}: maxItems {node['maxItems']}, the example has {count}")
    assert tight == []


def test_an_overlong_text_is_refused_with_its_limit(project):
    line = put(project, PRAKTIJK, 'bron_plek: "de hele bijlage"', f"bron_plek: {'woord ' * 60}x")
    refused(project, f"{PRAKTIJK}:{line}", "bron_plek: Deze tekst is te lang: 361 tekens", "hoogstens 300")


def test_a_huge_number_is_refused_with_its_limit(project):
    line = put(project, "content/bouwstenen/coordineer-het-leren.yml", "volgorde: 3", f"volgorde: {'9' * 29}")
    refused(project, f"content/bouwstenen/coordineer-het-leren.yml:{line}", "volgorde: Het getal moet 1000 of lager zijn.")


def test_the_schemas_and_the_export_use_the_whole_value_validator():
    assert isinstance(Schema.load("bijeenkomst").validator, Validator)
    assert isinstance(opendata.export_validator({}), Validator)
    assert len(all_patterns()) > 30  # the walk found the schemas


def test_an_agreement_id_with_a_newline_is_refused(project):
    line = add(project, MEETING, 'opbrengst:\n  afspraken:\n    - id: "nieuw-id\\n"\n      tekst: Iets.\n'
                                 "      status: open\n")
    refused(project, f"{MEETING}:{line + 2}", "id: ", "niet de goede vorm")


# --- Pathological text and dates ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,phrase", [
    ("[" * 5000, "vierkante haken"),
    ("[*](" * 2400, "vierkante haken"),
    ("[a " * 3000, "vierkante haken"),
    ("*_" * 4900, "heel veel * en _"),
    ("\n\n".join(["*a_" * 60] * 20), "heel veel * en _"),
    ("- " * 1000 + "diep", "lijsten of citaten in elkaar"),
    ("> " * 50 + "citaat", "lijsten of citaten in elkaar"),
    ("\n".join("    " * i + "- a" for i in range(30)), "lijsten of citaten in elkaar"),
    ("# a\n" * 450, "hoogstens 400 regels"),
    ("a" * 10001, "te lang: 10001 tekens"),
])
def test_pathological_markdown_is_refused_quickly(project, text, phrase):
    line = add(project, MEETING, "verslag: " + json.dumps(text) + "\n")
    start = time.process_time()  # CPU time of this process: what the input costs, not how busy the machine is
    refused(project, f"{MEETING}:{line}", "verslag: ", phrase)
    assert time.process_time() - start < 5  # the check itself is not the slow part


def test_the_renderer_stays_fast_and_whole_on_what_the_checker_refuses():
    """Defence in depth: text that did not pass the checker (a neighbour's, say) cannot stall or crash a build."""
    for text in ("[" * 20000, "[*](" * 3000, "- " * 1000 + "x", "1. " * 1000 + "x"):
        start = time.process_time()  # CPU time: other tests on the same cores (xdist) do not count
        html = markdown_html(text)
        assert time.process_time() - start < 3 and html.startswith("<")
    assert markdown_html("![a](https://tracker.example/p.png) [b](https://x.nl)") == \
        '<p>a <a href="https://x.nl">b</a></p>'  # and the renderer still works as before afterwards


@pytest.mark.parametrize("name", ["9999-12-31.yml", "1999-12-31.yml"])
def test_a_meeting_file_named_outside_2000_2100_is_refused(project, name):
    source = project / MEETING
    target = source.with_name(name)
    source.rename(target)
    rel = target.relative_to(project).as_posix()
    assert f"{rel}:1: De datum in de bestandsnaam '{name}' ligt niet tussen 2000 en 2100. Geef het bestand de datum " \
           "van de bijeenkomst als naam, bijvoorbeeld '2024-06-24.yml'." in problems(project)
    put(project, rel, "datum: 2024-06-24", f"datum: {name[:10]}")  # and the date inside it, too
    assert problems(project) == [f"{rel}:3: datum: {name[:10]} ligt niet tussen 2000 en 2100. Controleer het jaartal, "
                                 "bijvoorbeeld 2027-01-01."]


def test_a_deadline_after_2100_is_refused(project):
    line = add(project, MEETING, "opbrengst:\n  afspraken:\n    - tekst: Iets.\n      status: open\n"
                                 "      deadline: 2101-01-01\n")
    refused(project, f"{MEETING}:{line + 4}", "deadline: 2101-01-01 ligt niet tussen 2000 en 2100")


# --- No traceback from the scripts -------------------------------------------------------------------------

def run_script(project: Path, script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args], cwd=project, capture_output=True,
                          text=True, timeout=300)


def test_the_checker_script_lists_everything_without_a_traceback(project):
    (project / MEETING).rename(project / MEETING.replace("2024-06-24", "9999-12-31"))
    add(project, PRAKTIJK, 'x_titel: "a\\rb"\n')
    put(project, REGIO, "  adres: https://example.org/leerlandschap/", '  adres: "javascript:alert(1)"')
    result = run_script(project, "check.py", "--content", str(project / "content"))
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "content/tafels/intervisiegroep-1/9999-12-31.yml:1:" in result.stdout
    assert f"{REGIO}:22: adres: 'javascript:alert(1)' heeft niet de goede vorm." in result.stdout


def test_an_unexpected_error_becomes_a_dutch_message_naming_the_file(project, monkeypatch, capsys):
    import check  # scripts/check.py

    from common import guarded
    from leerlandschap import filecheck

    def broken(item, size, schema):
        if item.display == PRAKTIJK:
            raise RuntimeError("kapot")
        return real(item, size, schema)

    real = filecheck.read_file
    monkeypatch.setattr(filecheck, "read_file", broken)
    code = guarded(lambda: check.main(["--content", str(project / "content")]), "de inhoud")
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.startswith(f"Er ging iets onverwacht mis bij {PRAKTIJK} (RuntimeError). Er is niets veranderd.")


def test_an_unexpected_error_without_a_file_does_not_ask_to_check_this_file(project, monkeypatch, capsys):
    """The message names a task then ('de inhoud in content/ en regio/'), so "Controleer dit bestand" points nowhere."""
    import check  # scripts/check.py

    from common import guarded
    from leerlandschap import guard

    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(check, "check_content", broken)  # fails before any one file is read
    code = guarded(lambda: check.main(["--content", str(project / "content")]), "de inhoud in content/ en regio/")
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.startswith("Er ging iets onverwacht mis bij de inhoud in content/ en regio/ (RuntimeError).")
    assert "dit bestand" not in err and "Kijk of er in je laatste wijziging iets ongewoons staat" in err
    # The plugin's hooks and the late writers word it the same way; a message with a file still names it.
    assert "dit bestand" not in guard.message(ValueError(), "de zoekindex")
    with pytest.raises(KeyError) as caught, guard.working_on(PRAKTIJK):
        raise KeyError("x")
    assert f"bij {PRAKTIJK} (KeyError)" in guard.message(caught.value, "de zoekindex")
    assert "Controleer dit bestand" in guard.message(caught.value, "de zoekindex")


@pytest.mark.build  # runs `mkdocs build` itself (the conftest hook sees only sitebuild.build)
def test_an_unexpected_error_in_a_build_is_a_dutch_message(base, tmp_path):
    project = make_project(tmp_path / "p", base / "content")
    agenda = project / "leerlandschap" / "agenda.py"  # a broken writer in this copy of the kit only
    agenda.write_text(agenda.read_text(encoding="utf-8").replace('    cal = icalendar.Calendar()\n',
                                                                 '    cal = icalendar.Calendar()\n    1 / 0\n'),
                      encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(project))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d",
                             str(tmp_path / "uit")], cwd=project, env=env, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    # The calendars are written as a build ends, beside the search index (the plugin's on_post_build).
    assert "Er ging iets onverwacht mis bij de agenda's, de open data en vragen.json (ZeroDivisionError)" in output
    assert "dit bestand" not in output  # no file is named, so none is pointed at


# --- A whole site with the worst inputs that pass ----------------------------------------------------------

def worst_allowed(project: Path) -> None:
    """Fill every Markdown field of every file with the slowest text the checker still lets through."""
    brackets = "[" * 2 + "a" * 9000  # costs ~18,000 of the 30,000 bracket budget
    nested = "\n".join("    " * i + "- a" for i in range(10))
    headers = "\n".join(["# a", "---"] * 190)
    table = "a|b\n-|-\n" + "a|b\n" * 390
    emphasis = "*_" * 70 + "\n\n" + ("*a_" * 20 + "\n\n") * 3  # just under the emphasis budget (24,400)
    worst = [brackets, nested, headers, table, emphasis, "<" * 9999, "`" * 9999, "[*](" * 4 + "a" * 3000 + ")"]
    schemas = {}
    for path in sorted((project / "content").rglob("*.yml")):
        kind = {"bouwstenen": "bouwsteen", "praktijken": "praktijk", "tafels": "tafel", "themas": "thema",
                "vragensets": "vragenset", "rollen": "rol", "bronnen": "bron"}.get(path.parent.name, "bijeenkomst")
        if path.name == "regio.yml":
            kind = "regio"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        schema = schemas.setdefault(kind, Schema.load(kind))
        for i, (key, sub) in enumerate(schema.schema["properties"].items()):
            if key in data and "markdown" in str(sub.get("description", "")).lower():
                data[key] = worst[(i + len(path.name)) % len(worst)]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_site_of_the_worst_allowed_inputs_builds_within_twice_the_normal_time(base, example_project, tmp_path):
    """Measured in CPU seconds of the build and what it starts, so that other work on the machine does not count;
    the normal build is the shared example site's (the same content as `base`, built once per run)."""
    normal_cpu = build_cpu_seconds(example_project)
    worst = make_project(tmp_path / "worst", base / "content")
    worst_allowed(worst)
    content, found = check_content(worst / "content", worst)
    assert found == [] and content is not None  # all of it passes the checker
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = build(worst)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    worst_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    assert result.returncode == 0, result.stdout + result.stderr
    print(f"normal build {normal_cpu:.1f} s CPU, worst allowed inputs {worst_cpu:.1f} s CPU")
    assert worst_cpu <= 2 * normal_cpu, (worst_cpu, normal_cpu)


# --- Settings on the built site are inert ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_site(hostile_project):
    """A fork whose region name, role, site name, description, repository, branch and SVG logo are hostile
    (variants.make_hostile: shared with test_region_escape and test_browser_redteam)."""
    return hostile_project / "site"


HAND_WRITTEN = ["index.html", "over/index.html", "privacy/index.html", "toegankelijkheid/index.html",
                "bijdragen/index.html"]


@pytest.mark.parametrize("page", HAND_WRITTEN)
def test_settings_on_hand_written_pages_are_text(hostile_site, page):
    root = parse_file(hostile_site / page)
    for element in root.find_all():
        assert not any(name.startswith("on") for name in element.attrs), (page, element.tag, element.attrs)
        for name in ("src", "href"):
            value = element.attrs.get(name) or ""
            assert "evil.example" not in value and not value.startswith("javascript:"), (page, element.attrs)
    assert not any("alert(" in s.all_text() for s in root.find_all("script"))
    text = " ".join(root.all_text().split())
    if page != "index.html":
        assert variants.REGION in text or variants.SITE_NAME in text, page
    if page in ("over/index.html", "privacy/index.html", "toegankelijkheid/index.html", "bijdragen/index.html"):
        assert variants.ROLE_IN_TEXT in text, page


def test_canonical_and_edit_links_are_exact(hostile_site):
    root = parse_file(hostile_site / "over" / "index.html")
    [canonical] = [link for link in root.find_all("link") if link.attrs.get("rel") == "canonical"]
    assert canonical.attrs["href"] == variants.ADDRESS + "over/"
    # A fork edits only its own files (regio/): the hand-written pages are upstream's and have no edit link there.
    assert [a for a in root.find_all("a") if "/edit/" in (a.attrs.get("href") or "")] == []
    [own] = list((hostile_site / "bronnen").glob("eigen-inbreng-*/index.html"))  # the region's own source (make regio)
    edits = [a.attrs["href"] for a in parse_file(own).find_all("a") if "/edit/" in (a.attrs.get("href") or "")]
    assert variants.BRANCH == "feature/x+y"  # the + is escaped in the path
    assert edits == [f"{variants.REPOSITORY}/edit/feature/x%2By/regio/bronnen/{own.parent.name}.yml"]
    [meta] = root.find_all("meta", attrs={"name": "description"})
    assert meta.attrs["content"] == variants.DESCRIPTION


def test_the_feed_and_calendars_carry_the_hostile_name_as_text(hostile_site):
    import feedparser
    import icalendar

    parsed = feedparser.parse((hostile_site / "nieuw.xml").read_bytes())
    assert not parsed.bozo and parsed.feed.author_detail.name == variants.REGION
    calendar = icalendar.Calendar.from_ical((hostile_site / "agenda" / "alle-tafels.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == f"Alle tafels op de site van {variants.REGION}"


def test_template_syntax_in_a_setting_is_shown_never_run(hostile_site):
    """Not named in the issue: Jinja in the region's name or role (the macros render hand-written pages as templates)."""
    assert "Regio {{ 7*7 }} {% if 1 %}JA{% endif %}" in variants.REGION and "{{ cycler.__init__.__globals__ }}" in variants.ROLE
    for page in ("over/index.html", "bijdragen/index.html"):
        text = " ".join(parse_file(hostile_site / page).all_text().split())
        assert "Regio 49" not in text and ("over" not in page or variants.REGION in text), page
        assert variants.ROLE_IN_TEXT in text and "<function" not in text, page


def test_a_fork_hears_which_template_texts_are_not_filled_in_and_only_of_its_own_files(fork):
    """`make regio` and `make new` write "Schrijf hier ..." where the author's own text goes; the site would show it
    to readers. `make check` names each such field with its line (information: `make new` must stay checkable).
    The plain-language hints are for the region's own files only: content/ is upstream's, the region does not edit it."""
    new = subprocess.run([sys.executable, str(ROOT / "scripts" / "nieuw.py"), "praktijk", "--titel", "Samen lunchen",
                          "--content", str(fork / "content")], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert new.returncode == 0, new.stderr
    result = run_script(fork, "check.py", "--content", "content")
    assert result.returncode == 0, result.stdout
    out = result.stdout
    start = out.index("Ter info: 3 teksten uit een sjabloon zijn nog niet ingevuld: ze beginnen met 'Schrijf hier'.")
    listed = out[start:].split("\n\n")[0].splitlines()[1:]
    regio_line = (fork / "regio" / "regio.yml").read_text(encoding="utf-8").splitlines().index("beschrijving: |") + 1
    assert listed == [f"regio/regio.yml:{regio_line}: beschrijving", "regio/praktijken/samen-lunchen.yml:3: samenvatting",
                      "regio/praktijken/samen-lunchen.yml:4: beschrijving"]
    assert "\ncontent/" not in out  # no hint about upstream's files (the B1 report listed 38 of them)


def test_a_site_address_with_http_is_allowed_and_said(fork):
    """A region's own server may lack https; the site still builds, but `make check` says what it costs: a browser
    warning for readers, and other regions cannot add it as a neighbour (they read https:// only)."""
    put(fork, "regio/regio.yml", '  adres: "https://zuid.example/"', '  adres: "http://leren.zuid.nl/"')
    result = run_script(fork, "check.py", "--content", "content")
    assert result.returncode == 0, result.stdout
    assert "Ter info: het adres van de site begint met http:// (regio/regio.yml:" in result.stdout
    assert "niet als buur lezen: die lezen alleen adressen met https://." in result.stdout
    put(fork, "regio/regio.yml", '  adres: "http://leren.zuid.nl/"', '  adres: "https://leren.zuid.nl/"')
    assert "begint met http://" not in run_script(fork, "check.py", "--content", "content").stdout
