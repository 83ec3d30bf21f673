"""Hostile neighbours, for real: one test server on 127.0.0.1 plays every kind of bad neighbour.

Each neighbour is a path prefix on the same loopback server (http://127.0.0.1:<port>/<mode>/): it trickles bytes,
sends its headers slowly, loops or chains redirects, redirects to another host, serves a gzip or deflate bomb, floods
with 100,000 valid items, serves broken JSON, another version, a wrong schema, 404 and 500, announces a huge body,
stops halfway. Every case must end in one Dutch line that names the neighbour and the reason, while a well-behaved
neighbour listed after it still appears; nothing raises, and nothing is written outside the project (symlinked
build/, build/buren/, a copy's folder or file, site/). Budgets are small (1.5 s) to keep the suite quick.
"""
from __future__ import annotations

import contextlib
import dataclasses
import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest

from conftest import as_a_regions_own
from htmltools import parse_file
from leerlandschap import buren
from leerlandschap.buren_cache import CACHE_DIR, cache_key
from leerlandschap.buren_fair import fetch_all
from leerlandschap.buren_fetch import FILES, FetchError, Limits, fetch_neighbour
from leerlandschap.buren_io import Unpacker
from leerlandschap.buren_read import clean
from leerlandschap.opendata import open_data_documents
from leerlandschap.regiomodel import Buurregio
from leerlandschap.safepaths import UnsafePath, inside
from sitebuild import build, make_project, without_search

BUDGET = 1.5
LIMITS = Limits(budget=BUDGET, deadline=10)
FLOOD = 100_000


