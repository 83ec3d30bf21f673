"""All neighbours fairly: each gets its own thread (at most Limits.workers at a time) and its own budget from the
moment it starts; a neighbour that overruns is given up and its place goes to the next one, so a neighbour listed
after two slow ones is still asked. One overall deadline (Limits.deadline) bounds everything. One neighbour's
files are fetched by buren_fetch.py.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from .buren_fetch import FetchError, Limits, Raw, fetch_neighbour, seconds

GRACE = 0.25  # seconds a neighbour's thread gets after its budget before it is given up


def fetch_all(addresses: list[str], limits: Limits,
              get: Callable[[str, Limits, float], Raw] = fetch_neighbour) -> dict[str, Raw | FetchError]:
    """Every neighbour fairly, each within its own budget, all within limits.deadline; never raises."""
    pending = deque(dict.fromkeys(addresses))
    order = list(pending)
    until = time.monotonic() + limits.deadline
    running: dict[str, float] = {}  # address -> the moment its budget is spent
    results: dict[str, Raw | FetchError] = {}
    changed = threading.Condition()

    def work(adres: str, deadline: float) -> None:
        result: Raw | FetchError
        try:
            result = get(adres, limits, deadline)
        except FetchError as error:
            result = error
        except Exception as error:  # a neighbour must never break the build
            result = FetchError(f"onverwachte fout bij het lezen ({type(error).__name__})")
        with changed:
            if adres in running:  # not given up on yet
                del running[adres]
                results[adres] = result
            changed.notify()

    with changed:
        while pending or running:
            now = time.monotonic()
            for adres, deadline in list(running.items()):
                if now >= deadline + GRACE:  # its thread is stuck (say, in a name lookup): give its place to the next
                    del running[adres]
                    results[adres] = FetchError(limits.too_slow)
            if now >= until:
                break
            while pending and len(running) < limits.workers:
                adres = pending.popleft()
                running[adres] = min(now + limits.budget, until)
                threading.Thread(target=work, args=(adres, running[adres]), name="buren-fetch", daemon=True).start()
            if running:
                changed.wait(max(0.01, min(min(running.values()) + GRACE, until) - now))
        for adres in running:
            results[adres] = FetchError(limits.too_slow)
        for adres in pending:
            results[adres] = FetchError(f"niet gevraagd: de tijd voor alle buren samen ({seconds(limits.deadline)}) was op")
        return {adres: results[adres] for adres in order}
