"""The checker as authors meet it: every problem at once, exact Dutch lines, non-zero exit."""
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import EXAMPLE_CONTENT, FIXTURES, ROOT
from leerlandschap.loader import check_content, load_content
from leerlandschap.patterns import slugify
from leerlandschap.problems import ContentError

BROKEN = FIXTURES / "broken"
EXPECTED = (BROKEN / "expected.txt").read_text(encoding="utf-8")


def run_check(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), *args],
                          cwd=cwd, capture_output=True, text=True, encoding="utf-8")


def test_broken_fixture_reports_exactly_the_expected_lines():
    result = run_check("--content", "content", cwd=BROKEN)
    assert result.returncode == 1
    assert result.stdout == EXPECTED


def test_broken_fixture_covers_every_kind_of_mistake():
    # The golden file is only worth something if it holds each mistake the checker promises to catch.
    for needle in ["tab-teken", "Het bestand is leeg", "dubbele punt", "Het verplichte veld", "Hier hoort een heel getal",
                   "Bedoel je 'titel'?", "geen geldige datum", "ja/nee-waarde", "gelezen als datum", "gelezen als het getal",
                   "staat hier twee keer", "bestaat al, in", "Er is geen thema", "Er is geen rol", "geen reflectievraag",
                   "kan niet. Gebruik alleen", "niet de goede vorm", "komt twee keer voor", "geen tafel met die naam",
                   "wordt niet gelezen", "geen eerdere afspraak met de naam",
                   # safe at the edges: YAML tricks, files from elsewhere, reserved names, rules across fields
                   "Een & of *", "aan het begin van een waarde kan hier niet", "meer dan 20 lijsten", "snelkoppeling naar een plek",
                   "gebruikt de site zelf al", "De eindtijd (13:00) ligt niet na de begintijd", "ligt voor de startdatum",
                   "bevat geen bestaande datum", "er is geen map regio/assets/",
                   "verzonnen voorbeeld, maar de tafel",
                   # untrusted text: single lines, characters XML forbids, whole-value patterns, Markdown, dates
                   "hoort op één regel te staan", "(U+0001)", "'13:00\\u000a' heeft niet de goede vorm",
                   "vierkante haken", "ligt niet tussen 2000 en 2100"]:
        assert needle in EXPECTED, needle
    assert all(re.match(r"content/\S.*\.\w+:\d+: \S", line) for line in EXPECTED.splitlines()[:-2])


def test_example_content_checks_clean():
    # The example, not the fork's own site: a region that hides a bouwsteen (`verbergen`) failed its CI here.
    result = run_check("--content", "content", cwd=EXAMPLE_CONTENT.parent)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("Inhoud in orde: 18 bouwstenen in 6 thema's")


def test_load_content_raises_with_all_problems():
    with pytest.raises(ContentError) as info:
        load_content(BROKEN / "content")
    assert len(info.value.problems) == len(EXPECTED.splitlines()) - 2


