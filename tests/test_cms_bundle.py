"""The copy of Sveltia CMS that /beheer/ serves (cms_bundle.py) and its Dutch strings (templates/beheer-nl.json).

The browser test (test_browser_beheer_task.py) counts the requests; these tests fail fast when a new version of the
pinned bundle brings back what the build takes out, and when a Dutch string is missing.
"""
import json
import re

import pytest

from conftest import ROOT
from leerlandschap import cms_bundle, cms_page

PACKAGE = ROOT / cms_page.PACKAGE


@pytest.fixture(scope="module")
def bundle():
    if not (ROOT / cms_page.BUNDLE).is_file():
        pytest.fail("@sveltia/cms is missing: 'make test' installs the npm packages (npm ci)")
    original = (ROOT / cms_page.BUNDLE).read_text(encoding="utf-8")
    return original, cms_bundle.patch(original)


def test_the_served_copy_names_no_cdn_and_checks_for_no_update(bundle):
    original, patched = bundle
    assert patched.problems == ()
    for host in ("unpkg.com", "cdn.jsdelivr.net"):
        assert host in original and host not in patched.text
    assert "/package.json`" in patched.text and "await Promise.reject(new Error(`geen updatecontrole`))" in patched.text
    assert "`newLanguageCta`))return;" not in patched.text  # the "now available in English" banner never shows
    assert "`maximum-scale=1`" not in patched.text  # zooming allowed
    assert "repository:{databaseName:`sveltia-cms-proef`}" in patched.text  # draft backups in proef mode
    for status_api in ("https://www.githubstatus.com/api/", "https://status-api.hostedstatus.com/"):
        assert status_api in original and status_api not in patched.text  # signed in to GitHub/GitLab: no status check


def test_every_font_the_bundle_asks_for_is_served_by_the_site(bundle, tmp_path):
    _, patched = bundle
    asked = set(re.findall(r"url\((fonts/[^)]+)\)", patched.text))
    assert len(asked) == 3
    served = {path for path in cms_page.copied(ROOT)}
    assert asked <= served


@pytest.mark.parametrize("gone", ["https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@", "`newLanguageCta`))return;",
                                  "/package.json`", "navigator.storage.getDirectory()", "`maximum-scale=1`",
                                  "https://www.githubstatus.com/api/v2/status.json"])
def test_a_bundle_without_what_we_change_leaves_beheer_out_with_a_dutch_line(bundle, gone):
    original, _ = bundle
    result = cms_bundle.patch(original.replace(gone, "iets-anders"))
    assert len(result.problems) == 1 and result.problems[0].startswith("Let op: /beheer/ ontbreekt")


def test_a_new_cdn_address_in_the_bundle_is_caught(bundle):
    original, _ = bundle
    result = cms_bundle.patch(original + ";fetch(`https://cdn.jsdelivr.net/npm/iets`)")
    assert result.problems == ("Let op: /beheer/ ontbreekt: Sveltia CMS noemt nog cdn.jsdelivr.net (zie leerlandschap/cms_bundle.py).",)


def flat(tree, prefix=""):
    out = {}
    for key, value in tree.items():
        out.update(flat(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}": value})
    return out


def test_every_english_string_has_a_dutch_one():
    english = flat(json.loads((PACKAGE / "locales" / "en-US.json").read_text(encoding="utf-8")))
    package = flat(json.loads((PACKAGE / "locales" / "nl.json").read_text(encoding="utf-8")))
    dutch = flat(cms_bundle.dutch_strings(PACKAGE / "locales" / "nl.json", cms_page.OUR_STRINGS))
    assert len(set(english) - set(package)) > 0  # the package alone misses some (111 in 0.221.1)
    assert set(english) - set(dutch) == set()
    # The examples, and two more a coordinator meets in the task.
    for key in ("show_errors", "relation_field.save_together_hint", "discard", "slug"):
        assert dutch[key] != english[key], key
    # "Slug" is web jargon: the form calls it the file name ("De slug mag niet leeg zijn" met a coordinator naming an
    # addition). Placeholders and option names in `code` are not read as words.
    said = {key: re.sub(r"\{\$\w+\}|`[^`]*`", "", value) for key, value in dutch.items() if isinstance(value, str)}
    assert [key for key, value in said.items() if re.search(r"slug", value, re.I)] == []
    # "Collectie" is Sveltia's word for a kind of content (Praktijken, Bijeenkomsten); a coordinator meets it in the
    # list, in what a screen reader says on opening a form, and when someone else saved first. Not "de repository"
    # there either: that word stays only where the person who sets up a token reads it (bewerkpagina-instellen.md).
    # Errors in the generated configuration (config.*) speak to a developer, in the names of Sveltia's options.
    assert [key for key, value in said.items() if re.search(r"collectie", value, re.I) and not key.startswith("config.")] == []
    assert [key for key in said if key.startswith("save_conflict") and "repository" in said[key]] == []
    # Placeholders kept: a translation that drops {$name} would show an empty gap. Except {$locale}: the editor has
    # one language, whose name Sveltia gives as its code "_default" ("Inhoud in het _default bewerken").
    ours = {k: v for k, v in json.loads(cms_page.OUR_STRINGS.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    for key, value in ours.items():
        one_language = key in ("edit_x_locale", "preview_x_locale", "show_content_options_x_locale", "content_options_x_locale")
        wanted = set(re.findall(r"\{\$\w+\}", english[key])) - ({"{$locale}"} if one_language else set())
        assert set(re.findall(r"\{\$\w+\}", value)) == wanted, key


def test_the_modules_our_date_field_and_previews_need_are_served_where_the_bundle_looks(bundle):
    # Custom field types and preview templates are React components: the bundle imports React DOM (beside the
    # script first, chunks/<name>.js) and immutable (from the package CDN, made local by patch()) at run time.
    _, patched = bundle
    served = cms_bundle.modules(patched.text)
    assert set(served) == {"chunks/react-dom.js", "geen-cdn/immutable@5.1.9/dist/immutable.es.js"}
    assert "n=`chunks/${e}.js`" in patched.text and "t=`./geen-cdn/${e}`" in patched.text
    for source in served.values():
        text = (ROOT / "node_modules" / source).read_text(encoding="utf-8")
        # Self-contained: no import statement and no dynamic import() (comments with examples do not count).
        assert not re.search(r"^\s*import\b|^\s*export\b[^\n]*\bfrom\b|(?<![.\w])import\(", text, re.M), source
