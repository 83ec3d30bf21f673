"""The editing page's configuration, generated from the schemas: every property a field with the right widget.

Browser flows are in test_browser_cms.py; this file needs no browser and no Node.js (it reads the shared example site, built without them).
"""
import html
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import EXAMPLE_CONTENT, ROOT
from htmltools import parse_file
from leerlandschap import cms, cms_backend, cms_page, kinds
from leerlandschap.loader import check_content, load_content
from leerlandschap.regiomodel import Beheer
from leerlandschap.render import TEMPLATES
from leerlandschap.schemas import SCHEMA_DIR, Schema
from leerlandschap.yamlsource import read_yaml

SVELTIA_SCHEMA = ROOT / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"


@pytest.fixture(scope="module")
def upstream():
    content = load_content(EXAMPLE_CONTENT)
    return content, cms.config(content, EXAMPLE_CONTENT)


def by_name(collections):
    return {c["name"]: c for c in collections if "name" in c}  # dividers have no name


def schema_of(kind):
    return json.loads((SCHEMA_DIR / f"{kind.name}.schema.json").read_text(encoding="utf-8"))


def collection_for(config, kind):
    """The collection whose fields come from this kind's schema (for meetings: the first tafel's)."""
    named = by_name(config["collections"])
    if kind is kinds.REGIO:
        return named["regio"]["files"][0]
    if kind is kinds.BIJEENKOMST:
        return next(c for c in config["collections"] if c.get("name", "").startswith("bijeenkomsten-"))
    return named[kind.folder]


def expected_widget(prop, in_list=False):
    """The issue's rules, written out independently of leerlandschap/cms.py."""
    if "x-verwijzing" in prop:
        return "relation"
    if "enum" in prop:
        return "select"
    if prop.get("format") == "date":
        return "datum"  # our field type: typed as dd-mm-jjjj, saved as YYYY-MM-DD (test_browser_datum.py)
    if prop.get("type") == "string" and "Markdown" in prop.get("description", ""):
        return "markdown"
    return {"string": "string", "integer": "number", "boolean": "boolean", "object": "object"}.get(prop["type"]) or (
        "relation" if "x-verwijzing" in prop["items"] else "select" if "enum" in prop["items"] else "list")


# Advice that only applies when typing YAML; a form quotes text itself, has a date picker and lists titles to choose.
YAML_ADVICE = re.compile(r'aanhalingstekens|"|JJJJ-MM-DD|Markdown|content/|^Ids? van', re.IGNORECASE)


def form_hint_ok(hint, description):
    """No YAML advice, and the schema's first words are still there (the hint is the description, cleaned)."""
    description = re.sub(r"^Zet op true als ", "Vink aan als ", description)  # a yes/no field is a tick box
    first = re.sub(r"^Ids? van (de|het) ", "", description).split()[:1]
    return not YAML_ADVICE.search(hint) and all(word.strip('",.') in hint for word in first)


