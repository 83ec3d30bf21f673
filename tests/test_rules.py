"""Rules across fields: times and dates in order, a meeting's file named after its date, the region's logo present."""
import os
import subprocess
import sys

import pytest

from conftest import EXAMPLE_CONTENT, ROOT
from leerlandschap.items import Item
from leerlandschap.kinds import BIJEENKOMST, REGIO, TAFEL
from leerlandschap.rules import check_rules
from leerlandschap.schemas import Schema
from leerlandschap.yamlsource import read_yaml

TAFEL_TEXT = ("titel: Tafel\nsoort: leertafel\nsamenvatting: S.\ndoel: D.\nstatus: actief\nstartdatum: 2026-03-01\n"
              "einddatum: {eind}\nbron: bron-a\n")
REGIO_TEXT = "naam: Regio\nmotto: M.\nbeschrijving: B.\nsite:\n  naam: Site\n{site}bron: bron-a\n"


def item(kind, path, text, root, ident=None, schema_checked=True):
    """An item as the loader hands it to the rules: read, schema-checked, valid only without problems."""
    if text is None:
        text = path.read_text(encoding="utf-8")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    display = path.relative_to(root).as_posix()
    doc, found = read_yaml(text, display)
    if doc is not None and schema_checked:
        found += Schema.load(kind.name).validate(doc, display)
    return Item(type=kind, id=ident or path.stem, path=path, display=display, doc=doc,
                valid=doc is not None and not found)


def meeting(tmp_path, name, text, **kwargs):
    return item(BIJEENKOMST, tmp_path / "content" / "tafels" / "t" / name, text, tmp_path, f"t/{name[:-4]}", **kwargs)


def rules(items=(), regio=None, assets_dir=None):
    return [str(p) for p in check_rules(list(items), regio, assets_dir)]


def test_the_end_time_lies_after_the_start_time(tmp_path):
    wrong = meeting(tmp_path, "2026-01-12.yml", 'datum: 2026-01-12\ntijd: "15:00-13:00"\n')
    same = meeting(tmp_path, "2026-01-13.yml", 'datum: 2026-01-13\nlocatie: Lelystad\ntijd: "13:00-13:00"\n')
    right = [meeting(tmp_path, "2026-01-14.yml", 'datum: 2026-01-14\ntijd: "13:00-15:00"\n'),
             meeting(tmp_path, "2026-01-15.yml", 'datum: 2026-01-15\ntijd: "09:30"\n')]
    assert all(m.valid for m in [wrong, same, *right])
    assert rules([wrong, same, *right]) == [
        'content/tafels/t/2026-01-12.yml:2: tijd: De eindtijd (13:00) ligt niet na de begintijd (15:00). Schrijf eerst de '
        'begintijd en dan de eindtijd, bijvoorbeeld "13:00-15:00".',
        'content/tafels/t/2026-01-13.yml:3: tijd: De eindtijd (13:00) ligt niet na de begintijd (13:00). Schrijf eerst de '
        'begintijd en dan de eindtijd, bijvoorbeeld "13:00-15:00".']


def test_hours_and_minutes_that_do_not_exist(tmp_path):
    # The schema's pattern already refuses these; the rule stands on its own should the pattern ever be widened.
    late = meeting(tmp_path, "2026-01-12.yml", 'datum: 2026-01-12\ntijd: "24:00-25:61"\n', schema_checked=False)
    assert rules([late]) == [
        "content/tafels/t/2026-01-12.yml:2: tijd: '24:00-25:61' is geen bestaande tijd. Uren gaan van 00 tot en met 23, "
        "minuten van 00 tot en met 59."]


def test_a_tafel_does_not_end_before_it_starts(tmp_path):
    tafels = tmp_path / "content" / "tafels"
    wrong = item(TAFEL, tafels / "omgekeerd.yml", TAFEL_TEXT.format(eind="2026-02-28"), tmp_path)
    same_day = item(TAFEL, tafels / "een-dag.yml", TAFEL_TEXT.format(eind="2026-03-01"), tmp_path)
    right = item(TAFEL, tafels / "goed.yml", TAFEL_TEXT.format(eind="2027-01-01"), tmp_path)
    open_ended = item(TAFEL, tafels / "open.yml", TAFEL_TEXT.replace("einddatum: {eind}\n", ""), tmp_path)
    assert all(t.valid for t in [wrong, same_day, right, open_ended])
    assert rules([wrong, same_day, right, open_ended]) == [
        "content/tafels/omgekeerd.yml:7: einddatum: De einddatum (2026-02-28) ligt voor de startdatum (2026-03-01). "
        "Controleer beide datums."]


def test_a_meeting_file_is_named_after_its_date(tmp_path):
    items = [meeting(tmp_path, "2025-02-30.yml", "datum: 2025-02-28\n"),
             meeting(tmp_path, "verslag.yml", "datum: 2026-01-12\n"),
             meeting(tmp_path, "2026-01-12.yml", "titel: Eerste\ndatum: 2026-01-13\n"),
             meeting(tmp_path, "2026-01-14-2.yml", "datum: 2026-01-14\n"),  # a second meeting that day, as `make new` names it
             meeting(tmp_path, "2026-01-14-middag.yml", "datum: 2026-01-14\n"),
             meeting(tmp_path, "2026-01-15-3.yml", "datum: 2026-01-16\n")]
    assert all(m.valid for m in items)
    assert rules(items) == [
        "content/tafels/t/2025-02-30.yml:1: De bestandsnaam '2025-02-30.yml' bevat geen bestaande datum. Geef het bestand "
        "de datum van de bijeenkomst als naam, bijvoorbeeld '2025-02-28.yml'.",
        "content/tafels/t/verslag.yml:1: De naam van dit bestand moet beginnen met de datum van de bijeenkomst, "
        "bijvoorbeeld '2026-01-12.yml'."]
    # A datum other than the file name's (a date corrected in the browser editor, which cannot rename a file) is no
    # problem: `make check` mentions it as information (tests/test_tafels.py).


