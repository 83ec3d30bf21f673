"""A ready set has one title wherever it appears: its page, the set overview, the share data and open data.

The requirement (issue 25): ready sets are defined once (readysets.py) and every output reads that definition. The
titles expected here come from the content files and from the wording the overview promises ("Vragen voor …",
"Vragen bij het thema ‘…’", "Vragen bij de bouwsteen ‘…’"), never from the code under test.
"""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from htmltools import parse
from leerlandschap import kinds
from leerlandschap.model import Content
from leerlandschap.opendata import open_data_documents
from leerlandschap.pages import PageMaker
from leerlandschap.vragendata import questions_json

ROOT = Path(__file__).resolve().parent.parent


def _outputs(content: Content) -> tuple[dict[str, str], dict[str, list[str]], dict[str, str], dict[str, str]]:
    """Per page URL: the title its set tools hand to "Pas deze set aan"; per set URL: the overview's link texts;
    per set key: the title in vragen.json; per vragenset id: the title in open data."""
    pages = {page.url: page for page in PageMaker(content).all_pages()}
    on_page = {}
    for url, page in pages.items():
        tools = [e for e in parse(page.body).find_all("div") if e.has_class("ll-settools")]
        if tools:
            assert len(tools) == 1, url
            on_page[url] = tools[0].attrs["data-titel"]
    overview: dict[str, list[str]] = {}
    for card in parse(pages["vragensets/"].body).find_all("li"):
        if card.has_class("ll-kaart"):
            link = card.find_all("a")[0]
            url = urljoin("/vragensets/", link.attrs["href"]).split("#")[0].lstrip("/")
            overview.setdefault(url, []).append(" ".join(link.all_text().split()))
    shared = {key: s["titel"] for key, s in json.loads(questions_json(content))["sets"].items()}
    opendata = {item["id"]: item["titel"] for item in open_data_documents(content)["vragensets"]["items"]}
    return on_page, overview, shared, opendata


def _expected(content: Content) -> dict[str, str]:
    """Set key -> title, as the requirement words it."""
    expected = {}
    for path in sorted((ROOT / "content" / "vragensets").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.stem in content.of(kinds.VRAGENSET):
            expected[f"vragenset/{path.stem}"] = data["titel"]
    for rol in content.of(kinds.ROL).values():
        expected[f"rol/{rol.id}"] = f"Vragen voor {rol.meervoud.lower()}"
    for t in content.of(kinds.THEMA).values():
        expected[f"thema/{t.id}"] = f"Vragen bij het thema ‘{t.titel}’"
    for b in content.of(kinds.BOUWSTEEN).values():
        if b.reflectievragen:
            expected[f"bouwsteen/{b.id}"] = f"Vragen bij de bouwsteen ‘{b.titel}’"
    return expected


def test_a_ready_set_has_the_same_title_everywhere(example_content):
    on_page, overview, shared, opendata = _outputs(example_content)
    expected = _expected(example_content)
    assert shared, "vragen.json has no sets"
    for key, titel in shared.items():
        kind, _, ident = key.partition("/")
        url = {"vragenset": "vragensets", "rol": "rollen", "thema": "themas", "bouwsteen": "bouwstenen"}[kind]
        url = f"{url}/{ident}/"
        if key in expected:
            assert titel == expected[key], key
        assert on_page[url] == titel, f"{url}: the page's set tools name the set differently"
        assert overview[url] == [titel], f"{url}: the overview names the set differently"
        if kind == "vragenset":
            assert opendata[ident] == titel, f"{ident}: open data names the set differently"
    # Every set of the requirement is handed out (rol and thema sets exist only when they have questions).
    assert {k for k in expected if k.startswith(("vragenset/", "bouwsteen/"))} <= set(shared)


@pytest.mark.parametrize("kind", ["vragenset", "thema"])
def test_an_example_set_is_labelled_the_same_everywhere(example_content, kind):
    """An invented vragenset or thema (its bron is a voorbeeld) carries the label in every output."""
    folder = {"vragenset": "vragensets", "thema": "themas"}[kind]
    items = example_content.of(kinds.BY_NAME[kind])
    ident = next(iter(items))
    changed = example_content.replaced(kinds.BY_NAME[kind], {**items, ident: dataclasses.replace(items[ident], voorbeeld=True)})
    on_page, overview, shared, opendata = _outputs(changed)
    plain_title = items[ident].titel
    titel = f"Voorbeeld: {plain_title}" if kind == "vragenset" else f"Vragen bij het thema ‘Voorbeeld: {plain_title}’"
    url = f"{folder}/{ident}/"
    assert shared[f"{kind}/{ident}"] == titel
    assert on_page[url] == titel
    assert overview[url] == [titel]
    if kind == "vragenset":
        assert opendata[ident] == titel
