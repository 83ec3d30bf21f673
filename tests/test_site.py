"""The built site, through an HTML parser: pages, links both ways, escaping, privacy, determinism."""
import filecmp
import functools
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

import variants
from htmltools import parse_file
from leerlandschap import kinds
from leerlandschap.loader import load_content
from leerlandschap.templatecache import CACHE_VARIABLE
from sitebuild import ROOT, build, make_project


@pytest.fixture(scope="module")
def project(own_project):
    """The example content plus a practice full of payloads (variants.PAYLOAD), built once per run and shared with
    the files that read the region's own settings (variants.make_own). Read only."""
    return own_project


@pytest.fixture(scope="module")
def site(project):
    return project / "site"


@pytest.fixture(scope="module")
def model(project):
    return load_content(project / "content")


def page(site: Path, url: str):
    return parse_file(site / url / "index.html")


def hrefs(root) -> set[str]:
    return {a.attrs.get("href") for a in root.find_all("a") if a.attrs.get("href")}


SITE_URL = re.search(r"^site_url: (\S+)", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)
BASE_PATH = urlsplit(SITE_URL).path


def resolves_to(site: Path, page_url: str, href: str) -> str:
    """The site-relative URL an href on `page_url` points to (404.html uses absolute paths under site_url)."""
    if href.startswith("/"):
        return href.removeprefix(BASE_PATH).split("#")[0].split("?")[0]
    return urlsplit(urljoin("http://x/" + page_url, href)).path.lstrip("/")


def test_every_item_has_a_page_at_a_readable_dutch_url(site, model):
    urls = ([f"themas/{i}/" for i in model.of(kinds.THEMA)] + [f"bouwstenen/{i}/" for i in model.of(kinds.BOUWSTEEN)]
            + [f"rollen/{i}/" for i in model.of(kinds.ROL)] + [f"praktijken/{i}/" for i in model.of(kinds.PRAKTIJK)]
            + [f"tafels/{i}/" for i in model.of(kinds.TAFEL)] + [f"vragensets/{i}/" for i in model.of(kinds.VRAGENSET)]
            + [f"tafels/{i}/" for i in model.of(kinds.BIJEENKOMST)]
            + [f"bouwstenen/{b.id}/{v.id}/" for b in model.of(kinds.BOUWSTEEN).values() for v in b.reflectievragen]
            + ["", "bouwstenen/", "praktijken/", "tafels/", "vragensets/", "rollen/", "themas/", "zoeken/"])
    missing = [u for u in urls if not (site / u / "index.html").is_file()]
    assert missing == []
    assert page(site, "bouwstenen/coordineer-het-leren/").find_all("h1")[0].all_text() == "Coördineer het leren"


def test_links_go_both_ways(site, model):
    pairs = [(f"praktijken/{p.id}/", f"bouwstenen/{b}/") for p in model.of(kinds.PRAKTIJK).values() for b in p.bouwstenen]
    pairs += [(f"vragensets/{s.id}/", f"bouwstenen/{ref.split('/')[0]}/") for s in model.of(kinds.VRAGENSET).values() for ref in s.vragen]
    pairs += [(f"tafels/{m.id}/", f"bouwstenen/{b}/") for m in model.of(kinds.BIJEENKOMST).values() for b in m.opbrengst.bouwstenen]
    pairs += [(f"tafels/{m.id}/", f"tafels/{m.tafel}/") for m in model.of(kinds.BIJEENKOMST).values()]
    pairs += [(f"bouwstenen/{b.id}/", f"themas/{b.thema}/") for b in model.of(kinds.BOUWSTEEN).values()]
    pairs += [(f"tafels/{t.id}/", f"bouwstenen/{b}/") for t in model.of(kinds.TAFEL).values() for b in t.bouwstenen]
    assert len(pairs) > 50  # the example content has many relations; an empty list would prove nothing
    links = functools.cache(lambda url: hrefs(page(site, url)))  # each page parsed once, not once per pair
    one_way = [(a, b) for a, b in pairs if not (any(resolves_to(site, a, h) == b for h in links(a))
                                                and any(resolves_to(site, b, h) == a for h in links(b)))]
    assert one_way == []


