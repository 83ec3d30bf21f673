"""What the hand-written pages say about the site holds for every region and every state of its content (true to the
sources, round three).

Requirement: what the site says about itself is true. Over says where the content comes from: of what the site
really holds (a fork shows no examples, a new region has no tafels yet, a region may add a bouwsteen of its own).
The privacy statement names the one page that talks to another party, /beheer/. The statement says nothing goes to other parties; the editing
page of a site that saves to GitHub or GitLab sends an editor's sign-in and work there. So the statement names that
platform (and a self-managed GitLab server by its host) whenever the site has an editing page that saves to one, and
says nothing of it when the site has no editing page or the page keeps everything in the browser (proef).
The macro is read as mkdocs-macros and Zensical call it (define_env with the configuration); the statement's words
are read from the built example site and from docs/privacy.md.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from htmltools import parse_file
from variants import zuidkust_fork

GITHUB = "beheer:\n  platform: github\n  repository: zuidkust/leerlandschap\n"
GITLAB = ("beheer:\n  platform: gitlab\n  repository: zuidkust/leerlandschap\n  server: https://gitlab.zuidkust.example\n"
          "  applicatie_id: abc123\n")


def macro(project: Path, name: str) -> str:
    from leerlandschap_mkdocs import macros

    class Env:
        page = None

        def __init__(self) -> None:
            self.conf = {"extra": {"leerlandschap_content": str(project / "content")}, "plugins": {},
                         "config_file_path": str(project / "mkdocs.yml"), "site_name": "Leerlandschap Zuidkust"}
            self.found: dict = {}

        def macro(self, function):
            self.found[function.__name__] = function
            return function

    env = Env()
    macros.define_env(env)
    return env.found[name]()


@pytest.mark.parametrize("beheer, npm, said", [
    (GITHUB, True, "GitHub"),
    (GITLAB, True, "GitLab (gitlab.zuidkust.example)"),
    ("", True, ""),  # no platform: the editing page keeps everything in the browser (proef)
    (GITHUB, False, ""),  # no npm packages: the site has no editing page at all
], ids=["github", "gitlab-server", "proef", "no-editing-page"])
def test_the_statement_names_where_the_editing_page_sends_a_sign_in(tmp_path, beheer, npm, said):
    if npm and not (ROOT / "node_modules" / "@sveltia" / "cms").is_dir():
        pytest.fail("@sveltia/cms is missing: 'make test' installs the npm packages (npm ci)")
    assert macro(zuidkust_fork(tmp_path, beheer, npm), "beheer_platform").replace("&#40;", "(").replace("&#41;", ")").replace("&#46;", ".") == said


def test_the_statement_says_it_where_it_says_that_nothing_goes_elsewhere(example_project):
    source = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    assert "{% if beheer_platform() %}" in source
    assert "De beheerpagina is de enige pagina die met een andere partij praat: met {{ beheer_platform() }}" in source
    assert "Er gaat niets naar andere partijen." in source
    built = parse_file(example_project / "site" / "privacy" / "index.html")
    assert not [h for h in built.find_all("h2") if h.attrs.get("id") == "beheer"]  # no editing page in that build


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_over_says_where_the_content_comes_from_on_the_example_site(example_project):
    said = " ".join(parse_file(example_project / "site" / "over" / "index.html").all_text().split())
    assert "komen uit de publicatie Ruimte voor leren van Regioplan en Movisie" in said
    assert ("De tafels en praktijken komen uit verschillende bronnen: uit de regio zelf, uit een andere regio en uit "
            "een landelijk netwerk of programma.") in said
    assert "als voorbeeld voor deze kit geschreven" in said and "Voorbeeld, geschreven voor deze kit" in said


def test_over_in_a_new_fork_promises_no_examples_and_no_tafels(tmp_path):
    said = words(macro(zuidkust_fork(tmp_path, "", npm=False), "herkomst"))
    assert "Er staan nog geen tafels en praktijken op deze site." in said
    assert "voorbeeld" not in said.casefold()  # a fork's site shows none of the example content
    assert "komen uit de publicatie Ruimte voor leren van Regioplan en Movisie" in said


def test_over_in_a_fork_names_its_own_bouwsteen_and_practice(tmp_path):
    project = zuidkust_fork(tmp_path, "", npm=False)
    own = (ROOT / "content" / "bouwstenen" / "structureer-het-leren.yml").read_text(encoding="utf-8")
    own = own.replace("titel: Structureer het leren", "titel: Leer van klachten").replace("bron: ruimte-voor-leren", "bron: eigen")
    (project / "regio" / "bouwstenen").mkdir()
    (project / "regio" / "bouwstenen" / "leer-van-klachten.yml").write_text(own, encoding="utf-8")
    (project / "regio" / "praktijken").mkdir()
    (project / "regio" / "praktijken" / "wijkteam.yml").write_text(
        "titel: Wijkteam leert\nsamenvatting: Kort.\nbeschrijving: Tekst.\nbouwstenen: [coordineer-het-leren]\n"
        "datum: 2026-11-20\nbron: eigen\n", encoding="utf-8")
    said = words(macro(project, "herkomst"))
    assert "komen uit Ruimte voor leren (Regioplan en Movisie, in opdracht van" in said and "en Eigen (Zuidkust)." in said
    assert "De tafels en praktijken komen uit de regio zelf." in said
    assert "voorbeeld" not in said.casefold()


@pytest.mark.parametrize("npm", [True, False], ids=["with-editing-page", "without"])
def test_contributing_names_the_editing_page_only_where_the_site_has_one(tmp_path, npm):
    assert macro(zuidkust_fork(tmp_path, GITHUB, npm), "bewerkpagina") == ("ja" if npm else "")


def test_contributing_on_a_site_without_editing_page_does_not_send_editors_to_it(example_project):
    assert not (example_project / "site" / "beheer").exists()  # built without the npm packages
    said = " ".join(parse_file(example_project / "site" / "bijdragen" / "index.html").all_text().split())
    assert "bewerkpagina" not in said and "Hoe je teksten toevoegt, vertelt de beheerder van de site je" in said
