"""Settings of the benchmarks only (bench/ratios.py): production settings, plus a trivial
view to compare with, and the response cache switched from the environment.

    DJANGO_SETTINGS_MODULE=bench.settings BENCH_RESPONSE_CACHE=0 \
        gunicorn --pythonpath site,. wsgi:application

Imported as `bench.settings` with the project folder on the path beside site/ (a
`settings` module on the path would shadow site's `settings` package). The trivial view
(bench/urls.py) exists only here, never in the site's own settings.
"""

import os

from settings.production import *  # noqa: F403
from settings.production import RESPONSE_CACHE_SKIP_PATHS

ROOT_URLCONF = "bench.urls"
# The trivial view is the yardstick of the stack, the same in every run: never answered
# from the response cache, never stored.
RESPONSE_CACHE_SKIP_PATHS = [*RESPONSE_CACHE_SKIP_PATHS, "/bench/"]

# BENCH_RESPONSE_CACHE=0 builds every response (the uncached path), 1 serves from the
# response cache; unset keeps the site's own setting (on).
if os.environ.get("BENCH_RESPONSE_CACHE"):
    RESPONSE_CACHE_ENABLED = os.environ["BENCH_RESPONSE_CACHE"] != "0"
