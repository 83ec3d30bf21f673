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
keeps a short link. docs/assets/vragenset.js reads and writes these links.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable

from . import urls
from .model import Content
from .relations import compute
from .render import markdown_html

CODE_LENGTH = 4  # the shortest code; longer only where two ids would share it
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
FREE_TEXT = "tekst:"  # a question without a page (a vragenset's extra_vragen) is this prefix + its text


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


def ready_sets(content: Content) -> dict[str, dict]:
    """Every ready set as "kind/id" -> title, questions (ids, and free text for extra questions) and werkwijze.

    Same sets, titles and order as the pages show them (vragenset.html, rol.html, thema.html, bouwsteen.html), so
    "Pas deze set aan" on the overview takes over what the set's own page shows.
    """
    r = compute(content)
    sets: dict[str, dict] = {}
    for s in content.vragensets.values():
        sets[f"vragenset/{s.id}"] = {"titel": s.titel, "url": urls.item_url("vragenset", s.id),
                                     "vragen": list(s.vragen) + [FREE_TEXT + e for e in s.extra_vragen],
                                     **({"werkwijze": str(markdown_html(s.werkwijze))} if s.werkwijze else {})}
    for rol in content.rollen.values():
        pairs = [(b, v) for t in content.themas for b, v in r.vragen_by_rol[rol.id] if b.thema == t]
        if pairs:
            sets[f"rol/{rol.id}"] = {"titel": f"Vragen voor {rol.meervoud.lower()}", "url": urls.item_url("rol", rol.id),
                                     "vragen": [b.vraag_ref(v) for b, v in pairs]}
    for t in content.themas.values():
        refs = [b.vraag_ref(v) for b in r.bouwstenen_by_thema[t.id] for v in b.reflectievragen]
        if refs:
            sets[f"thema/{t.id}"] = {"titel": f"Vragen bij het thema ‘{t.titel}’", "url": urls.item_url("thema", t.id), "vragen": refs}
    for b in content.bouwstenen.values():
        if b.reflectievragen:
            sets[f"bouwsteen/{b.id}"] = {"titel": f"Vragen bij de bouwsteen ‘{b.titel}’", "url": urls.item_url("bouwsteen", b.id),
                                         "vragen": [b.vraag_ref(v) for v in b.reflectievragen]}
    return sets


def questions_json(content: Content) -> str:
    vragen = {}
    refs = [b.vraag_ref(v) for b in content.bouwstenen.values() for v in b.reflectievragen]
    codes = short_codes(refs)
    for b in content.bouwstenen.values():
        for v in b.reflectievragen:
            ref = b.vraag_ref(v)
            vragen[ref] = {
                "vraag": v.vraag,
                "code": codes[ref],
                "url": urls.item_url("vraag", ref),
                "bouwsteen": b.titel,
                "bouwsteen_url": urls.item_url("bouwsteen", b.id),
                "thema": content.themas[b.thema].titel,
                "rollen": [content.rollen[r].titel for r in v.rollen],
            }
    sets = ready_sets(content)
    set_codes = short_codes(f"vragenset/{s}" for s in content.vragensets)
    for key, code in set_codes.items():
        sets[key]["code"] = code
    # The extra questions of the vragensets: a link names them by a code of their text instead of the whole text.
    extra = short_codes(FREE_TEXT + e for s in content.vragensets.values() for e in s.extra_vragen)
    return json.dumps({"vragen": vragen, "sets": sets, "extra": {code: text for text, code in extra.items()}},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))
