"""Listing endpoints use a fixed number of SQL queries whatever the page size."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.factories import StandardPageFactory
from library.factories import DocumentFactory, ResourceFileFactory, ResourcePageFactory
from library.models import RelatedResource
from members.factories import MemberProfilePageFactory
from webinars.factories import WebinarPageFactory, WebinarSpeakerFactory
from webinars.models import WebinarRelatedResource

COUNT = 21


@pytest.fixture
def crowded_site(api_site):
    """COUNT pages of each type, each with everything its listing can show."""
    site = api_site
    link = f'<p>See <a linktype="page" id="{site.secret.pk}">this</a> and '
    link += f'<a linktype="page" id="{site.about.pk}">that</a>.</p>'
    for n in range(COUNT):
        StandardPageFactory(
            parent=site.home_page,
            title=f"Standard {n}",
            social_image=site.image,
            body=[
                ("paragraph", link),
                ("image", {"image": site.image, "alt_text": "A picture", "decorative": False}),
                ("document", {"document": site.public_document, "label": ""}),
            ],
        )
        webinar = WebinarPageFactory(
            parent=site.webinars,
            title=f"Webinar {n}",
            starts_at=timezone.now() + timedelta(days=n + 1),
            webinar_series=site.series,
            networks=[site.sparc],
            topics=[site.health],
            transcript=link,
            slides=site.public_document,
            social_image=site.image,
        )
        WebinarSpeakerFactory(page=webinar, photo=site.image)
        WebinarRelatedResource.objects.create(page=webinar, resource=site.brief)
        WebinarRelatedResource.objects.create(page=webinar, resource=site.hidden_brief)
        resource = ResourcePageFactory(
            parent=site.library, title=f"Resource {n}", cover_image=site.image
        )
        resource.topics.set([site.nutrition])
        resource.states.set(["OH", "AZ"])
        resource.save()
        ResourceFileFactory(page=resource, document=DocumentFactory())
        RelatedResource.objects.create(page=resource, resource=site.brief)
        RelatedResource.objects.create(page=resource, resource=site.hidden_brief)
        MemberProfilePageFactory(
            parent=site.directory,
            title=f"Member {n}",
            home_state_id="AZ",
            logo=site.image,
            networks=[site.sparc],
            topics=[site.health],
        )
    return site


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries), response.json()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "",
        "fields=*&order=-id",
        "locale=en&order=-first_published_at",
        "type=home.StandardPage&fields=*&order=-id",
        "type=webinars.WebinarPage&fields=*&order=-id",
        "type=webinars.WebinarPage&network=sparc&status=upcoming&fields=*&order=-id",
        "type=library.ResourcePage&fields=*&order=-id",
        "type=library.ResourcePage&topic=child-nutrition&state=OH,AZ&fields=*&order=-id",
        "type=members.MemberProfilePage&fields=*&order=-id",
        "type=members.MemberProfilePage&state=AZ&fields=*&search=member",
    ],
)
def test_listing_query_count_does_not_grow_with_page_size(
    crowded_site, client, django_assert_max_num_queries, query
):
    # Newest first: both pages of results are crowded pages, with every relation set.
    url = f"/api/v2/pages/?{query}"
    client.get(f"{url}&limit=20")  # renditions are made on first use, once
    small, data = count_queries(client, f"{url}&limit=2")
    assert len(data["items"]) == 2
    with django_assert_max_num_queries(small):
        data = client.get(f"{url}&limit=20").json()
    assert len(data["items"]) == 20


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_media_listing_query_count_does_not_grow_with_page_size(
    crowded_site, client, django_assert_max_num_queries, endpoint
):
    small, _ = count_queries(client, f"/api/v2/{endpoint}/?limit=2&fields=*")
    with django_assert_max_num_queries(small):
        client.get(f"/api/v2/{endpoint}/?limit=20&fields=*")