def test_only_schema_valid_items_are_judged(tmp_path):
    broken = meeting(tmp_path, "2025-02-30.yml", 'datum: 2025-02-28\ntijd: "15:00-13:00"\nonbekend: x\n')
    unreadable = meeting(tmp_path, "verslag.yml", "datum: [\n")
    tafel = item(TAFEL, tmp_path / "content" / "tafels" / "x.yml", TAFEL_TEXT.format(eind="2026-02-28") + "soort2: x\n",
                 tmp_path)
    regio = item(REGIO, tmp_path / "content" / "regio.yml", REGIO_TEXT.format(site="  logo: logo.svg\n") + "x: 1\n", tmp_path)
    assert not any(i.valid for i in [broken, unreadable, tafel, regio])
    # Except the region file's logo and favicon: files beside it, judged when their own name is valid, so that a
    # problem elsewhere in the region file does not hide them (every problem at once).
    [logo] = rules([broken, unreadable, tafel], regio)
    assert logo.startswith("content/regio.yml:") and "Het bestand 'logo.svg' bestaat niet" in logo


def regio_with(tmp_path, site):
    return item(REGIO, tmp_path / "regio" / "regio.yml", REGIO_TEXT.format(site=site), tmp_path)


def test_logo_and_favicon_must_be_files_in_the_assets_folder(tmp_path):
    assets = tmp_path / "regio" / "assets"
    (assets / "img").mkdir(parents=True)
    (assets / "Logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (assets / "img" / "icoon.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))  # only what the checker reads
    (assets / "map.png").mkdir()  # a folder is not a file
    regio = regio_with(tmp_path, "  logo: logo.svg\n  favicon: map.png\n")
    assert regio.valid
    assert rules(regio=regio, assets_dir=assets) == [
        "regio/regio.yml:6: logo: Het bestand 'logo.svg' staat niet in regio/assets/. Bedoel je 'Logo.svg'? Zet het "
        "bestand daar, of haal het veld weg.",
        "regio/regio.yml:7: favicon: Het bestand 'map.png' staat niet in regio/assets/. Zet het bestand daar, of haal "
        "het veld weg."]
    assert rules(regio=regio_with(tmp_path, "  logo: Logo.svg\n  favicon: img/icoon.png\n"), assets_dir=assets) == []
    assert rules(regio=regio_with(tmp_path, ""), assets_dir=None) == []  # nothing named, nothing needed


def test_without_an_assets_folder_a_named_logo_is_a_problem(tmp_path):
    regio = regio_with(tmp_path, "  logo: logo.svg\n")
    expected = ["regio/regio.yml:6: logo: Het bestand 'logo.svg' bestaat niet: er is geen map regio/assets/. Maak die "
                "map en zet het bestand erin, of haal het veld weg."]
    assert rules(regio=regio, assets_dir=None) == expected
    assert rules(regio=regio, assets_dir=tmp_path / "regio" / "assets") == expected  # a folder that is not there


def test_a_logo_cannot_point_outside_the_assets_folder(tmp_path):
    assets = tmp_path / "regio" / "assets"
    assets.mkdir(parents=True)
    (tmp_path / "geheim.png").write_bytes(b"png")
    regio = regio_with(tmp_path, "  logo: ../../geheim.png\n  favicon: /etc/x.png\n")
    assert rules(regio=regio, assets_dir=assets) == [
        "regio/regio.yml:6: logo: Het bestand moet in regio/assets/ staan. Schrijf de naam zoals die daar staat, zonder "
        "'..' of '/' aan het begin, bijvoorbeeld 'geheim.png'.",
        "regio/regio.yml:7: favicon: Het bestand moet in regio/assets/ staan. Schrijf de naam zoals die daar staat, "
        "zonder '..' of '/' aan het begin, bijvoorbeeld 'x.png'."]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_logo_that_links_outside_the_assets_folder(tmp_path):
    assets = tmp_path / "regio" / "assets"
    assets.mkdir(parents=True)
    (tmp_path / "geheim.png").write_bytes(b"png")
    (assets / "logo.png").symlink_to(tmp_path / "geheim.png")
    assert rules(regio=regio_with(tmp_path, "  logo: logo.png\n"), assets_dir=assets) == [
        "regio/regio.yml:6: logo: 'logo.png' is een snelkoppeling naar een plek buiten regio/assets/. Zet het "
        "bestand zelf in regio/assets/."]


def test_the_example_content_keeps_the_rules():
    content = ROOT / "content"
    items = [item(TAFEL, p, None, ROOT) for p in sorted((content / "tafels").glob("*.yml"))]
    items += [item(BIJEENKOMST, p, None, ROOT, f"{p.parent.name}/{p.stem}") for p in sorted((content / "tafels").glob("*/*.yml"))]
    regio = item(REGIO, content / "regio.yml", None, ROOT)
    assert items and all(i.valid for i in items) and regio.valid
    assets = ROOT / "regio" / "assets"
    assert rules(items, regio, assets if assets.is_dir() else None) == []
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content"], cwd=EXAMPLE_CONTENT.parent,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

