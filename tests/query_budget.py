"""Counting the SQL queries of a warm, uncached response (issue 14): the budgets of the
rendered pages and the API, checked by each section's `test_query_budget.py`."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

# The targets of issue 14: every rendered page and every API response, warm.
PAGE_BUDGET = 12
API_BUDGET = 8


def uncached(settings) -> None:
    """Measure the uncached path: no response cache (harmless where there is none)."""
    settings.RESPONSE_CACHE_ENABLED = False


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def warm(client, url) -> None:
    """Two GETs of `url`, to fill the per-process caches a warm server has (site roots,
    renditions, content types): the next one is measured."""
    for _ in range(2):
        get(client, url)


def warm_queries(client, url) -> int:
    """The queries of the third GET of `url`."""
    warm(client, url)
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    return len(queries)
