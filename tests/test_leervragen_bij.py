"""Leervragen whose bouwsteen the source does not name say so where they are shown.

Requirement (truth, round four): for six bouwstenen, *Ruimte voor leren* prints the leervragen on one page with a
second bouwsteen and does not say which of the two they belong to (the editors' notes, `redactienoot`, say so). The
pages that show these leervragen (the bouwsteen's page and the rol page) must say it too, in a short B1 line that
names the other bouwsteen, from the data (`leervragen_ook_bij`), never typed per page. A leervraag whose bouwsteen
the source does name, and a region's own leervraag (regio/aanvullingen/), get no such line.
Expected values are written here from the requirement (the editors' notes), not read from the code under test.
"""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from htmltools import parse, parse_file
from leerlandschap.loader import load_content
from leerlandschap.pages import PageMaker

# bouwsteen -> (its title, the other bouwsteen on the source's page, that one's title, the roles of its leervragen)
SHARED_PAGE = {
    "coordineer-het-leren": ("Coördineer het leren", "organiseer-domeinoverstijgend-leren",
                             "Organiseer domeinoverstijgend leren", ["professional"]),
    "maak-leren-klein-en-concreet": ("Maak leren klein en concreet", "omarm-wrijving-en-ongemak",
                                     "Omarm wrijving en ongemak", ["bestuurder"]),
    "organiseer-de-governance": ("Organiseer de governance", "gebruik-monitoring-om-te-blijven-leren",
                                 "Gebruik monitoring om te blijven leren", ["leidinggevende"]),
    "organiseer-domeinoverstijgend-leren": ("Organiseer domeinoverstijgend leren", "maak-ruimte-voor-ontmoeting-en-verbinding",
                                            "Maak ruimte voor ontmoeting en verbinding", ["professional", "professional"]),
    "stem-landelijk-regionaal-en-lokaal-leren-op-elkaar-af": (
        "Stem landelijk, regionaal en lokaal leren op elkaar af", "heb-een-lange-adem-en-creeer-ademruimte",
        "Heb een lange adem en creëer ademruimte", ["professional"]),
    "verbind-vertaal-en-versterk-de-nieuwe-werkwijze": (
        "Verbind, vertaal en versterk de nieuwe werkwijze", "werk-aan-structuur-en-cultuurverandering",
        "Werk aan structuur- én cultuurverandering", ["bestuurder"]),
}
NAMED_BY_THE_SOURCE = ["investeer-in-bestuurlijk-leren", "leer-vanuit-de-ogen-van-de-inwoner", "structureer-het-leren"]


def text(node) -> str:
    return " ".join(node.all_text().replace("\xad", "").split())


def leervragen(root) -> list:
    lists = [u for u in root.find_all("ul") if u.has_class("ll-leervragen")]
    return [li for u in lists for li in u.find_all("li")]


def on_the_bouwsteen_page(other_title: str) -> str:
    return (f"De bron zet deze vraag op één pagina met de bouwsteen {other_title}. Bij welke van de twee de vraag hoort, "
            "zegt de bron niet.")


@pytest.fixture(scope="module")
def site(example_project):
    return example_project / "site"


def test_coordineer_het_leren_says_its_leervraag_may_belong_to_another_bouwsteen(site):
    (li,) = leervragen(parse_file(site / "bouwstenen" / "coordineer-het-leren" / "index.html"))
    assert on_the_bouwsteen_page("Organiseer domeinoverstijgend leren") in text(li)
    assert any(a.attrs.get("href", "").endswith("/organiseer-domeinoverstijgend-leren/") for a in li.find_all("a"))


@pytest.mark.parametrize("bouwsteen", sorted(SHARED_PAGE))
def test_each_bouwsteen_page_and_rol_page_says_it(site, bouwsteen):
    title, other, other_title, roles = SHARED_PAGE[bouwsteen]
    items = leervragen(parse_file(site / "bouwstenen" / bouwsteen / "index.html"))
    assert len(items) == len(roles)
    assert all(on_the_bouwsteen_page(other_title) in text(li) for li in items)
    assert all(any(a.attrs.get("href", "").endswith(f"/{other}/") for a in li.find_all("a")) for li in items)
    for role in set(roles):  # the rol page lists leervragen of every bouwsteen: the ones of this bouwsteen say it
        mine = [text(li) for li in leervragen(parse_file(site / "rollen" / role / "index.html"))
                if f"Bouwsteen: {title} " in text(li) + " " or text(li).endswith(f"Bouwsteen: {title}")]
        assert len(mine) == roles.count(role), (role, mine)
        assert all(f"Bouwsteen: {title} of {other_title}: de bron zegt niet bij welke van de twee" in t for t in mine)


@pytest.mark.parametrize("bouwsteen", NAMED_BY_THE_SOURCE)
def test_a_leervraag_whose_bouwsteen_the_source_names_gets_no_such_line(site, bouwsteen):
    items = leervragen(parse_file(site / "bouwstenen" / bouwsteen / "index.html"))
    assert items and not [text(li) for li in items if "zegt de bron niet" in text(li)]
    for role in ("bestuurder", "professional", "leidinggevende"):
        said = [text(li) for li in leervragen(parse_file(site / "rollen" / role / "index.html"))]
        assert not [t for t in said if "de bron zegt niet" in t and t.rstrip().endswith(bouwsteen)]


