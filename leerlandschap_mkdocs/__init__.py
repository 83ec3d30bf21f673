"""MkDocs glue for Leerlandschap: a plugin (plugin.py) and the macros for hand-written pages (macros.py).

Everything that knows MkDocs lives here; the package `leerlandschap` never imports MkDocs. What the site
gets from the region file and which files are generated is decided once, in site.py, for the plugin and
for the export to Zensical alike.
"""
