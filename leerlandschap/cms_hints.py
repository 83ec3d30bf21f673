"""Hints and messages of the editor's form fields, made from the schema's descriptions.

The schemas speak to people who type YAML: "tussen aanhalingstekens", "Schrijf als JJJJ-MM-DD", "Id van de bron
(een bestand in content/bronnen/)". In the form none of that applies: the editor quotes every text itself
(cms.py: output.yaml.quote), a date is typed as dd-mm-jjjj, and a reference is chosen from a list of titles. These rules take
such advice out, so a hint never asks for something the form does differently.
"""
from __future__ import annotations

import re

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
