"""The fork path as a region lives it: the guide's commands in a fresh clone, then an update from upstream.

An "upstream" git repository is made from this project; a "fork" is cloned from it and runs every command of
the guide handleiding/regio-starten.md. Meanwhile upstream changes a national bouwsteen; the guide's
`git pull` must merge without conflicts and the rebuilt site must show both the region's content and the
upstream change, also in the search index.
"""
import gzip
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from htmltools import parse_file
from leerlandschap.begrippen import PAGE, for_site
from leerlandschap.sitedata import load_site
from sitebuild import build
from zensical_build import generate

pytestmark = pytest.mark.build  # copies the project and runs the guide's make commands (seconds to minutes)

GUIDE = re.search(r"```sh\n(.*?)```", (ROOT / "handleiding" / "regio-starten.md").read_text(encoding="utf-8"), re.S).group(1)
UPSTREAM_URL = "https://github.com/leerlandschap/leerlandschap.git"
_BUILT = shutil.ignore_patterns(".git", ".venv", "site", ".site-*", "__pycache__", ".pytest_cache", "node_modules")


def SKIP(folder: str, names: list[str]) -> set[str]:  # noqa: N802 (used like shutil's ignore_patterns)
    """What a copy of the kit leaves out: what is built or installed, and a fork's own regio/ (when these tests run in
    a region's fork, the copy is the kit as upstream has it)."""
    return _BUILT(folder, names) | ({"regio"} if Path(folder) == ROOT else set())


EXAMPLE_ONLY = {"clm", "faj", "jggz", "kdc", "pijler"}  # the entries of Begrippen marked for the example region only


def glossary_of(site: Path) -> set[str]:
    """The anchors of the entries on a built site's Begrippen page."""
    return {h.attrs["id"] for h in parse_file(site / "begrippen" / "index.html").find_all("h2") if h.attrs.get("id")}


def glossary_links(site: Path) -> dict[str, set[str]]:
    """Every anchor on Begrippen that a page of the built site links to -> the pages that link it; the search's
    glossary hints count as the page "zoeken" (its files in pagefind/: a word -> [the entry's title, anchor])."""
    found: dict[str, set[str]] = {}
    for path in site.rglob("*.html"):
        for a in parse_file(path).find_all("a"):
            href = a.attrs.get("href") or ""
            if "#" in href and (href.split("#")[0].endswith("begrippen/") or (path.parent.name == "begrippen" and href.startswith("#"))):
                found.setdefault(href.split("#")[1], set()).add(str(path.relative_to(site)))
    for path in (site / "pagefind").rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for _, anchor in (data.get("begrippen") or {}).values() if isinstance(data, dict) else ():
            found.setdefault(anchor, set()).add("zoeken")
    return found


def assert_no_example_entries(site: Path) -> None:
    """A fork's Begrippen page lacks the example region's entries, and no page, hint or synonym leads to one."""
    shown = glossary_of(site)
    assert shown & EXAMPLE_ONLY == set() and {"aanbieder", "fase", "ggd", "contractvoortgangsgesprek"} <= shown
    text = parse_file(site / "begrippen" / "index.html").all_text()
    assert "Flevo Academy Jeugd" not in text and "Flevoland heeft er vijf" not in text
    page = parse_file(site / "begrippen" / "index.html")
    ids = {e.attrs["id"] for e in page.find_all(True) if e.attrs.get("id")}  # the entries, the title, the skip link
    missing = {anchor: pages for anchor, pages in glossary_links(site).items() if anchor not in ids}
    assert missing == {}
    words = "\n".join(p.read_text(encoding="utf-8") for p in (site / "pagefind").rglob("*.json"))
    assert not re.search(r'"(kdc|kinderdagcentrum|jggz|jeugd ggz|clm|faj)"', words)  # nor as a synonym


def run(command: str, cwd, env) -> subprocess.CompletedProcess:
    result = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