def check_fields(schema, fields, where, config):
    """Walk schema and generated fields side by side; return every mismatch as a readable line."""
    wrong = []
    names = [f["name"] for f in fields]
    if names != list(schema["properties"]):
        return [f"{where}: fields {names} != properties {list(schema['properties'])}"]
    required = set(schema.get("required", []))
    for field, (name, prop) in zip(fields, schema["properties"].items(), strict=True):
        path = f"{where}.{name}"
        if field["widget"] != expected_widget(prop):
            wrong.append(f"{path}: widget {field['widget']}, expected {expected_widget(prop)}")
        if field.get("required", True) != (name in required):
            wrong.append(f"{path}: required {field.get('required', True)}, schema says {name in required}")
        if not field.get("label") or bool(field.get("hint")) != bool(prop.get("description")):
            wrong.append(f"{path}: label/hint not from the schema")
        elif field.get("hint") and not form_hint_ok(field["hint"], prop["description"]):
            wrong.append(f"{path}: hint {field['hint']!r} gives YAML advice or lost the schema's words")
        items = prop.get("items", {})
        if "enum" in prop and field["options"] != prop["enum"]:
            wrong.append(f"{path}: options {field['options']}")
        if "pattern" in prop and (field.get("pattern", [None])[0] != prop["pattern"] or not form_hint_ok(field["pattern"][1], prop["x-foutmelding"])):
            wrong.append(f"{path}: pattern or Dutch message missing")
        # The schema's length limit is the form's too (the checker refuses a longer text): Sveltia's own option on a
        # text field, a pattern on a Markdown field (which has no such option).
        if field["widget"] == "string" and field.get("maxlength") != prop.get("maxLength"):
            wrong.append(f"{path}: maxlength {field.get('maxlength')} != maxLength {prop.get('maxLength')}")
        if field["widget"] == "markdown" and "maxLength" in prop and field.get("pattern") != [
                f"/^[\\s\\S]{{0,{prop['maxLength']}}}$/u",
                f"Deze tekst is te lang. Hier passen hoogstens {prop['maxLength']} tekens. Maak de tekst korter."]:
            wrong.append(f"{path}: the Markdown field does not check maxLength {prop['maxLength']}")
        if prop.get("format") == "date" and "dd-mm-jjjj, bijvoorbeeld 03-12-2026" not in field.get("hint", ""):
            wrong.append(f"{path}: the date's hint does not say how to type it")
        if prop.get("type") == "integer" and field.get("value_type") != "int":
            wrong.append(f"{path}: not a whole number")
        if prop.get("type") == "array" and field.get("min") != prop.get("minItems"):
            wrong.append(f"{path}: min {field.get('min')} != minItems {prop.get('minItems')}")
        if prop.get("type") == "array" and field.get("max") != prop.get("maxItems"):  # list, relation, select: `max`
            wrong.append(f"{path}: max {field.get('max')} != maxItems {prop.get('maxItems')}")
        target = prop.get("x-verwijzing") or items.get("x-verwijzing")
        if target:
            kind = kinds.BY_NAME["bouwsteen" if target == "vraag" else target]
            collections = by_name(config["collections"])
            target_collection = collections.get(field["collection"], {})
            if not target_collection.get("folder", "").endswith("/" + kind.folder):
                wrong.append(f"{path}: relation to {field['collection']}, expected the {kind.folder} collection")
            if target_collection.get("create") is not False:  # Sveltia would offer "<Rol> toevoegen" beside the field
                wrong.append(f"{path}: relation to a collection that allows creating items from this form")
            if field["multiple"] != (prop.get("type") == "array") or not field["display_fields"][0].startswith("{{titel}}"):
                wrong.append(f"{path}: relation multiple/display wrong")
        if prop.get("type") == "object":
            wrong += check_fields(prop, field["fields"], path, config)
        if prop.get("type") == "array" and items.get("type") == "object":
            wrong += check_fields(items, field["fields"], path + "[]", config)
        if prop.get("type") == "array" and items.get("type") == "string" and not target and "enum" not in items:
            item = field["field"]
            if (item["widget"] != "string" or ("pattern" in items and item.get("pattern", [None])[0] != items["pattern"])
                    or item.get("maxlength") != items.get("maxLength")):
                wrong.append(f"{path}[]: list item is not a checked text field")
    return wrong


@pytest.mark.parametrize("kind", kinds.ALL, ids=lambda k: k.name)
def test_every_property_of_every_schema_has_a_field_with_the_right_widget(upstream, kind):
    _, config = upstream
    assert check_fields(schema_of(kind), collection_for(config, kind)["fields"], kind.name, config) == []


# Whose fields a template's `item.x | md` or `regio.x | md` renders: a kind's page template is named after the kind
# (kinds.py); the region's text is on the home page. bouwsteen.regio_toelichting is an aanvulling's toelichting.
RENDERED_AS = {"home-regio": kinds.REGIO.name, ("bouwsteen", "regio_toelichting"): (kinds.AANVULLING.name, "toelichting")}


def markdown_rendered(templates: Path) -> set[tuple[str, str]]:
    """(kind, field) of every field a template renders with the Markdown filter."""
    rendered = set()
    for template in templates.glob("*.html"):
        kind = RENDERED_AS.get(template.stem, template.stem)
        for field in re.findall(r"(?:item|regio)\.(\w+) *\| *md\b", template.read_text(encoding="utf-8")):
            rendered.add(RENDERED_AS.get((kind, field), (kind, field)))
    return rendered


