"""The home page and a standard page cost the same few queries whatever the number of
menu items and featured pages (issue 14: no per-item queries)."""

import pytest

from home.factories import StandardPageFactory
from tests.query_budget import get, uncached, warm, warm_queries

# Reached, on SQLite and PostgreSQL: within PAGE_BUDGET (12, tests/query_budget.py).
HOME_BUDGET = 6
STANDARD_BUDGET = 4


@pytest.fixture(autouse=True)
def _uncached(settings):
    uncached(settings)


def add_pages(home_page, count, start=0):
    pages = [
        StandardPageFactory(
            parent=home_page, title=f"Page {n}", slug=f"page-{n}", show_in_menus=True
        )
        for n in range(start, start + count)
    ]
    home_page.featured = [
        *(("page", block.value) for block in home_page.featured),
        *(("page", page) for page in pages),
    ]
    home_page.save()
    return pages


@pytest.mark.django_db
def test_home_page_queries_stay_within_budget_whatever_the_number_of_pages(
    client, home_page, django_assert_max_num_queries
):
    add_pages(home_page, 3)
    few = warm_queries(client, home_page.url)
    add_pages(home_page, 17, start=3)
    warm(client, home_page.url)
    with django_assert_max_num_queries(HOME_BUDGET) as many:
        get(client, home_page.url)

    assert len(many) <= few  # more items, no more queries


@pytest.mark.django_db
def test_standard_page_queries_stay_within_budget_whatever_the_number_of_menu_items(
    client, home_page, django_assert_max_num_queries
):
    page = add_pages(home_page, 3)[0]
    few = warm_queries(client, page.url)
    add_pages(home_page, 17, start=3)
    warm(client, page.url)
    with django_assert_max_num_queries(STANDARD_BUDGET) as many:
        get(client, page.url)

    assert len(many) <= few  # more items, no more queries
