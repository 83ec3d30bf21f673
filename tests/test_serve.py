"""`make serve` previews with live reload: editing a content file changes the served page; search is there too,
and follows every save (made after the page is shown, leerlandschap_mkdocs/later.py)."""
import gzip
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import cbor2
import pytest

from leerlandschap.searchindex import SIGNATURE
from sitebuild import ROOT, make_small_project

pytestmark = pytest.mark.build  # runs mkdocs serve on a project of its own

# `mkdocs serve` serves under the path of site_url, like the published site.
BASE_PATH = urlsplit(re.search(r"^site_url: (\S+)", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)).path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One preview for the file (its first build is a whole site): each test edits other files than the others."""
    project = make_small_project(tmp_path_factory.mktemp("serve") / "project")
    # A region publishing under another path than upstream's mkdocs.yml: the preview must still be self-consistent.
    regio = project / "content" / "regio.yml"
    regio.write_text(regio.read_text(encoding="utf-8").replace("https://example.org/leerlandschap/",
                                                               "https://example.org/andere-plek/"), encoding="utf-8")
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    yield project, f"http://127.0.0.1:{port}{BASE_PATH}"
    process.terminate()
    process.wait(timeout=10)


def test_editing_content_updates_the_served_page(server):
    project, url = server
    page_url = url + "praktijken/leerlandschap-flevoland/"
    first = wait_for(lambda: fetch(page_url), 60, "the first build")
    assert "Nieuwe zin uit de test" not in first
    # Search works in the preview too; its index is written just after the pages, so give it a moment.
    wait_for(lambda: fetch(url + "pagefind/pagefind.js"), 60, "the search index of the preview")
    path = project / "content" / "praktijken" / "leerlandschap-flevoland.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("samenvatting: >-\n", "samenvatting: >-\n  Nieuwe zin uit de test.\n", 1), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    wait_for(lambda: "Nieuwe zin uit de test" in (fetch(page_url) or ""), 60, "the rebuild after an edit")
    # Open data, calendars and vragen.json are written just after the pages (no page shows them): they follow the edit.
    wait_for(lambda: "Nieuwe zin uit de test" in (fetch(url + "data/praktijken.json") or ""), 60, "the open data after an edit")
    assert (fetch(url + "agenda/alle-tafels.ics") or "").startswith("BEGIN:VCALENDAR")
    assert "vragen" in json.loads(fetch(url + "vragen.json") or "{}")


def test_editing_a_template_or_a_schema_updates_the_served_page(server):
    project, url = server
    page_url = url + "praktijken/leerlandschap-flevoland/"
    wait_for(lambda: fetch(page_url), 60, "the first build")
    template = project / "leerlandschap" / "templates" / "praktijk.html"
    template.write_text(template.read_text(encoding="utf-8") + "<p>Nieuw stukje sjabloon</p>\n", encoding="utf-8")
    wait_for(lambda: "Nieuw stukje sjabloon" in (fetch(page_url) or ""), 60, "the rebuild after a template edit")
    # The open-data page explains each field of a data file in the words of that file's schema.
    schema = project / "schemas" / "export" / "praktijken.schema.json"
    data = json.loads(schema.read_text(encoding="utf-8"))
    titel = data["properties"]["items"]["items"]["properties"]["titel"]
    titel["description"] += " Uitleg-uit-de-test."
    schema.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    wait_for(lambda: "Uitleg-uit-de-test" in (fetch(url + "data/") or ""), 60, "the rebuild after a schema edit")


def test_editing_a_part_of_a_page_script_updates_the_served_script(server):
    """vragenset.js is kept as a folder of parts (docs/assets/vragenset/): the preview serves it as one file, and a
    save of one part is in that file after the rebuild. The parts are not served on their own."""
    project, url = server
    script_url = url + "assets/vragenset.js"
    first = wait_for(lambda: fetch(script_url), 60, "the first build")
    part = sorted((project / "docs" / "assets" / "vragenset").glob("*.js"))[-1]
    assert fetch(url + "assets/vragenset/" + part.name) is None
    assert "deelUitDeTest" not in first
    part.write_text(part.read_text(encoding="utf-8") + 'window.deelUitDeTest = "nieuw";\n', encoding="utf-8")
    served = wait_for(lambda: "deelUitDeTest" in (fetch(script_url) or "") and fetch(script_url), 60,
                      "the rebuild after a script part was saved")
    assert served.startswith(first[:200])  # the first part still comes first: one file, joined in name order


def test_the_preview_uses_its_own_address(server):
    _, url = server
    wait_for(lambda: fetch(url), 60, "the first build")
    try:
        urllib.request.urlopen(url + "bestaat-niet/", timeout=5)
        pytest.fail("expected a 404 page")
    except urllib.error.HTTPError as error:
        page = error.read().decode("utf-8")
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert stylesheets and all(href.startswith(BASE_PATH) for href in stylesheets), stylesheets


def searched_text(url: str, page: str) -> str:
    """What the preview's search index holds of `page` (a path from the site root such as 'praktijken/x/'): the text
    Pagefind shows and searches, read over HTTP the way the search page reads it (entry, page list, the page's fragment)."""
    def read(path: str) -> bytes:
        with urllib.request.urlopen(url + "pagefind/" + path, timeout=5) as response:
            return gzip.decompress(response.read())[len(SIGNATURE):]

    try:
        language = json.loads(fetch(url + "pagefind/pagefind-entry.json") or "{}")["languages"]["nl"]["hash"]
        for fragment, _ in cbor2.loads(read(f"pagefind.{language}.pf_meta"))[1]:
            data = json.loads(read(f"fragment/{fragment}.pf_fragment"))
            if data["url"] == "/" + page:
                return data["content"]
    except (OSError, KeyError, ValueError):  # the index is being swapped in, or not there yet
        return ""
    return ""


def test_search_follows_every_save(server):
    project, url = server
    page = "praktijken/leerlandschap-flevoland/"  # a practice of the small project (sitebuild.SMALL)
    wait_for(lambda: fetch(url + page), 60, "the first build")
    wait_for(lambda: "leerlandschap" in searched_text(url, page).lower(), 120, "the first search index")
    path = project / "content" / "praktijken" / "leerlandschap-flevoland.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("samenvatting: >-\n", "samenvatting: >-\n  Zoekwoord eerstezoekproef.\n", 1), encoding="utf-8")
    wait_for(lambda: "eerstezoekproef" in (fetch(url + page) or ""), 60, "the page after the first save")
    # Two saves in a row, the second before the first one's index can be ready: search ends with the second's text.
    path.write_text(text.replace("samenvatting: >-\n", "samenvatting: >-\n  Zoekwoord tweedezoekproef.\n", 1), encoding="utf-8")
    wait_for(lambda: "tweedezoekproef" in (fetch(url + page) or ""), 60, "the page after the second save")
    assert "eerstezoekproef" not in (fetch(url + page) or "")
    wait_for(lambda: "tweedezoekproef" in searched_text(url, page), 120, "the search index after the saves")
    assert "eerstezoekproef" not in searched_text(url, page)
    words = json.loads(fetch(url + "pagefind/leerlandschap-woorden.json") or "{}")["woorden"].split()
    assert "tweedezoekproef" in words and "eerstezoekproef" not in words  # the search page's word list follows too