def test_a_regions_own_leervraag_on_such_a_bouwsteen_gets_no_such_line(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    own = {"regio.yml": "naam: Regio Zuidkust\nmotto: M\nbeschrijving: B\ncontact:\n  rol: Team leren\n"
                        "  adres: leren@zuidkust.example\nbron: eigen\n",
           "bronnen/eigen.yml": "titel: Eigen\nuitgever: Zuidkust\nsoort: eigen inbreng\n",
           "aanvullingen/coordineer-het-leren.yml": "leervragen:\n  - rol: professional\n    vraag: Wie belt de wijkagent?\n"
                                                    "bron: eigen\n"}
    for name, body in own.items():
        (tmp_path / "regio" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "regio" / name).write_text(body, encoding="utf-8")
    pages = {p.url: p for p in PageMaker(load_content(tmp_path / "content")).all_pages()}
    items = [text(li) for li in leervragen(parse(pages["bouwstenen/coordineer-het-leren/"].body))]
    source, region = [t for t in items if "gedekt" in t], [t for t in items if "wijkagent" in t]
    assert len(source) == 1 and len(region) == 1
    assert on_the_bouwsteen_page("Organiseer domeinoverstijgend leren") in source[0]
    assert "zegt de bron niet" not in region[0]
    rol = [text(li) for li in leervragen(parse(pages["rollen/professional/"].body)) if "wijkagent" in text(li)]
    assert rol == ["Wie belt de wijkagent? Bouwsteen: Coördineer het leren"]


def _checked(tmp_path, change):
    """The checker's messages for a copy of the example content with one bouwsteen file changed."""
    from leerlandschap.loader import check_content

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / "bouwstenen" / "coordineer-het-leren.yml"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    _, problems = check_content(content, tmp_path)
    return [str(p) for p in problems], path.read_text(encoding="utf-8").splitlines()


def _naming_itself(text: str) -> str:
    return text.replace("leervragen_ook_bij: organiseer-domeinoverstijgend-leren", "leervragen_ook_bij: coordineer-het-leren")


def _without_leervragen(text: str) -> str:
    start = text.index("\nleervragen:\n")
    return text[:start] + text[text.index("\nindeling:", start):]


@pytest.mark.parametrize(("change", "said"), [
    (_naming_itself, "Hier hoort de id van een andere bouwsteen, niet die van deze bouwsteen zelf."),
    (_without_leervragen, "Deze bouwsteen heeft geen leervragen. Haal deze regel weg, of zet de leervragen uit de bron erbij."),
], ids=["itself", "without-leervragen"])
def test_the_other_bouwsteen_is_another_one_and_there_are_leervragen_to_say_it_of(tmp_path, change, said):
    """The line says the source prints these leervragen with *another* bouwsteen: naming the bouwsteen itself, or a
    bouwsteen without leervragen, would put a line on the pages that is not true."""
    found, lines = _checked(tmp_path, change)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("leervragen_ook_bij:"))
    assert found == [f"content/bouwstenen/coordineer-het-leren.yml:{number}: leervragen_ook_bij: {said}"]


@pytest.mark.parametrize("bouwsteen", ["coordineer-het-leren", "maak-leren-klein-en-concreet", "organiseer-de-governance"])
def test_a_fork_may_hide_the_other_bouwsteen(tmp_path, bouwsteen):
    """A region may hide a national bouwsteen (verbergen). Hiding the other bouwsteen of these leervragen stopped the
    check with 'Haal de verwijzing weg' in upstream's bouwsteen file, which a fork never edits: three national
    bouwstenen could not be hidden. Now the pages say 'een andere bouwsteen', with no link to the page that is gone."""
    from leerlandschap.loader import check_content

    title, other, _, roles = SHARED_PAGE[bouwsteen]
    shutil.copytree(ROOT / "content", tmp_path / "content")
    own = {"regio.yml": "naam: Regio Zuidkust\nmotto: M\nbeschrijving: B\ncontact:\n  rol: Team leren\n"
                        f"  adres: leren@zuidkust.example\nverbergen:\n  - bouwstenen/{other}\nbron: eigen\n",
           "bronnen/eigen.yml": "titel: Eigen\nuitgever: Zuidkust\nsoort: eigen inbreng\n"}
    for name, body in own.items():
        (tmp_path / "regio" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "regio" / name).write_text(body, encoding="utf-8")
    content, problems = check_content(tmp_path / "content", tmp_path)
    assert [str(p) for p in problems] == []
    pages = {p.url: p for p in PageMaker(content).all_pages()}
    assert f"bouwstenen/{other}/" not in pages
    page = parse(pages[f"bouwstenen/{bouwsteen}/"].body)
    said = [text(span) for span in page.find_all("span") if span.has_class("ll-leervraag-bij")]
    assert said == ["De bron zet deze vraag op één pagina met een andere bouwsteen. Bij welke van de twee de vraag "
                    "hoort, zegt de bron niet."] * len(roles)
    assert not [a for a in page.find_all("a") if other in (a.attrs.get("href") or "")]
    rol = [text(li) for li in leervragen(parse(pages[f"rollen/{roles[0]}/"].body)) if f"Bouwsteen: {title} of " in text(li)]
    assert rol and all(t.endswith(f"Bouwsteen: {title} of een andere bouwsteen: de bron zegt niet bij welke van de twee")
                       for t in rol), rol