def indexed_text(site) -> str:
    """The text Pagefind indexed: its fragment files are gzip'd JSON after a signature."""
    return "\n".join(gzip.decompress(p.read_bytes()).decode("utf-8", "ignore") for p in (site / "pagefind" / "fragment").iterdir())


@pytest.fixture(scope="module")
def repos(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fork")
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.invalid", GIT_COMMITTER_NAME="Test",
               GIT_COMMITTER_EMAIL="test@example.invalid", GIT_CONFIG_GLOBAL="/dev/null", SOURCE_DATE_EPOCH="1790000000")
    upstream = tmp / "upstream"
    shutil.copytree(ROOT, upstream, ignore=SKIP)
    run("git init -q -b main && git add -A && git commit -q -m upstream", upstream, env)
    run(f"git clone -q {upstream} fork", tmp, env)
    run("git remote remove origin", tmp / "fork", env)  # like a fresh copy: upstream is added by the guide
    # The guide's `make` uses this tree's .venv (VENV= below), installed from files with the same content (its stamp
    # is named after their checksum). A clone's files are newer than that stamp, so make would install again, and
    # install the fork into the shared .venv; dated before the stamp, they say what is true: already installed.
    for name in ("requirements.txt", "requirements-dev.txt", "pyproject.toml"):
        os.utime(tmp / "fork" / name, (0, 0))
    yield upstream, tmp / "fork", env
    # The guide's `make` installs the fork itself into the shared .venv when that .venv's install stamp is not the
    # fork's (make setup installs the project editable): then point it back at this repository for the tests that
    # follow. Only then: a reinstall while another xdist worker imports the package would break that worker's test.
    python = str(ROOT / ".venv" / "bin" / "python")
    where = subprocess.run([python, "-c", "import leerlandschap; print(leerlandschap.__file__)"], capture_output=True,
                           text=True, cwd=tmp).stdout.strip()
    if not where.startswith(str(ROOT / "leerlandschap")):
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", str(ROOT)],
                       check=True, capture_output=True)


def guide_commands() -> list[str]:
    commands = [line.strip() for line in GUIDE.splitlines() if line.strip() and not line.startswith("#")]
    assert commands[0].startswith("make regio") and commands[-1].startswith("git pull")
    return commands


