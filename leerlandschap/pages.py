"""Every generated page of the site, as plain data: URL, title, HTML body, and where it comes from.

A page is born here: `generate_pages` walks the model, picks the template named after the item's kind
(templates/<kind>.html, overviews templates/overzicht-<section>.html) and gives it the item, the whole content (`c`),
the computed relations (`r`) and its own URL (`here`, for relative links). The MkDocs glue wraps them as virtual files.
"""
from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from . import urls
from .afspraken import Verloop, agreements, open_agreements, timeline
from .buren import Buren
from .feed import recent
from .herkomst import Bestand
from .kinds import BIJEENKOMST, BOUWSTEEN, PRAKTIJK, ROL, TAFEL, THEMA, VRAGENSET, active
from .landschap import conclusions, coverage, dekking_chart, gaps, other_tafels, tafel_counts, tafels_chart
from .model import Bouwsteen, Content, Reflectievraag, Tafel
from .opendata import describe_files
from .readysets import GROUPS, ReadySet, ready_sets
from .relations import Relations, compute
from .render import environment
from .schemas import Schema
from .voorbeeld import EXAMPLE_PREFIX, meeting_title, shown_title

# Words from the sources that many readers do not know. Content keeps them (it is true to its sources); a page that
# uses one links it to its explanation on the Begrippen page (docs/begrippen.md): word as shown -> anchor there.
# A word matches at the start of a word, in any case ("leertafels" links "leertafel"); abbreviations as the sources
# write them. Every anchor is a `## Term {#anchor}` heading there (tests/test_glossary.py); a fork's pages link none
# that its page leaves out (jargon_in's `hidden`: the entries of the example region, begrippen.py).
JARGON = {"domeinoverstijgend": "domeinoverstijgend", "governance": "governance", "PDCA-cyclus": "pdca-cyclus",
          "transformatie": "transformatie", "lerende omgeving": "lerende-omgeving", "leerlandschap": "leerlandschap",
          "thematafel": "thematafel", "leertafel": "leertafel", "intervisie": "intervisiegroep",
          "ontwikkelsessie": "ontwikkelsessie", "contractvoortgangsgesprek": "contractvoortgangsgesprek",
          "vast overleg": "vast-overleg", "pijler": "pijler", "ervaringsdeskundige": "ervaringsdeskundige",
          "aanbieder": "aanbieder", "verwijzer": "verwijzer", "CLM": "clm", "JB/JR": "jb-jr", "FAJ": "faj",
          "GGD": "ggd", "RvdK": "rvdk", "NJi": "nji", "KDC": "kdc", "JGGZ": "jggz"}


_BLOCKS = ("address|article|aside|blockquote|caption|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form"
           "|h[1-6]|header|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul")
# Before an opening block tag (or <br>, <hr>) that follows a non-space. The pattern starts with the "<" itself and
# looks back from there: a regular expression that starts with a look-behind is tried at every character (4x slower).
_BEFORE_BLOCK = re.compile(rf"<(?<=\S<)(?=(?:{_BLOCKS}|br|hr)[\s/>])")
_AFTER_BLOCK = re.compile(rf"(</(?:{_BLOCKS})>|<(?:br|hr)\s*/?>)(?=\S)")  # a closing tag before a non-space


def one_block(html: str) -> str:
    """A rendered page as one HTML block without blank lines, so Markdown passes it through untouched, with a line
    break at every edge of a block-level element where text would otherwise touch it: the search index would read
    `<dt>Status</dt><dd>actief</dd>` as "Statusactief". Browsers ignore this whitespace between blocks; inside
    <pre> our HTML has no raw block tags."""
    html = _AFTER_BLOCK.sub("\\1\n", _BEFORE_BLOCK.sub("\n<", html))
    return "\n".join(line for line in html.splitlines() if line.strip())


_ID = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)+")  # a reference such as "organiseer-de-governance": not shown as text


