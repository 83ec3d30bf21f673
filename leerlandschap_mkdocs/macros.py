"""Macros for the hand-written pages in docs/ (only pages with `render_macros: true`), for mkdocs-macros and Zensical.

Each macro renders one of our templates with the checked model and returns HTML, which the macros engine does not
render again, so content text is never evaluated as a template. The return value does go through Markdown (MkDocs
reads the page after the macros): a setting printed here goes through render.plain, which makes every punctuation
character a character reference, so a name such as `![x](x){: onerror=…}` stays text and never becomes an image,
a link or an attribute list. mkdocs.yml names this module through the thin
wiring file macros/main.py; the Zensical export names it directly (it loads no module by file path). The
configuration is read with item access, which MkDocs' config object and Zensical's plain dict both offer.
"""
from __future__ import annotations

import datetime
import functools
import html
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from leerlandschap.afspraken import open_agreements
from leerlandschap.begrippen import for_site
from leerlandschap.discover import shows_example
from leerlandschap.herkomst import Bestand
from leerlandschap.kinds import BIJEENKOMST, BOUWSTEEN, BRON, PRAKTIJK, TAFEL, VRAGENSET
from leerlandschap.model import Praktijk, Tafel
from leerlandschap.onderdelen import KIT_LICENCE, platform_of
from leerlandschap.onderdelen import onderdelen as parts_of_others
from leerlandschap.render import plain
from leerlandschap.sitedata import SiteCache, SiteData, load_site
from leerlandschap.voorbeeld import EXAMPLE_SITE_LABEL, example_site_note

from .plugin import LeerlandschapPlugin


def _content_dir(conf: Any) -> Path:
    # A generated config (scripts/zensical_build.py) names the content folder; otherwise it sits next to mkdocs.yml.
    configured = (conf["extra"] or {}).get("leerlandschap_content")
    return Path(configured) if configured else Path(conf["config_file_path"]).resolve().parent / "content"


def on_pre_page_macros(env: Any) -> None:  # mkdocs-macros: every page in docs/, before its macros and its Markdown
    """A fork's hand-written pages leave out what belongs to the example region only: the entries of Begrippen marked
    for it (begrippen.for_site). Zensical's macros have no such hook: its export copies docs/ through the same function
    (site.pages_for_site)."""
    env.markdown = for_site(env.markdown, shows_example(_content_dir(env.conf)))


