"""What a build adds to a site, decided once for the MkDocs plugin and the Zensical export (no MkDocs here).

The region file sets the site's name, description, address, edit links, logo and favicon; the content
gives every generated page and file. Both the plugin and scripts/zensical_build.py call these functions,
so the successor path cannot drift from the MkDocs build.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from leerlandschap.begrippen import PAGE, Begrippen, for_site
from leerlandschap.discover import ASSETS, REGIO_DIR, shows_example
from leerlandschap.onderdelen import KIT_LICENCE, kit_licence, onderdelen
from leerlandschap.regiomodel import Contact, Licentie
from leerlandschap.safepaths import write_whole
from leerlandschap.sitedata import SiteData
from leerlandschap.voorbeeld import EXAMPLE_SITE_LABEL, example_site_note

FALLBACK_URL = "https://leerlandschap.invalid/"
DATA_FILES = "de agenda's, de open data en vragen.json"  # how a message names what SiteData.data_files makes


@dataclass(frozen=True)
class Settings:
    """Site settings from the region file; None leaves the configured value as it is."""

    site_name: Markup | None
    site_description: Markup | None
    site_url: str | None
    edit_uri: str | None
    logo: str | None
    favicon: str | None
    extra: dict[str, object]  # for the theme: config.extra entries (the footer's contact)


def settings(site: SiteData) -> Settings:
    s = site.content.regio.site
    voorbeeld = site.content.regio.is_voorbeeldregio  # the example site: its description, on every page, says so
    beschrijving = f"{EXAMPLE_SITE_LABEL} {s.beschrijving}" if voorbeeld and s.beschrijving else s.beschrijving
    # One rule, as for page titles (pages.GeneratedPage.markdown): themes print the site's name and description
    # raw (MkDocs' Jinja has no autoescape), so they are escaped once, here. escape() returns Markup, which
    # `| e` in templates and escape() in the macros leave as it is: never twice.
    return Settings(
        site_name=escape(s.naam) if s.naam else None,
        site_description=escape(beschrijving) if beschrijving else None,
        site_url=s.adres or None,
        edit_uri=edit_base(s.repository, s.tak) if s.repository else None,
        logo=f"regio/{s.logo}" if s.logo else None,
        favicon=f"regio/{s.favicon}" if s.favicon else None,
        extra={"leerlandschap_contact": contact_footer(site.content.regio.contact),
               "leerlandschap_licentie": licence_footer(site.content.regio.licentie, site.content.regio.naam),
               # The footer's link for editors: the same flag as the item pages' "Aanpassen" links (sitedata.py).
               "leerlandschap_beheer": site.maker.editor,
               # Every page of the example site says whose it is not (voorbeeld.example_site_note); '' in a fork.
               "leerlandschap_voorbeeldsite": {"label": EXAMPLE_SITE_LABEL,
                                               "tekst": example_site_note(site.content.regio.naam)} if voorbeeld else {}},
    )


def contact_footer(contact: Contact | None) -> dict[str, str]:
    """What the footer of every page (overrides/partials/footer.html) needs, as plain text it escapes itself."""
    if contact is None or not contact.adres:
        return {}
    return {"rol": contact.rol[0].lower() + contact.rol[1:], "adres": contact.adres, "link": contact.link,
            "tekst": "het contactformulier" if contact.is_formulier else contact.adres,
            "voorbeeld": "ja" if contact.voorbeeld else ""}


def licence_footer(licentie: Licentie | None, regio: str) -> dict[str, str]:
    """The licence of the region's own texts for the footer, as plain text it escapes itself; {} when it gave none."""
    if licentie is None:
        return {}
    return {"naam": licentie.naam, "url": licentie.url, "regio": regio}


def own_files(site: SiteData) -> str:
    """The start of the paths an edit link may open: a fork's own folder (regio/), or everything ('') upstream. A
    fork's pages from content/ or docs/ get no edit link: those files are upstream's, and a region that changes them
    gets conflicts at the next update (handleiding/bijwerken-vanuit-upstream.md)."""
    herkomst = site.content.regio.herkomst
    return f"{REGIO_DIR}/" if herkomst and herkomst.laag == REGIO_DIR else ""


def edit_base(repository: str, branch: str) -> str:
    # An absolute edit_uri without repo_url: edit links work, and Material shows no repository widget
    # (which would call the GitHub API from every visitor's browser).
    # The schema allows only git's branch names made of URL-safe characters; quoting keeps any other safe as well.
    marker = "/-/edit/" if "gitlab" in (urlsplit(repository).hostname or "") else "/edit/"
    return f"{repository.rstrip('/')}{marker}{quote(branch, safe='/')}/"


@dataclass(frozen=True)
class Extra:
    """A generated file that is not a page: its text, or the file to copy as it is."""

    path: str
    text: str | None = None
    source: Path | None = None


def extra_files(site: SiteData, site_url: str | None, data: bool = True) -> tuple[list[Extra], list[str]]:
    """Calendars, feed, open data, vragen.json, colours, the editing page and the region's logo; plus notes to print.
    `data=False` leaves out what SiteData.data_files makes (a preview writes those after the page)."""
    url = site_url or FALLBACK_URL
    made = site.files(url) if data else site.page_files()
    extras = [Extra(path, text) for path, text in made.items()]
    notes: list[str] = []
    # The editing page /beheer/: static files (not theme pages), so it stays out of the sitemap and the search index.
    editor = site.editor()
    if editor.missing:
        notes.append(editor.missing)
    extras += [Extra(path, text) for path, text in editor.texts.items()]
    extras += [Extra(path, source=Path(source)) for path, source in editor.copies.items()]
    # The licences of the parts of others the site carries, for the parts the Over page lists (the macro `onderdelen`,
    # with the same test for /beheer/): no link there leads to nothing.
    extras += [Extra(part.bestand, source=part.tekst) for part in onderdelen(site.project, site.maker.editor)]
    extras.append(Extra(KIT_LICENCE, source=kit_licence()))  # the kit's own, which the Over page links (macros.software)
    # Only what the site shows is published from regio/assets/ (the checker made sure these files exist):
    # a README or a draft lying next to them stays out of the site.
    s = site.content.regio.site
    extras += [Extra(f"regio/{name}", source=site.project / REGIO_DIR / ASSETS / name)
               for name in sorted({s.logo, s.favicon} - {""})]
    return extras, notes


def write_files(made: dict[str, str], site_dir: Path) -> None:
    """Write generated texts into the site folder (path in the site -> text); a path leading out of it is skipped.
    Each file appears whole (a preview serves the folder while its save writes them)."""
    root = site_dir.resolve()
    for path, text in made.items():
        target = (root / path).resolve()
        if target.is_relative_to(root):
            target.parent.mkdir(parents=True, exist_ok=True)
            write_whole(target, text)


def search_where(site_dir: str, docs_dir: str, content_dir: Path) -> tuple[Path, Begrippen]:
    """Where a build's search index goes, and the Begrippen page as the site shows it: its `Ook wel:` lines give the
    index's synonyms, its entries the glossary hints (a fork's page leaves out the example region's, begrippen.py)."""
    return Path(site_dir) / "pagefind", Begrippen(Path(docs_dir) / PAGE.name, shows_example(content_dir))


def pages_for_site(docs: Path, content_dir: Path) -> None:
    """The hand-written pages in `docs`, a copy of docs/ (the Zensical export), as the site shows them: in a fork without
    the example region's sections (begrippen.for_site), as the macros hook gives them to MkDocs."""
    shown = shows_example(content_dir)
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if (kept := for_site(text, shown)) != text:
            write_whole(path, kept)