def markdown_marked() -> set[tuple[str, str]]:
    """(kind, field) of every field whose schema says it is Markdown (the editor's and the checker's one rule)."""
    return {(kind.name, name) for kind in kinds.ALL for name, prop in schema_of(kind)["properties"].items()
            if cms.is_markdown(prop)}


def test_markdown_fields_are_exactly_what_the_templates_render_as_markdown():
    """Per kind, not per field name: a bron's toelichting (plain text in its schema, so the editor gave a plain text
    box and the checker left its Markdown unchecked) was rendered as Markdown because a bouwsteen's toelichting is."""
    rendered = markdown_rendered(TEMPLATES)
    assert rendered == markdown_marked(), (rendered - markdown_marked(), markdown_marked() - rendered)
    assert {("bijeenkomst", "verslag"), ("bron", "toelichting"), (kinds.AANVULLING.name, "toelichting")} <= rendered


@pytest.mark.parametrize(("template", "line", "found"), [
    ("rol", "<p>{{ item.beschrijving | md }}</p>", ("rol", "beschrijving")),  # a plain field of a kind's own page
    ("home-regio", "<p>{{ regio.motto|md }}</p>", ("regio", "motto")),  # the region's, written without spaces
    ("vragenset", "<p>{{ item.doel | md }}</p>", ("vragenset", "doel")),  # a kind whose other field is Markdown
])
def test_a_plain_field_rendered_as_markdown_is_found(tmp_path, template, line, found):
    """The check above sees a plain field (same name as a Markdown field of another kind or not) that a template
    renders as Markdown."""
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    with (tmp_path / "templates" / f"{template}.html").open("a", encoding="utf-8") as file:
        file.write(line + "\n")
    assert markdown_rendered(tmp_path / "templates") - markdown_marked() == {found}


def test_collections_follow_the_registry(upstream):
    content, config = upstream
    collections = by_name(config["collections"])
    assert set(cms.ORDER) == set(kinds.ALL) and len(cms.ORDER) == len(kinds.ALL)
    for kind in kinds.ALL:
        if kind in (kinds.BIJEENKOMST, kinds.REGIO, kinds.AANVULLING):  # an addition: named after its bouwsteen
            continue  # (test_regio_layers.test_the_editor_names_an_addition_only_after_a_bouwsteen_the_site_shows)
        c = collections[kind.folder]
        assert c["folder"] == f"content/{kind.folder}" and c["extension"] == "yml" and c["label_singular"] == schema_of(kind)["title"]
        assert c["slug"]["editable"] == ["create"] and re.fullmatch(c["slug"]["pattern"][0], "mijn-item")
        assert not any(re.fullmatch(c["slug"]["pattern"][0], reserved) for reserved in kind.reserved)
        # names Windows keeps for its devices: a fork with such a file cannot be checked out there
        assert not any(re.fullmatch(c["slug"]["pattern"][0], name) for name in ("con", "nul", "com1", "lpt9"))
        assert re.fullmatch(c["slug"]["pattern"][0], "console") and "Windows" in c["slug"]["pattern"][1]
        assert "template" in c["slug"]
    assert "template" not in collections[kinds.AANVULLING.folder]["slug"]  # aanvullingen: the editor types the id
    meetings = [c for c in config["collections"] if c.get("name", "").startswith("bijeenkomsten-")]
    assert [c["folder"] for c in meetings] == [f"content/tafels/{t}" for t in content.of(kinds.TAFEL)]
    # Named as the site names the tafel: an invented one with "Voorbeeld: " in front (the data holds only the fact).
    assert [c["label"] for c in meetings] == [("Voorbeeld: " if t.voorbeeld else "") + t.titel for t in content.of(kinds.TAFEL).values()]
    assert all(c["slug"] == "{{fields.datum}}" for c in meetings)
    assert collections["regio"]["files"][0]["file"] == "content/regio.yml"
    assert config["output"] == {"omit_empty_optional_fields": True, "yaml": {"quote": "double"}}
    # Every relation points at a hidden copy of its collection in which nothing can be created.
    choices = [c for c in config["collections"] if c.get("name", "").endswith("-keuze")]
    assert choices and all(c["hide"] and c["create"] is False and collections[c["name"][:-6]]["folder"] == c["folder"] for c in choices)


