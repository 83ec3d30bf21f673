"""Items know the file they come from; files from outside the repository and reserved names are refused."""
import datetime
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from leerlandschap import kinds
from leerlandschap.freshness import due_for_review
from leerlandschap.loader import check_content
from leerlandschap.opendata import open_data_files
from leerlandschap.pages import generate_pages
from leerlandschap.sitedata import SiteCache, load_site

REGIO = """\
naam: Regio Zuidkust
motto: Samen leren wat werkt
beschrijving: Een regio om te testen.
site:
  naam: Leerlandschap Zuidkust
contact:
  rol: Team leerlandschap
  adres: leren@zuidkust.example
bron: eigen
"""
PRAKTIJK = """\
titel: Samen lunchen
samenvatting: Teams lunchen samen.
beschrijving: Elke maand.
bouwstenen: [coordineer-het-leren]
datum: 2025-01-01
bron: eigen
herzien_voor: 2025-06-30
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


@pytest.fixture
def fork(project):
    write(project / "regio" / "regio.yml", REGIO)
    write(project / "regio" / "bronnen" / "eigen.yml", "titel: Eigen\nuitgever: Zuidkust\nsoort: eigen inbreng\n")
    write(project / "regio" / "praktijken" / "samen-lunchen.yaml", PRAKTIJK)  # .yaml, not .yml
    return project


def messages(project):
    return [str(p) for p in check_content(project / "content", project)[1]]


def test_every_item_knows_its_file_and_layer(fork):
    content, problems = check_content(fork / "content", fork)
    assert problems == []
    praktijk = content.of(kinds.PRAKTIJK)["samen-lunchen"]
    assert (praktijk.herkomst.laag, praktijk.herkomst.pad) == ("regio", "regio/praktijken/samen-lunchen.yaml")
    assert praktijk.herkomst.regel("herzien_voor") == 7
    bouwsteen = content.of(kinds.BOUWSTEEN)["coordineer-het-leren"]
    assert (bouwsteen.herkomst.laag, bouwsteen.herkomst.pad) == ("content", "content/bouwstenen/coordineer-het-leren.yml")
    assert content.regio.herkomst.pad == "regio/regio.yml"
    meeting = next(iter(content.of(kinds.BIJEENKOMST).values()), None)
    assert meeting is None or meeting.herkomst.pad == f"content/tafels/{meeting.id}.yml"
    # Edit links and open data name the same real file.
    pages = {p.url: p for p in generate_pages(content)}
    assert pages["praktijken/samen-lunchen/"].source == "regio/praktijken/samen-lunchen.yaml"
    assert pages["bouwstenen/coordineer-het-leren/"].source == "content/bouwstenen/coordineer-het-leren.yml"
    exported = json.loads(open_data_files(content)["data/praktijken.json"])["items"]
    assert {p["id"]: p["herkomst"] for p in exported}["samen-lunchen"] == "regio/praktijken/samen-lunchen.yaml"


def test_freshness_names_the_real_file_in_a_fork(fork):
    content, _ = check_content(fork / "content", fork)
    due = [r.display() for r in due_for_review(content, datetime.date(2026, 1, 1))]
    assert "regio/praktijken/samen-lunchen.yaml:7: te herzien sinds 30 juni 2025" in due


def test_make_check_in_a_fork_with_a_due_yaml_file_has_no_traceback(fork):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--content", "content", "--vandaag", "2026-01-01"],
                            cwd=fork, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "regio/praktijken/samen-lunchen.yaml:7: te herzien sinds 30 juni 2025" in result.stdout.splitlines()


def test_a_file_linked_from_outside_the_repository_is_refused(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("buiten")
    write(outside / "geheim.yml", PRAKTIJK.replace("bron: eigen", "bron: voorbeeld"))
    os.symlink(outside / "geheim.yml", project / "content" / "praktijken" / "geheim.yml")
    assert messages(project) == [
        "content/praktijken/geheim.yml:1: Dit is een snelkoppeling naar een plek buiten de map van de site. "
        "Zo'n bestand wordt niet gelezen. Zet het bestand zelf in de map."]


def test_a_tafel_folder_linked_from_outside_is_refused(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("buiten")
    write(outside / "2026-01-01.yml", "datum: 2026-01-01\n")
    tafels = project / "content" / "tafels"
    tafel = next(p.stem for p in sorted(tafels.glob("*.yml")) if not (tafels / p.stem).exists())
    os.symlink(outside, project / "content" / "tafels" / tafel)
    assert messages(project) == [
        f"content/tafels/{tafel}:1: Dit is een snelkoppeling naar een plek buiten de map van de site. "
        "Zo'n bestand wordt niet gelezen. Zet het bestand zelf in de map."]


def test_a_whole_content_folder_linked_from_outside_is_refused(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("buiten")
    shutil.move(project / "content" / "praktijken", outside / "praktijken")
    os.symlink(outside / "praktijken", project / "content" / "praktijken")
    assert messages(project) == [
        "content/praktijken:1: Dit is een snelkoppeling naar een plek buiten de map van de site. "
        "Zo'n bestand wordt niet gelezen. Zet het bestand zelf in de map."]


def test_a_link_inside_the_repository_is_read(project):
    source = project / "content" / "praktijken" / "leerlandschap-flevoland.yml"
    shutil.move(source, project / "elders.yml")
    os.symlink(project / "elders.yml", source)
    content, problems = check_content(project / "content", project)
    assert problems == [] and "leerlandschap-flevoland" in content.of(kinds.PRAKTIJK)


RESERVED = "De bestandsnaam '{}' kan hier niet: die naam gebruikt de site zelf al voor een pagina of bestand. Kies een andere naam."


@pytest.mark.parametrize("folder", ["praktijken", "bouwstenen", "vragensets", "bronnen", "themas", "rollen", "tafels"])
def test_index_is_not_an_id(project, folder):
    source = next((project / "content" / folder).glob("*.yml"))
    shutil.copy(source, project / "content" / folder / "index.yml")
    assert f"content/{folder}/index.yml:1: {RESERVED.format('index')}" in messages(project)


@pytest.mark.parametrize(("folder", "name"), [("praktijken", "con"), ("tafels", "nul"), ("bouwstenen", "lpt1")])
def test_a_name_windows_keeps_for_itself_is_refused(project, folder, name):
    """Windows cannot make a file called con, nul, aux, prn, com1-9 or lpt1-9, whatever its extension: a fork with
    one cannot be checked out there (a region's web team may well work on Windows)."""
    source = next((project / "content" / folder).glob("*.yml"))
    shutil.copy(source, project / "content" / folder / f"{name}.yml")
    assert (f"content/{folder}/{name}.yml:1: De bestandsnaam '{name}' kan niet: Windows gebruikt die naam zelf, en kan "
            "zo'n bestand niet openen. Kies een andere naam.") in messages(project)


def test_reserved_names_of_tafels_and_meetings(project):
    tafels = project / "content" / "tafels"
    tafel = next(p for p in tafels.iterdir() if p.is_dir() and any(p.glob("*.yml")))
    shutil.copy(tafels / f"{tafel.name}.yml", tafels / "alle-tafels.yml")  # would replace agenda/alle-tafels.ics
    shutil.copy(next(tafel.glob("*.yml")), tafel / "index.yml")  # would replace the tafel's own page
    found = messages(project)
    assert f"content/tafels/alle-tafels.yml:1: {RESERVED.format('alle-tafels')}" in found
    assert f"content/tafels/{tafel.name}/index.yml:1: {RESERVED.format('index')}" in found


def test_a_question_id_index_is_refused(project):
    path = project / "content" / "bouwstenen" / "coordineer-het-leren.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("- id:"))
    lines[number] = lines[number].split("- id:")[0] + "- id: index"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert (f"content/bouwstenen/coordineer-het-leren.yml:{number + 1}: id: 'index' kan hier niet: die naam gebruikt de site "
            "zelf al voor de pagina van de bouwsteen. Kies een andere naam.") in messages(project)


def test_make_new_refuses_a_reserved_name(project):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "nieuw.py"), "praktijk", "--titel", "Index",
                             "--content", str(project / "content")], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert result.stderr.strip() == ("Van de titel 'Index' zou de bestandsnaam 'index' worden. Die naam gebruikt de site "
                                     "zelf al voor een pagina of bestand. Kies een andere titel.")
    assert not (project / "content" / "praktijken" / "index.yml").exists()


