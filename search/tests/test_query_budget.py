"""The search page costs the same few queries whatever the number of results (issue 14:
no per-item queries)."""

import pytest

from tests.query_budget import get, uncached, warm, warm_queries

# Reached, on SQLite and PostgreSQL: within PAGE_BUDGET (12, tests/query_budget.py).
SEARCH_BUDGET = 10
URL = "/search/?q=children"


@pytest.fixture(autouse=True)
def _uncached(settings):
    uncached(settings)


def add_results(resource, webinar, member_profile, standard_page, topics, count, start=0):
    for n in range(start, start + count):
        found = resource(title=f"Children resource {n}", summary="For children.")
        found.topics.set(topics)
        found.save()
        webinar(title=f"Children webinar {n}", topics=topics)
        member_profile(title=f"Children alliance {n}", topics=topics)
        standard_page(title=f"Children page {n}", slug=f"children-{n}")


@pytest.mark.django_db
def test_search_page_queries_stay_within_budget_whatever_the_number_of_results(
    client,
    resource,
    webinar,
    member_profile,
    standard_page,
    nutrition,
    tax_credits,
    django_assert_max_num_queries,
):
    make = (resource, webinar, member_profile, standard_page, [nutrition, tax_credits])
    add_results(*make, 3)
    few = warm_queries(client, URL)
    add_results(*make, 17, start=3)
    warm(client, URL)
    with django_assert_max_num_queries(SEARCH_BUDGET) as many:
        get(client, URL)

    assert len(many) <= few  # more items, no more queries