def test_role_page_shows_its_leervragen_and_reflection_questions(site, model):
    text = page(site, "rollen/bestuurder/").all_text()
    leervragen = [lv.vraag for b in model.of(kinds.BOUWSTEEN).values() for lv in b.leervragen if lv.rol == "bestuurder"]
    vragen = [v.vraag for b in model.of(kinds.BOUWSTEEN).values() for v in b.reflectievragen if "bestuurder" in v.rollen]
    assert leervragen and vragen
    assert all(v in text for v in leervragen + vragen)
    other = [v.vraag for b in model.of(kinds.BOUWSTEEN).values() for v in b.reflectievragen if "bestuurder" not in v.rollen]
    assert not any(v in text for v in other)


def test_content_payloads_are_shown_as_text_and_never_run(project, site):
    for url in (f"praktijken/{variants.PAYLOAD_ID}/", "bouwstenen/coordineer-het-leren/", "praktijken/"):
        root = page(site, url)
        for element in root.find_all():
            assert not any(name.startswith("on") for name in element.attrs), (url, element.tag, element.attrs)
            assert not (element.attrs.get("href") or "").strip().lower().startswith("javascript:"), url
        assert not any("alert(" in s.all_text() for s in root.find_all("script")), url
        assert not [img for img in root.find_all("img") if "tracker" in (img.attrs.get("src") or "")]
    root = page(site, f"praktijken/{variants.PAYLOAD_ID}/")
    article = root.find_all("article")[0].all_text()
    assert "{{ 7*7 }}" in article and "{{ config }}" in article and "{% include 'index.md' %}" in article
    assert "<script>alert('body')</script>" in article  # shown as text
    assert "Aanval <script>alert('titel')</script>" in root.find_all("title")[0].all_text()
    assert not variants.pwned(project).exists()


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    elements = {html: parse_file(html).find_all() for html in site.rglob("*.html")}  # each page parsed once
    ids = functools.cache(lambda path: {e.attrs["id"] for e in elements.get(path) or parse_file(path).find_all() if "id" in e.attrs})

    for html in elements:
        url = html.relative_to(site).as_posix()
        for element in elements[html]:
            for attr in ("href", "src"):
                link = element.attrs.get(attr)
                if link and link.startswith("webcal:"):  # a calendar subscription: one of the site's own files
                    path = site / urlsplit(link).path.removeprefix(BASE_PATH)
                    if urlsplit(link).netloc != urlsplit(SITE_URL).netloc or not path.is_file():
                        broken.append(f"{url}: {link}")
                    continue
                if not link or re.match(r"^(https?:|mailto:|data:)", link):
                    continue
                target = resolves_to(site, url, link)
                path = site / target
                path = path / "index.html" if path.is_dir() or target.endswith("/") or not target else path
                fragment = urlsplit(link).fragment
                if not path.is_file():
                    broken.append(f"{url}: {link}")
                elif fragment and path.suffix == ".html" and fragment not in ids(path):
                    broken.append(f"{url}: {link} (anker ontbreekt)")
    assert broken == []


def test_nothing_is_requested_from_another_host(site):
    requests = []
    for html in site.rglob("*.html"):
        for element in parse_file(html).find_all():
            src = element.attrs.get("src") or ""
            if element.tag == "link" and (element.attrs.get("rel") or "") not in ("canonical", "alternate"):
                src = element.attrs.get("href") or ""
            if re.match(r"^(https?:)?//", src):
                requests.append(f"{html.relative_to(site)}: <{element.tag}> {src}")
        assert "<iframe" not in html.read_text(encoding="utf-8")
    for css in site.rglob("*.css"):
        requests += [f"{css.name}: {u}" for u in re.findall(r"url\(['\"]?((?:https?:)?//[^)'\"]+)", css.read_text(encoding="utf-8"))]
    # Material's vendored bundle contains GitHub/GitLab API code that runs only for a `source` element, which
    # appears only with `repo_url` set; so: no such element, and no third-party host in our pages, CSS or own JS.
    own = [p for p in site.rglob("*") if p.suffix in (".html", ".css") or (p.parent.name == "assets" and p.suffix == ".js")]
    text = "\n".join(p.read_text(encoding="utf-8") for p in own)
    for host in ("fonts.googleapis.com", "fonts.gstatic.com", "api.github.com", "googletagmanager", "cdn.jsdelivr"):
        assert host not in text, host
    assert 'data-md-component="source"' not in text
    assert requests == []


