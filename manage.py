#!/usr/bin/env python
"""Django's command-line utility.

`site/` holds the project configuration but is not a package (a package named
`site` would shadow the standard library's), so it goes on the import path here
and its modules import as `settings.dev`, `urls`, `wsgi`.
"""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
