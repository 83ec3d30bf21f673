"""mkdocs-macros glue: macros for the hand-written pages in docs/ (only pages with `render_macros: true`).

Each macro renders one of our templates with the checked model and returns HTML, which
mkdocs-macros does not render again, so content text is never evaluated as a template.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from markupsafe import Markup, escape  # noqa: E402

from leerlandschap.afspraken import open_agreements  # noqa: E402
from leerlandschap.problems import ContentError  # noqa: E402
from leerlandschap.sitedata import load_site  # noqa: E402


def contact_footer(contact) -> dict[str, str]:
    """What the footer of every page (overrides/partials/footer.html) needs, as plain text it escapes itself."""
    if contact is None or not contact.adres:
        return {}
    return {"rol": contact.rol[0].lower() + contact.rol[1:], "adres": contact.adres, "link": contact.link,
            "tekst": "het contactformulier" if contact.is_formulier else contact.adres}


def define_env(env):
    # A generated config (scripts/zensical_build.py) names the content folder; otherwise it sits next to mkdocs.yml.
    configured = (env.conf.extra or {}).get("leerlandschap_content")
    content_dir = Path(configured) if configured else Path(env.conf.config_file_path).resolve().parent / "content"

    # The theme's footer shows the region's contact on every page, generated ones too: MkDocs hands `config` to
    # every theme template, so the contact goes into config.extra once per build (define_env runs in on_config).
    try:
        env.conf.extra["leerlandschap_contact"] = contact_footer(load_site(content_dir).content.regio.contact)
    except ContentError:  # macros/hooks.py's on_config stops the build with every problem, in Dutch
        env.conf.extra["leerlandschap_contact"] = {}

    def render(template: str, **context) -> str:
        page_url = env.page.url if env.page else ""
        return load_site(content_dir).maker.render(template, page_url, **context)

    @env.macro
    def site_naam() -> str:
        """The site's name (from the region file), escaped once.

        macros/hooks.py's on_config has already escaped it to Markup, which escape() leaves as it is; without
        our hooks (scripts/zensical_build.py) the name is plain text and escape() does the work.
        """
        return str(escape(env.conf.site_name))

    @env.macro
    def regio_naam() -> str:
        """The region's name, escaped (macro results are inserted as they are)."""
        return str(escape(load_site(content_dir).content.regio.naam))

    @env.macro
    def regio_contact() -> str:
        """Who to contact and how, from the region file: a role and a link, never a personal name.

        'mail naar <a href="mailto:x">x</a> (team leerlandschap)', or for a web form
        'gebruik <a href="https://...">het contactformulier</a> (team leerlandschap)'.
        """
        contact = load_site(content_dir).content.regio.contact
        if contact is None:
            return "vraag het de beheerders van deze site"
        who = escape(contact.rol[0].lower() + contact.rol[1:])
        if not contact.adres:
            return str(escape("vraag het de ") + who)
        if contact.is_formulier:
            how = Markup('gebruik <a href="{}">het contactformulier</a>').format(contact.link)
        else:
            how = Markup('mail naar <a href="{}">{}</a>').format(contact.link, contact.adres)
        return str(how + Markup(" (") + who + Markup(")"))

    @env.macro
    def regio_intro() -> str:
        """The region's name, motto and description."""
        return render("home-regio.html")

    @env.macro
    def taken() -> str:
        """The home page's three entries: prepare a meeting, find good practices, keep a tafel up to date."""
        return render("home-taken.html", aantal_open=len(open_agreements(load_site(content_dir).content)))

    @env.macro
    def ingangen_per_rol() -> str:
        """One entry per role."""
        return render("home-rollen.html")

    @env.macro
    def themas() -> str:
        """The themas with their bouwstenen."""
        return render("home-themas.html")

    @env.macro
    def nieuw(aantal: int = 6) -> str:
        """The latest practices, vragensets and meetings with an outcome, newest first."""
        site = load_site(content_dir)
        c = site.content
        dated = [("praktijk", p, p.datum) for p in c.praktijken.values()]
        dated += [("vragenset", s, s.datum) for s in c.vragensets.values()]
        dated += [("bijeenkomst", m, m.datum) for m in c.bijeenkomsten.values()
                  if m.opbrengst.inzichten or m.opbrengst.afspraken]
        dated.sort(key=lambda entry: (entry[2], entry[1].id), reverse=True)
        return render("home-nieuw.html", nieuw=dated[:aantal])
