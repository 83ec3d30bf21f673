"""Variant projects that several test files read: each is built once per test run and shared (tests/conftest.py:
hostile_project, own_project), so the run builds one site where it used to build one per file.

Each variant carries the settings of all its readers at once. The readers assert against the constants here, so a
test still fails for its own defect: the values are the same the files used before, joined into one field where two
files set the same field.
"""
from __future__ import annotations

from pathlib import Path

import yaml

# --- hostile: a fork (scripts/regio.py) whose region file holds markup, Markdown, attribute lists and template
# syntax in every field that reaches a page (test_region_escape, test_redteam, test_browser_redteam) -------------
# The region's name: template syntax (never run), quotes, a tag and an ampersand (shown as typed, escaped once), and
# Markdown images, attribute lists and links (never turned into markup). The schema allows 200 characters.
REGION = ('Regio {{ 7*7 }} {% if 1 %}JA{% endif %} Zuid "O" <i>s</i> & ![x](https://evil.example/x.png){: onerror=alert(1)} '
          "<img src=x onerror=alert(2)> [klik](javascript:alert(3)) <svg onload=alert(8)>")
SITE_NAME = 'Regio "Zuid" <b>vet</b> & co <script>alert(6)</script> <img src=x onerror=alert(9)>'
DESCRIPTION = ('Wat "Zuid" weet <script>alert(1)</script> & meer. "><script>alert(7)</script>'
               '<meta http-equiv="refresh" content="0;url=https://evil.example/">')
ROLE = 'Team <u>leren</u> & "ontwikkelen" {: onerror=alert(4)} ![y](y){: onload=alert(5)} *leren* {{ cycler.__init__.__globals__ }}'
ROLE_IN_TEXT = ROLE[0].lower() + ROLE[1:]  # a sentence names the role with a lower-case first letter
ADDRESS = "https://zuid.example/leerlandschap/"
CONTACT = "leren@zuid.example"  # zuid.example is reserved for examples (RFC 2606)
REPOSITORY = "https://github.com/voorbeeldregio/leerlandschap"
BRANCH = "feature/x+y"
LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n'
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#1d4f91"/></linearGradient></defs>\n'
        '<rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/>\n</svg>\n')


def make_hostile(project: Path) -> None:
    from regio import make_region  # scripts/regio.py, as `make regio` runs it in a fork

    # make_region also names the region's own source after it ("Eigen inbreng van ..."), which allows fewer
    # characters than the name: it gets the short form; the name itself is set in full below.
    make_region(project, naam='Zuid "O" <i>s</i> & co', adres=ADDRESS, repository="", motto="Samen", forceer=False,
                contact=CONTACT)
    regio = project / "regio" / "regio.yml"
    data = yaml.safe_load(regio.read_text(encoding="utf-8"))
    data["naam"] = REGION
    data["contact"]["rol"] = ROLE
    data["site"].update(naam=SITE_NAME, beschrijving=DESCRIPTION, repository=REPOSITORY, tak=BRANCH, logo="logo.svg",
                        favicon="logo.svg")
    regio.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (project / "regio" / "assets").mkdir(parents=True, exist_ok=True)
    (project / "regio" / "assets" / "logo.svg").write_text(LOGO, encoding="utf-8")


# --- own: the example region after it filled in its own promises, contact, licence and neighbours, plus a practice
# full of payloads (test_truth, test_licence, test_public_pages, test_site) -------------------------------------
OWN_CONTACT = "leren@flevoland.nl"
PROMISES = """
beloften:
  reactietermijn: binnen vijf werkdagen
  privacy: We gebruiken je gegevens alleen om je vraag te beantwoorden.
"""
HELD_MEETING = "tafels/leertafel-thuis-op-maat/2026-03-02.yml"  # a meeting with a report: held, shows its phase
CC_BY = "https://creativecommons.org/licenses/by/4.0/deed.nl"
LICENCE_NAME = "CC BY 4.0 <i>"
NEIGHBOURS = {"Regio 1": "http://127.0.0.1:9/zuidkust/", "Regio 2": "http://127.0.0.1:9/noordrand/"}  # unreachable
PAYLOAD_ID = "aanval"
PAYLOAD = """\
# yaml-language-server: $schema=../../schemas/praktijk.schema.json
titel: "Aanval <script>alert('titel')</script> {{{{ 7*7 }}}}"
samenvatting: "<img src=x onerror=alert(1)> {{% include 'index.md' %}}"
beschrijving: |
  Tekst met <script>alert('body')</script> en {{{{ 7*7 }}}} en {{{{ config }}}}.

  [klik hier](javascript:alert(1)) en <a href="javascript:alert(2)">ook hier</a>.

  ![plaatje](https://tracker.example.com/pixel.png)

  {{{{ cycler.__init__.__globals__.os.popen('touch {pwned}').read() }}}}
bouwstenen: [coordineer-het-leren]
geleerd:
  - "<b onmouseover=alert(3)>vet</b>"
datum: 2026-11-21
bron: voorbeeld
"""


def pwned(project: Path) -> Path:
    """The file the payload's template syntax would create if it ran."""
    return project.parent / "pwned"


def make_own(project: Path) -> None:
    regio = project / "content" / "regio.yml"
    text = regio.read_text(encoding="utf-8").replace("leerlandschap@example.org", OWN_CONTACT)
    lines = "".join(f"  - naam: {naam}\n    adres: {adres}\n" for naam, adres in NEIGHBOURS.items())
    assert "buren: []\n" in text
    text = text.replace("buren: []\n", f"buren:\n{lines}")
    text += PROMISES + f"licentie:\n  naam: {LICENCE_NAME}\n  url: {CC_BY}\n"
    regio.write_text(text, encoding="utf-8")
    meeting = project / "content" / HELD_MEETING
    meeting.parent.mkdir()
    meeting.write_text("datum: 2026-03-02\nfase: samen beslissen\nopbrengst:\n  inzichten:\n    - Een inzicht.\n",
                       encoding="utf-8")
    (project / "content" / "praktijken" / f"{PAYLOAD_ID}.yml").write_text(PAYLOAD.format(pwned=pwned(project)),
                                                                          encoding="utf-8")


def zuidkust_fork(tmp_path: Path, beheer: str, npm: bool = True) -> Path:
    """A region's fork in tmp_path/project: upstream's content/ and a small regio/ of "Regio Zuidkust" whose region
    file ends with `beheer` (a `beheer:` block, or ""); with this tree's npm packages when `npm` (so with /beheer/)."""
    import shutil

    root = Path(__file__).resolve().parent.parent
    project = tmp_path / "project"
    shutil.copytree(root / "content", project / "content")
    if npm:
        (project / "node_modules").symlink_to(root / "node_modules")
    regio = project / "regio"
    (regio / "bronnen").mkdir(parents=True)
    (regio / "regio.yml").write_text(
        "naam: Regio Zuidkust\nmotto: Samen leren\nbeschrijving: Een regio om te testen.\nsite:\n  naam: Leerlandschap Zuidkust\n"
        f"contact:\n  rol: Team leerlandschap\n  adres: leren@zuidkust.example\n{beheer}bron: eigen\n", encoding="utf-8")
    (regio / "bronnen" / "eigen.yml").write_text("titel: Eigen\nuitgever: Zuidkust\nsoort: eigen inbreng\n", encoding="utf-8")
    return project
