"""Gluren bij de buren, for real: kit sites serve their open data on 127.0.0.1 and a third site reads them.

Two neighbours are sites built by the kit from their own region files. Five more misbehave on purpose: one
is stopped, one answers with broken JSON, one answers slowly, one sends 50 MB, and one fills its texts with
script and javascript: payloads. The first build sees the first four healthy (so a copy is kept); the second
sees them broken. Every build stays green, says what happened in one Dutch line per neighbour, runs nothing
of theirs, and shows the last good copy where there is one.
"""
from __future__ import annotations

import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from browser import QuietServer, SiteServer
from conftest import EXAMPLE_CONTENT
from htmltools import parse_file
from leerlandschap import buren_fetch, kinds
from leerlandschap.buren import Buren, Buur
from leerlandschap.buren import load as load_buren
from leerlandschap.buren_fair import fetch_all
from leerlandschap.buren_fetch import FetchError, Limits, address_problem, fetch
from leerlandschap.buren_read import BuurItem, clean, parse, read_files
from leerlandschap.feed import atom
from leerlandschap.loader import load_content
from sitebuild import build, make_small_project, without_search

REGIO = """\
naam: {naam}
motto: Samen leren
beschrijving: Een regio om te testen.
site:
  adres: {adres}
contact:
  rol: Team leren
  adres: leren@{slug}.example
{extra}bron: eigen
"""
EIGEN = "titel: Eigen inbreng\nuitgever: De regio\nsoort: eigen inbreng\n"
ZUIDKUST = {
    "praktijken/samen-lunchen.yml": "titel: Samen lunchen met de wijkteams\nsamenvatting: Eén keer per maand lunchen we samen.\n"
                                    "beschrijving: Tekst.\nbouwstenen: [coordineer-het-leren]\ndatum: 2026-11-20\nbron: eigen\n",
    "praktijken/verzonnen-lunch.yml": "titel: Verzonnen lunch\nsamenvatting: Bestaat niet.\nbeschrijving: Tekst.\n"
                                      "bouwstenen: [coordineer-het-leren]\ndatum: 2026-11-21\nbron: voorbeeld\n",
    "tafels/leertafel-wonen.yml": "titel: Leertafel Wonen\nsoort: leertafel\nsamenvatting: Over wonen en zorg.\ndoel: D.\n"
                                  "status: actief\nbouwstenen: [coordineer-het-leren]\nbron: eigen\n",
    "tafels/leertafel-wonen/2026-10-01.yml": "datum: 2026-10-01\nopbrengst:\n  inzichten: [Wonen en zorg horen bij elkaar.]\n"
                                             "  bouwstenen: [maak-leren-klein-en-concreet]\n",
    "vragensets/wonen.yml": "titel: Vragen over wonen\ndoel: Een half uur praten over wonen.\nrollen: [coordinator]\n"
                            "vragen: [coordineer-het-leren/visie-organiseren]\ndatum: 2026-09-01\nbron: eigen\n",
}
NOORDRAND = {
    "praktijken/wijkteam-leert.yml": "titel: Het wijkteam leert van de wijk\nsamenvatting: Wekelijks de wijk in.\n"
                                     "beschrijving: Tekst.\nbouwstenen: [maak-ruimte-voor-ontmoeting-en-verbinding]\n"
                                     "datum: 2026-08-01\nbron: eigen\n",
}
LUNCH = "Samen lunchen met de wijkteams"
PAYLOAD_TITLE = "<script>alert('buur')</script>Lunch <img src=x onerror=alert(1)> {{ 7*7 }}\u0007"
PAYLOAD_TEXT = "Klik [hier](javascript:alert(1)) of javascript:alert(2) <a href=\"javascript:alert(3)\">hier</a>"
TIMEOUT, DEADLINE, SLOW = "3", "6", 9.0  # second build: the slow neighbour waits longer than the build wants to wait