def test_the_time_field_says_what_people_type_and_the_editor_quotes_it(upstream):
    _, config = upstream
    meeting = next(c for c in config["collections"] if c.get("name", "").startswith("bijeenkomsten-"))
    tijd = by_name(meeting["fields"])["tijd"]
    assert "13:00-15:00" in tijd["hint"] and "aanhalingstekens" not in tijd["hint"] + tijd["pattern"][1]
    pattern = re.compile(tijd["pattern"][0])
    assert pattern.search("13:00") and pattern.search("13:00-15:00") and not pattern.search('"13:00"')
    assert config["output"]["yaml"]["quote"] == "double"  # saved as "13:00": text, not the number 780


def test_configuration_is_valid_for_the_pinned_sveltia_cms(upstream):
    if not SVELTIA_SCHEMA.is_file():
        pytest.fail("@sveltia/cms is missing: 'make test' installs the npm packages (npm ci)")
    schema = json.loads(SVELTIA_SCHEMA.read_text(encoding="utf-8"))
    _, config = upstream
    errors = [f"{list(e.absolute_path)}: {e.message[:200]}" for e in jsonschema.Draft7Validator(schema).iter_errors(config)]
    assert errors == []
    text = cms.config_yaml(config)
    assert "&id" not in text and yaml.safe_load(text) == config


REGIO = """\
naam: Regio Zuidkust
motto: Samen leren
beschrijving: Een regio om te testen.
site:
  naam: Leerlandschap Zuidkust
  tak: productie
contact:
  rol: Team leerlandschap
  adres: leren@zuidkust.example
{beheer}bron: eigen
"""


def fork(tmp_path, beheer=""):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    regio = tmp_path / "regio"
    (regio / "bronnen").mkdir(parents=True)
    (regio / "tafels" / "leertafel-wonen").mkdir(parents=True)
    (regio / "regio.yml").write_text(REGIO.format(beheer=beheer), encoding="utf-8")
    (regio / "bronnen" / "eigen.yml").write_text("titel: Eigen\nuitgever: Zuidkust\nsoort: eigen inbreng\n", encoding="utf-8")
    (regio / "tafels" / "leertafel-wonen.yml").write_text(
        "titel: Leertafel Wonen\nsoort: leertafel\nsamenvatting: S.\ndoel: D.\nstatus: actief\nbron: eigen\n", encoding="utf-8")
    return tmp_path


def test_in_a_fork_the_editor_writes_regio_and_refers_to_national_content(tmp_path):
    project = fork(tmp_path, "beheer:\n  platform: github\n  repository: zuidkust/leerlandschap\n")
    content = load_content(project / "content")
    config = cms.config(content, project / "content")
    collections = by_name(config["collections"])
    own = [c for c in config["collections"] if not c.get("hide") and "name" in c]
    assert all(c.get("folder", "regio/").startswith("regio/") for c in own)
    assert collections["regio"]["files"][0]["file"] == "regio/regio.yml"
    assert [c["folder"] for c in own if c["name"].startswith("bijeenkomsten-")] == ["regio/tafels/leertafel-wonen"]
    national = {c["name"]: c for c in config["collections"] if c.get("name", "").endswith("-landelijk")}
    assert all(c["hide"] for c in national.values())
    assert {c["folder"] for c in national.values()} == {"content/themas", "content/rollen", "content/bouwstenen"}
    assert all(c["create"] is False and c["delete"] is False for c in national.values())
    fields = by_name(collections["praktijken"]["fields"])
    assert fields["bouwstenen"]["collection"] == "bouwstenen-landelijk" and fields["contact_rol"]["collection"] == "rollen-landelijk"
    assert fields["bron"]["collection"] == "bronnen-keuze"  # the region's own sources (regio/bronnen/), to choose from
    assert collections["bronnen-keuze"]["folder"] == "regio/bronnen" and collections["bronnen-keuze"]["create"] is False
    assert config["backend"] == {"name": "github", "repo": "zuidkust/leerlandschap", "branch": "productie",
                                 "auth_methods": ["token"], "commit_messages": cms_backend.COMMITS}
    assert config["publish_mode"] == "editorial_workflow"


def directive(policy, name):
    return next(d.split()[1:] for d in policy.split("; ") if d.split()[0] == name)


