"""Getting a neighbour's open data in: within a time budget and a size cap, so no neighbour can starve or flood the build.

Rules for every neighbour (what is done with the bytes is buren_read.py; the copies and pages are buren.py):
- only https, except loopback addresses (127.0.0.1, localhost, ::1: tests and local previews);
- redirects only within the same scheme, host and port, at most MAX_REDIRECTS, never back to where we were;
- one wall-clock budget per neighbour (Limits.budget) for connecting, headers and body of all its files: every read
  from the socket may wait only for the time that is left (Clocked), so a server that trickles bytes (in the headers
  or the body) costs at most the budget, never more; one that has started to answer and then sends less than
  Limits.min_rate bytes a second is stopped after Limits.rate_after seconds, so a plain trickle costs less;
- at most Limits.max_bytes per neighbour, all its files together, counted after unpacking (gzip and deflate are
  unpacked while reading, a little at a time, so a gzip bomb stops at the cap);
- all neighbours fairly (`fetch_all` in buren_fair.py), within one overall deadline (Limits.deadline).
Every failure is a FetchError: a short Dutch reason for one line.
"""
from __future__ import annotations

import http.client
import os
import re
import socket
import ssl
import time
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .buren_io import Clocked, Unpacker, UnpackError
from .kinds import DEFAULT

BUDGET = 10.0  # seconds per neighbour: connecting, headers and bodies of all its files
DEADLINE = 60.0  # seconds for all neighbours together
MAX_BYTES = 10 * 1024 * 1024  # per neighbour, all its files together, after unpacking
MAX_ITEMS = 5000  # per neighbour; more are skipped (buren_read.py)
WORKERS = 16  # neighbours fetched at the same time
MIN_RATE = 1024  # bytes per second: a server that has started to answer must keep at least this pace ...
RATE_AFTER = 3.0  # ... measured from its first byte, once this many seconds have passed
MAX_REDIRECTS = 3
CHUNK = 64 * 1024
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
USER_AGENT = "Leerlandschap (gluren bij de buren; https://github.com/leerlandschap/leerlandschap)"
HEADERS = {"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": "gzip, deflate"}
FILES = DEFAULT.neighbour_files  # what we read of each neighbour: data/<folder>.json of kinds.Kind.neighbours
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_UNPRINTABLE = re.compile(r"[^\x20-\x7e]")

Raw = dict[str, bytes]  # a neighbour's files by name (a kind's folder), as fetched and unpacked


class FetchError(Exception):
    """Why something could not be fetched or read: a short Dutch reason, e.g. 'de site is niet bereikbaar'."""


@dataclass(frozen=True)
class Limits:
    budget: float = BUDGET
    deadline: float = DEADLINE
    max_bytes: int = MAX_BYTES
    max_items: int = MAX_ITEMS
    workers: int = WORKERS
    min_rate: int = MIN_RATE
    rate_after: float = RATE_AFTER

    @classmethod
    def from_environment(cls) -> Limits:
        """Defaults, or LEERLANDSCHAP_BUREN_TIMEOUT (budget) / _DEADLINE (seconds) for tests and slow networks."""
        def number(name: str, default: float) -> float:
            try:
                return float(os.environ.get(name, "")) or default
            except ValueError:
                return default

        return cls(number("LEERLANDSCHAP_BUREN_TIMEOUT", BUDGET), number("LEERLANDSCHAP_BUREN_DEADLINE", DEADLINE))

    @property
    def too_slow(self) -> str:
        return f"de site was niet op tijd klaar (elke buur krijgt {seconds(self.budget)})"

    @property
    def too_thin(self) -> str:
        return f"de site stuurt te langzaam (minder dan {self.min_rate / 1024:g} kB per seconde)"

    @property
    def too_large(self) -> str:
        return f"de open data is groter dan {self.max_bytes / (1024 * 1024):g} MB"


def seconds(value: float) -> str:
    return f"{value:g} {'seconde' if value == 1 else 'seconden'}"


def _shown(text: str, limit: int = 60) -> str:
    """Something a server sent, safe for a message: printable ASCII only, short."""
    return _UNPRINTABLE.sub("?", text)[:limit]


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


def _name(url: str) -> str:
    """The file's name for messages: 'data/praktijken.json'."""
    path = urlsplit(url).path
    return _shown("/".join(path.rstrip("/").split("/")[-2:]) or url)


