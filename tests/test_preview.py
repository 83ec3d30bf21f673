"""A preview renders only the pages an edit reaches, and the result equals rendering the whole site again."""
import os
import re
import shutil
from dataclasses import astuple
from pathlib import Path

import pytest

from conftest import ROOT
from leerlandschap import sitedata
from leerlandschap.loader import load_content
from leerlandschap.pages import PageMaker
from leerlandschap.preview import affected


@pytest.fixture
def content(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert re.search(old, text, re.M), (path, old)
    path.write_text(re.sub(old, new, text, count=count, flags=re.M), encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 10_000_000  # a later time than the previous version, however fast the edit
    os.utime(path, ns=(stamp, stamp))


def full(content_dir: Path) -> list:
    return [astuple(p) for p in PageMaker(load_content(content_dir), buren=None).all_pages()]


def first_meeting(content: Path) -> Path:
    return sorted((content / "tafels").glob("*/*.yml"))[-1]


EDITS = {
    "praktijk title": lambda c: edit(c / "praktijken" / "leerlandschap-flevoland.yml", r"^titel: .*$", "titel: Nieuwe titel"),
    "praktijk bouwstenen": lambda c: edit(c / "praktijken" / "leerlandschap-flevoland.yml", r"^bouwstenen:\n",
                                          "bouwstenen:\n  - omarm-wrijving-en-ongemak\n"),
    "bouwsteen title": lambda c: edit(c / "bouwstenen" / "coordineer-het-leren.yml", r"^titel: .*$", "titel: Coördineer samen"),
    "question text": lambda c: edit(c / "bouwstenen" / "coordineer-het-leren.yml", r"(\n    vraag: ).*", r"\1Een andere vraag?"),
    "tafel title": lambda c: edit(c / "tafels" / "voorbeeldtafel-jongeren-rond-18.yml", r"^titel: .*$",
                                  'titel: "Voorbeeld: een andere naam"'),
    "agreement status": lambda c: edit(c / "tafels" / "voorbeeldtafel-jongeren-rond-18" / "2026-10-06.yml",
                                       r"status: open", "status: gedaan"),
    "vragenset questions": lambda c: edit(c / "vragensets" / "teamsessie-leren-klein-en-concreet.yml", r"^vragen:\n",
                                          "vragen:\n  - coordineer-het-leren/visie-organiseren\n"),
    "new praktijk": lambda c: (c / "praktijken" / "nieuw-voorbeeld.yml").write_text(
        "titel: Nieuw\nsamenvatting: S.\nbeschrijving: B.\nbouwstenen: [structureer-het-leren]\ndatum: 2026-11-01\n"
        "bron: voorbeeld\n", encoding="utf-8"),
    "removed praktijk": lambda c: (c / "praktijken" / "meelopen-in-zes-regios.yml").unlink(),
    "new meeting": lambda c: (c / "tafels" / "voorbeeldtafel-jongeren-rond-18" / "2027-01-12.yml").write_text(
        "datum: 2027-01-12\nopbrengst:\n  afspraken:\n    - id: voorstel-werkafspraak-overdracht\n      status: gedaan\n",
        encoding="utf-8"),
    "thema title": lambda c: edit(c / "themas" / "anders-kijken.yml", r"^titel: .*$", "titel: Anders bekijken"),
}


@pytest.mark.parametrize("name", EDITS)
def test_after_an_edit_the_preview_equals_a_full_render(content, name):
    cache = sitedata.SiteCache()  # what the preview keeps between rebuilds
    before = sitedata.load_site(content, cache)  # the preview's first build
    EDITS[name](content)
    after = sitedata.load_site(content, cache)  # the preview after saving: only reached pages rendered again
    assert after is not before
    assert [astuple(p) for p in after.pages] == full(content)


def test_a_small_edit_reaches_few_pages(content):
    old = load_content(content)
    EDITS["praktijk title"](content)
    reach = affected(old, load_content(content))
    assert reach is not None and ("praktijk", "leerlandschap-flevoland") in reach
    everything = len(PageMaker(old).items())
    assert len(reach) < everything / 4, (len(reach), everything)


def test_vocabulary_and_template_edits_render_everything(content, tmp_path):
    old = load_content(content)
    EDITS["thema title"](content)
    assert affected(old, load_content(content)) is None


def test_saves_in_a_row_each_equal_a_full_render(content):
    """The second save reuses what the first worked out (the references of unchanged items): linking a praktijk to
    a bouwsteen and then deleting that praktijk must leave no trace of it on the bouwsteen's page."""
    cache = sitedata.SiteCache()  # the preview's
    sitedata.load_site(content, cache)
    EDITS["praktijk bouwstenen"](content)
    first = sitedata.load_site(content, cache)
    assert [astuple(p) for p in first.pages] == full(content)
    (content / "praktijken" / "leerlandschap-flevoland.yml").unlink()
    second = sitedata.load_site(content, cache)
    assert [astuple(p) for p in second.pages] == full(content)
    page = next(p for p in second.pages if p.src_uri == "bouwstenen/omarm-wrijving-en-ongemak.md")
    assert "leerlandschap-flevoland" not in page.body


def test_a_new_praktijk_renders_its_own_page_and_the_bouwsteen_it_names_only(content):
    cache = sitedata.SiteCache()  # the preview's
    before = sitedata.load_site(content, cache)
    EDITS["new praktijk"](content)  # names one bouwsteen: structureer-het-leren
    after = sitedata.load_site(content, cache)
    rendered = {key for key, pages in after.by_item.items() if before.by_item.get(key) is not pages}
    assert {("praktijk", "nieuw-voorbeeld"), ("bouwsteen", "structureer-het-leren")} <= rendered
    kept = {("bouwsteen", "coordineer-het-leren"), ("praktijk", "meelopen-in-zes-regios"), ("vragenset", "teamsessie-leren-klein-en-concreet")}
    assert kept & rendered == set()  # not linked with the new praktijk: their pages are the previous ones