def test_backends_and_the_hosts_the_page_may_reach():
    github = Beheer("github", "zuidkust/leerlandschap")
    assert cms_backend.backend(github, "main")["name"] == "github"
    assert directive(cms_page.csp(github), "connect-src") == ["'self'", "blob:", "data:", "https://api.github.com"]
    gitlab = Beheer("gitlab", "regio/team/leerlandschap", "https://gitlab.regio.nl", "abc123")
    settings = cms_backend.backend(gitlab, "main")
    assert settings | {"commit_messages": None} == {
        "name": "gitlab", "repo": "regio/team/leerlandschap", "branch": "main", "api_root": "https://gitlab.regio.nl/api/v4",
        "base_url": "https://gitlab.regio.nl", "auth_type": "pkce", "app_id": "abc123", "auth_methods": ["oauth", "token"],
        "commit_messages": None}
    assert directive(cms_page.csp(gitlab), "connect-src")[-1] == "https://gitlab.regio.nl"
    assert cms_backend.backend(Beheer("gitlab", "a/b"), "main")["auth_methods"] == ["token"]  # no OAuth app: a personal token
    assert cms_backend.backend(Beheer("gitlab", "a/b"), "main")["api_root"] == "https://gitlab.com/api/v4"
    proef = Beheer()
    assert cms_backend.backend(proef, "main") == {"name": "test-repo"}
    policy = cms_page.csp(proef)
    assert directive(policy, "connect-src") == ["'self'", "blob:", "data:"] and directive(policy, "default-src") == ["'none'"]
    for name in ("script-src", "font-src"):
        assert directive(policy, name) == ["'self'"]


def schema_problems(text):
    doc, found = read_yaml(text, "regio.yml")
    assert found == []
    return [p.message for p in Schema.load("regio").validate(doc, "regio.yml")]


def test_the_beheer_block_is_checked_by_the_schema():
    base = "naam: N\nmotto: M\nbeschrijving: B\nbron: b\n"
    assert schema_problems(base + "beheer:\n  platform: github\n  repository: a/b\n") == []
    assert schema_problems(base + "beheer:\n  platform: github\n") == ["beheer: Het verplichte veld 'repository' ontbreekt."]
    assert schema_problems(base + "beheer:\n  platform: proef\n") == []
    assert schema_problems(base + "beheer:\n  platform: bitbucket\n") == [
        "platform: 'bitbucket' is geen geldige keuze. Kies uit: 'github', 'gitlab', 'proef'."]
    wrong = schema_problems(base + "beheer:\n  platform: gitlab\n  repository: a/b\n  server: https://gitlab.regio.nl/\n")
    assert wrong == ["server: 'https://gitlab.regio.nl/' heeft niet de goede vorm. Schrijf het adres van de GitLab-server "
                     "met https:// en zonder / aan het eind, bijvoorbeeld https://gitlab.regio.nl."]


def test_the_region_file_with_beheer_loads_into_the_model(tmp_path):
    project = fork(tmp_path, "beheer:\n  platform: gitlab\n  repository: a/b\n  applicatie_id: abc123\n")
    model, problems = check_content(project / "content", project)
    assert problems == []
    assert model.regio.beheer == Beheer("gitlab", "a/b", "", "abc123")
    assert load_content(EXAMPLE_CONTENT).regio.beheer == Beheer()  # no block: proef


def test_without_the_npm_packages_the_page_is_left_out_with_one_dutch_line(tmp_path, monkeypatch):
    project = fork(tmp_path)
    content = load_content(project / "content")
    monkeypatch.setattr(cms_page.shutil, "which", lambda name: f"/usr/bin/{name}")
    files = cms_page.editor_files(content, project / "content")
    assert files.texts == {} and files.copies == {} and "'npm ci'" in files.missing
    monkeypatch.setattr(cms_page.shutil, "which", lambda name: None)
    assert cms_page.editor_files(content, project / "content").missing == (
        "Let op: /beheer/ ontbreekt, want Node.js (npm) is niet geïnstalleerd. De rest van de site wordt wel gebouwd.")


