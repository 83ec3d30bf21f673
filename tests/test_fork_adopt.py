"""A region adopting the kit (round five): a fork made by the guide's commands (`make regio`, `make new`), its region
file filled in as handleiding/regio-starten.md and publiceren.md say, built and read as a visitor reads it.

Requirements:
- A tafel or praktijk that `make new` makes in a region's fork is the region's own, also when the region file says
  how its own items name the region (`gebied`): `make new` writes the region's name. It was "Niet van Regio Zuidkust.
  Deze tafel is van Regio Zuidkust." on its own page, left out of the landscape, and the Over page said the tafels
  and praktijken came from another region.
- The site publishes the kit's own scripts and styles, compressed (EUPL-1.2). The EUPL (article 5) asks that a copy
  of the licence goes with every copy of the work, and that a copy that is not the source says where the source is.
  The site served the licences of every part of others, but not the kit's own, and named no source.
- The privacy statement is true for the site's address: on GitHub Pages or GitLab Pages the server of the site is
  GitHub's or GitLab's, which sees a reader's IP address. It said that nothing goes to other parties.
"""
from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from htmltools import parse_file
from leerlandschap.onderdelen import platform_of
from sitebuild import build, make_project, without_search

ADDRESS = "https://zuidkust.github.io/leerlandschap/"
REPOSITORY = "https://github.com/zuidkust/leerlandschap"
UPSTREAM = "https://github.com/leerlandschap/leerlandschap"  # the kit's own repository (README.md)


def run(project: Path, *args: str) -> None:
    done = subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def fork(tmp_path_factory) -> Path:
    """Regio Zuidkust's fork: the guide's `make regio` and two `make new`, then `gebied: Zuidkust` in the region
    file (as handleiding/bronnen-en-voorbeelden.md says); built without search (no test here reads the index)."""
    project = without_search(make_project(tmp_path_factory.mktemp("adopt") / "project"))
    run(project, "scripts/regio.py", "--naam", "Regio Zuidkust", "--adres", ADDRESS, "--contact", "leren@zuidkust.example",
        "--repository", REPOSITORY)
    run(project, "scripts/nieuw.py", "tafel", "--titel", "Leertafel Jeugd en Wonen")
    run(project, "scripts/nieuw.py", "praktijk", "--titel", "Samen lunchen met de wijkteams")
    with (project / "regio" / "regio.yml").open("a", encoding="utf-8") as regio:
        regio.write("gebied: Zuidkust\n")
    done = build(project)
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "site"


def said(site: Path, page: str) -> str:
    return " ".join(parse_file(site / page / "index.html").find("article").all_text().replace("\xad", "").split())


def test_what_make_new_makes_in_a_fork_is_the_regions_own(fork):
    for page in ("tafels/leertafel-jeugd-en-wonen", "praktijken/samen-lunchen-met-de-wijkteams"):
        notes = [p for p in parse_file(fork / page / "index.html").find_all("p") if p.has_class("ll-elders")]
        assert notes == [], (page, [n.all_text() for n in notes])
    assert "De tafels en praktijken komen uit de regio zelf." in said(fork, "over")
    landscape = parse_file(fork / "landschap" / "index.html")
    assert "Leertafel Jeugd en Wonen" in [a.all_text() for a in landscape.find_all("a")]


def test_an_item_is_the_regions_own_by_its_area_or_its_name_in_any_case():
    from leerlandschap import kinds
    from leerlandschap.loader import load_content

    content = load_content(ROOT / "content")
    tafel = next(iter(content.of(kinds.TAFEL).values()))
    tafel = dataclasses.replace(tafel, voorbeeld=False)
    regio = dataclasses.replace(content.regio, naam="Regio Zuidkust", gebied="Zuidkust")
    zuidkust = dataclasses.replace(content, regio=regio)
    own = {name: zuidkust.is_eigen(dataclasses.replace(tafel, regio=name))
           for name in ("Regio Zuidkust", "regio zuidkust", "ZUIDKUST", "", "Regio Noordrand", "landelijk", "Zuidkust-Oost")}
    assert own == {"Regio Zuidkust": True, "regio zuidkust": True, "ZUIDKUST": True, "": True,
                   "Regio Noordrand": False, "landelijk": False, "Zuidkust-Oost": False}


def over_software(site: Path) -> tuple[dict[str, str], str]:
    """The Over page's paragraph on the software: its links (text -> address, resolved from the page) and words."""
    paragraph = next(p for p in parse_file(site / "over" / "index.html").find_all("p")
                     if p.all_text().startswith("De software."))
    links = {a.all_text(): a.attrs["href"] for a in paragraph.find_all("a")}
    return links, " ".join(paragraph.all_text().split())


