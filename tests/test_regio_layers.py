"""A region's layer on national content: regio/ replaces the example region, adds to and hides national items."""
import shutil

import pytest

from conftest import ROOT
from leerlandschap import kinds
from leerlandschap.loader import check_content

REGIO = """\
naam: Regio Zuidkust
motto: Samen leren wat werkt
beschrijving: Een regio om te testen.
site:
  naam: Leerlandschap Zuidkust
  adres: https://zuidkust.example/
verbergen:
  - bouwstenen/organiseer-de-governance
contact:
  rol: Team leerlandschap
  adres: leren@zuidkust.example
bron: eigen
"""


@pytest.fixture
def fork(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    regio = tmp_path / "regio"
    (regio / "bronnen").mkdir(parents=True)
    (regio / "regio.yml").write_text(REGIO, encoding="utf-8")
    (regio / "bronnen" / "eigen.yml").write_text("titel: Eigen\nuitgever: Zuidkust\nsoort: eigen inbreng\n", encoding="utf-8")
    return tmp_path


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def messages(fork):
    return [str(p) for p in check_content(fork / "content", fork)[1]]


def test_region_replaces_the_example_region_and_keeps_national_content(fork):
    write(fork / "regio" / "tafels" / "leertafel-wonen.yml",
          "titel: Leertafel Wonen\nsoort: leertafel\nsamenvatting: S.\ndoel: D.\nstatus: actief\nbron: eigen\n")
    write(fork / "regio" / "aanvullingen" / "coordineer-het-leren.yml",
          "toelichting: In Zuidkust doet het wijkteam dit.\nreflectievragen:\n  - id: zuidkust\n    vraag: Wie coördineert bij ons?\n"
          "    rollen: [coordinator]\nleervragen:\n  - rol: professional\n    vraag: Hoe sluit ik aan?\nbron: eigen\n")
    model, problems = check_content(fork / "content", fork)
    assert problems == []
    assert model.regio.naam == "Regio Zuidkust" and model.regio.site.naam == "Leerlandschap Zuidkust"
    assert list(model.of(kinds.TAFEL)) == ["leertafel-wonen"] and model.of(kinds.PRAKTIJK) == {} and model.of(kinds.VRAGENSET) == {}
    assert len(model.of(kinds.BOUWSTEEN)) == 17 and "organiseer-de-governance" not in model.of(kinds.BOUWSTEEN)  # hidden
    b = model.of(kinds.BOUWSTEEN)["coordineer-het-leren"]
    assert [v.id for v in b.reflectievragen if v.regionaal] == ["zuidkust"] and b.regio_toelichting.startswith("In Zuidkust")
    assert [lv.vraag for lv in b.leervragen if lv.regionaal] == ["Hoe sluit ik aan?"]
    assert model.vraag("coordineer-het-leren/zuidkust")


def test_region_mistakes_are_reported_with_their_lines(fork):
    write(fork / "regio" / "aanvullingen" / "coordineer-het-lere.yml", "bron: eigen\n")
    write(fork / "regio" / "aanvullingen" / "coordineer-het-leren.yml",
          "reflectievragen:\n  - id: visie-organiseren\n    vraag: Dubbel?\nbron: eigen\n")
    write(fork / "regio" / "praktijken" / "p.yml", "titel: P\nsamenvatting: S.\nbeschrijving: B.\nbouwstenen:\n"
          "  - organiseer-de-governance\ndatum: 2026-11-20\nbron: eigen\n")
    write(fork / "regio" / "bouwstenen" / "coordineer-het-leren.yml", "titel: T\n")
    text = (fork / "regio" / "regio.yml").read_text().replace("  - bouwstenen/organiseer-de-governance",
                                                              "  - bouwstenen/organiseer-de-governance\n  - bouwstenen/bestaat-niet")
    (fork / "regio" / "regio.yml").write_text(text)
    found = messages(fork)
    assert "regio/aanvullingen/coordineer-het-lere.yml:1: Deze aanvulling hoort bij bouwsteen 'coordineer-het-lere', " \
           "maar die bestaat niet. Geef het bestand dezelfde naam als het bestand van de bouwsteen. Bedoel je 'coordineer-het-leren'?" in found
    assert "regio/aanvullingen/coordineer-het-leren.yml:2: id: de bouwsteen 'coordineer-het-leren' heeft al een vraag met " \
           "de naam 'visie-organiseren'. Kies een andere naam voor jullie vraag." in found
    assert "regio/praktijken/p.yml:5: bouwstenen: De bouwsteen 'organiseer-de-governance' staat bij 'verbergen' in het " \
           "regiobestand. Haal de verwijzing weg, of toon de bouwsteen weer." in found
    assert "regio/regio.yml:9: verbergen: er is geen bouwsteen met de naam 'bestaat-niet'. Schrijf de bestandsnaam zonder .yml." in found
    assert "regio/bouwstenen/coordineer-het-leren.yml:1: De naam 'coordineer-het-leren' bestaat al, in " \
           "content/bouwstenen/coordineer-het-leren.yml. Geef een van beide bestanden een andere naam." in found


def test_example_region_files_are_not_read_in_a_fork(fork):
    write(fork / "content" / "tafels" / "kapot.yml", "titel: [kapot\n")  # an example file, even broken, is not read
    assert messages(fork) == []


@pytest.mark.parametrize("entry", ["coordineer-het-leren", "bouwstenen/", "themas/anders-kijken"])
def test_a_hidden_bouwsteen_written_the_wrong_way_gets_one_message(fork, entry):
    """The schema says how to write it ('bouwstenen/<id>'); a second message "er is geen bouwsteen met de naam ''"
    only confused: the region never wrote an empty name."""
    text = (fork / "regio" / "regio.yml").read_text().replace("  - bouwstenen/organiseer-de-governance", f"  - {entry}")
    (fork / "regio" / "regio.yml").write_text(text)
    found = [m for m in messages(fork) if m.startswith("regio/regio.yml:8:")]
    assert len(found) == 1 and "heeft niet de goede vorm" in found[0] and "bouwstenen/<id>" in found[0], found


def test_a_phase_no_meeting_can_have_is_said_in_the_region_file(fork):
    """A region may describe the phases of its learning in its own words (`toelichting`), but a meeting's `fase` is
    one of the four of the bijeenkomst schema: a phase named otherwise was accepted, shown on every tafel page and
    could never be chosen. It is a problem at its line now, naming the phases a meeting knows."""
    text = (fork / "regio" / "regio.yml").read_text() + (
        "fasen:\n  - naam: Samen beslissen\n    toelichting: We kiezen samen.\n"
        "  - naam: Verkennen\n    toelichting: We kijken eerst rond.\n")
    (fork / "regio" / "regio.yml").write_text(text)
    line = text.splitlines().index("  - naam: Verkennen") + 1
    assert messages(fork) == [
        f"regio/regio.yml:{line}: naam: 'Verkennen' is geen fase die een bijeenkomst kan hebben. Een bijeenkomst kent "
        "deze fasen: verbinding aangaan, samen beslissen, doen wat werkt, samen reflecteren. Noem hier alleen die fasen, "
        "en vertel in de toelichting wat ze bij jullie betekenen."]


def test_a_phase_named_twice_is_said_in_the_region_file(fork):
    """Every tafel page lists the region's phases with their toelichting: a phase named twice (also in other capitals)
    was shown twice, with two explanations."""
    text = (fork / "regio" / "regio.yml").read_text() + (
        "fasen:\n  - naam: Samen beslissen\n    toelichting: We kiezen samen.\n"
        "  - naam: Doen wat werkt\n    toelichting: We proberen het.\n"
        "  - naam: samen Beslissen\n    toelichting: Nog eens.\n")
    (fork / "regio" / "regio.yml").write_text(text)
    line = text.splitlines().index("  - naam: samen Beslissen") + 1
    assert messages(fork) == [f"regio/regio.yml:{line}: naam: De fase 'samen Beslissen' staat al eerder in deze lijst. "
                              "Noem elke fase één keer, met één toelichting."]


def test_a_regions_own_question_names_the_source_of_the_regions_addition(fork):
    """A question the region adds (regio/aanvullingen/) comes from the addition's bron, not from the national source
    of its bouwsteen: its page, "Mijn vragenset" (vragen.json) and the bron's page say so, and the bouwsteen's page
    names both sources. The addition's bron was dropped, so the question's page cited the national publication."""
    import json

    from htmltools import parse
    from leerlandschap.pages import PageMaker
    from leerlandschap.vragendata import questions_json

    write(fork / "regio" / "bronnen" / "notitie.yml", "titel: Notitie wijkteams\nuitgever: Zuidkust\nsoort: verslag\n")
    write(fork / "regio" / "aanvullingen" / "coordineer-het-leren.yml",
          "reflectievragen:\n  - id: zuidkust\n    vraag: Wie coördineert bij ons?\n    rollen: [coordinator]\nbron: notitie\n")
    model, problems = check_content(fork / "content", fork)
    assert problems == [] and model is not None
    pages = {page.url: parse(page.body) for page in PageMaker(model, buren=None).all_pages()}

    def source_lines(url: str) -> list[str]:
        return [" ".join(p.all_text().split()) for p in pages[url].find_all("p") if p.has_class("ll-bron")]

    national = model.of(kinds.BRON)[model.of(kinds.BOUWSTEEN)["coordineer-het-leren"].bron].titel
    assert source_lines("bouwstenen/coordineer-het-leren/zuidkust/") == ["Bron: Notitie wijkteams, Zuidkust."]
    national_question = next(v.id for v in model.of(kinds.BOUWSTEEN)["coordineer-het-leren"].reflectievragen if not v.regionaal)
    assert source_lines(f"bouwstenen/coordineer-het-leren/{national_question}/")[0].startswith(f"Bron: {national},")
    lines = source_lines("bouwstenen/coordineer-het-leren/")
    assert lines[0].startswith(f"Bron: {national},") and lines[1] == "Bron van wat onze regio toevoegt: Notitie wijkteams, Zuidkust."
    uses = [" ".join(li.all_text().split()) for li in pages["bronnen/notitie/"].find_all("li")]
    assert any(u.startswith("Coördineer het leren") and "wat de regio aan deze bouwsteen toevoegt" in u for u in uses), uses
    data = json.loads(questions_json(model))
    assert data["vragen"]["coordineer-het-leren/zuidkust"]["bron"] == "notitie"
    assert data["citaten"]["notitie"] == "Notitie wijkteams, Zuidkust"


def test_the_editor_names_an_addition_only_after_a_bouwsteen_the_site_shows(fork):
    # The checker refuses an addition named after no bouwsteen, or after a hidden one; the form's file name field
    # (its pattern, as Sveltia checks it before saving) accepts exactly the others.
    import re

    from leerlandschap import cms

    content, problems = check_content(fork / "content", fork)
    assert problems == []
    collections = cms.config(content, fork / "content")["collections"]
    pattern, message = next(c for c in collections if c.get("name") == "aanvullingen")["slug"]["pattern"]
    national = {path.stem for path in (fork / "content" / "bouwstenen").glob("*.yml")}
    accepted = {name for name in national | {"bestaat-niet", "index", "organiseer"} if re.fullmatch(pattern, name)}
    assert accepted == national - {"organiseer-de-governance"} and len(accepted) > 10
    assert message.startswith("Gebruik de naam van een bouwsteen op de site")
    for name in ("bestaat-niet", "organiseer-de-governance"):  # the checker says the same of both
        write(fork / "regio" / "aanvullingen" / f"{name}.yml", "toelichting: Bij ons anders.\nbron: eigen\n")
    found = [str(p) for p in check_content(fork / "content", fork)[1]]
    assert len([p for p in found if p.startswith("regio/aanvullingen/")]) == 2, found
