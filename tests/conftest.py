import atexit
import contextlib
import fcntl
import inspect
import os
import resource
import shutil
import tempfile
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _example_content() -> Path:
    """The kit's example content as upstream has it: the tests test the kit with its own example. In a region's fork
    (regio/regio.yml beside content/) content/ is read with the region's layer on top, which hides the example region,
    so the tests read a copy of content/ without it (one per test process, removed at its end). Upstream: content/."""
    if not (ROOT / "regio" / "regio.yml").is_file():
        return ROOT / "content"
    copy = Path(tempfile.mkdtemp(prefix="leerlandschap-voorbeeld-")) / "content"
    atexit.register(shutil.rmtree, copy.parent, True)
    shutil.copytree(ROOT / "content", copy)
    shutil.copytree(ROOT / "schemas", copy.parent / "schemas")  # what the files' `$schema` comments point to
    return copy


# Load or check the example through this, never through ROOT / "content" (which is the fork's own site in a fork);
# run scripts/check.py on it with cwd=EXAMPLE_CONTENT.parent and --content content.
EXAMPLE_CONTENT = _example_content()
# Hypothesis (the property tests: test_loader_fuzz, test_ics_atom_property, test_sanitise). `make test` and every
# run without HYPOTHESIS_PROFILE: 100 examples per test, the same ones every run (derandomized: a failure in CI fails
# the same way on your machine). HYPOTHESIS_PROFILE=thorough: ten times as many, new ones every run, for a long run
# now and then (`HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/test_loader_fuzz.py ...`). Not named
# "ci": Hypothesis loads its own "ci" profile by itself on CI services. Loaded here, before the test modules make
# their settings (which inherit the number of examples and set only what their test needs, such as a deadline).
settings.register_profile("default", max_examples=100, derandomize=True)
settings.register_profile("thorough", max_examples=1000, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
# The projects built once per test run and shared by all workers (read only): fixtures below.
SHARED = {"example_project", "editor_project", "hostile_project", "own_project"}


# What a test may not do to a kept page (kept_page below): each of these stays on the page or its context after the
# test (a fake clock, routes, scripts run before every page, listeners, functions or settings of the page or the
# context). kept_page itself records the requests and the JavaScript errors of each test.
LEAVES_STATE = frozenset({"clock", "route", "route_from_har", "add_init_script", "expose_function", "expose_binding",
                          "on", "once", "set_viewport_size", "set_extra_http_headers", "grant_permissions",
                          "set_geolocation", "emulate_media", "set_offline", "set_default_timeout",
                          "set_default_navigation_timeout"})


def _reaches(code: types.CodeType, names: dict, seen: set, wanted: Callable[[str, object], bool]) -> bool:
    """True when this code, or a test helper it calls (a function in tests/), names something `wanted(name, value)`
    accepts: a global (its value) or an attribute (value None)."""
    for name in code.co_names:
        found = names.get(name)
        if wanted(name, found):
            return True
        if inspect.isfunction(found) and found not in seen and Path(found.__code__.co_filename).parent == FIXTURES.parent:
            seen.add(found)
            if _reaches(found.__code__, found.__globals__, seen, wanted):
                return True
    return any(inspect.iscode(c) and _reaches(c, names, seen, wanted) for c in code.co_consts)


def _calls_a_build(code: types.CodeType, names: dict, seen: set) -> bool:
    """True when this code, or a test helper it calls, builds a fixture project (sitebuild.build)."""
    import sitebuild

    return _reaches(code, names, seen, lambda _, value: value is sitebuild.build)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (make test): one worker more than the cores this process may use. A worker often waits (for a page in
    Chromium, a build or a preview in a process of its own), and a further worker fills those gaps. On 2 cores, whole
    runs in the same half hour: two workers 4:45 (idle 76 s of CPU time), three 4:06 and 4:20 (idle 13 and 19 s), four 4:12."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores + 1


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Markers that follow from what a test uses, so a new test cannot forget them (pyproject: --strict-markers)."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "chromium" in fixtures:  # also through new_page and every fixture built on chromium
            item.add_marker(pytest.mark.browser)
        if fixtures & SHARED:
            item.add_marker(pytest.mark.site)
        # The test itself or one of its fixtures (other than the shared sites) builds a project of its own.
        defs = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
        funcs = [d.func for name in fixtures if name not in SHARED | {"example_site"} for d in defs.get(name, ())]
        funcs.append(getattr(item, "function", None))
        if any(inspect.isfunction(f) and _calls_a_build(f.__code__, f.__globals__, set()) for f in funcs):
            item.add_marker(pytest.mark.build)
        test = getattr(item, "function", None)
        if "kept_page" in fixtures and inspect.isfunction(test) and _reaches(
                test.__code__, test.__globals__, set(), lambda name, _: name in LEAVES_STATE):
            raise pytest.UsageError(f"{item.nodeid} uses the kept page (kept_page) but leaves a clock, a route or "
                                    f"another setting behind ({', '.join(sorted(LEAVES_STATE))}): give it a fresh "
                                    "context (new_page, or chromium.new_context()).")
    # Whole files, longest kinds first (files that build or read a shared variant project, then browser tests, then
    # the files that read a built site, then the rest), and within a kind the files with more tests first, so that
    # with `--dist loadfile --no-loadscope-reorder` (make test) the long files start early and short ones fill the
    # end of the run; a file's tests stay together and in their order (module fixtures once). Not `--dist loadgroup`:
    # with pytest 9.2 its groups are silently ignored (pytest-xdist #1386).
    rank: dict[str, int] = {}
    count: dict[str, int] = {}
    for item in items:
        variant = set(getattr(item, "fixturenames", ())) & (SHARED - {"example_project", "editor_project"})
        kind = (0 if item.get_closest_marker("build") or variant else 1 if item.get_closest_marker("browser")
                else 2 if item.get_closest_marker("site") else 3)
        rank[item.path.name] = min(rank.get(item.path.name, 3), kind)
        count[item.path.name] = count.get(item.path.name, 0) + 1
    items.sort(key=lambda item: (rank[item.path.name], -count[item.path.name], item.path.name))


def _run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this test run that every pytest-xdist worker shares; without xdist the session's own temp folder."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One process at a time (the other xdist workers wait here)."""
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session", autouse=True)
def template_cache(tmp_path_factory) -> Path:
    """The compiled templates of this run's builds (leerlandschap/templatecache.py), in the run's folder that every
    worker shares: each run starts without them, as CI does, and the user's own cache is never read or written.
    Set before any test runs, so every build (a process of its own, or a child of sitebuild's fork server) has it."""
    from leerlandschap.templatecache import CACHE_VARIABLE

    folder = _run_dir(tmp_path_factory) / "templates"
    os.environ[CACHE_VARIABLE] = str(folder)
    return folder


@pytest.fixture(scope="session")
def example_content():
    """The repository's own example content, loaded once."""
    from leerlandschap.loader import load_content

    return load_content(EXAMPLE_CONTENT)


def as_a_regions_own(documents: dict) -> dict:
    """Open data documents (opendata.open_data_documents) as a region's own site would publish the same items: every
    item with `voorbeeldsite` false. The example site marks all of its items true, and a neighbour shows none of them
    (buren_read.py), so a test that reads the example content as a region's data goes through here."""
    return {folder: {**doc, "items": [{**item, "voorbeeldsite": False} for item in doc["items"]]}
            for folder, doc in documents.items()}


@pytest.fixture(scope="session")
def own_documents(example_content) -> dict:
    """The example's open data as a region's own site publishes it (as_a_regions_own), for tests of a neighbour."""
    from leerlandschap.opendata import open_data_documents

    return as_a_regions_own(open_data_documents(example_content))


def served(documents: dict) -> dict[str, bytes]:
    """Open data documents as the files a neighbour serves (buren_fetch.FILES), in bytes."""
    import json

    from leerlandschap.buren_fetch import FILES

    return {folder: json.dumps(documents[folder], ensure_ascii=False).encode("utf-8") for folder in FILES}


@pytest.fixture(scope="session")
def chromium():
    """One headless Debian Chromium (browser.TEST_CHROMIUM) for the whole test session (Playwright allows one sync instance)."""
    from browser import CHROMIUM_ARGS, TEST_CHROMIUM, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=TEST_CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, with_npm: bool = False,
                  prepare: Callable[[Path], None] | None = None) -> Path:
    """The example content, copied from this tree, changed by `prepare` (tests/variants.py) and built for real
    (check, MkDocs, Pagefind) once per test run under `name`: the first xdist worker builds, the others wait and
    share it. Beside the project: what the build printed (`output.txt`) and the CPU seconds it took (`cpu.txt`).
    with_npm: the project sees this tree's node_modules, so /beheer/ is built."""
    from sitebuild import build, make_project

    shared = _run_dir(tmp_path_factory) / name
    with _locked(_run_dir(tmp_path_factory) / f"{name}.lock"):
        done = shared / "built"
        if not done.exists():
            shutil.rmtree(shared, ignore_errors=True)
            project = make_project(shared / "project")
            if with_npm:
                (project / "node_modules").symlink_to(ROOT / "node_modules")
            if prepare:
                prepare(project)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            result = build(project)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if result.returncode != 0:
                pytest.fail(f"the {name} site does not build:\n{result.stdout}{result.stderr}")
            (shared / "output.txt").write_text(result.stdout + result.stderr, encoding="utf-8")
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            (shared / "cpu.txt").write_text(f"{cpu:.3f}\n", encoding="utf-8")
            done.write_text("built\n", encoding="utf-8")
    return shared / "project"


