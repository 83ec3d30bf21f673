"""A fork previews like the original: `mkdocs serve` reloads when a file under regio/ changes.

mkdocs.yml's `watch:` is upstream's and names only content/; the plugin's on_serve watches every content layer that
exists in the project (leerlandschap_mkdocs/plugin.py). Here a fork is made with the real `scripts/regio.py`, served
on a free loopback port, and files under regio/ are edited while it runs: a practice, the region file (whose name
is on every page) and a new file in a folder that was empty.
"""
import os
import subprocess
import sys

import pytest
from test_serve import BASE_PATH, fetch, free_port, wait_for

from sitebuild import make_project

pytestmark = pytest.mark.build  # runs mkdocs serve on a fork of its own

PRAKTIJK = """titel: Samen lunchen met de wijkteams
samenvatting: Eén keer per maand lunchen medewerkers van verschillende organisaties samen.
beschrijving: |
  Tijdens de lunch vertelt iemand over een casus die goed ging.
bouwstenen:
  - maak-ruimte-voor-ontmoeting-en-verbinding
datum: 2026-11-20
bron: eigen-inbreng-regio-oost
"""


@pytest.fixture
def fork(tmp_path):
    project = make_project(tmp_path / "fork")
    made = subprocess.run([sys.executable, "scripts/regio.py", "--naam", "Regio Oost", "--adres", "https://oost.example/",
                           "--contact", "leren@oost.example"], cwd=project, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    assert made.returncode == 0, made.stdout + made.stderr
    (project / "regio" / "praktijken" / "samen-lunchen.yml").write_text(PRAKTIJK, encoding="utf-8")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"],
                               cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield project, f"http://127.0.0.1:{port}{BASE_PATH}"
    process.terminate()
    process.wait(timeout=10)


def test_editing_files_under_regio_reloads_the_preview_of_a_fork(fork):
    project, url = fork
    page_url = url + "praktijken/samen-lunchen/"
    first = wait_for(lambda: fetch(page_url), 90, "the first build of the fork")
    assert "Samen lunchen met de wijkteams" in first and "Nieuwe zin uit de regio" not in first

    # 1. A practice of the region.
    path = project / "regio" / "praktijken" / "samen-lunchen.yml"
    path.write_text(PRAKTIJK.replace("samen.\n", "samen. Nieuwe zin uit de regio.\n", 1), encoding="utf-8")
    wait_for(lambda: "Nieuwe zin uit de regio" in (fetch(page_url) or ""), 60, "the rebuild after editing regio/praktijken/")

    # 2. The region file: the site's name is in every page's title.
    regio = project / "regio" / "regio.yml"
    regio.write_text(regio.read_text(encoding="utf-8").replace("Regio Oost", "Regio Oostrand"), encoding="utf-8")
    wait_for(lambda: "Regio Oostrand" in (fetch(url) or ""), 60, "the rebuild after editing regio/regio.yml")

    # 3. A new file in a folder of regio/ that held only its README.
    new = project / "regio" / "tafels" / "leertafel-wonen.yml"
    new.write_text("titel: Leertafel Wonen\nsoort: leertafel\nsamenvatting: S.\ndoel: D.\nstatus: actief\n"
                   "bron: eigen-inbreng-regio-oost\n", encoding="utf-8")
    wait_for(lambda: fetch(url + "tafels/leertafel-wonen/"), 60, "the page of a new file under regio/tafels/")
