"""The ready sets of reflection questions: one definition for every place that shows or hands them out.

A ready set is a curated vragenset (content/vragensets/) or the questions of one rol, thema or bouwsteen. The set
overview (overzicht-vragensets.html) lists them, each set's own page shows it, and vragen.json (vragendata.py)
carries them to "Pas deze set aan" in the browser: all read `ready_sets`, so they cannot drift apart.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import urls
from .kinds import BOUWSTEEN, BRON, ROL, THEMA, VRAGENSET
from .model import Bouwsteen, Content, Reflectievraag, Rol, Thema
from .relations import Relations
from .voorbeeld import shown_title

Pair = tuple[Bouwsteen, Reflectievraag]

FREE_TEXT = "tekst:"  # a question without a page (a vragenset's extra_vragen) is this prefix + its text
GROUPS = ("samengesteld", "rol", "thema", "bouwsteen")  # the overview's sections, in its order


@dataclass(frozen=True)
class ReadySet:
    group: str  # one of GROUPS
    kind: str  # the kind of the item whose page shows the set
    id: str
    titel: str
    vragen: tuple[tuple[Bouwsteen, Reflectievraag], ...]
    extra: tuple[str, ...] = ()  # questions without a page of their own (a vragenset's extra_vragen)
    werkwijze: str = ""  # Markdown
    tekst: str = ""  # what the set is for
    info: str = ""  # "60 minuten, bestuurlijk overleg"
    rollen: tuple[str, ...] = ()  # role titles
    theme_titles: tuple[str, ...] = ()  # thema titles
    samengesteld: bool = False  # composed by this site from questions of a source
    werkwijze_voorbeeld: bool = False  # the werkwijze was written as an example (its bron is a voorbeeld)

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.id}"

    @property
    def url(self) -> str:
        return urls.item_url(self.kind, self.id)

    @property
    def refs(self) -> list[str]:
        """The set as "Mijn vragenset" holds it: question ids, then the extra questions as free text."""
        return [b.vraag_ref(v) for b, v in self.vragen] + [FREE_TEXT + e for e in self.extra]

    @property
    def aantal(self) -> int:
        return len(self.vragen) + len(self.extra)


def ready_sets(c: Content, r: Relations) -> list[ReadySet]:
    """Every ready set, grouped in the order of GROUPS; within a group in the site's order of its items."""
    def role_titles(ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(shown_title(c.of(ROL)[i]) for i in dict.fromkeys(ids))

    def theme_titles(pairs: Sequence[Pair]) -> tuple[str, ...]:
        return tuple(shown_title(c.of(THEMA)[t]) for t in r.themas_of(c, [b.id for b, _ in pairs]))

    def of_questions(group: str, kind: str, item: Rol | Thema | Bouwsteen, titel: str, pairs: Sequence[Pair],
                     tekst: str = "", rollen: tuple[str, ...] | None = None) -> ReadySet:
        return ReadySet(group, kind, item.id, titel, tuple(pairs), tekst=tekst, theme_titles=theme_titles(pairs),
                        rollen=rollen if rollen is not None else role_titles(x for _, v in pairs for x in v.rollen))

    sets = []
    for s in c.of(VRAGENSET).values():
        pairs = [pair for pair in map(c.vraag, s.vragen) if pair]
        info = ", ".join(x for x in (f"{s.duur_minuten} minuten" if s.duur_minuten else "", s.werkvorm or "") if x)
        sets.append(ReadySet("samengesteld", "vragenset", s.id, shown_title(s), tuple(pairs), extra=tuple(s.extra_vragen),
                             werkwijze=s.werkwijze, tekst=s.doel, info=info, rollen=role_titles(s.rollen),
                             theme_titles=theme_titles(pairs), samengesteld=s.samengesteld,
                             werkwijze_voorbeeld=bool(s.werkwijze) and c.of(BRON)[s.werkwijze_bron or s.bron].soort == "voorbeeld"))
    for rol in c.of(ROL).values():
        pairs = [(b, v) for t in c.of(THEMA) for b, v in r.vragen_by_rol[rol.id] if b.thema == t]
        if pairs:
            sets.append(of_questions("rol", "rol", rol, f"Vragen voor {rol.meervoud.lower()}", pairs, rollen=(shown_title(rol),)))
    for t in c.of(THEMA).values():
        pairs = [(b, v) for b in r.bouwstenen_by_thema[t.id] for v in b.reflectievragen]
        if pairs:
            sets.append(of_questions("thema", "thema", t, f"Vragen bij het thema ‘{shown_title(t)}’", pairs, t.samenvatting))
    for b in c.of(BOUWSTEEN).values():
        if b.reflectievragen:
            sets.append(of_questions("bouwsteen", "bouwsteen", b, f"Vragen bij de bouwsteen ‘{shown_title(b)}’",
                                     [(b, v) for v in b.reflectievragen], b.samenvatting))
    return sets
