"""The successor path: the export (pages in a folder, a config without our MkDocs plugin) built by Zensical itself.

make test installs Zensical 0.0.73 (requirements-zensical.txt), so these tests run; a missing Zensical is a failure.
"""
from pathlib import Path

import pytest
import yaml

from htmltools import parse_file
from sitebuild import ZENSICAL, zensical_export

pytestmark = pytest.mark.build  # builds the exported example with Zensical


def main_text(path: Path) -> str | None:
    """The page's main content as text (Material's and Zensical's article), white space folded."""
    articles = [a for a in parse_file(path).find_all("article") if a.has_class("md-content__inner")]
    return " ".join(articles[0].all_text().split()) if articles else None


@pytest.fixture(scope="module")
def both(tmp_path_factory, example_project):
    """The example project built by MkDocs (make site, shared) and exported and built by Zensical."""
    if not ZENSICAL.exists():
        pytest.fail("Zensical is not installed: make test installs it from requirements-zensical.txt")
    project = example_project
    config, result = zensical_export(project, tmp_path_factory.mktemp("zensical") / "export")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site", config.parent / "site", config


def test_the_export_has_the_region_settings_and_no_mkdocs_plugin(both):
    _, _, config = both
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert "hooks" not in settings and "leerlandschap" not in settings["plugins"]
    assert settings["site_name"] == "Leerlandschap Flevoland"
    macros = next(p["macros"] for p in settings["plugins"] if isinstance(p, dict) and "macros" in p)
    assert macros["module_name"] == "leerlandschap_mkdocs.macros"  # importable: Zensical loads no module by path
    assert settings["extra"]["leerlandschap_contact"]["link"].startswith(("mailto:", "https://"))
    assert (config.parent / "docs" / "agenda" / "alle-tafels.ics").is_file()


def test_zensical_builds_every_page_with_the_same_main_content_as_mkdocs(both):
    mkdocs_site, zensical_site, _ = both
    pages = [p.relative_to(mkdocs_site) for p in sorted(mkdocs_site.rglob("index.html"))
             if p.relative_to(mkdocs_site).parts[0] not in ("pagefind", "beheer")]
    assert len(pages) > 100
    different = []
    for page in pages:
        theirs = zensical_site / page
        assert theirs.is_file(), f"Zensical did not build {page}"
        ours = main_text(mkdocs_site / page)
        assert ours, f"no main content in {page}"
        if main_text(theirs) != ours:
            different.append(str(page))
    assert different == []
    # The macros ran under Zensical too: the home page lists the region's tasks and latest items.
    assert "Een overleg voorbereiden" in (main_text(zensical_site / "index.html") or "")


def test_the_links_of_the_macros_on_hand_written_pages_lead_to_files_of_the_site(both):
    """Zensical reads a link in a macro's HTML from the page's source file (docs/over.md) and rewrites it for the
    page's address (over/): the Over page's links to the licence texts were ../../licenties/..., outside the site."""
    _, zensical_site, _ = both
    broken = []
    for name in ("index.html", "over/index.html", "privacy/index.html", "toegankelijkheid/index.html", "bijdragen/index.html"):
        page = zensical_site / name
        articles = [a for a in parse_file(page).find_all("article") if a.has_class("md-content__inner")]
        for link in articles[0].find_all("a"):
            href = (link.attrs.get("href") or "").split("#")[0]
            if not href or ":" in href:
                continue  # an anchor on the page, or another site, mail
            target = (page.parent / href).resolve()
            target = target / "index.html" if href.endswith("/") or target.is_dir() else target
            if not (target.is_relative_to(zensical_site.resolve()) and target.is_file()):
                broken.append(f"{name}: {link.attrs['href']}")
    assert broken == []
    over = parse_file(zensical_site / "over" / "index.html").all_text()
    assert "EUPL-1.2" in over and "MIT" in over  # the links checked above include the licence texts
