"""The webinars' pages cost the same few queries whatever the number of webinars,
speakers and terms (issue 14: no per-item queries)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.query_budget import get, uncached, warm, warm_queries
from webinars.factories import WebinarPageFactory, WebinarSpeakerFactory

# Reached, on SQLite and PostgreSQL: within PAGE_BUDGET (12, tests/query_budget.py).
INDEX_BUDGET = 10
WEBINAR_BUDGET = 10


@pytest.fixture(autouse=True)
def _uncached(settings):
    uncached(settings)


def add_webinars(index_page, taxonomy, count, start=0):
    webinars = []
    for n in range(start, start + count):
        webinar = WebinarPageFactory(
            parent=index_page,
            title=f"Webinar {n}",
            # Half upcoming, half past, relative to now.
            starts_at=timezone.now() + timedelta(days=(n + 1) * (1 if n % 2 else -1)),
            webinar_series=taxonomy["sparc-series"],
            topics=[taxonomy["child-health"], taxonomy["child-welfare"]],
            networks=[taxonomy["sparc"]],
        )
        WebinarSpeakerFactory(page=webinar)
        webinars.append(webinar)
    return webinars


@pytest.mark.django_db
def test_webinar_index_queries_stay_within_budget_whatever_the_number_of_webinars(
    client, index_page, taxonomy, django_assert_max_num_queries
):
    add_webinars(index_page, taxonomy, 3)
    few = warm_queries(client, index_page.url)
    add_webinars(index_page, taxonomy, 17, start=3)
    warm(client, index_page.url)
    with django_assert_max_num_queries(INDEX_BUDGET) as many:
        get(client, index_page.url)

    assert len(many) <= few  # more items, no more queries


@pytest.mark.django_db
def test_webinar_page_queries_stay_within_budget_whatever_the_number_of_speakers(
    client, index_page, taxonomy, django_assert_max_num_queries
):
    (webinar,) = add_webinars(index_page, taxonomy, 1)
    for _ in range(2):
        WebinarSpeakerFactory(page=webinar)
    few = warm_queries(client, webinar.url)
    for _ in range(17):
        WebinarSpeakerFactory(page=webinar)
    warm(client, webinar.url)
    with django_assert_max_num_queries(WEBINAR_BUDGET) as many:
        get(client, webinar.url)

    assert len(many) <= few  # more items, no more queries
