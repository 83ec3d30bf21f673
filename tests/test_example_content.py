"""The example content: complete as the issue asks, drawn from the sources, and free of personal data."""
import re
from collections import Counter

import yaml

from conftest import EXAMPLE_CONTENT, ROOT
from leerlandschap import kinds
from leerlandschap.voorbeeld import shown_title

CONTENT = EXAMPLE_CONTENT


def test_eighteen_bouwstenen_in_six_groups_in_publication_order(example_content):
    c = example_content
    assert list(c.of(kinds.THEMA)) == ["anders-kijken", "anders-organiseren", "anders-doen",
                              "blijvend-anders-kijken", "blijvend-anders-organiseren", "blijvend-anders-doen"]
    assert Counter(b.thema for b in c.of(kinds.BOUWSTEEN).values()) == {
        "anders-kijken": 3, "anders-organiseren": 3, "anders-doen": 4,
        "blijvend-anders-kijken": 3, "blijvend-anders-organiseren": 3, "blijvend-anders-doen": 2}
    assert next(iter(c.of(kinds.BOUWSTEEN))) == "leer-vanuit-de-ogen-van-de-inwoner"
    for b in c.of(kinds.BOUWSTEEN).values():
        assert b.toelichting.strip() and b.reflectievragen, b.id
        assert "huiselijk geweld en kindermishandeling" in " ".join(b.toelichting.split()), b.id  # the context
    assert sum(len(b.reflectievragen) for b in c.of(kinds.BOUWSTEEN).values()) == 43


def test_leervragen_sit_where_the_publication_prints_them(example_content):
    """Each boxed leervraag sits on the bouwsteen whose text it follows in *Ruimte voor leren*; when that page
    holds two bouwstenen, a note for editors (redactienoot) says so; readers never see it (test_browser_bestuurder)."""
    where = {b.id: sorted(lv.rol for lv in b.leervragen) for b in example_content.of(kinds.BOUWSTEEN).values() if b.leervragen}
    assert where == {
        "leer-vanuit-de-ogen-van-de-inwoner": ["leidinggevende"],
        "investeer-in-bestuurlijk-leren": ["leidinggevende"],
        "organiseer-domeinoverstijgend-leren": ["professional", "professional"],
        "coordineer-het-leren": ["professional"],
        "verbind-vertaal-en-versterk-de-nieuwe-werkwijze": ["bestuurder"],
        "maak-leren-klein-en-concreet": ["bestuurder"],
        "structureer-het-leren": ["bestuurder"],
        "organiseer-de-governance": ["leidinggevende"],
        "stem-landelijk-regionaal-en-lokaal-leren-op-elkaar-af": ["professional"],
    }
    for ident in ("organiseer-domeinoverstijgend-leren", "coordineer-het-leren", "maak-leren-klein-en-concreet",
                  "verbind-vertaal-en-versterk-de-nieuwe-werkwijze", "organiseer-de-governance",
                  "stem-landelijk-regionaal-en-lokaal-leren-op-elkaar-af"):
        data = yaml.safe_load((ROOT / "content" / "bouwstenen" / f"{ident}.yml").read_text(encoding="utf-8"))
        assert "zegt de publicatie niet" in " ".join(data["redactienoot"].split()), ident
        assert "zegt de publicatie niet" not in example_content.of(kinds.BOUWSTEEN)[ident].toelichting, ident


def test_roles(example_content):
    assert set(example_content.of(kinds.ROL)) == {"professional", "leidinggevende", "beleidsmaker", "bestuurder",
                                           "ervaringsdeskundige", "coordinator"}
    used = {r for b in example_content.of(kinds.BOUWSTEEN).values() for lv in b.leervragen for r in [lv.rol]}
    assert {"professional", "leidinggevende", "bestuurder"} <= used


def test_tafels_of_flevoland_and_the_intervisie_groups(example_content):
    t = example_content.of(kinds.TAFEL)
    assert {t[i].status for i in ("leertafel-kdc", "leertafel-logeren", "leertafel-jggz")} == {"in voorbereiding"}
    assert {str(t[i].startdatum) for i in ("leertafel-kdc", "leertafel-logeren", "leertafel-jggz")} == {"2027-01-01"}
    assert {x.soort for x in t.values()} >= {"thematafel", "leertafel", "intervisiegroep", "contractvoortgangsgesprek"}
    flevoland = [x for x in t.values() if x.regio == "Flevoland"]
    assert len(flevoland) == 8
    # The appendix gives no research questions and no participants for the current tafels, and describes the three
    # steps for setting up a leertafel, which the new ones (from 1 January 2027) follow.
    assert all(not x.onderzoeksvragen for x in flevoland)
    assert all(not x.deelnemers for x in flevoland if x.status == "actief")
    assert all(x.opzet.schikken and x.opzet.dekken and x.opzet.manieren
               for x in flevoland if x.status == "in voorbereiding")
    meetings = Counter(m.tafel for m in example_content.of(kinds.BIJEENKOMST).values())
    assert (meetings["intervisiegroep-1"], meetings["intervisiegroep-2"], meetings["intervisiegroep-3"]) == (6, 6, 5)
    dates = [str(m.datum) for m in example_content.of(kinds.BIJEENKOMST).values() if m.tafel == "intervisiegroep-1"]
    assert dates == ["2024-06-24", "2024-08-28", "2024-10-07", "2024-11-20", "2024-12-16", "2025-01-22"]
    for i in ("intervisiegroep-1", "intervisiegroep-2", "intervisiegroep-3"):
        # The source announces the series and says the groups are mixed; it neither names who sits in which group
        # nor says how the series went.
        assert [d.rol for d in t[i].deelnemers] == ["bestuurder"] and t[i].status == "onbekend"
    assert "vijf data" in t["intervisiegroep-3"].samenvatting and "zes" in t["intervisiegroep-3"].samenvatting
    sessies = t["ontwikkelsessies-lerende-regio"]
    assert sessies.startdatum is None and sessies.einddatum is None  # the source says "januari - maart 2021"