@pytest.mark.parametrize("which", ["fork", "example", "hostile"])
def test_the_site_serves_the_kits_licence_and_says_where_the_source_is(which, request):
    site = request.getfixturevalue(which) if which == "fork" else request.getfixturevalue(f"{which}_project") / "site"
    links, words = over_software(site)
    licence = (site / "over" / links["EUPL-1.2"]).resolve()
    assert licence.is_relative_to(site.resolve())
    assert licence.read_text(encoding="utf-8") == (ROOT / "LICENSE").read_text(encoding="utf-8")
    source = {"fork": REPOSITORY, "example": UPSTREAM, "hostile": "https://github.com/voorbeeldregio/leerlandschap"}[which]
    assert links[source] == source  # the region's own repository where its region file names one, else the kit's
    where = "deze site" if which != "example" else "de kit"
    assert f"De broncode van {where} staat op {source}." in words


def test_the_privacy_statement_names_the_pages_service_whose_server_the_site_is_on(fork, example_project):
    on_github = said(fork, "privacy")
    assert "Die server is van GitHub: de site staat op GitHub Pages. GitHub ziet dus je IP-adres en welke pagina's je opent." in on_github
    assert "Verder gaat er niets naar andere partijen." in on_github and "Er gaat niets naar andere partijen." not in on_github
    own_address = said(example_project / "site", "privacy")  # example.org: the site knows nothing of its server
    assert "Die server is van" not in own_address and "Er gaat niets naar andere partijen." in own_address


@pytest.mark.parametrize("adres, who", [
    ("https://zuidkust.github.io/leerlandschap/", "GitHub"),
    ("https://zuidkust.gitlab.io/leerlandschap/", "GitLab"),
    ("https://groep.gitlab.io/sub/project/", "GitLab"),
    ("https://leren.zuidkust.nl/", ""),
    ("https://github.io.zuidkust.example/", ""),  # a host that only starts like one
    ("https://notgithub.io/", ""),
    ("", ""),
])
def test_the_pages_service_is_read_from_the_host_only(adres, who):
    assert platform_of(adres) == who


@pytest.mark.parametrize("tak, said", [("productie", True), ("release/2027", True), ("main", False), (None, False)])
def test_make_check_says_when_the_editing_branch_is_not_the_one_that_goes_online(tmp_path, capsys, tak, said):
    """The editing page opens its proposals for `site: tak`, and they are merged there; GitHub's workflow publishes
    only main. A region with `tak: productie` saw its editors' work never reach the site, and nothing said why."""
    import check  # scripts/check.py, as `make check` runs it

    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "regio" / "bronnen").mkdir(parents=True)
    (tmp_path / "regio" / "bronnen" / "eigen.yml").write_text("titel: Eigen\nuitgever: Zuidkust\nsoort: eigen inbreng\n",
                                                             encoding="utf-8")
    branch = f"  tak: {tak}\n" if tak else ""
    (tmp_path / "regio" / "regio.yml").write_text(
        f"naam: Regio Zuidkust\nmotto: Samen\nbeschrijving: Tekst.\nsite:\n  adres: {ADDRESS}\n{branch}"
        "contact:\n  rol: Team leren\n  adres: leren@zuidkust.nl\nbron: eigen\n", encoding="utf-8")
    assert check.main(["--content", str(tmp_path / "content"), "--vandaag", "2026-12-05"]) == 0  # information only
    out = " ".join(capsys.readouterr().out.split())
    expected = (f"Ter info: de bewerkpagina en de links 'Bewerk deze pagina' gebruiken de tak {tak} (regio/regio.yml:4, "
                "bij site: tak). Op GitHub komt alleen de tak main online (.github/workflows/site.yml), op GitLab de "
                f"standaardtak van het project. Komt {tak} niet online? Dan komt ook niet op de site wat redacteuren "
                "opslaan en samenvoegen.")
    assert (expected in out) is said, out
    assert said or "gebruiken de tak" not in out


