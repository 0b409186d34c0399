"""The webinars listing: order, filters in the URL, pagination, privacy, query budget."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from webinars.factories import WebinarPageFactory, WebinarSpeakerFactory
from webinars.models import LISTING_PAGE_SIZE


def days(n):
    return timezone.now() + timedelta(days=n)


def titles_in_order(html, titles):
    found = sorted((html.index(title), title) for title in titles if title in html)
    return [title for _, title in found]


@pytest.mark.django_db
def test_listing_shows_upcoming_soonest_first_then_past_newest_first(index_page, client):
    for title, start in [
        ("Next month", days(30)),
        ("Last month", days(-30)),
        ("Tomorrow", days(1)),
        ("Yesterday", days(-1)),
    ]:
        WebinarPageFactory(parent=index_page, title=title, starts_at=start)

    html = client.get(index_page.url).content.decode()

    order = titles_in_order(html, ["Next month", "Last month", "Tomorrow", "Yesterday"])
    assert order == ["Tomorrow", "Next month", "Yesterday", "Last month"]
    assert html.index("Upcoming webinars") < html.index("Tomorrow")
    assert html.index("Past webinars and recordings") < html.index("Yesterday")


@pytest.mark.django_db
def test_listing_filters_by_topic_network_and_series_from_the_query_string(
    index_page, taxonomy, client
):
    WebinarPageFactory(
        parent=index_page,
        title="SPARC welfare session",
        topics=[taxonomy["child-welfare"]],
        networks=[taxonomy["sparc"]],
        webinar_series=taxonomy["sparc-series"],
    )
    WebinarPageFactory(
        parent=index_page,
        title="Peer health session",
        topics=[taxonomy["child-health"]],
        networks=[taxonomy["partnership"]],
        webinar_series=taxonomy["peer-exchange"],
    )

    def listed(query):
        html = client.get(index_page.url + query).content.decode()
        return titles_in_order(html, ["SPARC welfare session", "Peer health session"])

    assert listed("?topic=child-welfare") == ["SPARC welfare session"]
    assert listed("?network=partnership") == ["Peer health session"]
    assert listed("?series=peer-exchange") == ["Peer health session"]
    assert listed("?series=peer-exchange&network=sparc") == []
    assert listed("?topic=child-welfare,child-health") == [
        "SPARC welfare session",
        "Peer health session",
    ]


@pytest.mark.django_db
def test_listing_filter_form_works_without_javascript_and_keeps_its_state(
    index_page, taxonomy, client
):
    html = client.get(index_page.url + "?series=peer-exchange").content.decode()

    assert f'<form class="webinar-filters" method="get" action="{index_page.url}"' in html
    assert '<label for="id_series">Series</label>' in html
    assert '<option value="peer-exchange" selected>' in html
    assert 'type="submit"' in html
    # The subscribe link carries the same filters.
    assert "calendar/?series=peer-exchange" in html


@pytest.mark.django_db
def test_listing_with_unknown_filter_value_is_a_400_that_says_why(index_page, client):
    response = client.get(index_page.url + "?series=no-such-series")

    assert response.status_code == 400
    assert "unknown series: no-such-series" in response.content.decode()


@pytest.mark.django_db
def test_listing_paginates_and_page_links_keep_the_filters(index_page, taxonomy, client):
    for n in range(LISTING_PAGE_SIZE + 2):
        WebinarPageFactory(
            parent=index_page, title=f"Session {n:02}", starts_at=days(n + 1),
            networks=[taxonomy["sparc"]],
        )  # fmt: skip

    first = client.get(index_page.url + "?network=sparc").content.decode()
    second = client.get(index_page.url + "?network=sparc&page=2").content.decode()

    assert "Session 00" in first and f"Session {LISTING_PAGE_SIZE:02}" not in first
    assert f"Session {LISTING_PAGE_SIZE:02}" in second and "Session 00" not in second
    assert 'href="?network=sparc&amp;page=2"' in first
    assert "Page 2 of 2" in second


@pytest.mark.django_db
def test_members_only_webinars_dont_appear_in_the_listing(index_page, client, django_user_model):
    WebinarPageFactory(parent=index_page, title="Open session")
    private = WebinarPageFactory(parent=index_page, title="Members-only session")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = WebinarPageFactory(parent=index_page, title="Draft session", live=False)
    assert not draft.live

    html = client.get(index_page.url).content.decode()

    assert "Open session" in html
    assert "Members-only session" not in html
    assert "Draft session" not in html


@pytest.mark.django_db
def test_listing_query_count_does_not_grow_with_the_number_of_webinars(
    index_page, taxonomy, client, django_assert_max_num_queries
):
    def add_webinars(count, start):
        for n in range(start, start + count):
            webinar = WebinarPageFactory(
                parent=index_page,
                starts_at=days(n - 5),
                topics=[taxonomy["child-health"], taxonomy["child-welfare"]],
                networks=[taxonomy["sparc"]],
                webinar_series=taxonomy["peer-exchange"],
            )
            WebinarSpeakerFactory(page=webinar)
            WebinarSpeakerFactory(page=webinar)

    add_webinars(2, 0)
    client.get(index_page.url)  # warm the site-root and settings caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(index_page.url).status_code == 200

    budget = len(few.captured_queries)  # now: the connection keeps only its last queries

    add_webinars(LISTING_PAGE_SIZE, 2)
    client.get(index_page.url)  # warm again: publishing changed the content version
    with django_assert_max_num_queries(budget):
        html = client.get(index_page.url).content.decode()
    assert html.count('class="webinar-card"') == LISTING_PAGE_SIZE
