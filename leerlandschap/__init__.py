"""Leerlandschap: content model, checker and page generation for a regional learning environment.

Plain Python on purpose: nothing in this package imports MkDocs, so a successor static-site
generator can reuse loading, checking and page generation unchanged.
"""
