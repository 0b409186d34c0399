"""Content-API responses cost the same few queries whatever the number of items
(issue 14): the listings with every field, at 3 and at 20 items, and the details."""

from datetime import timedelta

import pytest
from django.utils import timezone

from library.factories import DocumentFactory, ResourceFileFactory, ResourcePageFactory
from members.factories import MemberProfilePageFactory
from tests.query_budget import API_BUDGET, get, uncached, warm, warm_queries
from webinars.factories import WebinarPageFactory, WebinarSpeakerFactory

LISTING_QUERIES = [
    "",
    "type=library.ResourcePage&fields=*",
    "type=webinars.WebinarPage&fields=*",
    "type=members.MemberProfilePage&fields=*",
]
DETAILS = ["brief", "upcoming", "ohio", "about"]


@pytest.fixture(autouse=True)
def _uncached(settings):
    uncached(settings)


def add_items(site, count, start=0):
    """`count` more pages of each listed type, each with its relations set."""
    for n in range(start, start + count):
        webinar = WebinarPageFactory(
            parent=site.webinars,
            title=f"Webinar {n}",
            starts_at=timezone.now() + timedelta(days=(n + 1) * (1 if n % 2 else -1)),
            webinar_series=site.series,
            networks=[site.sparc],
            topics=[site.health],
            slides=site.public_document,
            social_image=site.image,
        )
        WebinarSpeakerFactory(page=webinar, photo=site.image)
        resource = ResourcePageFactory(
            parent=site.library, title=f"Resource {n}", cover_image=site.image
        )
        resource.topics.set([site.nutrition, site.health])
        resource.states.set(["OH", "AZ"])
        resource.save()
        ResourceFileFactory(page=resource, document=DocumentFactory())
        MemberProfilePageFactory(
            parent=site.directory,
            title=f"Member {n}",
            home_state_id="AZ",
            logo=site.image,
            networks=[site.sparc],
            topics=[site.health],
        )


@pytest.mark.django_db
@pytest.mark.parametrize("query", LISTING_QUERIES)
def test_api_listing_queries_stay_within_budget_whatever_the_number_of_items(
    api_site, client, django_assert_max_num_queries, query
):
    url = f"/api/v2/pages/?{query}&limit=20"
    add_items(api_site, 3)
    few = warm_queries(client, url)
    add_items(api_site, 17, start=3)
    warm(client, url)
    with django_assert_max_num_queries(API_BUDGET) as many:
        assert len(get(client, url).json()["items"]) == 20

    assert len(many) <= few  # more items, no more queries


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_api_media_listing_queries_stay_within_budget_whatever_the_number_of_items(
    api_site, client, django_assert_max_num_queries, endpoint
):
    url = f"/api/v2/{endpoint}/?fields=*&limit=20"
    add_items(api_site, 3)
    few = warm_queries(client, url)
    add_items(api_site, 17, start=3)
    warm(client, url)
    with django_assert_max_num_queries(API_BUDGET) as many:
        get(client, url)

    assert len(many) <= few  # more items, no more queries


@pytest.mark.django_db
@pytest.mark.parametrize("name", DETAILS)
def test_api_detail_queries_stay_within_budget(
    api_site, client, django_assert_max_num_queries, name
):
    url = f"/api/v2/pages/{getattr(api_site, name).pk}/"
    warm(client, url)
    with django_assert_max_num_queries(API_BUDGET):
        get(client, url)
