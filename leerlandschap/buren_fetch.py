"""Getting a neighbour's open data in: fetched defensively, checked against our export schemas, cleaned.

A neighbour can never stall or break the build. Rules for every request:
- only https, except loopback addresses (127.0.0.1, localhost, ::1: tests and local previews);
- redirects only within the same scheme, host and port, at most three;
- a timeout on connecting and on every read, and one deadline for all neighbours together, so a slow
  server (even one that sends a byte now and then) costs at most the deadline;
- at most MAX_BYTES per file, counted while reading in chunks (a Content-Length above it is refused before);
- many files at once in daemon threads; whatever has not arrived by the deadline counts as too slow.
Then every file is checked (`parse`): JSON, its `versie` (another version is refused, never guessed), and the
export schema around the items; every item on its own (`read_files`): an item that does not fit is skipped and
named, examples are dropped, texts lose control characters and are shortened, and links are the neighbour's
address plus the item's checked `pagina`. Every failure is a FetchError: a short Dutch reason for one line.
What is done with the result (the copy under build/, the pages) is leerlandschap/buren.py.
"""
from __future__ import annotations

import datetime
import functools
import http.client
import json
import os
import queue
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .opendata import EXPORT_VERSION, export_validator, load_export_schema

MAX_BYTES = 20 * 1024 * 1024
TIMEOUT = 10.0  # seconds for connecting and for each read
DEADLINE = 30.0  # seconds for all neighbours together
WORKERS = 8
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
CHUNK = 64 * 1024
USER_AGENT = "Leerlandschap (gluren bij de buren; https://github.com/leerlandschap/leerlandschap)"
FILES = ("praktijken", "tafels", "bijeenkomsten", "vragensets")  # what we read of each neighbour
TEXT_LIMIT = 400  # characters of a neighbour's text we show
# Characters that YAML would not let our own authors write (control characters, surrogates, non-characters).
_NOT_ALLOWED = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SPACE = re.compile(r"\s+")
SOORT_NAMEN = {"praktijk": "goede praktijk", "tafel": "tafel", "bijeenkomst": "opbrengst", "vragenset": "vragenset"}


class FetchError(Exception):
    """Why something could not be fetched or read: a short Dutch reason, e.g. 'de site is niet bereikbaar'."""


@dataclass(frozen=True)
class Limits:
    timeout: float = TIMEOUT
    deadline: float = DEADLINE
    max_bytes: int = MAX_BYTES

    @classmethod
    def from_environment(cls) -> Limits:
        """Defaults, or LEERLANDSCHAP_BUREN_TIMEOUT / _DEADLINE (seconds) for tests and slow networks."""
        def number(name: str, default: float) -> float:
            try:
                return float(os.environ.get(name, "")) or default
            except ValueError:
                return default

        return cls(number("LEERLANDSCHAP_BUREN_TIMEOUT", TIMEOUT), number("LEERLANDSCHAP_BUREN_DEADLINE", DEADLINE))


def seconds(value: float) -> str:
    return f"{value:g} {'seconde' if value == 1 else 'seconden'}"


def address_problem(url: str) -> str:
    """'' for an address we may fetch; else the Dutch reason why not."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        return "het adres is geen geldig webadres"
    if parts.username or parts.password:
        return "het adres mag geen gebruikersnaam of wachtwoord bevatten"
    if parts.scheme == "https" and host:
        return ""
    if parts.scheme == "http" and host in LOOPBACK:
        return ""
    return "het adres begint niet met https://"


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port


class _SameOrigin(urllib.request.HTTPRedirectHandler):
    max_redirections = 3

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if _origin(newurl) != _origin(req.full_url):
            raise FetchError(f"de site stuurt door naar een ander adres ({urlsplit(newurl).hostname or newurl[:60]})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _name(url: str) -> str:
    """The file's name for messages: 'data/praktijken.json'."""
    path = urlsplit(url).path
    return "/".join(path.rstrip("/").split("/")[-2:]) or url