def small_region(tmp_path: Path) -> Path:
    """Upstream's content with a small region file (regio/regio.yml) and its own source; returns content/."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "regio" / "bronnen").mkdir(parents=True)
    (tmp_path / "regio" / "bronnen" / "eigen.yml").write_text("titel: Eigen\nuitgever: Zuidkust\nsoort: eigen inbreng\n",
                                                             encoding="utf-8")
    (tmp_path / "regio" / "regio.yml").write_text(
        f'naam: Regio Zuidkust\nmotto: Samen\nbeschrijving: Tekst.\nsite:\n  adres: {ADDRESS}\ncontact:\n  rol: Team leren\n  adres: leren@zuidkust.nl\n'
        "bron: eigen\n", encoding="utf-8")
    return tmp_path / "content"


ADDITION = ("reflectievragen:\n  - id: wie-in-zuidkust\n    vraag: Wie coördineert het leren in de Zuidkust?\n"
            "bron: eigen\n")


@pytest.mark.parametrize("hidden, additions, expected", [
    (["coordineer-het-leren"], ["coordineer-het-leren"], ["coordineer-het-leren"]),
    (["structureer-het-leren", "coordineer-het-leren"], ["coordineer-het-leren", "structureer-het-leren"],
     ["coordineer-het-leren", "structureer-het-leren"]),
    (["structureer-het-leren"], ["coordineer-het-leren"], []),  # an addition to a bouwsteen the site shows
], ids=["hidden", "two-hidden", "shown"])
def test_an_addition_to_a_hidden_bouwsteen_is_said(tmp_path, hidden, additions, expected):
    """regio/aanvullingen/<id>.yml adds questions to a national bouwsteen; `verbergen` hides one. The questions a
    region wrote for a bouwsteen it hides were shown nowhere, and nothing said so (a reference to it is a problem)."""
    from leerlandschap.loader import check_content

    content = small_region(tmp_path)
    regio = tmp_path / "regio" / "regio.yml"
    regio.write_text(regio.read_text(encoding="utf-8") + "verbergen:\n" + "".join(f"  - bouwstenen/{h}\n" for h in hidden),
                     encoding="utf-8")
    (tmp_path / "regio" / "aanvullingen").mkdir()
    for name in additions:
        (tmp_path / "regio" / "aanvullingen" / f"{name}.yml").write_text(ADDITION, encoding="utf-8")
    _, problems = check_content(content, tmp_path)
    lines = regio.read_text(encoding="utf-8").splitlines()
    line = {name: lines.index(f"  - bouwstenen/{name}") + 1 for name in hidden}  # where the region file hides it
    assert sorted(str(p) for p in problems) == sorted(
        f"regio/aanvullingen/{name}.yml:1: Deze aanvulling hoort bij bouwsteen '{name}', maar die staat bij 'verbergen' in "
        f"regio/regio.yml:{line[name]}. De site toont de aanvulling dus nergens. Haal het bestand weg, of toon de bouwsteen "
        "weer." for name in expected)


@pytest.mark.parametrize("bron, cited", [
    ("leerlandschap-flevoland", True),  # "Bron: *Bijlage 12: Het leerlandschap*" at many entries
    ("samen-leren-met-impact", True),
    ("lerende-regio-ontwikkelsessies", True),  # cited by the part of its title before the colon
    ("blijvend-lerende-omgeving", False),
    ("voorbeeld", False),
])
def test_a_sources_page_names_the_glossary_where_an_entry_cites_it(fork, bron, cited):
    """A fork shows none of the example region's items, but its Begrippen page still names the sources of its
    entries. The page of such a source said 'Nog niets op deze site verwijst naar deze bron.'"""
    page = parse_file(fork / "bronnen" / bron / "index.html")
    assert [h for h in page.find_all("h2") if h.attrs.get("id") == "gebruikt"]  # "Wat op deze site uit deze bron komt"
    uses = [a.all_text() for a in page.find_all("a") if a.attrs.get("href") == "../../begrippen/"
            and a.parent.tag == "li"]
    empty = [p for p in page.find_all("p") if p.has_class("ll-leeg")]
    assert (uses == ["Begrippen"]) is cited, (bron, uses)
    assert bool(empty) is not cited  # no use at all on a fork's site: said so


def test_the_sources_overview_lists_apart_what_nothing_on_the_site_uses(fork, example_project):
    """The overview says "De documenten waar de inhoud van deze site vandaan komt". In a fork it listed the kit's
    example source ("Voorbeeld, geschreven voor deze kit") and the sources only the example's items used; those now
    stand under a heading of their own. On the example site every source is used, so nothing is apart."""
    def cards(site: Path) -> tuple[list[str], list[str]]:
        article = parse_file(site / "bronnen" / "index.html").find("article")
        lists = [ul for ul in article.find_all("ul") if ul.has_class("ll-kaarten")]
        hrefs = [[a.attrs["href"].strip("/").split("/")[-1] for a in ul.find_all("a")] for ul in lists]
        return hrefs[0], hrefs[1] if len(hrefs) > 1 else []

    used, unused = cards(fork)
    assert "voorbeeld" in unused and "voorbeeld" not in used
    assert "samen-leren-met-impact" in used  # cited by Begrippen only (test above): a use
    assert "blijvend-lerende-omgeving" in unused  # no use at all on a fork's site
    assert "Nog niet gebruikt op deze site" in said(fork, "bronnen")
    used, unused = cards(example_project / "site")
    assert unused == [] and "voorbeeld" in used


def test_a_feed_entry_of_another_region_or_a_national_programme_names_who_made_it(example_content):
    """An Atom entry without an author of its own is the feed's author's (RFC 4287, 4.2.1): a region's feed said
    that the national practices and other regions' practices and outcomes it shows apart were the region's work. Such
    an entry names the other region, or for a national one the publisher of its source; the region's own entries and
    examples carry none."""
    import feedparser

    from leerlandschap.feed import atom

    authors = {e.title: e.get("author") for e in feedparser.parse(atom(example_content, "https://ons.example/")).entries}
    assert authors["Bestuurders leren samen in intervisiegroepen"] == "Associatie voor Jeugd"  # landelijk, its source's
    assert authors["Meelopen in zes regio's"].startswith("Regioplan en Movisie")
    assert authors["Zes ontwikkelsessies voor een lerende regio"] == "een andere regio (de bron noemt de naam niet)"
    assert authors["Het contractgesprek als plek om te leren"] is None  # Flevoland's own: the feed's author applies
    assert [t for t, a in authors.items() if t.startswith("Voorbeeld: ") and a] == []  # examples: the feed's