def test_a_region_from_a_fresh_clone_receives_upstream_updates(repos):
    upstream, fork, env = repos
    # Reuse the installed tools instead of a second install; NODE= leaves out the editor's npm packages, which the
    # guide's `make site` would install a second time with `npm ci` (/beheer/ is tested in test_browser_cms.py).
    venv = f"VENV={shlex.quote(str(ROOT / '.venv'))} NODE="
    commands = [c.replace(UPSTREAM_URL, str(upstream)) for c in guide_commands()]
    pull = commands.pop()
    for command in commands:
        run(command.replace("make ", f"make {venv} ", 1) if command.startswith("make ") else command, fork, env)
        if command.startswith("make new ARGS=\"praktijk"):
            # The guide's step 3: a regional question on a national bouwsteen.
            (fork / "regio" / "aanvullingen" / "coordineer-het-leren.yml").write_text(
                "reflectievragen:\n  - id: wie-bij-ons\n    vraag: Wie coördineert het leren in de Zuidkust?\n"
                "    rollen: [coordinator]\nbron: eigen-inbreng-regio-zuidkust\n", encoding="utf-8")
            # The region's own logo and colour, set in the region file only.
            (fork / "regio" / "assets" / "logo.svg").write_text(
                '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n')
            regio_file = fork / "regio" / "regio.yml"
            regio_file.write_text(regio_file.read_text(encoding="utf-8").replace(
                "  kleuren:\n    primair: \"#1d4f91\"", "  logo: logo.svg\n  kleuren:\n    primair: \"#0b5e3c\""), encoding="utf-8")
            run("git add regio", fork, env)

    site = fork / "site"
    assert (site / "tafels" / "leertafel-jeugd-en-wonen" / "index.html").is_file()
    assert (site / "praktijken" / "samen-lunchen-met-de-wijkteams" / "index.html").is_file()
    assert not (site / "tafels" / "thematafels").exists()  # the example region is not shown
    assert not (site / "tafels" / "voorbeeldtafel-jongeren-rond-18").exists()
    page = parse_file(site / "bouwstenen" / "coordineer-het-leren" / "index.html")
    assert "Wie coördineert het leren in de Zuidkust?" in page.all_text()
    assert page.find_all("title")[0].all_text().endswith("Leerlandschap Regio Zuidkust")
    # No edit link to upstream's files (a national bouwsteen, the hand-written pages): the region changes only regio/,
    # and a change to upstream's files would conflict with the next update (bijwerken-vanuit-upstream.md).
    for shown in (page, parse_file(site / "begrippen" / "index.html"), parse_file(site / "index.html")):
        assert [a.attrs["href"] for a in shown.find_all("a") if a.attrs.get("rel") == "edit"] == []
    logos = [img.attrs["src"] for a in page.find_all("a") if a.has_class("md-logo") for img in a.find_all("img")]
    assert set(logos) == {"../../regio/logo.svg"} and (site / "regio" / "logo.svg").is_file()  # header and menu
    # Only what the site shows leaves regio/assets/: not the README that `make regio` put there.
    assert (fork / "regio" / "assets" / "README.md").is_file()
    assert sorted(p.name for p in (site / "regio").iterdir()) == ["logo.svg"]
    praktijk = parse_file(site / "praktijken" / "samen-lunchen-met-de-wijkteams" / "index.html")
    assert [a.attrs["href"] for a in praktijk.find_all("a") if a.attrs.get("rel") == "edit"] == [
        "https://github.com/zuidkust/leerlandschap/edit/main/regio/praktijken/samen-lunchen-met-de-wijkteams.yml"]
    assert "--md-primary-fg-color: #0b5e3c;" in (site / "assets" / "regio.css").read_text()
    assert_no_example_entries(site)
    indexed = indexed_text(site)
    assert "Samen lunchen met de wijkteams" in indexed and "Leertafel Jeugd en Wonen" in indexed
    assert "Wie coördineert het leren in de Zuidkust?" in indexed

    # Upstream improves a national bouwsteen after the fork was made.
    national = upstream / "content" / "bouwstenen" / "coordineer-het-leren.yml"
    national.write_text(national.read_text(encoding="utf-8").replace(
        "\nreflectievragen:", "\n  Nieuw van upstream: een coördinator werkt met een jaarplan.\nreflectievragen:", 1), encoding="utf-8")
    run("git commit -q -am 'Betere toelichting bij Coördineer het leren'", upstream, env)

    merged = run(pull, fork, env)
    assert "CONFLICT" not in merged.stdout + merged.stderr
    assert run("git status --porcelain", fork, env).stdout.strip() == ""
    run(f"make {venv} site", fork, env)
    text = parse_file(site / "bouwstenen" / "coordineer-het-leren" / "index.html").all_text()
    assert "Nieuw van upstream: een coördinator werkt met een jaarplan." in text
    assert "Wie coördineert het leren in de Zuidkust?" in text
    assert (site / "tafels" / "leertafel-jeugd-en-wonen" / "index.html").is_file()