def fetch(url: str, limits: Limits, until: float) -> bytes:
    """The body of `url`, or FetchError. `until` is the time.monotonic() by which everything must be done."""
    problem = address_problem(url)
    if problem:
        raise FetchError(problem)
    handlers: list = [_SameOrigin()]
    if urlsplit(url).hostname in LOOPBACK:
        handlers.append(urllib.request.ProxyHandler({}))  # never send a loopback request through a proxy
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json",
                                                   "Accept-Encoding": "identity"})
    too_slow = FetchError(f"de site antwoordde niet op tijd (binnen {seconds(limits.deadline)})")
    too_large = FetchError(f"{_name(url)} is groter dan {limits.max_bytes // (1024 * 1024)} MB")
    remaining = until - time.monotonic()
    if remaining <= 0:
        raise too_slow
    chunks: list[bytes] = []
    size = 0
    try:
        with opener.open(request, timeout=min(limits.timeout, remaining)) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > limits.max_bytes:
                raise too_large
            while True:
                if time.monotonic() > until:
                    raise too_slow
                chunk = response.read1(CHUNK)  # one read from the socket at most: a trickle cannot hold us here
                if not chunk:
                    break
                size += len(chunk)
                if size > limits.max_bytes:
                    raise too_large
                chunks.append(chunk)
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        raise FetchError(f"{_name(url)} gaf foutcode {error.code}") from None
    except urllib.error.URLError as error:
        raise FetchError(_reason(error.reason, limits)) from None
    except TimeoutError:
        raise FetchError(_reason(TimeoutError(), limits)) from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise FetchError(_reason(error, limits)) from None
    return b"".join(chunks)


def _reason(error: object, limits: Limits) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "de site is niet bereikbaar (de verbinding werd geweigerd)"
    if isinstance(error, TimeoutError):
        return f"de site antwoordde niet op tijd (binnen {seconds(limits.timeout)})"
    if isinstance(error, socket.gaierror):
        return "de site is niet bereikbaar (de naam van de server is niet gevonden; is er internet?)"
    if isinstance(error, OSError) and "CERTIFICATE" in str(error).upper():
        return "het certificaat van de site klopt niet"
    return f"de site is niet bereikbaar ({type(error).__name__})"


def fetch_many(urls: list[str], limits: Limits, workers: int = WORKERS) -> dict[str, bytes | FetchError]:
    """Fetch all `urls` at once (at most `workers` at a time) within limits.deadline; never raises."""
    unique = list(dict.fromkeys(urls))
    until = time.monotonic() + limits.deadline
    results: dict[str, bytes | FetchError] = {}
    jobs: queue.SimpleQueue[str] = queue.SimpleQueue()
    for url in unique:
        jobs.put(url)
    lock = threading.Lock()
    done = threading.Event()

    def work() -> None:
        while True:
            try:
                url = jobs.get_nowait()
            except queue.Empty:
                return
            result: bytes | FetchError
            try:
                result = fetch(url, limits, until)
            except FetchError as error:
                result = error
            except Exception as error:  # a neighbour must never break the build
                result = FetchError(f"onverwachte fout bij het lezen ({type(error).__name__})")
            with lock:
                results[url] = result
                if len(results) == len(unique):
                    done.set()

    if unique:
        for _ in range(min(workers, len(unique))):
            threading.Thread(target=work, name="buren-fetch", daemon=True).start()
        done.wait(max(0.0, until - time.monotonic()) + 0.5)  # threads check the deadline themselves; a little slack
    slow = FetchError(f"de site antwoordde niet op tijd (binnen {seconds(limits.deadline)})")
    with lock:
        return {url: results.get(url, slow) for url in unique}


def clean(text: object, limit: int = TEXT_LIMIT) -> str:
    """A neighbour's text as one safe line: no control characters, spaces folded, at most `limit` characters."""
    line = _SPACE.sub(" ", _NOT_ALLOWED.sub("", str(text or ""))).strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class BuurItem:
    soort: str  # "praktijk", "tafel", "bijeenkomst" (an outcome) or "vragenset"
    id: str
    titel: str
    tekst: str  # a short plain text: summary, goal, or the insights of a meeting
    datum: datetime.date | None
    url: str  # absolute: the item's page on the neighbour's site
    bouwstenen: tuple[str, ...] = ()
    bij: str = ""  # an outcome: the title of its tafel; a tafel: its status

    @property
    def soortnaam(self) -> str:
        return SOORT_NAMEN[self.soort]


# Reading one neighbour's files -----------------------------------------------------------------------------

@dataclass
class Read:
    items: list[BuurItem] = field(default_factory=list)
    verslag: list[str] = field(default_factory=list)
    fout: list[str] = field(default_factory=list)  # items refused by the schema: "<file>: <id> (veld <field>)"


@functools.cache
def _schemas() -> dict[str, tuple]:
    """Per file: a validator for the file without its items, and one for a single item."""
    found = {}
    for folder in FILES:
        schema = load_export_schema(folder)
        envelope = {**schema, "properties": {**schema["properties"], "items": {"type": "array"}}}
        found[folder] = (export_validator(envelope), export_validator(schema["properties"]["items"]["items"]))
    return found