def texts_of(*things: object) -> str:
    """Every text in items (dataclasses), tuples and strings, joined: what a page can show of them (no ids, no files)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            if not _ID.fullmatch(value):
                found.append(value)
        elif isinstance(value, (tuple, list)):
            for part in value:
                walk(part)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                if f.name != "herkomst":
                    walk(getattr(value, f.name))

    walk(things)
    return "\n".join(found)


# Every hard word in the text (one pass), then which words those are: the same answer as one search per word, without
# reading a long text once per word. The lookahead finds every start, also inside another match; it only looks where a
# word starts with a letter a hard word starts with (each does: `(?<!\w)` is then the word boundary `\b`). No hard
# word starts another (checked below), so at most one matches at a start, and the one captured is that one.
_JARGON_FIRST = "".join(sorted({word[0] for word in JARGON}))
_JARGON_AT = re.compile(rf"(?<!\w)(?=[{re.escape(_JARGON_FIRST)}])(?=({'|'.join(map(re.escape, JARGON))}))", re.IGNORECASE)
_JARGON_WORDS = tuple((word, anchor, re.compile(re.escape(word), re.IGNORECASE)) for word, anchor in JARGON.items())
assert all(w[0].isalpha() for w in JARGON) and not any(
    a != b and b.casefold().startswith(a.casefold()) for a in JARGON for b in JARGON), "jargon_in needs other code"


def jargon_in(text: str, hidden: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(word, anchor) for each hard word the text uses, in the order of JARGON; not the words whose entry the site's
    Begrippen page leaves out (`hidden`, their anchors: a fork's, begrippen.py)."""
    written = {found.group(1) for found in _JARGON_AT.finditer(text)}  # each hard word as the text writes it
    return [(word, anchor) for word, anchor, pattern in _JARGON_WORDS
            if anchor not in hidden and any(pattern.fullmatch(w) for w in written)]


@dataclass(frozen=True)
class GeneratedPage:
    url: str  # directory-style, e.g. "bouwstenen/coordineer-het-leren/"
    title: str  # plain text
    body: str  # HTML
    description: str = ""
    source: str | None = None  # content file this page comes from, relative to the project (model.Herkomst.pad)

    @property
    def src_uri(self) -> str:
        return urls.src_uri(self.url)

    def markdown(self, body: str | None = None) -> str:
        """Page source for a Markdown-based generator: escaped front matter plus one raw HTML block.

        Themes insert page titles unescaped (MkDocs' Jinja has no autoescape), so titles are
        escaped here; JSON strings are valid YAML, which makes the front matter safe to parse.
        `body` replaces the HTML, e.g. by a placeholder when the glue inserts the HTML after Markdown.
        """
        meta = {"title": str(escape(self.title)), "description": str(escape(self.description)), "hide": ["toc"]}
        front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())
        return f"---\n{front}\n---\n\n{self.body if body is None else body}\n"


