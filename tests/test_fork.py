"""The fork path as a region lives it: the guide's commands in a fresh clone, then an update from upstream.

An "upstream" git repository is made from this project; a "fork" is cloned from it and runs every command of
the guide handleiding/regio-starten.md. Meanwhile upstream changes a national bouwsteen; the guide's
`git pull` must merge without conflicts and the rebuilt site must show both the region's content and the
upstream change, also in the search index.
"""
import gzip
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

pytestmark = pytest.mark.build  # copies the project and runs the guide's make commands (seconds to minutes)

GUIDE = re.search(r"```sh\n(.*?)```", (ROOT / "handleiding" / "regio-starten.md").read_text(encoding="utf-8"), re.S).group(1)
UPSTREAM_URL = "https://github.com/leerlandschap/leerlandschap.git"
_BUILT = shutil.ignore_patterns(".git", ".venv", "site", ".site-*", "__pycache__", ".pytest_cache", "node_modules")


def SKIP(folder: str, names: list[str]) -> set[str]:  # noqa: N802 (used like shutil's ignore_patterns)
    """What a copy of the kit leaves out: what is built or installed, and a fork's own regio/ (when these tests run in
    a region's fork, the copy is the kit as upstream has it)."""
    return _BUILT(folder, names) | ({"regio"} if Path(folder) == ROOT else set())


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


def test_the_kits_own_tests_pass_in_a_regions_fork(tmp_path):
    """A region's CI runs `make test` before it publishes (.github/workflows/site.yml, .gitlab-ci.yml). Those tests
    test the kit with its own example content; in a fork, content/ is read with the region's layer, which hides the
    example region, and these tests failed there ("assert 1 >= 5" practices): no fork could publish. They read the
    example through conftest.EXAMPLE_CONTENT now. A sample of such tests, run in a fork made by the guide's command."""
    fork = tmp_path / "fork"
    shutil.copytree(ROOT, fork, ignore=SKIP)
    region = subprocess.run([sys.executable, "scripts/regio.py", "--naam", "Regio Zuidkust", "--adres",
                             "https://zuidkust.github.io/leerlandschap/", "--contact", "leren@zuidkust.example"],
                            cwd=fork, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert region.returncode == 0, region.stderr
    sample = ["tests/test_example_content.py", "tests/test_tafels.py::test_check_lists_texts_due_for_review_as_information",
              "tests/test_tafels.py::test_an_agreement_is_carried_until_a_later_meeting_closes_it",
              "tests/test_rules.py::test_the_example_content_keeps_the_rules"]
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                            f"--basetemp={tmp_path / 'tmp'}", *sample], cwd=fork, capture_output=True, text=True)
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert " passed" in tests.stdout and "failed" not in tests.stdout