def parse(folder: str, raw: bytes) -> dict:
    """A neighbour's data file, checked as a whole: JSON, the version, and the fields around the items."""
    name = f"data/{folder}.json"
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FetchError(f"{name} is geen geldige JSON") from None
    if not isinstance(data, dict):
        raise FetchError(f"{name} is geen open data van een Leerlandschap-site")
    versie = data.get("versie")
    if versie is None:
        raise FetchError(f"{name} noemt geen versie van de open data (de site gebruikt waarschijnlijk een oude kit)")
    if versie != EXPORT_VERSION or isinstance(versie, bool):
        raise FetchError(f"{name} heeft versie {clean(versie, 20)} van de open data; deze site kan alleen versie "
                         f"{EXPORT_VERSION} lezen")
    envelope, _ = _schemas()[folder]
    error = next(iter(envelope.iter_errors(data)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "het bestand"
        raise FetchError(f"{name} klopt niet met het schema ({clean(where, 60)})")
    return data


def _items(documents: dict[str, dict], adres: str) -> Read:
    """The items we show, from checked documents: valid, real (no examples), cleaned, with absolute links."""
    read = Read()
    validators = _schemas()
    valid: dict[str, list[dict]] = {}
    example_tafels: set[str] = set()
    for folder in FILES:
        _, item_validator = validators[folder]
        kept, examples, wrong = [], 0, []
        for number, item in enumerate(documents[folder]["items"], 1):
            error = next(iter(item_validator.iter_errors(item)), None)
            if error is not None:
                ident = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else f"nummer {number}"
                veld = "/".join(str(p) for p in error.absolute_path) or error.validator
                wrong.append(f"{clean(ident, 80)} (veld {clean(veld, 60)})")
                read.fout.append(f"{folder}: {wrong[-1]}")
            elif item["voorbeeld"] or (folder == "bijeenkomsten" and item["tafel"] in example_tafels):
                examples += 1
                if folder == "tafels":
                    example_tafels.add(item["id"])
            else:
                kept.append(item)
        valid[folder] = kept
        line = f"{folder}: {len(kept)} gelezen"
        if examples:
            line += f", {examples} overgeslagen omdat {'het een' if examples == 1 else 'ze'} verzonnen "
            line += "voorbeeld is" if examples == 1 else "voorbeelden zijn"
        if wrong:
            line += f", {len(wrong)} overgeslagen omdat {'het niet klopt' if len(wrong) == 1 else 'ze niet kloppen'} met het schema: "
            line += ", ".join(wrong[:5]) + (" …" if len(wrong) > 5 else "")
        read.verslag.append(line)
    url = lambda item: adres + item["pagina"]  # `pagina` matched the schema's pattern: a plain relative path
    tafels = {t["id"]: t for t in valid["tafels"]}
    for p in valid["praktijken"]:
        read.items.append(BuurItem("praktijk", p["id"], clean(p["titel"], 200), clean(p["samenvatting"]),
                                   datetime.date.fromisoformat(p["datum"]), url(p), tuple(p["bouwstenen"])))
    for t in valid["tafels"]:
        start = datetime.date.fromisoformat(t["startdatum"]) if t["startdatum"] else None
        read.items.append(BuurItem("tafel", t["id"], clean(t["titel"], 200), clean(t["samenvatting"]), start, url(t),
                                   tuple(t["bouwstenen"]), clean(t["status"], 40)))
    for m in valid["bijeenkomsten"]:
        opbrengst = m["opbrengst"]
        if not (opbrengst["bouwstenen"] or opbrengst["inzichten"] or opbrengst["afspraken"] or m["verslag"]):
            continue  # a meeting without an outcome yet (planned, or not written down)
        tafel = clean(tafels[m["tafel"]]["titel"], 200) if m["tafel"] in tafels else ""
        titel = clean(m["titel"], 200) or f"Bijeenkomst van {tafel or clean(m['tafel'], 80)}"
        read.items.append(BuurItem("bijeenkomst", m["id"], titel, clean(" ".join(opbrengst["inzichten"])),
                                   datetime.date.fromisoformat(m["datum"]), url(m), tuple(opbrengst["bouwstenen"]), tafel))
    for s in valid["vragensets"]:
        bouwstenen = tuple(dict.fromkeys(ref.partition("/")[0] for ref in s["vragen"]))
        read.items.append(BuurItem("vragenset", s["id"], clean(s["titel"], 200), clean(s["doel"]),
                                   datetime.date.fromisoformat(s["datum"]), url(s), bouwstenen))
    return read


def read_files(raw: dict[str, bytes], adres: str) -> Read:
    """Everything we show of a neighbour from its raw files; FetchError when a file as a whole is unusable."""
    return _items({folder: parse(folder, raw[folder]) for folder in FILES}, adres)
