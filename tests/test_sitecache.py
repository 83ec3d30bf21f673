"""sitedata.SiteCache: the cache belongs to the build that owns it (the MkDocs plugin), never to a module."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import ROOT
from leerlandschap.sitedata import SiteCache, load_site
from leerlandschap_mkdocs.macros import define_env
from leerlandschap_mkdocs.plugin import LeerlandschapPlugin


class FakeMacrosEnv:
    """What define_env uses of mkdocs-macros' plugin object: conf, page and the macro decorator."""

    def __init__(self, conf: dict) -> None:
        self.conf = conf
        self.page = None
        self.macros: dict[str, Callable[..., str]] = {}

    def macro(self, function: Callable[..., str]) -> Callable[..., str]:
        self.macros[function.__name__] = function
        return function


def test_mkdocs_keeps_the_plugin_and_with_it_its_cache_across_serve_rebuilds():
    # MkDocs 1.6 keeps a plugin instance between the rebuilds of `mkdocs serve` when it defines on_startup
    # (mkdocs.config.config_options.Plugins.load_plugin); the cache is then the preview's for its whole life.
    assert "on_startup" in vars(LeerlandschapPlugin)
    plugin = LeerlandschapPlugin()
    assert isinstance(plugin.cache, SiteCache) and plugin.cache.sites == {}
    assert LeerlandschapPlugin().cache is not plugin.cache


def test_the_macros_load_through_the_plugins_cache():
    plugin = LeerlandschapPlugin()
    env = FakeMacrosEnv({"extra": {}, "config_file_path": str(ROOT / "mkdocs.yml"), "plugins": {"leerlandschap": plugin}})
    define_env(env)
    assert env.macros["regio_naam"]() != ""
    assert list(plugin.cache.sites) == [(ROOT / "content").resolve()]


def test_without_the_plugin_the_macros_use_a_cache_of_their_own():
    env = FakeMacrosEnv({"extra": {}, "config_file_path": str(ROOT / "mkdocs.yml")})  # the Zensical export
    define_env(env)
    assert env.macros["regio_naam"]() != ""


def test_a_cache_returns_the_same_site_while_nothing_changed_and_a_new_cache_builds_anew():
    cache = SiteCache()
    first = load_site(ROOT / "content", cache)
    assert load_site(ROOT / "content", cache) is first
    assert load_site(ROOT / "content") is not first
    assert load_site(Path(ROOT / "content"), SiteCache()) is not first
    assert cache.sites[(ROOT / "content").resolve()][2] is first
