"""Links that follow the site (issue 20): calendar subscriptions are built from the page's own address in the
browser, and `make check` says so when the region file still has an example address."""
import re

import check  # scripts/ is on pytest's path (pyproject.toml)
import pytest

from conftest import ROOT
from htmltools import parse_file

TAFEL = "voorbeeldtafel-jongeren-rond-18"


@pytest.mark.parametrize("path, calendar", [(f"tafels/{TAFEL}/", f"agenda/{TAFEL}.ics"), ("tafels/", "agenda/alle-tafels.ics")],
                         ids=["tafel", "overzicht"])
def test_the_subscription_link_is_built_from_the_page_s_own_address(new_page, example_site, path, calendar):
    project, url = example_site
    built = parse_file(project / "site" / path / "index.html")
    link = next(a for a in built.find_all("a") if a.has_class("ll-abonneer"))
    assert link.attrs["href"].startswith("webcal://example.org/")  # what the build wrote: the example region's address
    page = new_page()
    page.goto(url + path)
    host = url.split("://", 1)[1]
    assert page.get_by_role("link", name="Abonneer je op de agenda").get_attribute("href") == f"webcal://{host}{calendar}"
    field = page.get_by_role("textbox", name=re.compile("Kopieer dan dit adres"))
    assert field.input_value() == url + calendar
    assert (project / "site" / calendar).is_file()


def run_check(tmp_path, adres, capsys):
    content = tmp_path / "content"
    import shutil

    shutil.copytree(ROOT / "content", content)
    regio = content / "regio.yml"
    regio.write_text(regio.read_text(encoding="utf-8").replace("https://example.org/leerlandschap/", adres), encoding="utf-8")
    assert check.main(["--content", str(content), "--vandaag", "2026-01-01"]) == 0  # information, not an error
    return capsys.readouterr().out


@pytest.mark.parametrize("adres", ["https://example.org/leerlandschap/", "https://regio.example.com/", "https://leren.zuidkust.example/"])
def test_make_check_says_when_the_site_address_is_still_an_example(tmp_path, capsys, adres):
    out = run_check(tmp_path, adres, capsys)
    line = next(line for line in out.splitlines() if "voorbeeldadres" in line)
    assert line.startswith("Ter info: het adres van de site is nog een voorbeeldadres: " + adres)
    assert re.search(r"content/regio\.yml:\d+", line) and "Zet daar het echte adres van jullie site." in line


def test_make_check_is_quiet_about_a_real_address(tmp_path, capsys):
    assert "voorbeeldadres" not in run_check(tmp_path, "https://zuidkust.github.io/leerlandschap/", capsys)