def build_cpu_seconds(project: Path) -> float:
    """The CPU seconds (user and system, of the build and the processes it started) a shared project's build took."""
    return float((project.parent / "cpu.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def example_project(tmp_path_factory) -> Path:
    """The example content built once per test run without the npm packages (so without /beheer/), shared by all
    workers; what the build printed is in ../output.txt. Read only: a test that changes the project or its site
    builds its own (sitebuild.make_project). Never site/ of `make site`, which may be older than the tree."""
    return _shared_build(tmp_path_factory, "example", with_npm=False)


@pytest.fixture(scope="session")
def editor_project(tmp_path_factory) -> Path:
    """The example content built once per test run with this tree's npm packages, so with /beheer/ (Sveltia CMS);
    shared by all workers and read only, like example_project."""
    from leerlandschap import cms

    if not (ROOT / cms.PACKAGE).is_dir():
        pytest.fail("@sveltia/cms is missing: 'make test' installs the npm packages (npm ci)")
    return _shared_build(tmp_path_factory, "editor", with_npm=True)


@pytest.fixture(scope="session")
def hostile_project(tmp_path_factory) -> Path:
    """A fork whose region file is full of markup, Markdown and template syntax (variants.make_hostile), built once
    per run and shared, read only."""
    from variants import make_hostile

    return _shared_build(tmp_path_factory, "hostile", prepare=make_hostile)


@pytest.fixture(scope="session")
def own_project(tmp_path_factory) -> Path:
    """The example region with its own promises, contact, licence, neighbours and a practice full of payloads
    (variants.make_own), built once per run and shared, read only."""
    from variants import make_own

    return _shared_build(tmp_path_factory, "own", prepare=make_own)


@pytest.fixture(scope="session")
def example_site(example_project):
    """The shared example project (see example_project), served on 127.0.0.1 for this worker."""
    from browser import SiteServer

    server = SiteServer(example_project / "site")
    yield example_project, server.url
    server.stop()


@pytest.fixture(scope="module")
def _kept_pages(chromium) -> Iterator[dict]:
    """The pages kept_page hands out, one per viewport, for the tests of one file (one worker); closed after them."""
    pages: dict = {}
    yield pages
    for page in pages.values():
        page.context.close()


@pytest.fixture
def kept_page(chromium, _kept_pages, example_site):
    """kept_page(viewport=None) -> a page that the tests of this file share (one per viewport), with `.requests`: the
    addresses this test asked for, and `.errors`: its JavaScript errors (the test fails if there are any). A fresh
    context and its first page load cost about three times the CPU of a load in a kept page, where the site's styles,
    scripts and Pagefind's code are already in the cache; most browser tests only open pages and read them.
    Afterwards nothing may have left the site and no cookie may be set; the page's storage is emptied and it goes to
    about:blank (which also ends whatever it was still loading), unless it shows the search page without a filter,
    where the next test may type its query (browser.on_search_page). A test that installs a clock, a route, a listener
    or another setting (LEAVES_STATE) cannot use it: collecting it fails."""
    from browser import on_search_page

    _, served = example_site
    used: list = []

    def make(viewport: dict | None = None):
        key = tuple(sorted((viewport or {}).items()))
        if key not in _kept_pages:
            _kept_pages[key] = chromium.new_context(**({"viewport": viewport} if viewport else {})).new_page()
        page = _kept_pages[key]
        if not any(page is kept for kept, _, _ in used):
            requests: list[str] = []
            errors: list[str] = []

            def record(request) -> None:
                requests.append(request.url)

            def note(error) -> None:
                errors.append(str(error))

            page.requests, page.errors = requests, errors
            page.on("request", record)
            page.on("pageerror", note)
            used.append((page, record, note))
        return page

    yield make
    for page, record, note in used:
        if page.url.startswith(served):
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        if not on_search_page(page.url, served):  # the search page stays open for the next query (browser.py)
            page.goto("about:blank")
        page.remove_listener("request", record)
        page.remove_listener("pageerror", note)
        assert [url for url in page.requests if not url.startswith(served)] == [], "a request left the site"
        assert page.context.cookies() == []
        assert page.errors == []


@pytest.fixture
def new_page(chromium, example_site):
    """new_page(**context options) -> a page in a fresh browser context; JavaScript errors fail the test."""
    contexts = []

    def make(**options):
        context = chromium.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.errors = errors
        return page

    yield make
    for context in contexts:
        for page in context.pages:
            assert page.errors == []
        context.close()