def test_a_reference_problem_points_at_the_line_of_the_reference(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / "praktijken" / "leerlandschap-flevoland.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("- ") and "bouwstenen:" in lines[i - 1])
    lines[index] = lines[index].split("- ")[0] + "- coordineer-het-lere"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = check_content(content, tmp_path)
    assert [str(p) for p in problems] == [
        f"content/praktijken/leerlandschap-flevoland.yml:{index + 1}: bouwstenen: Er is geen bouwsteen met de naam "
        "'coordineer-het-lere' (in bouwstenen/). Kijk of de naam goed gespeld is. Bedoel je 'coordineer-het-leren'?"]


def test_missing_region_file_and_missing_folder(tmp_path):
    (tmp_path / "content").mkdir()
    assert [str(p) for p in check_content(tmp_path / "content", tmp_path)[1]] == [
        "content/regio.yml:1: Het regiobestand ontbreekt. Maak content/regio.yml met de gegevens van je regio."]
    result = run_check("--content", str(tmp_path / "nergens"))
    assert result.returncode == 1 and "De map met inhoud bestaat niet." in result.stdout


def test_slugify():
    assert slugify("Coördineer het leren!") == "coordineer-het-leren"
    assert slugify("Creëer blijvende ruimte") == "creeer-blijvende-ruimte"


@pytest.mark.parametrize("wrong, line", [
    (1, "1 probleem gevonden in 1 bestand. Los het op en controleer opnieuw met 'make check'."),
    (2, "2 problemen gevonden in 1 bestand. Los ze op en controleer opnieuw met 'make check'."),
])
def test_the_last_line_of_a_check_counts_in_plain_dutch(tmp_path, wrong, line):
    """One problem is "het", more are "ze" (taalniveau B1: "1 probleem ... Los ze op" reads as a mistake)."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / "praktijken" / "leerlandschap-flevoland.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "onbekend: x\n" + ("ookonbekend: y\n" if wrong == 2 else ""), encoding="utf-8")
    result = run_check("--content", str(content))
    assert result.returncode == 1 and result.stdout.rstrip().splitlines()[-1] == line, result.stdout


def test_a_duplicate_id_is_named_after_what_the_list_holds(tmp_path):
    # Two agreements with one id: the message speaks of agreements ("afspraak"), not of questions.
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    (content / "tafels" / "voorbeeldtafel-jongeren-rond-18" / "2027-01-12.yml").write_text(
        'datum: "2027-01-12"\nopbrengst:\n  afspraken:\n'
        '    - id: "warme-overdracht"\n      tekst: "Regel het."\n      eigenaar: "coordinator"\n      status: "open"\n'
        '    - id: "warme-overdracht"\n      tekst: "Nog eens."\n      eigenaar: "coordinator"\n      status: "open"\n',
        encoding="utf-8")
    _, found = check_content(content, tmp_path)
    assert [str(p) for p in found] == [
        "content/tafels/voorbeeldtafel-jongeren-rond-18/2027-01-12.yml:8: id: 'warme-overdracht' komt twee keer voor in "
        "deze lijst. Geef elke afspraak een eigen, andere naam."]


@pytest.mark.parametrize("name, written", [
    (b"x\x1b[2J\x1b[31mrood\nInhoud in orde.yml", "x\\u001b[2J\\u001b[31mrood\\u000aInhoud in orde.yml"),  # escape codes
    (b"caf\xe9.yml", "caf\\udce9.yml"),  # a byte that is not UTF-8 (Latin-1 from an old zip file)
    (b"a\xe2\x80\xaelmy.yml", "a\\u202elmy.yml"),  # a direction override: the rest of the line read backwards
])
def test_a_file_name_of_any_bytes_is_one_printable_line_of_the_report(tmp_path, name, written):
    """make check prints a file's name: a newline in it made a second, fake line, an escape code reached the terminal
    (or the CI log), and with a terminal that is strict about UTF-8 a byte that is not stopped make check itself."""
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    (content / "praktijken").joinpath(os.fsdecode(name)).write_text("titel: x\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content"], cwd=tmp_path,
                            capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"})
    lines = result.stdout.decode("utf-8").splitlines()
    assert result.returncode == 1 and result.stderr == b""
    assert lines[0].startswith(f"content/praktijken/{written}:1: De bestandsnaam '{written.removesuffix('.yml')}' kan niet.")
    assert all(line.startswith(f"content/praktijken/{written}:1: ") for line in lines[:-2] if line)
    assert not any(ord(c) < 32 or 0x202a <= ord(c) <= 0x202e for c in result.stdout.decode("utf-8").replace("\n", ""))


@pytest.mark.parametrize("path, old, new, line, first, field, target", [
    ("praktijken/leerlandschap-flevoland.yml", "bouwstenen:\n", "bouwstenen:\n  - coordineer-het-leren\n  - coordineer-het-leren\n",
     None, None, "bouwstenen", "coordineer-het-leren"),
    ("bouwstenen/coordineer-het-leren.yml", "rollen: [beleidsmaker, bestuurder]", "rollen: [beleidsmaker, bestuurder, beleidsmaker]",
     25, 25, "rollen", "beleidsmaker"),
    ("vragensets/teamsessie-leren-klein-en-concreet.yml", "  - omarm-wrijving-en-ongemak/moeilijk-los-te-laten\n",
     "  - omarm-wrijving-en-ongemak/moeilijk-los-te-laten\n  - maak-leren-klein-en-concreet/eigen-leervragen\n",
     12, 9, "vragen", "maak-leren-klein-en-concreet/eigen-leervragen"),
])
def test_a_list_of_references_names_each_item_once(tmp_path, path, old, new, line, first, field, target):
    """A bouwsteen named twice in a practice showed the practice twice on the bouwsteen's page, counted it twice in
    the landscape and in open data; 14,000 times fit in one file."""
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    file = content / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    if line is None:  # the block list: the two new lines right after 'bouwstenen:'
        first = text.splitlines().index(old.strip()) + 2
        line = first + 1
    assert [str(p) for p in check_content(content, tmp_path)[1]] == [
        f"content/{path}:{line}: {field}: '{target}' staat twee keer in deze lijst (ook op regel {first}). Haal er één weg."]
