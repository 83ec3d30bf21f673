"""Licences: EUPL-1.2 for the code (LICENSE, REUSE.toml), the region's own choice for its content.

The region file's `licentie` (naam, url) is shown in the footer of every page and published in data/regio.json;
without it the site says that no open licence was given, and the example content claims none.
"""
import json
import re
import tomllib

import pytest

import variants
from conftest import ROOT
from htmltools import parse_file
from leerlandschap.schemas import Schema

CC_BY = "https://creativecommons.org/licenses/by/4.0/deed.nl"


def test_the_code_is_eupl_and_reuse_says_what_covers_what():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")
    for article in ("Definitions", "Scope of the rights granted by the Licence", "15.Applicable Law", "Appendix"):
        assert article in text, article  # the whole text, not a summary
    assert (ROOT / "LICENSES" / "EUPL-1.2.txt").read_text(encoding="utf-8") == text
    reuse = tomllib.loads((ROOT / "REUSE.toml").read_text(encoding="utf-8"))
    assert reuse["version"] == 1
    by_path = {path: a for a in reuse["annotations"] for path in ([a["path"]] if isinstance(a["path"], str) else a["path"])}
    assert by_path["**"]["SPDX-License-Identifier"] == "EUPL-1.2"
    content = by_path["content/**"]
    assert content["precedence"] == "override" and content["SPDX-License-Identifier"].startswith("LicenseRef-")
    # The pages that summarise the sources (the glossary cites Bijlage 12 entry by entry) are covered as content/ is.
    assert by_path["docs/begrippen.md"] is content and by_path["docs/over.md"] is content
    # A fork's own folder is the region's, under the licence its region file names: never the code's EUPL.
    regio = by_path["regio/**"]
    assert regio["precedence"] == "override" and regio["SPDX-License-Identifier"] == "LicenseRef-Regio"
    for annotation in reuse["annotations"]:  # every licence named has its text in LICENSES/
        assert (ROOT / "LICENSES" / f"{annotation['SPDX-License-Identifier']}.txt").is_file()
    explained = (ROOT / "LICENSES" / f"{content['SPDX-License-Identifier']}.txt").read_text(encoding="utf-8")
    assert "geen licentie" in explained  # the example content claims no licence nobody granted
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "EUPL-1.2"


def test_the_example_region_claims_no_licence_and_names_the_rights_holders():
    regio = (ROOT / "content" / "regio.yml").read_text(encoding="utf-8")
    assert "\nlicentie:" not in regio
    over = (ROOT / "docs" / "over.md").read_text(encoding="utf-8")
    section = over[over.index("{ #licentie }"):]
    for publisher in ("Regioplan en Movisie", "Sociaal Domein Flevoland", "Associatie voor Jeugd",
                      "Toekomstscenario kind- en gezinsbescherming", "{{ software(", "Samenwerken aan een lerende regio"):
        assert publisher in section, publisher
    # The 2021 retrospective names no publisher; only its contacts' e-mail domain pointed at one: not claimed, here
    # nor in the licence text that lists the rights holders.
    assert "UtrechtZorg" not in section and "noemt geen uitgever" in section
    bronnen = (ROOT / "LICENSES" / "LicenseRef-Bronnen.txt").read_text(encoding="utf-8")
    assert "UtrechtZorg" not in bronnen and "noemt geen uitgever" in bronnen


@pytest.mark.parametrize(("licentie", "fout"), [
    ({"naam": "CC BY 4.0", "url": CC_BY}, False),
    ({"naam": "CC0 1.0"}, False),
    ({"naam": "CC BY 4.0", "url": "javascript:alert(1)"}, True),
    ({"naam": "CC BY 4.0", "url": "http://creativecommons.org/"}, True),
    ({"url": CC_BY}, True),
    ({"naam": ""}, True),
])
def test_the_region_file_accepts_a_licence_with_a_name_and_an_https_address(licentie, fout):
    schema = Schema.load("regio")
    data = {"naam": "N", "motto": "M", "beschrijving": "B", "bron": "b", "licentie": licentie}
    assert bool(list(schema.validator.iter_errors(data))) is fout


@pytest.fixture(scope="module")
def licensed_site(own_project):
    """The example region with the licence `CC BY 4.0 <i>` in its region file (variants.make_own)."""
    assert (variants.LICENCE_NAME, variants.CC_BY) == ("CC BY 4.0 <i>", CC_BY)
    return own_project / "site"


def test_the_footer_of_every_page_names_the_content_licence(licensed_site):
    pages = ["index.html", "bouwstenen/coordineer-het-leren/index.html", "over/index.html", "data/index.html"]
    for name in pages:
        footer = parse_file(licensed_site / name).find_all("footer")[0]
        links = [a for a in footer.find_all("a") if a.attrs.get("rel") == "license"]
        assert [(a.attrs["href"], a.all_text()) for a in links] == [(CC_BY, "CC BY 4.0 <i>")], name  # escaped text
        text = " ".join(footer.all_text().split())
        # Only the region's own texts: the summaries of the sources have no licence the region could give.
        assert re.search(r"Licentie van de eigen teksten van \S.*: CC BY 4\.0 <i>\. Samenvattingen van bronnen, zoals "
                         r"de bouwstenen en de begrippen, vallen daar niet onder\.", text), (name, text)