def define_env(env: Any) -> None:  # mkdocs-macros' plugin object, or Zensical's stand-in: conf, page, macro
    conf = env.conf
    content_dir = _content_dir(conf)

    plugin = (conf.get("plugins") or {}).get("leerlandschap")  # absent in the Zensical export
    cache = plugin.cache if isinstance(plugin, LeerlandschapPlugin) else SiteCache()  # the plugin's: loaded once
    # The engine's decorator, typed (`env` is not): it registers a macro and returns the function unchanged
    macro: Callable[[Callable[..., str]], Callable[..., str]] = env.macro

    @functools.cache
    def site() -> SiteData:
        """The checked content, once per build (this function is defined anew for every build): the plugin's of this
        build when there is one (it loaded the content just before)."""
        loaded = plugin.loaded if isinstance(plugin, LeerlandschapPlugin) else None
        return loaded or load_site(content_dir, cache)

    def render(template: str, **context: object) -> str:
        return site().maker.render(template, here(), **context)

    def here() -> str:
        """Where a link in a macro's HTML starts from. MkDocs leaves such a link as it is: from the page's URL
        (`over/`). Zensical reads it as it reads a Markdown link, from the page's source file, and rewrites it for the
        page's URL: from docs/over.md that is the site's root (a link from `over/` became ../../licenties/...)."""
        if env.page is None:
            return ""
        if isinstance(plugin, LeerlandschapPlugin) or not isinstance(getattr(env.page, "path", None), str):
            return str(env.page.url)
        folder = posixpath.dirname(env.page.path)
        return f"{folder}/" if folder else ""

    @macro
    def site_naam() -> str:
        """The site's name (from the region file) as inert text.

        The plugin's on_config (and the Zensical export) already escaped it for the theme: unescaped once, then plain().
        """
        return str(plain(html.unescape(str(conf["site_name"]))))

    @macro
    def regio_naam() -> str:
        """The region's name as inert text (macro results are read as Markdown)."""
        return str(plain(site().content.regio.naam))

    @macro
    def regio_contact() -> str:
        """Who to contact and how, from the region file: a role and a link, never a personal name.

        'mail naar <a href="mailto:x">x</a> (team leerlandschap)', or for a web form
        'gebruik <a href="https://...">het contactformulier</a> (team leerlandschap)'.
        """
        contact = site().content.regio.contact
        if contact is None:
            return "vraag het de beheerders van deze site"
        who = plain(contact.rol[0].lower() + contact.rol[1:])
        if not contact.adres:
            return str(Markup("vraag het de ") + who)
        if contact.is_formulier:
            how = Markup('gebruik <a href="{}">het contactformulier</a>').format(contact.link)
        else:
            how = Markup('mail naar <a href="{}">{}</a>').format(contact.link, plain(contact.adres))
        label = Markup(' <strong class="ll-voorbeeld-label">(een voorbeeldadres: het werkt niet)</strong>')
        return str(how + Markup(" (") + who + Markup(")") + (label if contact.voorbeeld else Markup("")))

    @macro
    def belofte(naam: str) -> str:
        """A promise the region file makes (beloften.<naam>), as inert text; '' when the region promises nothing there."""
        return str(plain(getattr(site().content.regio.beloften, naam, "")))

    def example_note() -> Markup:
        """On the example site, the labelled note that the region it shows did not make it; empty on a region's own."""
        regio = site().content.regio
        if not regio.is_voorbeeldregio:
            return Markup("")
        return Markup('<strong class="ll-voorbeeld-label">{}</strong> ').format(EXAMPLE_SITE_LABEL) + plain(
            example_site_note(regio.naam))

    @macro
    def voorbeeldsite() -> str:
        """The note of example_note as inert text, for the statements that would otherwise speak for the example
        region (Over, Privacy, Toegankelijkheid); '' on a region's own site, so `{% if voorbeeldsite() %}` chooses."""
        return str(example_note())

    @macro
    def bewerkpagina() -> str:
        """'ja' when the site has the editing page /beheer/ (the npm packages were there at build time), else ''."""
        return "ja" if site().maker.editor else ""

    @macro
    def beheer_platform() -> str:
        """Where the editing page /beheer/ sends an editor's sign-in and work: "GitHub", "GitLab" or the region's own
        GitLab server, as inert text; '' when the site has no editing page or it keeps everything in the browser
        (proef). The privacy statement names it: the one page that talks to another party."""
        data = site()
        beheer = data.content.regio.beheer
        if not data.maker.editor or beheer.platform not in ("github", "gitlab"):
            return ""
        if beheer.platform == "github":
            return "GitHub"
        return str(plain(f"GitLab ({urlsplit(beheer.server).netloc})" if beheer.server else "GitLab"))

    @macro
    def herkomst() -> str:
        """Over: where the bouwstenen, tafels and praktijken come from, of what this site holds (over-herkomst.html)."""
        c = site().content
        bronnen = c.of(BRON)
        ids = dict.fromkeys(b.bron for b in c.of(BOUWSTEEN).values())
        items: list[Tafel | Praktijk] = [*c.of(TAFEL).values(), *c.of(PRAKTIJK).values()]
        others = [i.regio for i in items if not i.voorbeeld and not c.is_eigen(i)]
        herkomsten = [text for text, found in (
            ("uit de regio zelf", any(c.is_eigen(i) for i in items)),  # is_eigen: never an example
            ("uit een andere regio", any(regio != "landelijk" for regio in others)),
            ("uit een landelijk netwerk of programma", "landelijk" in others),
        ) if found]
        invented = [i.bron for i in [*items, *c.of(BIJEENKOMST).values()] if i.voorbeeld and i.bron]
        return render("over-herkomst.html", bouwsteen_bronnen=[bronnen[i] for i in ids if i in bronnen],
                      herkomsten=herkomsten, voorbeeldbron=bronnen.get(invented[0]) if invented else None)

    @macro
    def onderdelen() -> str:
        """The parts of others in this site and their licences (the build serves the texts, site.extra_files)."""
        return render("onderdelen.html", onderdelen=parts_of_others(site().project, site().maker.editor))

    @macro
    def software(kit: str) -> str:
        """Over: the kit's licence (EUPL-1.2), linked to the text the site serves, and where the source of the site's
        scripts and styles is: the region's repository when the region file names one, else the kit's (`kit`, which
        the page names)."""
        repository = site().content.regio.site.repository
        return render("over-software.html", licentie=KIT_LICENCE, broncode=repository or kit, eigen=bool(repository))

    @macro
    def hosting() -> str:
        """Privacy: who runs the server of the site, when its address says so (GitHub Pages, GitLab Pages), as inert
        text; '' for an address of the region's own or the example's, of whose server the site knows nothing."""
        return platform_of(site().content.regio.site.adres)

    @macro
    def regio_intro() -> str:
        """The region's name, motto and description; on the example site below the note that it is an example."""
        return render("home-regio.html", voorbeeldsite=example_note())

    @macro
    def taken() -> str:
        """The home page's three entries: prepare a meeting, find good practices, keep a tafel up to date."""
        c = site().content  # only the region's own, real tafels count (examples and other regions' do not)
        return render("home-taken.html", aantal_open=sum(1 for v in open_agreements(c) if c.is_eigen(c.of(TAFEL)[v.tafel])))

    @macro
    def ingangen_per_rol() -> str:
        """One entry per role."""
        return render("home-rollen.html")

    @macro
    def themas() -> str:
        """The themas with their bouwstenen."""
        return render("home-themas.html")

    @macro
    def nieuw(aantal: int = 6) -> str:
        """The latest practices, vragensets and meetings with an outcome, newest first."""
        c = site().content
        dated: list[tuple[str, Bestand, datetime.date]] = [("praktijk", p, p.datum) for p in c.of(PRAKTIJK).values()]
        dated += [("vragenset", s, s.datum) for s in c.of(VRAGENSET).values()]
        dated += [("bijeenkomst", m, m.datum) for m in c.of(BIJEENKOMST).values()
                  if m.heeft_uitkomst]
        dated.sort(key=lambda entry: (entry[2], getattr(entry[1], "id", "")), reverse=True)
        return render("home-nieuw.html", nieuw=dated[:aantal])
