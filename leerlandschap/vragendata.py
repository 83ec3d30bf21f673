"""The reflection questions and ready sets as a JSON file for the browser (vragen.json).

"Mijn vragenset" builds a set from question ids; "Pas deze set aan" takes over a ready set whole. Deterministic
(sorted keys, no timestamps) so builds stay byte-identical. URLs are relative to the site root.

Short share links: every question gets a short code, the first characters of a hash of its
"bouwsteen-id/vraag-id" in base 36 (digits and lower-case letters, which no mail client breaks). The code
depends only on that id, not on the question's text or on the other questions, so a link keeps working when the
content changes. Two questions whose codes would be equal both get a longer code, until they differ
(`short_codes`); the build stops if codes are still not unique. Only then does an existing code change, which
for 4 characters (1.7 million codes) is very unlikely. Curated vragensets get a code the same way, so a link can
name the set whose werkwijze goes with it, and their extra questions get a code of their text, so a taken-over set
keeps a short link. docs/assets/vragenset/30-link.js reads and writes these links.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any

from . import readysets, urls
from .kinds import BOUWSTEEN, BRON, ROL, THEMA, VRAGENSET
from .model import Content
from .readysets import FREE_TEXT
from .relations import compute
from .render import markdown_html
from .voorbeeld import shown_title

CODE_LENGTH = 4  # the shortest code; longer only where two ids would share it
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _base36(ident: str) -> str:
    """SHA-256 of the id in base 36, least significant digit first (so every prefix is evenly spread)."""
    number = int.from_bytes(hashlib.sha256(ident.encode("utf-8")).digest(), "big")
    out = []
    for _ in range(49):  # 36**49 < 2**256: these digits are all evenly spread
        number, digit = divmod(number, 36)
        out.append(DIGITS[digit])
    return "".join(out)


def short_codes(idents: Iterable[str], digest: Callable[[str], str] = _base36,
                length: int = CODE_LENGTH) -> dict[str, str]:
    """id -> the shortest prefix (at least `length` long) of its digest that no other id's digest starts with.

    Each id's code depends only on the ids it collides with, never on their order.
    """
    digests = {ident: digest(ident) for ident in dict.fromkeys(idents)}
    codes: dict[str, str] = {}
    groups = [(length, list(digests))]
    while groups:  # ids that share a prefix of `size` characters: each needs a longer one
        size, group = groups.pop()
        by_prefix: dict[str, list[str]] = {}
        for ident in group:
            by_prefix.setdefault(digests[ident][:size], []).append(ident)
        for prefix, members in by_prefix.items():
            if len(members) == 1 or size >= min(len(digests[m]) for m in members):
                codes.update((m, prefix) for m in members)
            else:
                groups.append((size + 1, members))
    seen: dict[str, str] = {}
    for ident, code in codes.items():
        if code in seen:
            raise ValueError(f"'{seen[code]}' en '{ident}' krijgen dezelfde korte code '{code}' voor links.")
        seen[code] = ident
    return codes


def ready_sets(content: Content) -> dict[str, dict[str, Any]]:
    """Every ready set (readysets.py) as "kind/id" -> title, url, questions (ids, and free text for extra
    questions), werkwijze and whether this site composed it: what "Pas deze set aan" takes over. A vragenset also
    names its bron (that of its extra questions) and, when it is another, the bron of its werkwijze: "Mijn vragenset"
    says them on screen and on paper. A werkwijze written as an example has no bron; the example note says so."""
    sets: dict[str, dict[str, Any]] = {}
    for s in readysets.ready_sets(content, compute(content)):
        item = content.of(VRAGENSET)[s.id] if s.kind == VRAGENSET.name else None
        sets[s.key] = {"titel": s.titel, "url": s.url, "vragen": s.refs,
                       **({"werkwijze": str(markdown_html(s.werkwijze))} if s.werkwijze else {}),
                       **({"samengesteld": True} if s.samengesteld else {}),
                       **({"werkwijze_voorbeeld": True} if s.werkwijze_voorbeeld else {}),
                       **({"bron": item.bron} if item else {}),
                       **({"werkwijze_bron": item.werkwijze_bron or item.bron}
                          if item and s.werkwijze and not s.werkwijze_voorbeeld else {})}
    return sets


def citation(content: Content, bron_id: str) -> str:
    """A bron as a page's source line names it (_macros.html bron_regel): title, publisher and year."""
    bron = content.of(BRON)[bron_id]
    return f"{bron.titel}, {bron.uitgever}" + (f" ({bron.jaar})" if bron.jaar else "")


def questions_json(content: Content) -> str:
    vragen = {}
    refs = [b.vraag_ref(v) for b in content.of(BOUWSTEEN).values() for v in b.reflectievragen]
    codes = short_codes(refs)
    for b in content.of(BOUWSTEEN).values():
        for v in b.reflectievragen:
            ref = b.vraag_ref(v)
            vragen[ref] = {
                "vraag": v.vraag,
                "code": codes[ref],
                "url": urls.item_url("vraag", ref),
                "bouwsteen": shown_title(b),
                "bouwsteen_url": urls.item_url("bouwsteen", b.id),
                "thema": shown_title(content.of(THEMA)[b.thema]),
                "rollen": [shown_title(content.of(ROL)[r]) for r in v.rollen],
                # A region's own question (regio/aanvullingen/) is from the bron of the region's addition.
                "bron": b.regio_bron if v.regionaal else b.bron,
            }
    sets = ready_sets(content)
    set_codes = short_codes(f"vragenset/{s}" for s in content.of(VRAGENSET))
    for key, code in set_codes.items():
        sets[key]["code"] = code
    # The extra questions of the vragensets: a link names them by a code of their text instead of the whole text.
    extra = short_codes(FREE_TEXT + e for s in content.of(VRAGENSET).values() for e in s.extra_vragen)
    named = {str(v["bron"]) for v in vragen.values() if "bron" in v} | {
        str(s[key]) for s in sets.values() for key in ("bron", "werkwijze_bron") if key in s}
    return json.dumps({"vragen": vragen, "sets": sets, "extra": {code: text for text, code in extra.items()},
                       "citaten": {b: citation(content, b) for b in named}},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))
