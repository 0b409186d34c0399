"""Settings modules: base (safe for production), dev, test, production.

`site/` is on the import path (see README), so these import as `settings.dev` etc.
"""