def test_region_command_refuses_to_overwrite_and_never_deletes(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(ROOT, project, ignore=SKIP)
    before = sorted(str(p.relative_to(project)) for p in project.rglob("*") if p.is_file())
    command = [sys.executable, "scripts/regio.py", "--naam", "Regio Oost", "--adres", "https://oost.example/", "--contact",
               "leren@oost.example"]
    first = subprocess.run(command, cwd=project, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert first.returncode == 0, first.stderr
    assert "De voorbeeldregio (Flevoland) staat niet meer op je site." in first.stdout
    after = sorted(str(p.relative_to(project)) for p in project.rglob("*") if p.is_file())
    assert [p for p in before if p not in after] == []  # nothing outside regio/ disappeared
    own = project / "regio" / "praktijken" / "eigen.yml"
    own.write_text("eigen werk\n", encoding="utf-8")
    again = subprocess.run(command, cwd=project, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert again.returncode == 2 and "Er is al een regio: regio/regio.yml. Er is niets veranderd." in again.stderr
    forced = subprocess.run(command + ["--forceer"], cwd=project, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert forced.returncode == 1 and own.read_text() == "eigen werk\n"  # kept; and the checker reports it
    assert "regio/praktijken/eigen.yml:1: Het bestand moet bestaan uit velden" in forced.stderr


def make_fork(tmp_path) -> Path:
    """A copy of the kit made into Regio Zuidkust's fork by the guide's first command (`make regio`)."""
    fork = tmp_path / "fork"
    shutil.copytree(ROOT, fork, ignore=SKIP)
    region = subprocess.run([sys.executable, "scripts/regio.py", "--naam", "Regio Zuidkust", "--adres",
                             "https://zuidkust.github.io/leerlandschap/", "--contact", "leren@zuidkust.example"],
                            cwd=fork, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert region.returncode == 0, region.stderr
    return fork


def test_the_kits_own_tests_pass_in_a_regions_fork(tmp_path):
    """A region's CI runs `make test` before it publishes (.github/workflows/site.yml, .gitlab-ci.yml). Those tests
    test the kit with its own example content; in a fork, content/ is read with the region's layer, which hides the
    example region, and these tests failed there ("assert 1 >= 5" practices): no fork could publish. They read the
    example through conftest.EXAMPLE_CONTENT now. A sample of such tests, run in a fork made by the guide's command."""
    fork = make_fork(tmp_path)
    sample = ["tests/test_example_content.py", "tests/test_tafels.py::test_check_lists_texts_due_for_review_as_information",
              "tests/test_tafels.py::test_an_agreement_is_carried_until_a_later_meeting_closes_it",
              "tests/test_rules.py::test_the_example_content_keeps_the_rules"]
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                            f"--basetemp={tmp_path / 'tmp'}", *sample], cwd=fork, capture_output=True, text=True)
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert " passed" in tests.stdout and "failed" not in tests.stdout


def test_a_forks_pages_and_zensical_export_leave_out_the_example_regions_glossary_entries(tmp_path):
    """The fork's own practice tells about Flevoland's leerlandschap (KDC, JGGZ, CLM, FAJ, leertafels): its page links
    the words whose entry the fork's Begrippen page has, not the others; the Zensical export's page is MkDocs' page."""
    fork = make_fork(tmp_path)
    practice = "praktijken/leerlandschap-flevoland.yml"
    shutil.copyfile(fork / "content" / practice, fork / "regio" / practice)
    site = load_site(fork / "content")
    assert site.maker.hidden == EXAMPLE_ONLY
    body = next(p.body for p in site.pages if p.url == "praktijken/leerlandschap-flevoland/")
    assert "KDC" in body and "JGGZ" in body
    linked = set(re.findall(r'begrippen/#([a-z0-9-]+)"', body))
    assert {"thematafel", "leertafel"} <= linked and linked & EXAMPLE_ONLY == set()
    config = generate(fork, tmp_path / "export")
    exported = (config.parent / "docs" / "begrippen.md").read_text(encoding="utf-8")
    assert exported == for_site((ROOT / PAGE).read_text(encoding="utf-8"), voorbeeldregio=False)
    assert "{#kdc" not in exported and "## Fase {#fase}" in exported


def test_a_new_regions_home_says_what_will_come_where_nothing_is_yet(tmp_path):
    """Right after `make regio` a region has no practices, sets or meetings: the home page's "Nieuw op de site" was a
    heading over nothing. It says what will come there."""
    fork = make_fork(tmp_path)
    built = build(fork)
    assert built.returncode == 0, built.stdout + built.stderr
    home = parse_file(fork / "site" / "index.html")
    text = " ".join(home.find("main").all_text().split())
    assert "Nieuw op de site Hier komen de nieuwste goede praktijken, vragensets en opbrengsten van bijeenkomsten. " \
           "Er is nog niets." in text