def test_examples_are_marked_and_never_hang_under_a_real_tafel(example_content):
    c = example_content
    assert c.of(kinds.BRON)["voorbeeld"].soort == "voorbeeld"
    examples = {b for b, bron in c.of(kinds.BRON).items() if bron.soort == "voorbeeld"}
    voorbeeldtafels = [x for x in c.of(kinds.TAFEL).values() if x.bron in examples]
    assert [x.id for x in voorbeeldtafels] == ["voorbeeldtafel-jongeren-rond-18"]
    assert all(x.voorbeeld and shown_title(x).startswith("Voorbeeld:") for x in voorbeeldtafels)  # labelled where shown
    for m in c.of(kinds.BIJEENKOMST).values():
        if (m.bron or c.of(kinds.TAFEL)[m.tafel].bron) in examples:
            assert c.of(kinds.TAFEL)[m.tafel].bron in examples, m.id
    meetings = [m for m in c.of(kinds.BIJEENKOMST).values() if m.tafel == "voorbeeldtafel-jongeren-rond-18"]
    assert [str(m.datum) for m in meetings] == ["2026-08-25", "2026-10-06", "2026-11-17"]
    assert all(m.id.split("/")[1] == str(m.datum) for m in meetings)
    assert not [m for m in c.of(kinds.BIJEENKOMST).values() if m.tafel == "thematafels"]  # the real tafel has no invented outcomes
    # The sets were put together by this site from the questions of Ruimte voor leren, and say so.
    assert {s.bron for s in c.of(kinds.VRAGENSET).values()} == {"ruimte-voor-leren"}
    assert all(s.samengesteld and not s.voorbeeld for s in c.of(kinds.VRAGENSET).values())
    assert not [p.id for p in c.of(kinds.PRAKTIJK).values() if p.bron in examples]


def test_practices_sets_and_region(example_content):
    c = example_content
    assert len(c.of(kinds.PRAKTIJK)) >= 5 and all(p.bouwstenen and p.bron for p in c.of(kinds.PRAKTIJK).values())
    assert len(c.of(kinds.VRAGENSET)) >= 2
    for s in c.of(kinds.VRAGENSET).values():
        assert all(c.vraag(ref) for ref in s.vragen)
    assert c.regio.motto == "Samen, Dichtbij en Leren wat werkt"
    assert len(c.regio.pijlers) == 5 and len(c.regio.fasen) == 4
    elementen = {e.naam: e.punten for e in c.regio.elementen}
    assert list(elementen) == ["Sterk netwerk", "Heldere overlegstructuur", "Vaste plekken en momenten",
                               "Gefaciliteerd en datagedreven", "Gedragen uitgangspunten"]
    assert "Als ijkpunten in een jaar." in elementen["Vaste plekken en momenten"]
    assert "Onderzoeksvragen ophalen." in elementen["Gefaciliteerd en datagedreven"]
    assert len(c.regio.uitgangspunten) == 7
    assert any(u.startswith("Leren is niet optioneel.") for u in c.regio.uitgangspunten)
    assert {g.naam: g.punten for g in c.regio.structuur}["Vaste structuur"][0] == "Vast overleg"
    assert c.regio.contact.rol.startswith("Contactpersoon CLM")  # the appendix does not say what CLM stands for


def test_every_file_names_its_schema_for_editors():
    for path in CONTENT.rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path} has no schema comment"
        assert (path.parent / match.group(1)).resolve().is_file(), f"{path}: {match.group(1)} does not exist"


def test_no_email_addresses_or_names_from_the_sources():
    text = "\n".join(p.read_text(encoding="utf-8") for p in CONTENT.rglob("*.yml"))
    # Only a placeholder on a domain reserved for examples (RFC 2606) may appear: the region's general contact.
    assert [a for a in re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text) if not a.endswith("@example.org")] == []
    for name in ("Laclé", "Joosten", "Bobeldijk", "Erna", "Matthijs"):
        assert name not in text


def test_wording_fixed_in_issue_11_stays_fixed():
    text = " ".join("\n".join(p.read_text(encoding="utf-8") for p in CONTENT.rglob("*.yml")).split())
    for wording in ("Daar richten we ons werk op in", "bekijken die goed", "in de kamer blijft", "met meer organisaties",
                    "Blijf voelen", "Vertaal haar daarom", "regels én cultuur", "terechtkomt bij beleid",
                    "werd tijdens het traject bijgehouden", "Contactpersoon leerlandschap"):
        assert wording not in text, wording
    over = (ROOT / "docs" / "over.md").read_text(encoding="utf-8")
    over += (ROOT / "leerlandschap" / "templates" / "over-herkomst.html").read_text(encoding="utf-8")  # {{ herkomst() }}
    assert "komen uit de regio\nzelf" not in over and "huiselijk geweld en kindermishandeling" in over
