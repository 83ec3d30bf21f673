"""mkdocs-macros wiring (mkdocs.yml: plugins → macros → module_name: macros/main): the macros live in the package."""
from leerlandschap_mkdocs.macros import define_env, on_pre_page_macros

__all__ = ["define_env", "on_pre_page_macros"]