def fork(path: Path, naam: str, adres: str, files: dict[str, str], extra: str = "") -> Path:
    """A region's fork of the kit: upstream's content/ (the small part: a fork shows only its national items) and
    machinery, and its own regio/."""
    project = make_small_project(path)
    slug = naam.lower().replace(" ", "-")
    own = {"regio.yml": REGIO.format(naam=naam, adres=adres, slug=slug, extra=extra), "bronnen/eigen.yml": EIGEN, **files}
    for name, text in own.items():
        target = project / "regio" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return project


def built(project: Path, site: Path | None = None) -> subprocess.CompletedProcess:
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


class Neighbour:
    """A neighbour on 127.0.0.1 that can change its behaviour: 'goed' serves a folder, the rest misbehave."""

    def __init__(self, folder: Path | None = None, documents: dict[str, bytes] | None = None):
        self.mode = "goed"
        self.folder, self.documents = folder, documents or {}
        owner = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # a body without Content-Length simply ends when the connection closes

            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(owner.folder or "."), **kwargs)

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                name = self.path.rsplit("/", 1)[-1]
                if owner.documents:
                    return self.answer(owner.documents.get(name, b""), 200 if name in owner.documents else 404)
                if owner.mode == "traag":
                    time.sleep(SLOW)
                elif owner.mode == "kapot" and name.endswith(".json"):
                    return self.answer(b'{"versie": 1, "items": [ dit is geen JSON', 200)
                elif owner.mode == "groot" and name.endswith(".json"):
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    block = b" " * (1024 * 1024)
                    try:
                        for _ in range(50):  # 50 MB, as long as the reader keeps reading
                            self.wfile.write(block)
                    except OSError:
                        pass
                    return None
                return super().do_GET()

            def answer(self, body: bytes, status: int) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def hostile_documents(site: Path) -> dict[str, bytes]:
    """Zuidkust's real open data, with payloads in every text, a javascript: page and a disguised example."""
    docs = {name: json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))
            for name in ("praktijken", "tafels", "bijeenkomsten", "vragensets")}
    real = next(p for p in docs["praktijken"]["items"] if not p["voorbeeld"])
    docs["praktijken"]["items"] = [
        {**real, "titel": PAYLOAD_TITLE, "samenvatting": PAYLOAD_TEXT},
        {**real, "id": "kwaad", "titel": "Kwade link", "pagina": "javascript:alert(1)//"},
        {**real, "id": "nep", "titel": "Nep voorbeeld", "voorbeeld": True},
    ]
    for tafel in docs["tafels"]["items"]:
        tafel["titel"] = "</a><script>alert('tafel')</script>Tafel"
    return {f"{name}.json": json.dumps(doc).encode() for name, doc in docs.items()}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The two kit sites, the misbehaving neighbours, and our site built once with all of them healthy."""
    tmp = tmp_path_factory.mktemp("buren")
    zuidkust = fork(tmp / "zuidkust", "Regio Zuidkust", "https://zuidkust.example/", ZUIDKUST)
    noordrand = fork(tmp / "noordrand", "Regio Noordrand", "https://noordrand.example/", NOORDRAND)
    built(without_search(zuidkust))  # their open data and pages are read, never their search index
    built(without_search(noordrand))
    servers = {"Regio Zuidkust": SiteServer(zuidkust / "site"), "Regio Noordrand": SiteServer(noordrand / "site")}
    misbehaving = {name: Neighbour(zuidkust / "site") for name in ("Regio Weg", "Regio Kapot", "Regio Traag", "Regio Groot")}
    misbehaving["Regio Vijandig"] = Neighbour(documents=hostile_documents(zuidkust / "site"))
    never = Neighbour(zuidkust / "site")
    never.stop()  # a port that nobody answers on, from the start: there will never be a copy
    addresses = {**{n: s.url for n, s in servers.items()}, **{n: s.url for n, s in misbehaving.items()}, "Regio Nooit": never.url}
    buren = "".join(f"  - naam: {naam}\n    adres: {url}\n" for naam, url in addresses.items())
    ours = fork(tmp / "ons", "Regio Midden", "https://midden.example/", {}, extra=f"buren:\n{buren}buren_in_nieuwsfeed: true\n")
    first = built(ours)
    yield {"ours": ours, "site": ours / "site", "first": first, "addresses": addresses, "misbehaving": misbehaving,
           "zuidkust": zuidkust}
    for server in servers.values():
        server.stop()
    for neighbour in misbehaving.values():
        if neighbour.mode != "weg":
            neighbour.stop()


@pytest.fixture(scope="module")
def second(world):
    """The same site built again after four neighbours broke: stopped, broken JSON, slow, 50 MB."""
    neighbours = world["misbehaving"]
    neighbours["Regio Weg"].stop()
    neighbours["Regio Weg"].mode = "weg"
    for name, mode in (("Regio Kapot", "kapot"), ("Regio Traag", "traag"), ("Regio Groot", "groot")):
        neighbours[name].mode = mode
    regio = world["ours"] / "regio" / "regio.yml"  # copies are fresh for 24 hours: this build must ask again
    regio.write_text(regio.read_text(encoding="utf-8") + "buren_vers_uren: 0\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:  # shorter waits than the defaults (10 s, 60 s), to keep the test quick
        patch.setenv("LEERLANDSCHAP_BUREN_TIMEOUT", TIMEOUT)
        patch.setenv("LEERLANDSCHAP_BUREN_DEADLINE", DEADLINE)
        result = built(world["ours"], world["ours"] / "site2")
    return result, world["ours"] / "site2"


def page(site: Path, url: str):
    return parse_file(site / url / "index.html")


def section(root, element_id: str):
    return next(s for s in root.find_all("section") if s.find_all(id=element_id))


def buren_lines(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.startswith("Buren:")]


def all_html(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_neighbours_practices_and_outcomes_appear_on_the_right_bouwsteen_pages(world):
    site, zuidkust = world["site"], world["addresses"]["Regio Zuidkust"]
    bij = section(page(site, "bouwstenen/coordineer-het-leren"), "bij-de-buren")
    assert (LUNCH, zuidkust + "praktijken/samen-lunchen/") in {(a.all_text(), a.attrs["href"]) for a in bij.find_all("a")}
    assert "Regio Zuidkust" in [h.all_text() for h in bij.find_all("h3")]
    assert "goede praktijk, Regio Zuidkust, 20 november 2026" in bij.all_text()
    outcome = section(page(site, "bouwstenen/maak-leren-klein-en-concreet"), "bij-de-buren")
    assert {a.attrs["href"] for a in outcome.find_all("a")} >= {zuidkust + "tafels/leertafel-wonen/2026-10-01/"}
    assert "opbrengst van Leertafel Wonen, Regio Zuidkust, 1 oktober 2026" in outcome.all_text()
    noord = section(page(site, "bouwstenen/maak-ruimte-voor-ontmoeting-en-verbinding"), "bij-de-buren")
    assert "Het wijkteam leert van de wijk" in noord.all_text() and LUNCH not in noord.all_text()


def test_links_to_the_neighbours_work(world):
    site = world["site"]
    targets = {a.attrs["href"] for url in ("bouwstenen/coordineer-het-leren", "buren/regio-zuidkust", "buren/regio-noordrand")
               for a in page(site, url).find_all("a") if a.attrs.get("href", "").startswith(
                   (world["addresses"]["Regio Zuidkust"], world["addresses"]["Regio Noordrand"]))}
    assert len(targets) >= 6  # practices, tafel, outcome, vragenset and both sites' home pages
    for href in targets:
        with urllib.request.urlopen(href, timeout=5) as response:
            assert response.status == 200, href


def test_buren_page_shows_the_regions_side_by_side(world):
    root = page(world["site"], "buren")
    table = next(t for t in root.find_all("table"))
    heads = [th.all_text() for th in table.find_all("th")]
    assert heads[:4] == ["Bouwsteen", "Regio Midden (deze site)", "Regio Zuidkust", "Regio Noordrand"]
    assert table.find_all("caption") and all(th.attrs.get("scope") == "col" for th in table.find_all("th"))
    rows = {tr.find_all("td")[0].all_text(): [td.all_text() for td in tr.find_all("td")[1:]] for tr in table.find_all("tr")[1:]}
    assert rows["Coördineer het leren"][:3] == ["niets", "1 praktijk, 1 tafel", "niets"]
    assert rows["Maak ruimte voor ontmoeting en verbinding"][2] == "1 praktijk"
    assert rows["Maak leren klein en concreet"][1] == "1 opbrengst"
    region = page(world["site"], "buren/regio-zuidkust")
    text = region.all_text()
    assert LUNCH in text and "Leertafel Wonen" in text and "Vragen over wonen" in text
    assert "1 goede praktijk, 1 tafel, 1 opbrengst en 1 vragenset" in root.all_text()


def test_examples_are_never_shown_as_a_neighbours_work(world):
    html = all_html(world["site"]) + (world["site"] / "nieuw.xml").read_text(encoding="utf-8")
    assert "Verzonnen lunch" not in html and "Nep voorbeeld" not in html


def test_nothing_of_a_hostile_neighbour_runs(world):
    site = world["site"]
    html = all_html(site)
    for path in site.rglob("*.html"):
        for element in parse_file(path).find_all():
            assert not [k for k in element.attrs if k.lower().startswith("on")], (path, element.tag, element.attrs)
            if element.tag == "a":
                assert not element.attrs.get("href", "").lower().lstrip().startswith("javascript:"), path
            if element.tag == "script":
                assert "alert" not in element.all_text(), path
    hostile = page(site, "buren/regio-vijandig")
    titles = [a.all_text() for a in hostile.find_all("a")]
    assert clean(PAYLOAD_TITLE) in titles  # shown as text, control character removed
    assert "\u0007" not in html and "Kwade link" not in html
    assert "Regio Vijandig" in " ".join(buren_lines(world["first"]))  # the refused item is reported
    feed = ET.fromstring((site / "nieuw.xml").read_bytes())  # still well-formed XML
    assert any(PAYLOAD_TITLE.replace("\u0007", "") in (e.text or "") for e in feed.iter("{http://www.w3.org/2005/Atom}title"))


def test_first_build_reports_only_what_went_wrong(world):
    lines = buren_lines(world["first"])
    assert len(lines) == 2, lines
    nooit = next(line for line in lines if "Regio Nooit" in line)
    assert "niet bereikbaar" in nooit and "Er is nog geen kopie" in nooit
    assert "van Regio Vijandig is 1 item overgeslagen omdat het niet klopt met het schema: praktijken: kwaad (veld pagina)" in " ".join(lines)
    assert "nog niets gelezen" in page(world["site"], "buren").all_text()


def test_neighbours_are_searchable_with_a_region_filter(world):
    fragments = [gzip.decompress(p.read_bytes()).decode("utf-8", "ignore") for p in (world["site"] / "pagefind" / "fragment").iterdir()]
    region = next(f for f in fragments if '"url":"/buren/regio-zuidkust/"' in f)
    assert '"regio":["Regio Zuidkust"]' in region and LUNCH in region
    bouwsteen = next(f for f in fragments if '"url":"/bouwstenen/coordineer-het-leren/"' in f)
    assert LUNCH not in bouwsteen and "Regio Zuidkust" not in bouwsteen  # found through the region's page instead
    assert not [f for f in fragments if '"url":"/buren/regio-nooit/"' in f]  # nothing of theirs to find


def test_feed_has_the_neighbours_because_the_region_opted_in(world, example_content):
    feed = (world["site"] / "nieuw.xml").read_text(encoding="utf-8")
    assert f"Bij de buren (Regio Zuidkust): {LUNCH}" in feed
    assert f'href="{world["addresses"]["Regio Zuidkust"]}praktijken/samen-lunchen/"' in feed
    item = BuurItem("praktijk", "x", "Buurpraktijk", "Tekst.", None, "https://buur.example/praktijken/x/")
    buur = Buur("Regio Buur", "https://buur.example/", "regio-buur", (item,))
    assert "Buurpraktijk" not in atom(example_content, "https://ons.example/", Buren((buur,), in_nieuwsfeed=False))
    assert "Buurpraktijk" in atom(example_content, "https://ons.example/", Buren((buur,), in_nieuwsfeed=True))


def test_a_neighbours_entry_in_the_feed_names_the_neighbour_as_its_author(world, example_content):
    """An Atom entry without an author of its own is the feed's author's (RFC 4287, 4.2.1): the neighbours' practices
    in the feed of Regio Midden were said to be by Regio Midden. Each names the neighbour; our own entries keep the
    feed's author (they carry none of their own)."""
    parsed = feedparser.parse((world["site"] / "nieuw.xml").read_bytes())
    assert parsed.feed.author == "Regio Midden"
    theirs = [e for e in parsed.entries if e.title.startswith("Bij de buren (")]
    assert "Regio Zuidkust" in {e.get("author") for e in theirs}
    assert all(e.get("author") == e.title.split("(", 1)[1].split(")", 1)[0] for e in theirs), \
        [(e.title, e.get("author")) for e in theirs]
    item = BuurItem("praktijk", "x", "Buurpraktijk", "Tekst.", None, "https://buur.example/praktijken/x/")
    buur = Buur("Regio Buur", "https://buur.example/", "regio-buur", (item,))
    mixed = feedparser.parse(atom(example_content, "https://ons.example/", Buren((buur,), in_nieuwsfeed=True)))
    authors = {e.title: e.get("author") for e in mixed.entries}
    assert authors.pop("Bij de buren (Regio Buur): Buurpraktijk") == "Regio Buur"
    assert authors and "Regio Buur" not in authors.values()  # the example's entries: its own or their makers'