def test_the_page_and_its_files(tmp_path):
    if not (ROOT / cms.PACKAGE).is_dir():
        pytest.fail("@sveltia/cms is missing: 'make test' installs the npm packages (npm ci)")
    project = fork(tmp_path, "beheer:\n  platform: github\n  repository: zuidkust/leerlandschap\n")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    files = cms_page.editor_files(load_content(project / "content"), project / "content")
    assert files.missing == "" and set(files.texts) == {"beheer/index.html", "beheer/config.yml", "beheer/beheer.js",
                                                        "beheer/sveltia-cms.js", "beheer/voorbeeld.css"}
    page = html.unescape(files.texts["beheer/index.html"])
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert '<link href="config.yml" type="application/yaml" rel="cms-config-url">' in page
    assert f'content="{cms_page.csp(Beheer("github", "zuidkust/leerlandschap"))}"' in page
    assert "https://" not in page.replace(cms_backend.GITHUB_API, "")  # the page names no other host
    script = files.texts["beheer/beheer.js"]
    assert '"Werken met een testrepository"' in script and cms_page.LOCALE.name == "nl.json"  # the package's own Dutch strings
    assert '"Toon wat er mist"' in script  # ours, for a string the package left in English ("Show Errors")
    assert all(path.is_file() for path in files.copies.values())
    assert set(files.copies) == {f"beheer/{p}" for p in cms_page.COPIED} | {
        "beheer/fonts/noto-mono-latin.woff2", "beheer/chunks/react-dom.js",  # React DOM and immutable, for our date field
        "beheer/geen-cdn/immutable@5.1.9/dist/immutable.es.js"}              # and previews, where the bundle looks
    assert "Proefversie" not in page and "een voorstel" in page and "toegangstoken" in page  # the start screen for GitHub


