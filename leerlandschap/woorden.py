"""Dutch counts with the right form of the noun: '1 tafel', '3 tafels', 'geen tafels'.

One helper for pages (Jinja global `aantal`), the landscape and the messages of `make check`, so a count is never
followed by the wrong form ("1 reflectievragen"). The plural is passed in: Dutch plurals are irregular.
"""
from __future__ import annotations

# Nouns the site counts: singular -> plural. A template may also pass the plural itself.
MEERVOUD = {
    "afspraak": "afspraken", "bestand": "bestanden", "bijeenkomst": "bijeenkomsten", "bouwsteen": "bouwstenen",
    "bron": "bronnen", "leervraag": "leervragen", "praktijk": "praktijken", "probleem": "problemen",
    "reflectievraag": "reflectievragen", "rol": "rollen", "tafel": "tafels", "tekst": "teksten", "thema": "thema's",
    "vraag": "vragen", "vragenset": "vragensets", "voorbeeld": "voorbeelden", "zin": "zinnen", "woord": "woorden",
    "goede praktijk": "goede praktijken", "belofte": "beloften",
}


def meervoud(enkelvoud: str) -> str:
    return MEERVOUD.get(enkelvoud, enkelvoud + "en")


def aantal(n: int, enkelvoud: str, meervoudsvorm: str = "", geen: bool = False) -> str:
    """'1 tafel', '3 tafels'; with `geen`, 0 reads 'geen tafels' instead of '0 tafels'."""
    vorm = enkelvoud if n == 1 else (meervoudsvorm or meervoud(enkelvoud))
    return f"geen {vorm}" if geen and n == 0 else f"{n} {vorm}"