class PageMaker:
    def __init__(self, content: Content, relations: Relations | None = None, buren: Buren | None = None,
                 editor: bool = False, hidden: frozenset[str] = frozenset()):
        self.c = content
        self.hidden = hidden  # the glossary anchors the site's Begrippen page leaves out: its pages do not link them
        self.editor = editor  # the site has the editing page /beheer/: item pages link into it (_beheer.html)
        self.r = relations or compute(content)
        self.kinds = active()  # the kinds in use when the maker was made (kinds.py)
        self.env = environment(self.kinds.template_dirs)
        self.buren = buren or Buren()  # other regions' items, read at build time (buren.py)
        # The learning cycle as the region names its phases (rules.py holds them to what a meeting may have), in order.
        self.fasen = [f.naam.strip().lower() for f in content.regio.fasen] or Schema.load(BIJEENKOMST.name).schema["properties"]["fase"]["enum"]
        self.afspraken = agreements(content)
        self.moments = {t: timeline(self.r.bijeenkomsten_by_tafel[t], self.afspraken.get(t, [])) for t in content.of(TAFEL)}
        self.sets = ready_sets(content, self.r)  # one definition (readysets.py) for pages, overview and vragen.json
        self.set_at = {s.url: s for s in reversed(self.sets)}  # page URL -> the (first) set that page shows

    def render(self, template: str, here: str, **context: object) -> str:
        # `buren` is for the section "Bij de buren" (_buren.html) on bouwsteen pages and for the /buren/ pages.
        html = self.env.get_template(template).render(c=self.c, r=self.r, here=here, buren=self.buren,
                                                            editor=self.editor, **context)
        return one_block(html)

    def page(self, kind: str, item: Any, title: str, description: str = "", of: Bestand | None = None,
             **context: Any) -> GeneratedPage:  # item: a model item, or an overview's object with `ident` given
        """The page of `item`; `of` is the item whose file it comes from, when that is not `item` itself."""
        url = urls.item_url(kind, item.id if hasattr(item, "id") else context.pop("ident"))
        origin = (of or item).herkomst
        if getattr(of or item, "voorbeeld", False) and description and not description.startswith(EXAMPLE_PREFIX):
            description = EXAMPLE_PREFIX + description  # the meta description, as a search engine shows it, says so too
        context["begrippen"] = context["begrippen"] if "begrippen" in context else jargon_in(texts_of(item), self.hidden)
        context.setdefault("readyset", self.set_at.get(url))  # its title is the one the overview and vragen.json use
        return GeneratedPage(url, title, self.render(f"{kind}.html", url, item=item, **context), description,
                             origin.pad if origin else None)

    def calendar(self, name: str) -> dict[str, str]:
        """Links to the calendar agenda/<name>.ics: the file in the site, and as a subscription (webcal://) with
        its full https address to copy. A subscription needs the site's published address (site.adres in the
        region file), also under `mkdocs serve`: a calendar app cannot subscribe to a local preview. Without an
        address only the download is offered."""
        path = f"agenda/{name}.ics"
        site = self.c.regio.site
        return {"pad": path, "adres": site.absolute(path), "webcal": site.webcal(path)}

    def role_titles(self, ids: Iterable[str]) -> list[str]:
        return [shown_title(self.c.of(ROL)[i]) for i in dict.fromkeys(ids)]

    def thema_titles(self, bouwsteen_ids: Iterable[str]) -> list[str]:
        return [shown_title(self.c.of(THEMA)[t]) for t in self.r.themas_of(self.c, bouwsteen_ids)]

    def items(self) -> list[tuple[str, str, Bestand]]:
        """Every item that has pages of its own, in the site's order, as (kind, id, item): what preview.py re-renders."""
        return [(kind.name, ident, item) for kind in self.kinds.page_kinds for ident, item in self.c.of(kind).items()]

    def all_pages(self) -> list[GeneratedPage]:
        return [page for kind, _, item in self.items() for page in self.pages_of(kind, item)] + self.overview_pages()

    def pages_of(self, kind: str, item: Any) -> list[GeneratedPage]:  # item: the model class of `kind`
        """The pages of one item: its own page (a bouwsteen also has one per reflection question). A kind whose
        page needs more than its item has a method below; any other kind gets a page from its own template."""
        special = {BOUWSTEEN: self._bouwsteen, ROL: self._rol, PRAKTIJK: self._praktijk, VRAGENSET: self._vragenset,
                   TAFEL: self._tafel, BIJEENKOMST: self._bijeenkomst}
        k = self.kinds.by_name[kind]
        if k in special:
            return special[k](item)
        title = shown_title(item) if k.title_field == "titel" else getattr(item, k.title_field)  # the label: voorbeeld.py
        return [self.page(k.name, item, title, getattr(item, k.summary_field, ""))]

    def _bouwsteen(self, b: Any) -> list[GeneratedPage]:
        rollen = [rol for v in b.reflectievragen for rol in v.rollen] + [lv.rol for lv in b.leervragen]
        return [self.page(BOUWSTEEN.name, b, shown_title(b), b.samenvatting, rollen=self.role_titles(rollen)),
                # no Begrippen on a question's page: walking the whole bouwsteen for each question was quadratic
                *(self.page(urls.QUESTION, (b, v), v.vraag, f"Reflectievraag bij de bouwsteen ‘{shown_title(b)}’",
                            of=b, ident=b.vraag_ref(v), rollen=self.role_titles(v.rollen), begrippen=[])
                  for v in b.reflectievragen)]

    def _rol(self, item: Any) -> list[GeneratedPage]:
        c, r = self.c, self.r
        per_thema: dict[str, list[tuple[Bouwsteen, Reflectievraag]]] = {}
        for b, v in r.vragen_by_rol[item.id]:
            per_thema.setdefault(b.thema, []).append((b, v))
        return [self.page(ROL.name, item, item.meervoud, item.beschrijving,
                          vragen_per_thema=[(c.of(THEMA)[t], per_thema[t]) for t in c.of(THEMA) if t in per_thema])]

    def _praktijk(self, item: Any) -> list[GeneratedPage]:
        return [self.page(PRAKTIJK.name, item, shown_title(item), item.samenvatting, themas=self.thema_titles(item.bouwstenen))]

    def _vragenset(self, item: Any) -> list[GeneratedPage]:
        bouwstenen = [ref.partition("/")[0] for ref in item.vragen]
        return [self.page(VRAGENSET.name, item, shown_title(item), item.doel,
                          themas=self.thema_titles(bouwstenen), rollen=self.role_titles(item.rollen))]

    def _tafel(self, tafel: Any) -> list[GeneratedPage]:
        moments = self.moments[tafel.id]
        met_fase = [mo.bijeenkomst for mo in moments if mo.bijeenkomst.fase]
        verlopen = self.afspraken.get(tafel.id, [])
        return [self.page(TAFEL.name, tafel, shown_title(tafel), tafel.samenvatting,
                          themas=self.thema_titles(tafel.bouwstenen),
                          rollen=self.role_titles(d.rol for d in tafel.deelnemers), moments=moments,
                          verlopen=[v for v in verlopen if v.is_open] + [v for v in verlopen if not v.is_open],
                          fasen=self.fasen, laatste_fase=met_fase[-1].fase if met_fase else None,
                          fase_bijeenkomst=met_fase[-1] if met_fase else None,
                          agenda=self.calendar(tafel.id),
                          begrippen=jargon_in(texts_of(tafel, *(mo.bijeenkomst for mo in moments)), self.hidden))]

    def _bijeenkomst(self, m: Any) -> list[GeneratedPage]:
        tafel = self.c.of(TAFEL)[m.tafel]
        title = meeting_title(m, tafel.titel if m.voorbeeld else shown_title(tafel))
        moment = next(mo for mo in self.moments[m.tafel] if mo.bijeenkomst is m)
        return [self.page(BIJEENKOMST.name, m, title, f"{shown_title(tafel)}, {m.datum.isoformat()}",
                          themas=self.thema_titles(m.opbrengst.bouwstenen),
                          rollen=self.role_titles(m.deelnemers), moment=moment)]

    def overview_pages(self) -> list[GeneratedPage]:
        """Pages about many items at once (overviews, agreements, landscape, news, open data, neighbours)."""
        c, r = self.c, self.r
        pages = []
        tafels_per_soort: dict[str, list[Tafel]] = {}
        for tafel in c.of(TAFEL).values():
            tafels_per_soort.setdefault(tafel.soort, []).append(tafel)
        sets = self.ready_sets()
        for kind in self.kinds.item_kinds:
            if not kind.overview:
                continue
            url = urls.overview_url(kind.name)
            pages.append(GeneratedPage(url, kind.overview, self.render(kind.overview_template, url, sets=sets,
                                                                       tafels_per_soort=list(tafels_per_soort.items()),
                                                                       agenda=self.calendar("alle-tafels"))))
        open_per_rol: dict[str | None, list[Verloop]] = {}
        for verloop in open_agreements(c):
            open_per_rol.setdefault(verloop.eigenaar, []).append(verloop)
        pages.append(GeneratedPage("afspraken/", "Openstaande afspraken", self.render(
            "overzicht-afspraken.html", "afspraken/",
            open_per_rol=[(c.of(ROL).get(rol or ""), verlopen) for rol, verlopen in open_per_rol.items()])))
        dekking = coverage(c, r)
        tafels = tafel_counts(c)
        pages.append(GeneratedPage("landschap/", "Het landschap in één oogopslag", self.render(
            "landschap.html", "landschap/", tafels=tafels, dekking=dekking, conclusies=conclusions(c, dekking),
            elders=other_tafels(c),
            grafiek_tafels=tafels_chart(tafels["soort"]), grafiek_dekking=dekking_chart(dekking))))
        pages.append(GeneratedPage("landschap/aandacht/", "Wat ontbreekt nog?", self.render(
            "landschap-aandacht.html", "landschap/aandacht/", aandacht=gaps(c, r, dekking))))
        pages.append(GeneratedPage("nieuw/", "Nieuw en bijgewerkt", self.render("nieuw.html", "nieuw/", nieuws=recent(c))))
        pages.append(GeneratedPage("data/", "Open data", self.render("data.html", "data/", bestanden=self.data_files(),
                                                                    landelijk=active().national)))
        return pages + self.buren_pages()

    def buren_pages(self) -> list[GeneratedPage]:
        """/buren/: the regions side by side; buren/<slug>/: all of one neighbour (links go to its own site)."""
        pages = [GeneratedPage("buren/", "Gluren bij de buren", self.render(
            "buren.html", "buren/", vergelijking=self.buren.vergelijking(self.c, self.r)),
            "Wat andere regio's doen bij dezelfde bouwstenen.")]
        for buur in self.buren.buren:
            url = f"buren/{buur.slug}/"
            pages.append(GeneratedPage(url, f"Bij de buren: {buur.naam}", self.render("buren.html", url, buur=buur),
                                       f"Praktijken, tafels en opbrengsten van {buur.naam}."))
        return pages

    def data_files(self) -> list[dict[str, Any]]:
        """What the open-data page documents: each file's fields, described by its export schema (opendata.py)."""
        return describe_files()

    def ready_sets(self) -> dict[str, list[ReadySet]]:
        """Every set a meeting can use (readysets.py), per section of the overview."""
        groups: dict[str, list[ReadySet]] = {group: [] for group in GROUPS}
        for s in self.sets:
            groups[s.group].append(s)
        return groups

def generate_pages(content: Content) -> list[GeneratedPage]:
    return PageMaker(content).all_pages()