def documents(example_content) -> dict[str, bytes]:
    """Our own example region's open data as its own site would publish it: a well-behaved neighbour."""
    documents = as_a_regions_own(open_data_documents(example_content))
    return {name: (json.dumps(documents[name], ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode() for name in FILES}


def flood(good: dict[str, bytes], count: int) -> bytes:
    """`count` valid practices, small ones (each passes the export schema)."""
    doc = json.loads(good["praktijken"])
    real = next(i for i in doc["items"] if not i["voorbeeld"])
    small = {**real, "beschrijving": "Tekst.", "samenvatting": "Kort.", "organisaties": [], "geleerd": []}
    return json.dumps({**doc, "items": [{**small, "id": f"p-{n}", "pagina": f"praktijken/p-{n}/"} for n in range(count)]}).encode()


def bomb(wbits: int, megabytes: int = 50) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    block = b"\0" * (1024 * 1024)
    return b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()


class Hostile(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args) -> None:
        pass

    def send(self, body: bytes, status: int = 200, headers: dict | None = None) -> None:
        self.send_response(status)
        for key, value in {"Content-Type": "application/json", "Content-Length": str(len(body)), **(headers or {})}.items():
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(OSError):  # the reader stopped: that is the point
            self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def slowly(self, data: bytes, pause: float = 0.1) -> None:
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(pause)
        except OSError:
            pass

    def do_GET(self) -> None:  # one branch per kind of neighbour
        world = self.server.world  # type: ignore[attr-defined]
        mode, _, rest = self.path.strip("/").partition("/")
        world["asked"].append(mode)
        name = rest.rsplit("/", 1)[-1].removesuffix(".json")
        good = world["good"].get(name, b"{}")
        port = self.server.server_address[1]
        if world["modes"].get(mode):
            mode = world["modes"][mode]
        if mode.startswith("goed"):
            self.send(good)
        elif mode == "druppel":  # trickles its body, a byte every 0.1 s
            self.send_response(200)
            self.end_headers()
            self.slowly(good[:200] * 10)
        elif mode == "koppen":  # trickles its headers
            self.wfile.write(b"HTTP/1.0 200 OK\r\n")
            self.slowly(b"X-Traag: " + b"a" * 400 + b"\r\n")
        elif mode == "kring":
            self.redirect(f"/kring/{rest}/" if not rest.endswith("/") else f"/kring/{rest.rstrip('/')}")
        elif mode == "keten":  # a new address every time: never a loop, only ever longer
            self.redirect(f"/keten/x/{rest}")
        elif mode == "elders":
            self.redirect(f"http://localhost:{port}/goed/{rest}")
        elif mode == "gzipbom":
            self.send(world["gzip_bomb"], headers={"Content-Encoding": "gzip"})
        elif mode == "deflatebom":
            self.send(world["deflate_bomb"], headers={"Content-Encoding": "deflate"})
        elif mode == "brotli":
            self.send(b"\x1b\x00\x00", headers={"Content-Encoding": "br"})
        elif mode == "kapotgzip":
            self.send(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 100, headers={"Content-Encoding": "gzip"})
        elif mode == "halfgzip":
            packed = gzip.compress(good)
            self.send(packed[: len(packed) // 2], headers={"Content-Encoding": "gzip"})
        elif mode == "vloed":
            self.send(world["flood"] if name == "praktijken" else good)
        elif mode == "vloedgzip":
            self.send(world["flood_gzip"] if name == "praktijken" else good, headers={"Content-Encoding": "gzip"}
                      if name == "praktijken" else None)
        elif mode == "kapot":
            self.send(b'{"versie": 1, "items": [ dit is geen JSON')
        elif mode == "versie":
            self.send(json.dumps({**json.loads(good), "versie": 2}).encode())
        elif mode == "schema":
            self.send(json.dumps({**json.loads(good), "soort": "iets anders"}).encode())
        elif mode == "slecht":
            doc = json.loads(good)
            if name == "praktijken":
                doc["items"][0] = {**doc["items"][0], "id": "kwaad", "pagina": "javascript:alert(1)//"}
            self.send(json.dumps(doc).encode())
        elif mode == "veel":
            self.send(world["flood_small"] if name == "praktijken" else good)
        elif mode == "weg404":
            self.send(b"niet gevonden", 404)
        elif mode == "fout500":
            self.send(b"kapot", 500)
        elif mode == "enorm":
            self.send_response(200)
            self.send_header("Content-Length", str(50 * 1024 * 1024 * 1024))
            self.end_headers()
        elif mode == "half":
            self.send_response(200)
            self.send_header("Content-Length", str(len(good)))
            self.end_headers()
            self.wfile.write(good[: len(good) // 2])
        elif mode == "langekop":
            self.send_response(200)
            self.send_header("X-Lang", "a" * 100_000)
            self.end_headers()


class HostileServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the reader hangs up on a hostile answer on purpose: a broken pipe here is the test working


@pytest.fixture(scope="module")
def server(example_content):
    good = documents(example_content)
    world = {"good": good, "asked": [], "modes": {}, "gzip_bomb": bomb(31), "deflate_bomb": bomb(15),
             "flood": flood(good, FLOOD), "flood_small": flood(good, 30)}
    world["flood_gzip"] = gzip.compress(world["flood"], 1)
    httpd = HostileServer(("127.0.0.1", 0), Hostile)
    httpd.world = world  # type: ignore[attr-defined]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    world["url"] = f"http://127.0.0.1:{httpd.server_address[1]}/"
    yield world
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> str:
    httpd = http.server.HTTPServer(("127.0.0.1", 0), Hostile)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.server_close()
    return url


def regio_with(example_content, server, modes: list[str], vers: int = 0, addresses: dict | None = None):
    addresses = addresses or {}
    neighbours = tuple(Buurregio(f"Regio {mode.capitalize()}", addresses.get(mode, f"{server['url']}{mode}/")) for mode in modes)
    return dataclasses.replace(example_content.regio, buren=neighbours, buren_vers_uren=vers)


def load(project: Path, regio, limits: Limits = LIMITS, always: bool = False) -> tuple[buren.Buren, list[str]]:
    said: list[str] = []
    return buren.load(project, regio, always=always, limits=limits, say=said.append), said


def by_name(found: buren.Buren) -> dict[str, buren.Buur]:
    return {b.naam: b for b in found.buren}


CASES = {  # mode: what the line must say (the reason, in Dutch)
    "druppel": "de site was niet op tijd klaar (elke buur krijgt 1.5 seconden)",
    "koppen": "de site was niet op tijd klaar (elke buur krijgt 1.5 seconden)",
    "kring": "de site stuurt rond in een kring (doorverwijzing terug naar data/praktijken.json)",
    "keten": "de site stuurt meer dan 3 keer door (bij data/praktijken.json)",
    "elders": "de site stuurt door naar een ander adres (localhost); deze site volgt alleen doorverwijzingen binnen "
              "dezelfde site",
    "gzipbom": "de open data is groter dan 10 MB (bij data/praktijken.json, uitgepakt)",
    "deflatebom": "de open data is groter dan 10 MB (bij data/praktijken.json, uitgepakt)",
    "vloed": "de open data is groter dan 10 MB (bij data/praktijken.json)",
    "vloedgzip": "de open data is groter dan 10 MB (bij data/praktijken.json, uitgepakt)",
    "enorm": "de open data is groter dan 10 MB (bij data/praktijken.json)",
    "brotli": "data/praktijken.json is ingepakt op een manier die deze site niet kan lezen (br)",
    "kapotgzip": "data/praktijken.json is ingepakt (gzip) maar kapot",
    "halfgzip": "data/praktijken.json is ingepakt (gzip) maar houdt halverwege op",
    "kapot": "data/praktijken.json is geen geldige JSON",
    "versie": "data/praktijken.json heeft versie 2 van de open data; deze site kan alleen versie 1 lezen",
    "schema": "data/praktijken.json klopt niet met het schema (soort)",
    "weg404": "data/praktijken.json bestaat niet op hun site (foutcode 404)",
    "fout500": "de site gaf een serverfout bij data/praktijken.json (foutcode 500)",
    "half": "de site verbrak de verbinding (bij data/praktijken.json)",
    "langekop": "de site stuurde geen geldig antwoord (bij data/praktijken.json: LineTooLong)",
}


@pytest.mark.parametrize("mode", list(CASES))
def test_a_hostile_neighbour_is_named_with_its_reason_and_the_next_one_still_appears(mode, server, example_content, tmp_path):
    start = time.monotonic()
    found, said = load(tmp_path, regio_with(example_content, server, [mode, "goed"]))
    # At most one budget, whatever the neighbour does; the margin is for a busy machine. Unchecked, a trickle would
    # take 40 s (its headers) or 200 s (its body).
    assert time.monotonic() - start < BUDGET + 2.5
    naam = f"Regio {mode.capitalize()}"
    expected = f"Buren: {naam} ({server['url']}{mode}/) is niet gelezen: {CASES[mode]}"
    assert [line for line in said if line.startswith(f"Buren: {naam} ")] == [
        f"{expected}. Er is nog geen kopie, dus de site toont niets van deze buren."]
    assert by_name(found)[naam].items == ()
    assert by_name(found)["Regio Goed"].items and not by_name(found)["Regio Goed"].melding
    assert len(said) == 1, said  # the well-behaved neighbour is not mentioned


def test_an_unreachable_neighbour_is_named(server, example_content, tmp_path):
    regio = regio_with(example_content, server, ["dicht", "goed"], addresses={"dicht": closed_port()})
    found, said = load(tmp_path, regio)
    assert said == [f"Buren: Regio Dicht ({regio.buren[0].adres}) is niet gelezen: de site is niet bereikbaar (de verbinding "
                    "werd geweigerd). Er is nog geen kopie, dus de site toont niets van deze buren."]
    assert by_name(found)["Regio Goed"].items


def test_bad_items_are_skipped_and_named_the_rest_appears(server, example_content, tmp_path):
    found, said = load(tmp_path, regio_with(example_content, server, ["slecht"]))
    assert said == ["Buren: van Regio Slecht is 1 item overgeslagen omdat het niet klopt met het schema: praktijken: kwaad "
                    "(veld pagina). 'make buren' noemt ze allemaal."]
    items = by_name(found)["Regio Slecht"].items
    assert items and "kwaad" not in {i.id for i in items}


def test_more_items_than_the_cap_are_skipped_and_counted(server, example_content, tmp_path):
    limits = dataclasses.replace(LIMITS, max_items=20)  # the default is 5000; the rule is the same
    found, said = load(tmp_path, regio_with(example_content, server, ["veel"]), limits)
    others = sum(len(json.loads(server["good"][name])["items"]) for name in FILES[1:])
    assert said == [f"Buren: van Regio Veel zijn {10 + others} items overgeslagen omdat een buur hoogstens 20 items mag "
                    "hebben; de eerste 20 staan op de site."]
    assert {i.id for i in by_name(found)["Regio Veel"].items} == {f"p-{n}" for n in range(20)}
    assert "praktijken: 20 gelezen, 10 overgeslagen omdat een buur hoogstens 20 items mag hebben" in by_name(found)["Regio Veel"].verslag


def test_two_tricklers_first_cannot_starve_the_neighbours_after_them(server, example_content, tmp_path):
    limits = dataclasses.replace(LIMITS, workers=2)  # both places taken by tricklers when the good ones are due
    start = time.monotonic()
    found, said = load(tmp_path, regio_with(example_content, server, ["druppel", "koppen", "goed", "goed2"]), limits)
    assert time.monotonic() - start < 2 * BUDGET + 2.5
    assert by_name(found)["Regio Goed"].items and by_name(found)["Regio Goed2"].items
    assert len(said) == 2
    for naam, line in zip(("Regio Druppel", "Regio Koppen"), said, strict=True):
        assert line.startswith(f"Buren: {naam} (") and "is niet gelezen: de site was niet op tijd klaar" in line


@pytest.mark.parametrize("mode", ["druppel", "koppen"])
def test_the_watchdog_ends_a_trickle_itself_at_the_budget(mode, server):
    """Not only given up by fetch_all: the connection itself is closed, so no thread keeps reading."""
    start = time.monotonic()
    with pytest.raises(FetchError, match="niet op tijd klaar"):
        fetch_neighbour(f"{server['url']}{mode}/", LIMITS, time.monotonic() + 1)
    assert time.monotonic() - start < 2  # a deadline of 1 s, with room for a busy machine (unchecked: 40 s or more)


@pytest.mark.parametrize("mode", ["druppel", "koppen"])
def test_a_trickle_below_the_minimum_pace_is_stopped_before_the_budget(mode, server):
    limits = dataclasses.replace(LIMITS, budget=5, rate_after=0.5)  # the default: 1 kB a second, after 3 seconds
    start = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch_neighbour(f"{server['url']}{mode}/", limits, time.monotonic() + limits.budget)
    assert str(caught.value) == "de site stuurt te langzaam (minder dan 1 kB per seconde)"
    assert time.monotonic() - start < 3  # well before the budget of 5 s


def test_unpacking_in_small_pieces_gives_the_same_bytes_and_never_more_than_the_room():
    payload = b'{"titel": "Samen leren"}' * 500
    packed = {
        "gzip": gzip.compress(payload[:5000]) + gzip.compress(payload[5000:]),  # two members, as some servers send
        "deflate": zlib.compress(payload),  # the zlib wrapper, as HTTP says
    }
    raw = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed["deflate-raw"] = raw.compress(payload) + raw.flush()
    for encoding, data in packed.items():
        unpacker = Unpacker(encoding.removesuffix("-raw"), "data/praktijken.json")
        out = b"".join(unpacker.feed(data[i:i + 7], 10**6) for i in range(0, len(data), 7))
        unpacker.check_complete()
        assert out == payload, encoding
    unpacker = Unpacker("gzip", "data/praktijken.json")
    assert len(unpacker.feed(bomb(31, 5), 1000)) == 1001  # one byte over the room: enough to say "too large"


def test_a_neighbours_text_loses_control_and_direction_characters():
    assert clean("Lunch\u202e\u2066 samen\u0007\u0000 met\u2028het\x85team") == "Lunch samen met het team"


def test_a_stuck_thread_is_given_up_and_the_overall_deadline_is_named():
    def get(adres: str, limits: Limits, deadline: float) -> dict:
        if adres == "vast":
            time.sleep(5)  # ignores its deadline, like a name lookup that hangs
        return {"ok": adres.encode()}

    start = time.monotonic()
    results = fetch_all(["vast", "goed"], Limits(budget=0.5, deadline=10, workers=1), get=get)
    assert time.monotonic() - start < 2
    assert str(results["vast"]) == "de site was niet op tijd klaar (elke buur krijgt 0.5 seconden)"
    assert results["goed"] == {"ok": b"goed"}
    results = fetch_all(["vast", "goed"], Limits(budget=2, deadline=0.5, workers=1), get=get)
    assert isinstance(results["goed"], FetchError)
    assert str(results["goed"]) == "niet gevraagd: de tijd voor alle buren samen (0.5 seconden) was op"


# Copies: fresh, stale, remembered failures -----------------------------------------------------------------------

def test_a_fresh_copy_is_used_without_asking_again(server, example_content, tmp_path):
    regio = regio_with(example_content, server, ["goed3"], vers=24)
    first, _ = load(tmp_path, regio)
    asked = server["asked"].count("goed3")
    assert asked == len(FILES)
    again, said = load(tmp_path, regio)
    assert server["asked"].count("goed3") == asked and said == []
    assert again.buren[0].items == first.buren[0].items and again.buren[0].opgehaald == first.buren[0].opgehaald
    load(tmp_path, regio, always=True)  # make buren: always asks
    assert server["asked"].count("goed3") == 2 * asked


def test_a_stale_copy_is_used_with_its_date_when_the_neighbour_is_down(server, example_content, tmp_path):
    regio = regio_with(example_content, server, ["wissel"], vers=24)
    server["modes"]["wissel"] = "goed"
    load(tmp_path, regio)
    meta = tmp_path / CACHE_DIR / cache_key(regio.buren[0].adres) / "opgehaald.json"
    meta.write_text(json.dumps({"adres": regio.buren[0].adres, "opgehaald": "2025-11-02T10:00:00+00:00"}), encoding="utf-8")
    server["modes"]["wissel"] = "fout500"
    found, said = load(tmp_path, regio)
    assert said == [f"Buren: Regio Wissel ({regio.buren[0].adres}) is niet bijgewerkt: de site gaf een serverfout bij "
                    "data/praktijken.json (foutcode 500). De site gebruikt de kopie van 2 november 2025."]
    assert found.buren[0].items and found.buren[0].stand == "2 november 2025"
    asked = server["asked"].count("wissel")
    again, said_again = load(tmp_path, regio)  # the failed try is remembered: the next build does not ask again
    assert server["asked"].count("wissel") == asked
    assert "(bij de poging van " in said_again[0] and "'make buren' probeert het nu opnieuw" in said_again[0]
    assert again.buren[0].items == found.buren[0].items


# Nothing outside the project ------------------------------------------------------------------------------------

def outside_untouched(outside: Path) -> None:
    assert [p.name for p in outside.rglob("*")] in ([], ["geheim.txt"])


@pytest.mark.parametrize("link", ["build", "build/buren", "copy"])
def test_a_symlinked_cache_folder_is_refused_and_nothing_is_written_outside(link, server, example_content, tmp_path):
    project, outside = tmp_path / "project", tmp_path / "buiten"
    project.mkdir()
    outside.mkdir()
    regio = regio_with(example_content, server, ["goed"], vers=24)
    target = project / (f"build/buren/{cache_key(regio.buren[0].adres)}" if link == "copy" else link)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(outside, target_is_directory=True)
    found, said = load(project, regio)
    outside_untouched(outside)
    assert found.buren[0].items  # fetched, shown, just not kept
    shown = target.relative_to(project)
    assert said == [f"Buren: de kopieën van de buren worden niet bewaard en niet gelezen: {shown} is een snelkoppeling "
                    f"(symlink) naar {outside}. De kit schrijft en leest daar niet, want zo kan het buiten de map {project} "
                    f"terechtkomen. Haal de snelkoppeling weg (bijvoorbeeld: rm {shown}) en probeer het opnieuw."]


def test_a_symlinked_file_in_a_copy_is_not_read(server, example_content, tmp_path):
    regio = regio_with(example_content, server, ["goed"], vers=24)
    load(tmp_path, regio)
    folder = tmp_path / CACHE_DIR / cache_key(regio.buren[0].adres)
    secret = tmp_path.parent / f"{tmp_path.name}-geheim.json"
    secret.write_bytes(flood(server["good"], 3))  # valid data outside: reading it would show p-0, p-1, p-2
    (folder / "praktijken.json").unlink()
    (folder / "praktijken.json").symlink_to(secret)
    asked = server["asked"].count("goed")
    found, _ = load(tmp_path, regio)
    assert server["asked"].count("goed") == asked + len(FILES)  # the copy was not used: fetched again
    assert "p-0" not in {i.id for i in found.buren[0].items}
    assert not (folder / "praktijken.json").is_symlink() and secret.read_bytes() == flood(server["good"], 3)


def test_inside_is_the_one_path_rule(tmp_path):
    (tmp_path / "build").mkdir()
    assert inside(tmp_path, Path("build/buren/x")) == tmp_path / "build" / "buren" / "x"
    assert inside(tmp_path, tmp_path / "site") == tmp_path / "site"
    with pytest.raises(UnsafePath, match="ligt buiten de map"):
        inside(tmp_path, Path("build/../../elders"))
    with pytest.raises(UnsafePath, match="ligt buiten de map"):
        inside(tmp_path / "build", tmp_path / "site")
    (tmp_path / "build" / "lus").symlink_to(tmp_path / "build")  # even a link that stays inside is refused
    with pytest.raises(UnsafePath, match=r"build/lus is een snelkoppeling \(symlink\)"):
        inside(tmp_path, Path("build/lus/x"))


# The whole thing, as a region runs it ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def project(server, tmp_path_factory):
    """A copy of the kit whose region file lists hostile neighbours between good ones, freshness 24 hours."""
    # No search index: what is asked, remembered and labelled is read from the pages (test_buren searches a neighbour).
    project = without_search(make_project(tmp_path_factory.mktemp("redteam") / "project"))
    modes = ["druppel", "koppen", "kring", "gzipbom", "vloed", "goedbuur", "kapot", "weg404", "stale"]
    lines = "".join(f"  - naam: Regio {m.capitalize()}\n    adres: {server['url']}{m}/\n" for m in modes)
    regio = project / "content" / "regio.yml"
    text = regio.read_text(encoding="utf-8")
    assert "\nburen: []\n" in text
    regio.write_text(text.replace("\nburen: []\n", f"\nburen:\n{lines}buren_vers_uren: 24\n"), encoding="utf-8")
    return project


def run(project: Path, script: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, LEERLANDSCHAP_BUREN_TIMEOUT=str(BUDGET), LEERLANDSCHAP_BUREN_DEADLINE="20")
    return subprocess.run([sys.executable, str(project / "scripts" / script), *args], cwd=project, env=env,
                          capture_output=True, text=True)


def test_make_buren_then_make_site_asks_once_and_labels_the_stale_copy(server, project):
    server["modes"]["stale"] = "goed"
    start = time.monotonic()
    result = run(project, "buren.py", "--content", str(project / "content"))
    assert time.monotonic() - start < 15
    assert result.returncode == 0 and "Traceback" not in result.stdout + result.stderr, result.stderr
    for mode in ("druppel", "koppen", "kring", "gzipbom", "vloed", "kapot", "weg404"):
        line = next(line for line in result.stdout.splitlines() if line.startswith(f"Regio {mode.capitalize()} ("))
        assert "is niet gelezen: " + CASES.get(mode, "data/praktijken.json bestaat niet") in line, line
    assert "Regio Goedbuur (" in result.stdout and "bijgewerkt." in result.stdout
    folder = project / CACHE_DIR / cache_key(f"{server['url']}stale/")
    (folder / "opgehaald.json").write_text(json.dumps({"adres": f"{server['url']}stale/", "opgehaald": "2025-11-02T10:00:00+00:00"}))
    server["modes"]["stale"] = "fout500"
    asked = len(server["asked"])
    result = build(project)
    assert result.returncode == 0 and "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    assert server["asked"][asked:] == ["stale"]  # only the stale copy is asked again; failures are remembered
    lines = [line for line in result.stdout.splitlines() if line.startswith("Buren:")]
    assert len(lines) == 8 and not [line for line in lines if "Goedbuur" in line], lines
    assert any("Regio Druppel" in line and "(bij de poging van " in line for line in lines)
    site = project / "site"
    label = "Laatst opgehaald op 2 november 2025"
    assert label in parse_file(site / "buren" / "regio-stale" / "index.html").all_text()
    assert "laatst opgehaald op 2 november 2025" in parse_file(site / "buren" / "index.html").all_text()
    goed = parse_file(site / "buren" / "regio-goedbuur" / "index.html").all_text()
    assert "Laatst opgehaald op " in goed and "niet lezen" not in goed
    bouwsteen = next(p for p in (site / "bouwstenen").glob("*/index.html") if "buren-regio-stale" in p.read_text(encoding="utf-8"))
    assert f"{label}: hun site was bij het bouwen niet te lezen." in parse_file(bouwsteen).all_text()


def test_a_symlinked_site_folder_is_refused(tmp_path, project):
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.txt").write_text("niet weggooien", encoding="utf-8")
    link = project / "site-link"
    link.symlink_to(outside, target_is_directory=True)
    try:
        result = build(project, link)
        assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
        assert "De site is niet gebouwd: site-link is een snelkoppeling (symlink)" in result.stdout
        assert (outside / "geheim.txt").read_text(encoding="utf-8") == "niet weggooien"
        outside_untouched(outside)
    finally:
        link.unlink()
