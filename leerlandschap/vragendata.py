"""The reflection questions as a JSON file for the browser: the "Mijn vragenset" page builds a set from ids.

Deterministic (sorted keys, no timestamps) so builds stay byte-identical. URLs are relative to the site root.
"""
from __future__ import annotations

import json

from . import urls
from .model import Content


def questions_json(content: Content) -> str:
    vragen = {}
    for b in content.bouwstenen.values():
        for v in b.reflectievragen:
            ref = b.vraag_ref(v)
            vragen[ref] = {
                "vraag": v.vraag,
                "url": urls.item_url("vraag", ref),
                "bouwsteen": b.titel,
                "bouwsteen_url": urls.item_url("bouwsteen", b.id),
                "thema": content.themas[b.thema].titel,
                "rollen": [content.rollen[r].titel for r in v.rollen],
            }
    return json.dumps({"vragen": vragen}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
