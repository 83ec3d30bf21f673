"""The editing page /beheer/: Sveltia CMS, configured at build time from our JSON Schemas.

Forms can never drift from the model: every collection comes from the registry of kinds (kinds.py) and every
field from schemas/<kind>.schema.json. How a schema property becomes a form field:

  x-verwijzing                       choice from the existing items of that kind, showing titles (a list:
                                     multiple); never a new item from inside another form (see `choice_name`)
  enum                               select
  format: date                       date field typed as dd-mm-jjjj, stored as YYYY-MM-DD (our field type "datum")
  "Markdown" in the description      Markdown editor
  pattern (+ x-foutmelding)          text field that checks the pattern, with our Dutch message
  maxLength / minLength              text field with Sveltia's limit and character counter; a Markdown field has
                                     no such option, so there a pattern checks the length (cms_hints.length)
  integer                            whole number (minimum/maximum kept)
  object / array of objects          group of fields / list of groups (the items' title names one item)
  array of strings                   list of text fields
  minItems / maxItems                Sveltia's `min` / `max` of a list, a relation or a select with `multiple`
  required (in the schema)           required; everything else `required: false`

Hints and messages come from the schema, rewritten for a form by cms_hints.py (no advice about quotes or date
notation that only applies when typing YAML). Output settings keep what Sveltia writes acceptable to `make check`:
empty optional fields are left out and every string is quoted (a time such as 13:00 stays text). What else the checker
refuses, the page refuses or cleans before saving, by the checker's own definitions (cms_rules.py).

Where it saves comes from the region file's `beheer` block (model.Beheer): GitHub (token), GitLab (PKCE with the
region's OAuth application, or a token) — both through pull/merge requests — or `proef`, Sveltia's test
repository in the browser, seeded with the site's own content. cms_page.py puts the page and its files together.

The package is pure Python and never imports MkDocs; the plugin (leerlandschap_mkdocs) copies the files into the site.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import cms_hints, kinds
from .cms_backend import backend
from .discover import ASSETS, REGIO_DIR, REGIO_FILE, content_roots
from .kinds import TAFEL, Kind
from .model import Content
from .patterns import ID, WINDOWS_NAMES
from .schemas import read_schema
from .textcheck import is_markdown
from .voorbeeld import shown_title

SECTION = "beheer"  # the page's folder in the site: /beheer/
PACKAGE = Path("node_modules") / "@sveltia" / "cms"  # pinned in package.json, installed by `npm ci`

# The order editors see (kinds.Kind.cms_rank): what coordinators do most comes first. Icons: kinds.Kind.icon.
ORDER = kinds.DEFAULT.editor_order
# What our Markdown renders (render.py); images and code blocks are left out of the editor's toolbar.
MARKDOWN_BUTTONS = ["bold", "italic", "link", "heading-three", "heading-four", "bulleted-list", "numbered-list", "quote"]


class UnsupportedSchema(ValueError):
    """A schema construct this module cannot turn into a form field yet: extend `field_for`."""


def label_of(name: str, prop: dict[str, Any]) -> str:
    """The form label: the property's own `title`, else its name in words ('herzien_voor' -> 'Herzien voor')."""
    return str(prop.get("title") or name.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Targets:
    """The collection each kind's references point at (x-verwijzing -> relation field)."""

    by_kind: dict[str, str]

    def relation(self, kind: str, *, multiple: bool) -> dict[str, Any]:
        if kind == "vraag":  # "bouwsteen-id/vraag-id": one option per reflection question of every bouwsteen
            return {"widget": "relation", "collection": self.by_kind["bouwsteen"],
                    "value_field": "{{slug}}/{{reflectievragen.*.id}}",
                    "display_fields": ["{{titel}}: {{reflectievragen.*.vraag}}"],
                    "search_fields": ["titel", "reflectievragen.*.vraag"], "multiple": multiple}
        if kind not in self.by_kind:
            raise UnsupportedSchema(f"x-verwijzing to unknown kind {kind!r}")
        return {"widget": "relation", "collection": self.by_kind[kind], "value_field": "{{slug}}",
                "display_fields": ["{{titel}}"], "search_fields": ["titel"], "multiple": multiple}


def field_for(name: str, prop: dict[str, Any], required: bool, targets: Targets) -> dict[str, Any]:
    """One Sveltia field for one schema property (see the table in the module docstring)."""
    out: dict[str, Any] = {"name": name, "label": label_of(name, prop)}
    widget = _widget(name, prop, targets)
    if prop.get("description"):
        out["hint"] = cms_hints.hint(prop["description"], widget["widget"])
    if not required:
        out["required"] = False
    out.update(widget)
    return out


def _pattern(prop: dict[str, Any]) -> dict[str, Any]:
    if "pattern" not in prop:
        return {}
    return {"pattern": [prop["pattern"], cms_hints.message(prop.get("x-foutmelding") or "Deze tekst heeft niet de goede vorm.")]}


def _widget(name: str, prop: dict[str, Any], targets: Targets) -> dict[str, Any]:
    kind = prop.get("type")
    if "x-verwijzing" in prop:
        return targets.relation(prop["x-verwijzing"], multiple=False)
    if "enum" in prop:
        return {"widget": "select", "options": list(prop["enum"])}
    if kind == "string" and prop.get("format") == "date":
        return {"widget": "datum"}  # ours (templates/beheer-datum.js): typed as dd-mm-jjjj, stored as YYYY-MM-DD
    if is_markdown(prop):
        return {"widget": "markdown", "modes": ["rich_text", "raw"], "buttons": MARKDOWN_BUTTONS, "editor_components": [],
                **cms_hints.too_long(prop)}
    if kind == "string":
        return {"widget": "string", **_pattern(prop), **cms_hints.length(prop)}
    if kind == "integer":
        limits = {k: prop[k] for k in ("minimum", "maximum") if k in prop}
        return {"widget": "number", "value_type": "int", **{k[:3]: v for k, v in limits.items()}}
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind == "object":
        return {"widget": "object", "fields": fields_for(prop, targets)}
    if kind == "array":
        return _list(name, prop, targets)
    raise UnsupportedSchema(f"no form field for a property of type {kind!r}")


def _list(name: str, prop: dict[str, Any], targets: Targets) -> dict[str, Any]:
    items = prop.get("items", {})
    size = {key[:3]: prop[key] for key in ("minItems", "maxItems") if key in prop}  # Sveltia's `min` and `max`
    # The items' title names one item: Sveltia counts "1 Afspraak" (not "1 Afspraken") and offers "Afspraak toevoegen".
    one = {"label_singular": items["title"]} if "title" in items else {}
    if "x-verwijzing" in items:
        return {**targets.relation(items["x-verwijzing"], multiple=True), **size}
    if "enum" in items:
        return {"widget": "select", "options": list(items["enum"]), "multiple": True, **size}
    if items.get("type") == "object":
        subfields = fields_for(items, targets)
        first_text = next((f["name"] for f in subfields if f["widget"] in ("string", "relation")), subfields[0]["name"])
        return {"widget": "list", "fields": subfields, "summary": f"{{{{fields.{first_text}}}}}", **one, **size}
    if items.get("type") == "string":
        item = {"name": "item", "label": label_of(name, prop), "widget": "string", **_pattern(items), **cms_hints.length(items)}
        return {"widget": "list", "field": item, **one, **size}
    raise UnsupportedSchema(f"no form field for a list of {items.get('type')!r}")


def fields_for(schema: dict[str, Any], targets: Targets) -> list[dict[str, Any]]:
    required = set(schema.get("required", []))
    return [field_for(name, prop, name in required, targets) for name, prop in schema.get("properties", {}).items()]


@dataclass(frozen=True)
class Layout:
    """Where each kind is edited: content/ upstream; in a fork regio/, with the national kinds read from content/."""

    own: str  # "content" or "regio": the folder editors write to
    national: str | None  # "content" in a fork (upstream's national items, shown read-only), else None

    @classmethod
    def of(cls, content_dir: Path) -> Layout:
        roots = content_roots(content_dir)
        project = content_dir.parent
        own = roots[-1].path.relative_to(project).as_posix()
        national = roots[0].path.relative_to(project).as_posix() if len(roots) > 1 else None
        return cls(own, national)


def slug_pattern(kind: Kind[Any]) -> str:
    reserved = "|".join(sorted(kind.reserved | WINDOWS_NAMES))
    return f"^(?!(?:{reserved})$){ID}$"


def collection_name(kind: Kind[Any], national: bool = False, choice: bool = False) -> str:
    return f"{kind.folder}-landelijk" if national else f"{kind.folder}-keuze" if choice else kind.folder


# A relation field can offer the items of one collection only. In a fork, references to the kinds upstream maintains
# point at upstream's items in content/ (shown read-only); a region cites its own sources, so `bron` points at
# regio/bronnen/ (`make regio` puts the region's own bron there).
# Sveltia offers "<item> toevoegen" beside a relation field when the target collection allows creating items: a
# meeting form would then make a new, site-wide role. So references point at a hidden copy of each collection
# (`<folder>-keuze`) that allows no creating: people choose from the existing items only.
def upstream_targets() -> tuple[Kind[Any], ...]:
    return tuple(k for k in kinds.active().item_kinds if k.national and k is not kinds.BRON)


def targets_for(layout: Layout) -> Targets:
    upstream = upstream_targets()
    return Targets({k.name: collection_name(k, national=bool(layout.national) and k in upstream,
                                            choice=not (layout.national and k in upstream))
                    for k in kinds.active().item_kinds})


def _choice_collection(kind: Kind[Any], schema: dict[str, Any], root: str, targets: Targets) -> dict[str, Any]:
    return {**_folder_collection(kind, schema, root, targets), "name": collection_name(kind, choice=True),
            "description": "Alleen om uit te kiezen in andere formulieren.",
            "create": False, "delete": False, "duplicate": False, "hide": True}


def _folder_collection(kind: Kind[Any], schema: dict[str, Any], root: str, targets: Targets, *, national: bool = False,
                       names: list[str] | None = None) -> dict[str, Any]:
    titled = "titel" in schema["properties"]
    label = kind.overview or kind.folder.capitalize()
    collection: dict[str, Any] = {
        "name": collection_name(kind, national), "label": f"{label} (landelijk)" if national else label,
        "label_singular": schema["title"], "description": schema.get("description", ""), "icon": kind.icon,
        "folder": f"{root}/{kind.folder}", "extension": "yml", "format": "yml", "fields": fields_for(schema, targets),
    }
    # The file name is the id: made from the title (editable when the item is created), or for aanvullingen typed
    # by the editor (the id of the bouwsteen it adds to). Never an id the site uses itself (kinds.reserved).
    slug: dict[str, Any] = {"editable": ["create"], "pattern": [slug_pattern(kind), cms_hints.slug_message(kind)] if names is None else
                            [f"^(?:{'|'.join(names)})$", cms_hints.bouwsteen_name_message(names)]}
    if titled:
        collection.update(identifier_field="titel", slug={"template": "{{titel}}", **slug})
    else:
        collection.update(slug=slug, summary="{{slug}}")
    if national:
        collection.update(description="Landelijke inhoud van upstream: hier alleen om naar te verwijzen. Pas deze niet aan in jullie regio.",
                          create=False, delete=False, duplicate=False, hide=True)
    return collection


def _meeting_collections(content: Content, schema: dict[str, Any], targets: Targets) -> list[dict[str, Any]]:
    """One collection per tafel folder (tafels/<tafel>/), each meeting named by its date."""
    out = []
    for tafel in content.of(TAFEL).values():
        assert tafel.herkomst is not None  # the loader sets it on every item
        folder = tafel.herkomst.pad.rsplit(".", 1)[0]
        out.append({
            # Labelled by the tafel (the sidebar cuts long labels short); the calendar icon and the dividers around
            # the group say these are meetings.
            "name": f"{kinds.BIJEENKOMST.folder}-{tafel.id}", "label": shown_title(tafel), "label_singular": schema["title"],
            "description": f"De bijeenkomsten van deze tafel. {schema.get('description', '')}", "icon": kinds.BIJEENKOMST.icon,
            "folder": folder,
            "extension": "yml", "format": "yml", "identifier_field": "datum", "slug": "{{fields.datum}}",
            "summary": "{{datum | date('DD-MM-YYYY')}} {{titel}}",  # as the form writes a date (cms_hints.DATE)
            "sortable_fields": {"fields": ["datum"], "default": {"field": "datum", "direction": "descending"}},
            "fields": fields_for(schema, targets)})
    return out


def _regio_collection(schema: dict[str, Any], root: str, targets: Targets) -> dict[str, Any]:
    return {"name": kinds.REGIO.name, "label": "Regio", "description": schema.get("description", ""), "icon": kinds.REGIO.icon,
            "files": [{"name": "regio", "label": "Regiobestand", "file": f"{root}/{REGIO_FILE}", "format": "yml",
                       "fields": fields_for(schema, targets)}]}


def config(content: Content, content_dir: Path) -> dict[str, Any]:
    """The whole Sveltia CMS configuration for this project (written to /beheer/config.yml)."""
    layout = Layout.of(Path(content_dir))
    targets = targets_for(layout)
    regio = content.regio
    collections: list[dict[str, Any]] = []
    for kind in kinds.active().editor_order:
        schema = read_schema(kind.name)
        if kind is kinds.BIJEENKOMST:
            collections += [{"divider": True}, *_meeting_collections(content, schema, targets), {"divider": True}]
        elif kind is kinds.REGIO:
            collections.append(_regio_collection(schema, layout.own, targets))
        elif kind is kinds.AANVULLING:  # its file name is the id of a bouwsteen the site shows (crosscheck.check_layers)
            collections.append(_folder_collection(kind, schema, layout.own, targets, names=list(content.of(kinds.BOUWSTEEN))))
        else:
            collections.append(_folder_collection(kind, schema, layout.own, targets))
    if layout.national:
        collections += [_folder_collection(k, read_schema(k.name), layout.national, targets, national=True)
                        for k in upstream_targets()]
    collections += [_choice_collection(k, read_schema(k.name), layout.own, targets) for k in kinds.active().item_kinds
                    if targets.by_kind[k.name] == collection_name(k, choice=True)]
    settings: dict[str, Any] = {
        "backend": backend(regio.beheer, regio.site.tak),
        "app_title": f"Bewerken: {regio.site.naam or regio.naam}",
        "media_folder": f"{REGIO_DIR}/{ASSETS}",
        "slug": {"encoding": "ascii", "clean_accents": True, "lowercase": True, "sanitize_replacement": "-", "trim": True,
                 "maxlength": 60},
        "output": {"omit_empty_optional_fields": True, "yaml": {"quote": "double"}},
        "collections": collections,
    }
    if regio.beheer.platform in ("github", "gitlab"):
        settings["publish_mode"] = "editorial_workflow"  # saving opens a pull (merge) request; our CI checks it
    if regio.site.adres:
        settings["site_url"] = regio.site.adres
    return settings


def config_yaml(settings: dict[str, Any]) -> str:
    header = ("# Sveltia CMS configuration for /beheer/, generated at build time by leerlandschap/cms.py from\n"
              "# schemas/*.schema.json and the region file. Do not edit: change the schemas or regio.yml instead.\n")
    return header + yaml.dump(settings, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=120)


class _PlainDumper(yaml.SafeDumper):
    """No anchors and aliases (&id001 / *id001) for lists shared between fields: every field spelled out."""

    def ignore_aliases(self, data: object) -> bool:
        return True