def test_search_index_and_markup(site):
    assert (site / "pagefind" / "pagefind.js").is_file()
    root = page(site, "bouwstenen/investeer-in-bestuurlijk-leren/")
    bodies = [e for e in root.find_all() if "data-pagefind-body" in e.attrs]
    assert len(bodies) == 1 and bodies[0].tag == "article"
    assert not bodies[0].find_all("nav")  # navigation is outside the indexed region
    filters = {e.attrs["data-pagefind-filter"] for e in bodies[0].find_all("span") if "data-pagefind-filter" in e.attrs}
    assert {"soort:bouwsteen", "thema:Anders kijken", "rol:Bestuurder"} <= filters
    header_forms = [f for f in root.find_all("form") if f.attrs.get("role") == "search"]
    assert header_forms and resolves_to(site, "bouwstenen/investeer-in-bestuurlijk-leren/", header_forms[0].attrs["action"]) == "zoeken/"
    assert root.find_all("html")[0].attrs.get("lang") == "nl"


def test_two_builds_are_byte_identical(project, site, tmp_path, monkeypatch):
    """Also with templates compiled by an earlier build (leerlandschap/templatecache.py): the first build here has an
    empty cache and compiles every template, the second uses what the first kept."""
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "cache"))
    kept: list[dict[Path, int]] = []
    for name in ("again", "kept"):
        result = build(project, tmp_path / name)
        assert result.returncode == 0, result.stdout + result.stderr
        kept.append({p: p.stat().st_mtime_ns for p in (tmp_path / "cache").rglob("*.jinja")})
    assert len(kept[0]) > 30  # the first build kept every template it compiled (Material's, our overrides, ours)
    assert kept[1] == kept[0]  # the second compiled none again: every compiled template is written when it is made

    def differences(cmp) -> list[str]:
        found = cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files
        return found + [d for sub in cmp.subdirs.values() for d in differences(sub)]

    for name in ("again", "kept"):
        assert differences(filecmp.dircmp(site, tmp_path / name)) == []
        mismatch = [str(p) for p in site.rglob("*") if p.is_file()
                    and p.read_bytes() != (tmp_path / name / p.relative_to(site)).read_bytes()]
        assert mismatch == []


def test_a_failed_build_leaves_the_previous_site_intact(project, tmp_path):
    copy = make_project(tmp_path / "p", project / "content")
    shutil.copytree(project / "site", copy / "site")  # the previous site: the shared build of the same content
    before = {p: p.read_bytes() for p in (copy / "site").rglob("*") if p.is_file()}
    (copy / "content" / "praktijken" / f"{variants.PAYLOAD_ID}.yml").write_text("titel: [kapot\n", encoding="utf-8")
    bad = build(copy)
    assert bad.returncode == 1
    assert f"content/praktijken/{variants.PAYLOAD_ID}.yml:" in bad.stdout and "De vorige site is niet veranderd." in bad.stdout
    after = {p: p.read_bytes() for p in (copy / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not list(copy.glob(".site-*"))


def test_the_build_script_loads_the_checker_only_when_a_build_fails():
    """scripts/build.py starts MkDocs, which checks the content itself; the script needs the checker only to list the
    problems of a failed build (the test above). Loading it first cost 0.2 s of every build's start."""
    import subprocess
    import sys

    code = "import sys; sys.path.insert(0, 'scripts'); import build; print('leerlandschap.loader' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_nothing_generated_is_committed():
    generated_dirs = {"bouwstenen", "themas", "rollen", "praktijken", "tafels", "vragensets", "bronnen"}
    assert not generated_dirs & {p.name for p in (ROOT / "docs").iterdir()}
    assert "site/" in (ROOT / ".gitignore").read_text().splitlines()


def test_external_links_are_listed_in_content_and_reported(project, site):
    """External links are not fetched (no network); each must come from the project's content or hand-written pages
    (the region file names the neighbours and the licence)."""
    external = sorted({a.attrs["href"] for html in site.rglob("*.html") for a in parse_file(html).find_all("a")
                       if re.match(r"https?://", a.attrs.get("href") or "")})
    sources = "\n".join(p.read_text(encoding="utf-8") for folder in ("content", "docs")
                        for p in (project / folder).rglob("*") if p.suffix in (".yml", ".md"))
    print("External links on the site (reported, not fetched):\n" + "\n".join(f"  {url}" for url in external))
    assert [url for url in external if url not in sources] == []