def _connection(url: str, deadline: float) -> http.client.HTTPConnection:
    """An open connection to the host of `url` (https through the environment's proxy, if any; loopback never)."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port
    timeout = max(0.05, deadline - time.monotonic())
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        proxy = urllib.request.getproxies().get("https", "")
        context = ssl.create_default_context()
        if proxy and not urllib.request.proxy_bypass(host):
            via = urlsplit(proxy if "://" in proxy else "http://" + proxy)
            connection = http.client.HTTPSConnection(via.hostname or "", via.port or 80, timeout=timeout, context=context)
            connection.set_tunnel(host, port)
        else:
            connection = http.client.HTTPSConnection(host, port, timeout=timeout, context=context)
    else:
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
    connection.connect()
    return connection


def _body(response: http.client.HTTPResponse, name: str, limits: Limits, room: int) -> bytes:
    """The unpacked body, at most `room` bytes, else FetchError (too large, unknown packing, broken)."""
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    encoding = {"x-gzip": "gzip", "": "identity"}.get(encoding, encoding)
    if encoding not in ("identity", "gzip", "deflate"):
        raise FetchError(f"{name} is ingepakt op een manier die deze site niet kan lezen ({_shown(encoding, 20)})")
    too_large = FetchError(f"{limits.too_large} (bij {name}{', uitgepakt' if encoding != 'identity' else ''})")
    length = response.getheader("Content-Length") or ""
    if length.isdigit() and int(length) > room:
        raise too_large
    unpacker = Unpacker(encoding, name) if encoding != "identity" else None
    out = bytearray()
    received = 0
    try:
        while chunk := response.read1(CHUNK):  # one read from the socket at most, within the time left (Clocked)
            received += len(chunk)
            out += unpacker.feed(chunk, room - len(out)) if unpacker else chunk
            if len(out) > room or received > room:
                raise too_large
        if response.length:  # a Content-Length that was not reached: the server stopped halfway
            raise FetchError(f"de site verbrak de verbinding (bij {name})")
        if unpacker:
            unpacker.check_complete()
    except UnpackError as error:
        raise FetchError(str(error)) from None
    return bytes(out)


def _status(code: int, name: str) -> str:
    if code == 404:
        return f"{name} bestaat niet op hun site (foutcode 404)"
    if code >= 500:
        return f"de site gaf een serverfout bij {name} (foutcode {code})"
    return f"de site gaf foutcode {code} bij {name}"


def _reason(error: BaseException, name: str) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "de site is niet bereikbaar (de verbinding werd geweigerd)"
    if isinstance(error, socket.gaierror):
        return "de site is niet bereikbaar (de naam van de server is niet gevonden; is er internet?)"
    if isinstance(error, ssl.SSLCertVerificationError):
        return "het certificaat van de site klopt niet"
    if isinstance(error, http.client.RemoteDisconnected | http.client.IncompleteRead | ConnectionResetError):
        return f"de site verbrak de verbinding (bij {name})"
    if isinstance(error, http.client.HTTPException):
        return f"de site stuurde geen geldig antwoord (bij {name}: {type(error).__name__})"
    return f"de site is niet bereikbaar ({type(error).__name__})"


def _get(url: str, limits: Limits, deadline: float, room: int) -> tuple[str, bytes]:
    """One request: (the Location of a redirect, b'') or ('', the unpacked body)."""
    name = _name(url)
    parts = urlsplit(url)
    connection = None
    try:
        connection = _connection(url, deadline)
        connection.sock = Clocked(connection.sock, deadline, limits.min_rate, limits.rate_after, FetchError(limits.too_thin))
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=HEADERS)
        response = connection.getresponse()
        if response.status in _REDIRECTS:
            location = response.getheader("Location") or ""
            if not location:
                raise FetchError(f"de site stuurt door zonder te zeggen waarheen (bij {name})")
            return location, b""
        if response.status != 200:
            raise FetchError(_status(response.status, name))
        body = _body(response, name, limits, room)
        return "", body
    except FetchError:
        if time.monotonic() >= deadline:
            raise FetchError(limits.too_slow) from None  # a cut-off body looks broken; the real reason is time
        raise
    except (OSError, http.client.HTTPException, ValueError) as error:
        if time.monotonic() >= deadline - 0.05:
            raise FetchError(limits.too_slow) from None
        raise FetchError(_reason(error, name)) from None
    finally:
        if connection is not None:
            connection.close()


def fetch(url: str, limits: Limits, deadline: float, room: int | None = None) -> bytes:
    """The unpacked body of `url` (at most `room` bytes), following same-origin redirects; else FetchError.

    `deadline` is the time.monotonic() by which it must be complete.
    """
    room = limits.max_bytes if room is None else room
    seen = [url]
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        problem = address_problem(current)
        if problem:
            raise FetchError(problem)
        if time.monotonic() >= deadline:
            raise FetchError(limits.too_slow)
        location, body = _get(current, limits, deadline, room)
        if not location:
            return body
        target = urljoin(current, location.strip())
        if _origin(target) != _origin(url):
            raise FetchError(f"de site stuurt door naar een ander adres ({_shown(urlsplit(target).hostname or target)}); "
                             "deze site volgt alleen doorverwijzingen binnen dezelfde site")
        if target in seen:
            raise FetchError(f"de site stuurt rond in een kring (doorverwijzing terug naar {_name(target)})")
        seen.append(target)
        current = target
    raise FetchError(f"de site stuurt meer dan {MAX_REDIRECTS} keer door (bij {_name(url)})")


def fetch_neighbour(adres: str, limits: Limits, deadline: float) -> Raw:
    """All FILES of the neighbour at `adres` (ending in '/'), within `deadline` and limits.max_bytes together."""
    raw: Raw = {}
    room = limits.max_bytes
    for name in FILES:
        raw[name] = fetch(f"{adres}data/{name}.json", limits, deadline, room)
        room -= len(raw[name])
    return raw