def test_the_open_data_page_says_the_licence_is_not_for_the_national_files(licensed_site):
    """The national files summarise sources whose publishers gave no licence: the region's licence cannot cover them."""
    page = " ".join(parse_file(licensed_site / "data" / "index.html").find("main").all_text().split())
    sentence = page[page.index("Die licentie geldt niet voor"):].split(": die zijn landelijk")[0]
    assert all(f"{name}.json" in sentence for name in ("bouwstenen", "themas", "rollen", "bronnen")), sentence
    assert not any(f"{name}.json" in sentence for name in ("praktijken", "tafels", "bijeenkomsten", "vragensets"))


def test_the_open_data_carries_the_licence(licensed_site):
    regio = json.loads((licensed_site / "data" / "regio.json").read_text(encoding="utf-8"))
    assert regio["versie"] == 2
    assert regio["items"][0]["licentie"] == {"naam": "CC BY 4.0 <i>", "url": CC_BY}


# The parts of others a built site carries, written down from the files the site serves (not from onderdelen.py):
# file pattern in the site -> the part's name on the Over page, its licence, and words only that licence's text has.
MIT = ("MIT", "Permission is hereby granted, free of charge")
OFL = ("OFL-1.1", "SIL OPEN FONT LICENSE Version 1.1")
APACHE = ("Apache-2.0", "Apache 2.0")
ALWAYS = {
    "assets/stylesheets/main.*.min.css": ("Material for MkDocs", *MIT),
    "index.html": ("Material Design Icons", *APACHE),  # the header's and footer's icons are inline SVG from Material
    "pagefind/pagefind.js": ("Pagefind", *MIT),
}
EDITOR = {
    "beheer/sveltia-cms.js": ("Sveltia CMS", *MIT),
    "beheer/chunks/react-dom.js": ("React DOM", *MIT),
    "beheer/geen-cdn/*/dist/immutable.es.js": ("Immutable", *MIT),
    "beheer/fonts/source-sans-3-*.woff2": ("Source Sans 3", *OFL),
    "beheer/fonts/material-symbols-outlined.woff2": ("Material Symbols", *OFL),
    "beheer/fonts/noto-mono-latin.woff2": ("Noto Mono", *OFL),
}


def parts_on_the_over_page(site):
    """Name -> (licence as linked, the linked file's text) from the Over page's table of parts of others."""
    table = next(t for t in parse_file(site / "over" / "index.html").find_all("table")
                 if "Onderdelen van anderen" in t.find("caption").all_text().replace("\xad", ""))
    parts = {}
    for row in table.find("tbody").find_all("tr"):
        name = row.find("th").all_text().replace("\xad", "").split(" (")[0]
        link = row.find("a")
        target = (site / "over" / link.attrs["href"]).resolve()
        assert target.is_relative_to(site.resolve()) and target.is_file(), (name, link.attrs["href"])
        parts[name] = (link.all_text(), target.read_text(encoding="utf-8"))
    return parts


@pytest.mark.parametrize("with_editor", [True, False], ids=["met-beheer", "zonder-beheer"])
def test_the_site_serves_the_licence_of_every_part_of_others_it_carries(with_editor, editor_project, example_project):
    """MIT, OFL and Apache ask that their notice goes with every copy: a site names each part of others it serves on
    its Over page, with the licence's text served beside it. Without /beheer/ the editor's parts are not named."""
    site = (editor_project if with_editor else example_project) / "site"
    expected = {**ALWAYS, **(EDITOR if with_editor else {})}
    for pattern in expected:
        assert list(site.glob(pattern)), pattern  # the site does carry it
    parts = parts_on_the_over_page(site)
    assert sorted(parts) == sorted(name for name, _, _ in expected.values())
    for name, licence, words in expected.values():
        linked, text = parts[name]
        assert linked == licence and words in text, name
    if with_editor:  # where the package has its own text, the site serves that text unchanged
        npm = ROOT / "node_modules"
        assert parts["Sveltia CMS"][1] == (npm / "@sveltia" / "cms" / "LICENSE.txt").read_text(encoding="utf-8")
        assert parts["Immutable"][1] == (npm / "immutable" / "LICENSE").read_text(encoding="utf-8")
    else:
        assert not (site / "licenties" / "sveltia-cms.txt").exists()


def test_our_copies_of_materials_partials_keep_materials_licence():
    """A file that says it is a copy of one of Material's partials stays under Material's MIT licence in REUSE.toml
    (MIT lets us change and share it, with its notice)."""
    reuse = tomllib.loads((ROOT / "REUSE.toml").read_text(encoding="utf-8"))
    by_path = {path: a for a in reuse["annotations"] for path in ([a["path"]] if isinstance(a["path"], str) else a["path"])}
    copies = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "overrides").rglob("*.html")
                    if re.search(r"[Cc]opy of Material [\d.]+'s", p.read_text(encoding="utf-8")[:400]))
    assert len(copies) >= 5, copies
    for path in copies:
        assert by_path.get(path, {}).get("SPDX-License-Identifier") == "MIT", path