def test_a_build_without_the_npm_packages_succeeds_and_says_why_beheer_is_missing(example_project):
    # The shared example project is built without node_modules (conftest: example_project); it kept what it printed.
    project = example_project
    output = (project.parent / "output.txt").read_text(encoding="utf-8").splitlines()
    if shutil.which("npm"):  # the requirement's two messages, written out (not asked from cms_page)
        expected = ("Let op: /beheer/ ontbreekt, want de npm-pakketten zijn niet geïnstalleerd (draai 'npm ci' of 'make site'). "
                    "De rest van de site wordt wel gebouwd.")
    else:
        expected = "Let op: /beheer/ ontbreekt, want Node.js (npm) is niet geïnstalleerd. De rest van de site wordt wel gebouwd."
    assert [line for line in output if "/beheer/" in line] == [expected]
    assert not (project / "site" / "beheer").exists() and (project / "site" / "index.html").is_file()
    # Without /beheer/ no page links to it: not the footer's link for editors, not an item page's "Aanpassen".
    pages = list((project / "site").rglob("*.html"))
    assert len(pages) > 100
    linking = [p for p in pages for a in parse_file(p).find_all("a") if "beheer/" in a.attrs.get("href", "")]
    assert linking == []
    assert "Bewerken (voor redacteuren)" not in (project / "site" / "bijdragen" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("guide", ["handleiding/bewerkpagina-instellen.md"])
def test_the_guide_gives_the_settings_and_they_pass_the_schema(guide):
    # The administrator's guide lives in handleiding/ (not on the public /bijdragen/ page).
    text = (ROOT / guide).read_text(encoding="utf-8")
    section = text[text.index("## Bewerken in de browser"):]
    for words in ("Contents", "Read and write", "Pull requests", "Redirect URI", "Confidential", "api", "Application ID"):
        assert words in section, words  # the exact token permissions and OAuth settings
    blocks = re.findall(r"```yaml\n(beheer:\n.*?)```", section, re.S)
    assert len(blocks) == 2
    base = "naam: N\nmotto: M\nbeschrijving: B\nbron: b\n"
    assert [schema_problems(base + block) for block in blocks] == [[], []]


def test_the_page_is_valid_html(tmp_path):
    from test_html_valid import validate

    page = tmp_path / "beheer.html"
    page.write_text(cms_page.environment().get_template("beheer.html").render(csp=cms_page.csp(Beheer()), site_name="<Site & zo>",
                                                                         beheer=Beheer()), encoding="utf-8")
    code, report = validate([page], tmp_path)
    assert [m["message"] for f in report for m in f["messages"]] == [] and code == 0
    assert "&lt;Site &amp; zo&gt;" in page.read_text(encoding="utf-8")  # the region's name is escaped


def test_a_yes_no_field_says_tick_it_not_true(upstream):
    # A yes/no field is a tick box in the form: its hint asks to tick it, not to write "true" as in YAML.
    _, config = upstream
    fields = collection_for(config, kinds.VRAGENSET)["fields"]
    hint = next(f["hint"] for f in fields if f["widget"] == "boolean" and "samengesteld" in f.get("hint", ""))
    assert hint.startswith("Vink aan als deze site de set heeft samengesteld") and "true" not in hint


NO_NAMES = "Schrijf geen namen van mensen: noem hun rol."


@pytest.mark.parametrize(("kind", "path"), [
    (kinds.BIJEENKOMST, ("verslag",)), (kinds.BIJEENKOMST, ("opbrengst", "inzichten")),
    (kinds.BIJEENKOMST, ("opbrengst", "afspraken", "tekst")), (kinds.BIJEENKOMST, ("opbrengst", "vervolgacties")),
    (kinds.PRAKTIJK, ("samenvatting",)), (kinds.PRAKTIJK, ("beschrijving",)), (kinds.PRAKTIJK, ("geleerd",)),
    (kinds.TAFEL, ("samenvatting",)), (kinds.TAFEL, ("doel",)), (kinds.TAFEL, ("opzet", "schikken")),
], ids=lambda v: getattr(v, "name", None) or ".".join(v))
def test_free_text_fields_ask_for_roles_not_names(upstream, kind, path):
    # Privacy (youth care): where a coordinator writes free text, the form's hint says not to name people.
    _, config = upstream
    fields = collection_for(config, kind)["fields"]
    for name in path:
        field = by_name(fields)[name]
        fields = field.get("fields", [])
    assert NO_NAMES in field["hint"]


def test_the_guide_says_no_names_before_the_first_text_is_written():
    text = (ROOT / "handleiding" / "bewerken.md").read_text(encoding="utf-8")
    fill_in = text[text.index("## 2. Vul de bijeenkomst in"):text.index("## 3.")]
    assert "Schrijf nergens namen van mensen" in fill_in and "Noem hun rol" in fill_in


def labels(fields):
    for field in fields:
        yield field["label"]
        yield from labels(field.get("fields", []))


def test_labels_are_plain_words_not_field_names(upstream):
    # A coordinator does not know what "Id", "Eigenaar rol" or "Bron plek" mean: those fields have their own title.
    _, config = upstream
    meeting = collection_for(config, kinds.BIJEENKOMST)["fields"]
    afspraak = by_name(by_name(by_name(meeting)["opbrengst"]["fields"])["afspraken"]["fields"])
    assert afspraak["id"]["label"] == "Korte naam van de afspraak"
    for kind in (kinds.PRAKTIJK, kinds.TAFEL):
        fields = by_name(collection_for(config, kind)["fields"])
        assert (fields["eigenaar_rol"]["label"], fields["bron_plek"]["label"]) == ("Rol die de tekst bijhoudt", "Plek in de bron")
    shown = {label for kind in kinds.ALL if kind is not kinds.REGIO for label in labels(collection_for(config, kind)["fields"])}
    assert not shown & {"Id", "Eigenaar rol", "Bron plek", "Contact rol", "Url", "Herzien voor", "Duur minuten"}


def lists(fields):
    for field in fields:
        if field["widget"] == "list":
            yield field
        yield from lists(field.get("fields", []))


def test_a_list_names_one_item_in_the_singular(upstream):
    # Sveltia shows "<count> <label_singular>" for one item and "<count> <label>" otherwise; without a singular a
    # coordinator read "1 Afspraken". Every list of the forms has one.
    _, config = upstream
    opbrengst = by_name(by_name(collection_for(config, kinds.BIJEENKOMST)["fields"])["opbrengst"]["fields"])
    assert {name: opbrengst[name].get("label_singular") for name in ("inzichten", "afspraken", "vervolgacties")} == {
        "inzichten": "Inzicht", "afspraken": "Afspraak", "vervolgacties": "Vervolgactie"}
    without = [f["name"] for kind in kinds.ALL for f in lists(collection_for(config, kind)["fields"]) if not f.get("label_singular")]
    assert without == []


def test_the_guide_says_how_the_file_name_is_made(upstream):
    # The form shows no field for the file name (Sveltia's "Slug"): the guide must not send people looking for one.
    _, config = upstream
    praktijken = by_name(config["collections"])["praktijken"]
    assert praktijken["slug"]["template"] == "{{titel}}" and config["slug"]["maxlength"] == 60
    text = (ROOT / "handleiding" / "inhoud-toevoegen.md").read_text(encoding="utf-8")
    browser = " ".join(text[text.index("## In de browser"):text.index("## Met bestanden")].split())
    assert "Slug" not in browser
    assert "uit de titel: kleine letters en streepjes, hoogstens 60 tekens" in browser and "Vraag het de beheerder" in browser
    assert "één bijeenkomst per dag" not in browser and "`-1` achter de datum" in browser


def test_no_form_label_is_a_field_key_in_words(upstream):
    """A coordinator reads labels, not YAML keys: "Buren vers uren", "Eigenaar rol" or "Deadline" says nothing to
    someone who never saw the file (the keys an audit of the editor found unclear as words). Each has a plain Dutch
    `title` in its schema now."""
    _, config = upstream
    unclear = {"buren_vers_uren", "buren_in_nieuwsfeed", "fasen_soorten", "applicatie_id", "eigenaar_rol", "bron_plek",
               "contact_rol", "duur_minuten", "werkwijze_bron", "deadline", "id", "url"}
    found = []

    def walk(fields):
        for field in fields or []:
            name, label = field["name"], field.get("label", "")
            if name in unclear and label == name.replace("_", " ").capitalize():
                found.append(name)
            walk(field.get("fields"))
            walk([field["field"]] if "field" in field else [])

    for collection in config["collections"]:
        walk(collection.get("fields"))
        for file in collection.get("files") or []:
            walk(file.get("fields"))
    assert found == []


def test_the_proef_seed_holds_only_the_files_the_site_is_made_of(tmp_path, tmp_path_factory):
    """/beheer/proef.json is published: a hidden file, a file in a folder that is not read, or a link from such a
    place to a file elsewhere (the build's environment, a key) must never end up in it."""
    project = fork(tmp_path / "project")
    clean = cms_page.proef_files(project / "content")
    assert "regio/regio.yml" in clean and "content/bouwstenen/coordineer-het-leren.yml" in clean
    secret = tmp_path_factory.mktemp("buiten") / "geheim.txt"
    secret.write_text("GEHEIM_TOKEN=abc123\n", encoding="utf-8")
    (project / "content" / ".env.yml").symlink_to(secret)
    (project / "regio" / ".notities").mkdir()
    (project / "regio" / ".notities" / "concept.yml").write_text("titel: GEHEIM concept\n", encoding="utf-8")
    (project / "regio" / "tafels" / "oud").mkdir()
    (project / "regio" / "tafels" / "oud" / "leertafel-wonen.yml").symlink_to(secret)
    (project / "content" / "bouwstenen" / "oud").mkdir()
    (project / "content" / "bouwstenen" / "oud" / "x.yml").symlink_to(Path("/proc/self/environ"))
    seeded = cms_page.proef_files(project / "content")
    assert seeded == clean
    assert not any("GEHEIM" in text for text in seeded.values())


@pytest.mark.parametrize("guide, start, end", [("inhoud-toevoegen.md", "### Een bijeenkomst vastleggen", "### Een goede"),
                                               ("bewerken.md", "## 2. Vul de bijeenkomst in", "## 4. Sla op")])
def test_the_guides_name_the_meeting_forms_fields_by_their_labels(upstream, guide, start, end):
    # A coordinator looks for the field the guide names in bold: "Deadline" was the guide's word for the field the
    # form calls "Klaar op". Every bold word of the steps is a label of the meeting form, its add button
    # ("<label> toevoegen"), or one of the editor's own buttons and panes.
    _, config = upstream
    fields = list(labels(collection_for(config, kinds.BIJEENKOMST)["fields"]))
    singular = [f.get("label_singular", "") for f in lists(collection_for(config, kinds.BIJEENKOMST)["fields"])]
    known = {word.lower() for word in [*fields, *(f"{w} toevoegen" for w in fields + singular if w), "Nieuw", "Opslaan",
                                       "voorbeeld"]}
    text = (ROOT / "handleiding" / guide).read_text(encoding="utf-8")
    bold = re.findall(r"\*\*([^*]+)\*\*", text[text.index(start):text.index(end)])
    assert len(bold) > 5 and [word for word in bold if word.lower() not in known] == []