def test_make_buren_tells_per_neighbour_what_was_read_skipped_and_why(world):
    result = subprocess.run([sys.executable, str(world["ours"] / "scripts" / "buren.py"), "--content",
                             str(world["ours"] / "content")], capture_output=True, text=True, env=os.environ)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Regio Zuidkust (" in out and "bijgewerkt." in out
    assert "praktijken: 1 gelezen, 1 overgeslagen omdat het een verzonnen voorbeeld is" in out
    assert "praktijken: 1 gelezen, 1 overgeslagen omdat het een verzonnen voorbeeld is, 1 overgeslagen omdat het niet klopt" \
           " met het schema: kwaad (veld pagina)" in out
    assert "Regio Nooit" in out and "Er is nog geen kopie" in out


def test_broken_neighbours_leave_the_build_green_with_the_last_good_copy(world, second):
    result, site2 = second
    lines = buren_lines(result)
    reasons = {"Regio Weg": "niet bereikbaar", "Regio Kapot": "data/praktijken.json is geen geldige JSON",
               "Regio Traag": "niet op tijd", "Regio Groot": "groter dan 10 MB"}
    for naam, reason in reasons.items():
        line = next((line for line in lines if f"Buren: {naam} (" in line), None)
        assert line and reason in line and "De site gebruikt de kopie van" in line, (naam, lines)
        assert LUNCH in page(site2, f"buren/{naam.lower().replace(' ', '-')}").all_text()  # the copy is shown
    assert len([line for line in lines if "Regio Zuidkust" in line or "Regio Noordrand" in line]) == 0
    bij = section(page(site2, "bouwstenen/coordineer-het-leren"), "bij-de-buren")
    assert {h.all_text() for h in bij.find_all("h3")} >= {"Regio Zuidkust", "Regio Weg", "Regio Traag", "Regio Groot"}
    copy = world["ours"] / "build" / "buren" / ("127.0.0.1-" + world["addresses"]["Regio Weg"].rsplit(":", 1)[1].strip("/"))
    assert sorted(p.name for p in copy.iterdir()) == ["bijeenkomsten.json", "opgehaald.json", "poging.json", "praktijken.json",
                                                       "tafels.json", "vragensets.json"]  # the copy, and the failed try


def test_no_request_leaves_our_site_and_the_pages_pass_wcag(world, chromium):
    from test_quality import AXE, axe_violations

    if not AXE.is_file():
        pytest.fail("axe-core is missing: 'make test' installs the npm tools (npm ci)")
    server = SiteServer(world["site"])
    context = chromium.new_context()
    requests: list[str] = []
    try:
        browser_page = context.new_page()
        browser_page.on("request", lambda request: requests.append(request.url))
        dialogs: list[str] = []  # every payload calls alert(): a dialog would mean something of theirs ran
        browser_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for url in ("buren/", "buren/regio-zuidkust/", "buren/regio-vijandig/", "bouwstenen/coordineer-het-leren/"):
            browser_page.goto(server.url + url)
            browser_page.wait_for_load_state("networkidle")
            assert axe_violations(browser_page) == [], url
        assert dialogs == []
    finally:
        context.close()
        server.stop()
    assert requests and [r for r in requests if not r.startswith(server.url)] == []


def test_neighbour_pages_are_valid_html(world, tmp_path):
    from test_html_valid import validate

    urls = ("buren", "buren/regio-zuidkust", "buren/regio-vijandig", "buren/regio-nooit", "bouwstenen/coordineer-het-leren")
    code, report = validate([world["site"] / url / "index.html" for url in urls], tmp_path)
    assert [f"{f['filePath']}:{m['line']}: {m['ruleId']}: {m['message']}" for f in report for m in f["messages"]] == []
    assert code == 0


# The fetching rules, one by one, without building a site -----------------------------------------------------

def test_only_https_or_loopback_addresses_are_fetched():
    assert address_problem("https://zuidkust.example/") == ""
    assert address_problem("http://127.0.0.1:8000/") == "" and address_problem("http://[::1]:8000/") == ""
    assert address_problem("http://zuidkust.example/") == "het adres begint niet met https://"
    assert address_problem("file:///etc/passwd") and address_problem("https://user:pw@zuidkust.example/")
    with pytest.raises(FetchError, match="https://"):
        fetch("ftp://zuidkust.example/data/praktijken.json", Limits(), time.monotonic() + 5)


class _Tiny(http.server.BaseHTTPRequestHandler):
    """Redirects to another host, or trickles a byte at a time."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        port = self.server.server_address[1]
        if self.path == "/elders":
            self.send_response(302)
            self.send_header("Location", f"http://localhost:{port}/data/praktijken.json")
            self.end_headers()
        elif self.path == "/hier":
            self.send_response(302)
            self.send_header("Location", "/data/praktijken.json")
            self.end_headers()
        elif self.path == "/druppel":
            self.send_response(200)
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
        else:
            body = b'{"ok": true}'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


@pytest.fixture(scope="module")
def tiny():
    httpd = QuietServer(("127.0.0.1", 0), _Tiny)
    httpd.daemon_threads = True  # closing does not wait for the trickle (8 s) that a test already gave up on
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_redirects_stay_on_the_same_host(tiny):
    assert fetch(tiny + "/hier", Limits(), time.monotonic() + 5) == b'{"ok": true}'
    with pytest.raises(FetchError, match="stuurt door naar een ander adres"):
        fetch(tiny + "/elders", Limits(), time.monotonic() + 5)


def test_a_trickling_neighbour_cannot_hold_the_build_beyond_the_deadline(tiny):
    start = time.monotonic()
    one_file = lambda url, limits, deadline: {"x": fetch(url, limits, deadline)}
    results = fetch_all([tiny + "/druppel", tiny + "/ok"], Limits(budget=1, deadline=1.5), get=one_file)
    assert time.monotonic() - start < 3
    assert isinstance(results[tiny + "/druppel"], FetchError) and "niet op tijd" in str(results[tiny + "/druppel"])
    assert results[tiny + "/ok"] == {"x": b'{"ok": true}'}


def test_too_large_is_refused_while_reading(tiny, monkeypatch):
    monkeypatch.setattr(buren_fetch, "CHUNK", 4)
    with pytest.raises(FetchError, match="groter dan"):
        fetch(tiny + "/ok", Limits(max_bytes=5), time.monotonic() + 5)


def test_an_unknown_version_is_reported_not_guessed():
    with pytest.raises(FetchError, match="versie 2 van de open data; deze site kan alleen versie 1 lezen"):
        parse("praktijken", b'{"versie": 2, "soort": "praktijk", "items": []}')
    with pytest.raises(FetchError, match="noemt geen versie"):
        parse("praktijken", b'{"soort": "praktijk", "schema": "schemas/praktijk.schema.json", "items": []}')
    with pytest.raises(FetchError, match="klopt niet met het schema"):
        parse("praktijken", b'{"versie": 1, "soort": "tafel", "schema": "schemas/export/praktijken.schema.json", "items": []}')
    with pytest.raises(FetchError, match="geen geldige JSON"):
        parse("praktijken", b"[" * 100000)


def test_a_byte_order_mark_before_a_neighbours_json_is_skipped(example_content):
    """JSON (RFC 8259, 8.1) lets a reader ignore a byte order mark; a neighbour whose server or editor writes one was
    refused as "geen geldige JSON". Every file, read as a whole, reads as without it."""
    from conftest import as_a_regions_own
    from leerlandschap.opendata import open_data_documents

    bom = "\ufeff".encode()
    documents = as_a_regions_own(open_data_documents(example_content))  # the example site's items are never shown
    files = {f"data/{name}.json": json.dumps(doc, ensure_ascii=False) for name, doc in documents.items()}
    document = files["data/praktijken.json"].encode()
    assert parse("praktijken", bom + document) == parse("praktijken", document)
    assert parse("praktijken", bom + b" \n" + document)["items"]  # white space after it, as JSON allows anywhere
    names = ("praktijken", "tafels", "bijeenkomsten", "vragensets")
    plain = read_files({name: files[f"data/{name}.json"].encode() for name in names}, "https://flevoland.example/")
    marked = read_files({name: bom + files[f"data/{name}.json"].encode() for name in names}, "https://flevoland.example/")
    assert marked == plain and marked.items and marked.fout == []


def test_json_in_another_encoding_is_said_to_be_one():
    """Not "geen geldige JSON" for a file that is JSON, in a text encoding JSON may not have: say which is wrong."""
    document = '{"versie": 1, "soort": "praktijk", "items": []}'
    for raw in (document.encode("utf-16"), document.encode("utf-32"), document.replace("[]", '["Café"]').encode("latin-1")):
        with pytest.raises(FetchError, match=r"^data/praktijken\.json is niet in UTF-8 geschreven, zoals JSON moet$"):
            parse("praktijken", raw)
    with pytest.raises(FetchError, match="geen geldige JSON"):  # one mark is skipped, not any number of them
        parse("praktijken", "\ufeff\ufeff".encode() + document.encode())


def test_our_own_export_reads_back_as_a_neighbour(example_content):
    from conftest import as_a_regions_own
    from leerlandschap.opendata import open_data_documents

    documents = as_a_regions_own(open_data_documents(example_content))  # the example region's items on its own site
    read = read_files({name: json.dumps(documents[name]).encode() for name in ("praktijken", "tafels", "bijeenkomsten", "vragensets")},
                      "https://flevoland.example/")
    real = [p for p in example_content.of(kinds.PRAKTIJK).values() if not p.voorbeeld]
    assert {i.id for i in read.items if i.soort == "praktijk"} == {p.id for p in real}
    assert all(i.url.startswith("https://flevoland.example/") for i in read.items) and read.fout == []
    assert not [i for i in read.items if i.titel.startswith("Voorbeeld")]


def test_without_neighbours_nothing_is_fetched(monkeypatch, tmp_path):
    content = load_content(EXAMPLE_CONTENT)
    assert content.regio.buren == ()  # the example region: `make check` and `make site` need no network
    monkeypatch.setattr("leerlandschap.buren.fetch_all", lambda *args, **kwargs: pytest.fail("fetched"))
    said: list[str] = []
    assert not load_buren(tmp_path, content.regio, say=said.append) and said == []
    assert not (tmp_path / "build").exists()
