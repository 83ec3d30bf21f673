"""Hints and messages of the editor's form fields, made from the schema's descriptions.

The schemas speak to people who type YAML: "tussen aanhalingstekens", "Schrijf als JJJJ-MM-DD", "Id van de bron
(een bestand in content/bronnen/)". In the form none of that applies: the editor quotes every text itself
(cms.py: output.yaml.quote), a date is typed as dd-mm-jjjj, and a reference is chosen from a list of titles. These rules take
such advice out, so a hint never asks for something the form does differently. And the schema's length limits as
the form's own (`length`, `too_long`), with the checker's words, so a text too long is refused before it is saved.
"""
from __future__ import annotations

import re
from typing import Any

from .kinds import Kind

# (pattern, replacement), applied in this order to every hint and message.
YAML_ONLY = (
    (r",? *(?:tussen|met) aanhalingstekens", ""),  # the form quotes text itself
    (r"\"([^\"]*)\"", r"\1"),  # examples shown without the quotes YAML needed
    (r" *Schrijf als JJJJ-MM-DD, bijvoorbeeld \d{4}-\d{2}-\d{2}\.", ""),  # the date field asks for dd-mm-jjjj
    (r",? in Markdown", ""),  # the text field has buttons for bold, lists and links
    (r" *\(een bestand in [^)]*\)", ""),  # no file paths
    (r"^Zet op true als ", "Vink aan als "),  # a yes/no field is a tick box in the form, not the word true
)
CHOOSE = " Kies uit de lijst."
ID_MESSAGE = "Gebruik alleen kleine letters (a-z), cijfers en streepjes, bijvoorbeeld 'mijn-item'."
DATE = " Schrijf als dd-mm-jjjj, bijvoorbeeld 03-12-2026."  # the form's date field (templates/beheer-datum.js)


def _clean(text: str) -> str:
    for pattern, replacement in YAML_ONLY:
        text = re.sub(pattern, replacement, text)
    return re.sub(r"\s+([.,:)])", r"\1", text).strip()


def hint(description: str, widget: str) -> str:
    """The field's hint in the form."""
    text = _clean(description)
    if widget == "relation":
        text = re.sub(r"^Ids? van (de|het) ", lambda m: m.group(1).capitalize() + " ", text)
        if CHOOSE.strip() not in text:
            text += CHOOSE
    if widget == "datum":
        text += DATE
    return text


def message(text: str) -> str:
    """A validation message in the form (from x-foutmelding)."""
    return _clean(text)


# The checker refuses a text longer than the schema's maxLength ("hoogstens 200 tekens"); without the limit in the form,
# a coordinator would learn that only after saving. Sveltia counts characters (code points) of the trimmed value
# and saves it trimmed, so its count is the checker's. A minLength of 1 says "not empty", which `required` and
# Sveltia's leaving out of empty optional fields already do: no counter with "minimum 1" beside every field.
def length(prop: dict[str, Any]) -> dict[str, Any]:
    limits = {"maxlength": prop["maxLength"]} if "maxLength" in prop else {}
    if prop.get("minLength", 0) > 1:
        limits["minlength"] = prop["minLength"]
    return limits


def too_long(prop: dict[str, Any]) -> dict[str, Any]:
    """A Markdown field has no maxlength option in Sveltia: a pattern (u: counting code points) checks the length."""
    if "maxLength" not in prop or "pattern" in prop:
        return {}
    most = prop["maxLength"]
    return {"pattern": [f"/^[\\s\\S]{{0,{most}}}$/u",
                        f"Deze tekst is te lang. Hier passen hoogstens {most} tekens. Maak de tekst korter."]}


def bouwsteen_name_message(names: list[str]) -> str:
    """The message of a file name that must be the name of an existing item (an aanvulling: its bouwsteen's)."""
    example = f" Bijvoorbeeld '{names[0]}'." if names else ""
    return ("Gebruik de naam van een bouwsteen op de site: het laatste deel van het adres van de bouwsteen, "
            f"zonder /.{example}")


def slug_message(kind: Kind[Any]) -> str:
    """The message of a file name the checker refuses (cms.slug_pattern: an id, not reserved, not a Windows name)."""
    names = " en ".join(f"'{name}'" for name in sorted(kind.reserved))
    return (f"{ID_MESSAGE} {'De naam' if len(kind.reserved) == 1 else 'De namen'} {names} gebruikt de site zelf, "
            "en namen als 'con' en 'nul' Windows.")
