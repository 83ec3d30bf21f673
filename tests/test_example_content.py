"""The example content: complete as the issue asks, drawn from the sources, and free of personal data."""
import re
from collections import Counter

from conftest import ROOT

CONTENT = ROOT / "content"


def test_eighteen_bouwstenen_in_six_groups_in_publication_order(example_content):
    c = example_content
    assert list(c.themas) == ["anders-kijken", "anders-organiseren", "anders-doen",
                              "blijvend-anders-kijken", "blijvend-anders-organiseren", "blijvend-anders-doen"]
    assert Counter(b.thema for b in c.bouwstenen.values()) == {
        "anders-kijken": 3, "anders-organiseren": 3, "anders-doen": 4,
        "blijvend-anders-kijken": 3, "blijvend-anders-organiseren": 3, "blijvend-anders-doen": 2}
    assert next(iter(c.bouwstenen)) == "leer-vanuit-de-ogen-van-de-inwoner"
    for b in c.bouwstenen.values():
        assert b.toelichting.strip() and b.reflectievragen, b.id
    assert sum(len(b.leervragen) for b in c.bouwstenen.values()) >= 10


def test_roles(example_content):
    assert set(example_content.rollen) == {"professional", "leidinggevende", "beleidsmaker", "bestuurder",
                                           "ervaringsdeskundige", "coordinator"}
    used = {r for b in example_content.bouwstenen.values() for lv in b.leervragen for r in [lv.rol]}
    assert {"professional", "leidinggevende", "bestuurder"} <= used


def test_tafels_of_flevoland_and_the_intervisie_groups(example_content):
    t = example_content.tafels
    assert {t[i].status for i in ("leertafel-kdc", "leertafel-logeren", "leertafel-jggz")} == {"in voorbereiding"}
    assert {str(t[i].startdatum) for i in ("leertafel-kdc", "leertafel-logeren", "leertafel-jggz")} == {"2027-01-01"}
    assert {x.soort for x in t.values()} >= {"thematafel", "leertafel", "intervisiegroep", "contractvoortgangsgesprek"}
    assert all(t[i].opzet.schikken and t[i].opzet.dekken and t[i].opzet.manieren
               for i in t if t[i].soort == "leertafel" and t[i].regio == "Flevoland")
    meetings = Counter(m.tafel for m in example_content.bijeenkomsten.values())
    assert (meetings["intervisiegroep-1"], meetings["intervisiegroep-2"], meetings["intervisiegroep-3"]) == (6, 6, 5)
    dates = [str(m.datum) for m in example_content.bijeenkomsten.values() if m.tafel == "intervisiegroep-1"]
    assert dates == ["2024-06-24", "2024-08-28", "2024-10-07", "2024-11-20", "2024-12-16", "2025-01-22"]


def test_practices_sets_and_region(example_content):
    c = example_content
    assert len(c.praktijken) >= 5 and all(p.bouwstenen and p.bron for p in c.praktijken.values())
    assert len(c.vragensets) >= 2
    for s in c.vragensets.values():
        assert all(c.vraag(ref) for ref in s.vragen)
    assert c.regio.motto == "Samen, Dichtbij en Leren wat werkt"
    assert len(c.regio.pijlers) == 5 and len(c.regio.fasen) == 4


def test_every_file_names_its_schema_for_editors():
    for path in CONTENT.rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path} has no schema comment"
        assert (path.parent / match.group(1)).resolve().is_file(), f"{path}: {match.group(1)} does not exist"


def test_no_email_addresses_or_names_from_the_sources():
    text = "\n".join(p.read_text(encoding="utf-8") for p in CONTENT.rglob("*.yml"))
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text)
    for name in ("Laclé", "Joosten", "Bobeldijk", "Erna", "Matthijs"):
        assert name not in text