@pytest.mark.parametrize("title", ["Nul", "Aux!", "LPT1"])
def test_make_new_refuses_a_title_that_makes_a_name_windows_keeps(project, title):
    """'Nul' made nul.yml, which the checker refused: make new said the new file was wrong and to choose another
    name, while the author only gave a title."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "nieuw.py"), "praktijk", "--titel", title,
                             "--content", str(project / "content")], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    name = title.lower().strip("!").replace(" ", "")
    assert result.returncode == 2
    assert result.stderr.strip() == (f"Van de titel '{title}' zou de bestandsnaam '{name}' worden. Windows gebruikt die "
                                     "naam zelf en kan zo'n bestand niet openen. Kies een andere titel, bijvoorbeeld met "
                                     "een woord erbij.")
    assert not (project / "content" / "praktijken" / f"{name}.yml").exists()


@pytest.mark.parametrize(("folder", "name"), [("praktijken", "CON"), ("tafels", "Nul"), ("praktijken", "Index")])
def test_the_name_suggested_for_a_wrong_file_name_is_allowed(project, folder, name):
    """'CON.yml' was told to become 'con.yml', a name the checker refuses next (Windows keeps it; 'index' the site)."""
    source = next((project / "content" / folder).glob("*.yml"))
    shutil.copy(source, project / "content" / folder / f"{name}.yml")
    [said] = [m for m in messages(project) if m.startswith(f"content/{folder}/{name}.yml:1: ")]
    better = re.search(r"bijvoorbeeld '([a-z0-9-]+)\.yml'\.$", said).group(1)
    assert better == f"{name.lower()}-1"
    (project / "content" / folder / f"{name}.yml").rename(project / "content" / folder / f"{better}.yml")
    assert [m for m in messages(project) if f"/{better}.yml:" in m] == []


NOT_READ = "Dit bestand wordt niet gelezen: in {0}/ worden geen mappen gelezen. Zet het bestand direct in {0}/, of haal het weg."


def test_a_file_in_a_folder_that_is_not_read_is_said_never_skipped_in_silence(fork):
    """An author who puts a file one folder too deep would think it is on the site; a folder inside a kind's folder
    (or inside a tafel's meetings) is never read, so each of its files is a problem on its path."""
    write(fork / "content" / "bouwstenen" / "oud" / "x.yml", PRAKTIJK)
    write(fork / "regio" / "praktijken" / "concepten" / "Nieuw Idee.yml", PRAKTIJK)
    write(fork / "regio" / "praktijken" / "concepten" / "diep" / "y.yml", PRAKTIJK)
    write(fork / "regio" / "praktijken" / "concepten" / ".swp", "")  # hidden: an editor's, never said
    write(fork / "regio" / "tafels" / "t.yml", "titel: T\nsoort: leertafel\nsamenvatting: S.\ndoel: D.\nstatus: actief\nbron: eigen\n")
    write(fork / "regio" / "tafels" / "t" / "2025" / "2025-01-01.yml", "datum: 2025-01-01\n")
    assert messages(fork) == sorted([
        "content/bouwstenen/oud/x.yml:1: " + NOT_READ.format("content/bouwstenen"),
        "regio/praktijken/concepten/Nieuw Idee.yml:1: " + NOT_READ.format("regio/praktijken"),
        "regio/praktijken/concepten/diep/y.yml:1: " + NOT_READ.format("regio/praktijken"),
        "regio/tafels/t/2025/2025-01-01.yml:1: " + NOT_READ.format("regio/tafels/t")])


LOOP = "Dit is een snelkoppeling die in een kring naar zichzelf terugleidt. Zo'n bestand wordt niet gelezen. " \
       "Haal de snelkoppeling weg, of zet het bestand zelf hier."
GONE = "Dit is een snelkoppeling naar een bestand dat niet (meer) bestaat. Zo'n bestand wordt niet gelezen. " \
       "Haal de snelkoppeling weg, of zet het bestand zelf hier."


def test_a_link_to_nothing_or_round_in_a_circle_is_said_on_its_path(project):
    """Each stopped make check with an unexpected error (OSError, RuntimeError) that named no file."""
    content = project / "content"
    os.symlink("kring.yml", content / "praktijken" / "kring.yml")
    os.symlink("lus", content / "lus")
    os.symlink("weg.yml", content / "regio.yml.bak")
    os.symlink("nergens.yml", content / "praktijken" / "weg.yml")
    os.symlink("2030-01-01.yml", content / "tafels" / "intervisiegroep-1" / "2030-01-01.yml")
    os.symlink("t", content / "tafels" / "t")
    assert messages(project) == [
        f"content/lus:1: {LOOP}", f"content/praktijken/kring.yml:1: {LOOP}", f"content/praktijken/weg.yml:1: {GONE}",
        f"content/regio.yml.bak:1: {GONE}", f"content/tafels/intervisiegroep-1/2030-01-01.yml:1: {LOOP}",
        f"content/tafels/t:1: {LOOP}"]


def test_an_editors_lock_file_beside_the_content_does_not_stop_a_build(project):
    """Emacs marks a file being edited with a link to nothing, '.#<name>': a hidden file, never read, and the build's
    look for changed files (sitedata) stopped on it with FileNotFoundError."""
    os.symlink("auteur@laptop.4242:1700000000", project / "content" / "praktijken" / ".#samen-lunchen.yml")
    os.symlink(".#kring", project / "content" / ".#kring")
    site = load_site(project / "content", SiteCache(parallel=False))
    assert "bestuurlijk-intervisienetwerk" in site.content.of(kinds.PRAKTIJK)


UNREAD = ("regio/regio.yml:1: Het regiobestand ontbreekt. In regio/ staan wel bestanden, maar zonder regio/regio.yml "
          "wordt die map niet gelezen en toont de site de voorbeeldregio.")


def test_a_region_folder_without_its_region_file_is_said_never_replaced_by_the_example_in_silence(fork):
    """Without regio/regio.yml the site read only content/ and became the example region's, with no word."""
    (fork / "regio" / "regio.yml").rename(fork / "regio" / "regio.yaml")
    assert messages(fork) == [UNREAD + " Hernoem regio.yaml naar regio.yml."]
    (fork / "regio" / "regio.yaml").unlink()
    assert messages(fork) == [UNREAD]
    (fork / "regio" / "regio.yml").mkdir()  # a folder of that name is no region file either: said as what it is
    assert messages(fork) == [
        "regio/regio.yml:1: Dit is geen gewoon bestand en wordt niet gelezen. Het regiobestand regio.yml moet een "
        "tekstbestand zijn. Zonder dat bestand wordt regio/ niet gelezen en toont de site de voorbeeldregio."]
    for name in os.listdir(fork / "regio"):  # also when it is all there is in regio/
        if name != "regio.yml":
            shutil.rmtree(fork / "regio" / name)
    assert messages(fork) == [
        "regio/regio.yml:1: Dit is geen gewoon bestand en wordt niet gelezen. Het regiobestand regio.yml moet een "
        "tekstbestand zijn. Zonder dat bestand wordt regio/ niet gelezen en toont de site de voorbeeldregio."]


def test_upstreams_logo_folder_alone_is_no_region_folder(project):
    write(project / "regio" / "assets" / "README.md", "Het logo van de voorbeeldregio.")
    write(project / "regio" / ".gitkeep", "")
    assert messages(project) == []


@pytest.mark.parametrize("make", [os.mkdir, os.mkfifo])
def test_a_region_file_that_is_a_folder_or_a_pipe_is_said_never_read(project, make):
    """A folder named regio.yml stopped make check with IsADirectoryError; a named pipe made it wait for ever."""
    (project / "content" / "regio.yml").unlink()
    make(project / "content" / "regio.yml")
    assert messages(project) == [  # once: not also "Het regiobestand ontbreekt" on the same path
        "content/regio.yml:1: Dit is geen gewoon bestand en wordt niet gelezen. Het regiobestand regio.yml moet een "
        "tekstbestand zijn."]


@pytest.mark.parametrize(("target", "said"), [
    ("nergens.yml", "Dit is een snelkoppeling naar een bestand dat niet (meer) bestaat."),
    ("/etc/hostname", "Dit is een snelkoppeling naar een plek buiten de map van de site."),
    ("regio.yml", "Dit is een snelkoppeling die in een kring naar zichzelf terugleidt."),
])
def test_a_region_file_that_is_a_link_not_read_is_said_once(project, target, said):
    (project / "content" / "regio.yml").unlink()
    os.symlink(target, project / "content" / "regio.yml")
    found = messages(project)
    assert len(found) == 1 and found[0].startswith(f"content/regio.yml:1: {said}"), found


def test_a_forks_region_file_that_is_a_link_is_said_once_on_its_own_path(fork):
    """regio/regio.yml as a link made the fork's layout, was skipped, and then "Maak content/regio.yml" was said too:
    a second message, about a file the fork does not write."""
    (fork / "regio" / "regio.yml").rename(fork / "elders.yml")
    os.symlink("../elders.yml", fork / "regio" / "regio.yml")
    assert messages(fork) == [
        "regio/regio.yml:1: Dit is een snelkoppeling (symlink). In de map regio/ zijn snelkoppelingen niet toegestaan; "
        "ze worden niet gelezen. Zet het bestand of de map zelf hier neer."]
