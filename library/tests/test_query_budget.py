"""The library's pages cost the same few queries whatever the number of resources,
files and terms (issue 14: no per-item queries)."""

import pytest

from library.factories import DocumentFactory, ResourceFileFactory, ResourcePageFactory
from tests.query_budget import get, uncached, warm, warm_queries

# Reached, on SQLite and PostgreSQL: within PAGE_BUDGET (12, tests/query_budget.py).
INDEX_BUDGET = 8
RESOURCE_BUDGET = 11


@pytest.fixture(autouse=True)
def _uncached(settings):
    uncached(settings)


def add_resources(library, topics, count, start=0):
    resources = []
    for n in range(start, start + count):
        resource = ResourcePageFactory(parent=library, title=f"Resource {n}")
        resource.topics.set(topics)
        resource.states.set(["OH", "AZ"])
        resource.save()
        ResourceFileFactory(page=resource, document=DocumentFactory())
        resources.append(resource)
    return resources


@pytest.mark.django_db
def test_library_index_queries_stay_within_budget_whatever_the_number_of_resources(
    client, library, nutrition, health, django_assert_max_num_queries
):
    add_resources(library, [nutrition, health], 3)
    few = warm_queries(client, library.url)
    add_resources(library, [nutrition, health], 17, start=3)
    warm(client, library.url)
    with django_assert_max_num_queries(INDEX_BUDGET) as many:
        get(client, library.url)

    assert len(many) <= few  # more items, no more queries


@pytest.mark.django_db
def test_resource_page_queries_stay_within_budget_whatever_the_number_of_files(
    client, library, nutrition, health, django_assert_max_num_queries
):
    (resource,) = add_resources(library, [nutrition, health], 1)
    for _ in range(2):
        ResourceFileFactory(page=resource, document=DocumentFactory())
    few = warm_queries(client, resource.url)
    for _ in range(17):
        ResourceFileFactory(page=resource, document=DocumentFactory())
    warm(client, resource.url)
    with django_assert_max_num_queries(RESOURCE_BUDGET) as many:
        get(client, resource.url)

    assert len(many) <= few  # more items, no more queries
