"""A URL finds its page with one query for the whole path (home.routing), and gives the
answer Wagtail's level-by-level walk gives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.factories import StandardPageFactory
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uncached(settings):
    settings.RESPONSE_CACHE_ENABLED = False


def page_tree_queries(client, url) -> int:
    """The queries of a warm GET of `url` that read the page tree itself."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum(
        1
        for query in queries.captured_queries
        if query["sql"].startswith('SELECT "wagtailcore_page"."id"')
        and '"wagtailcore_page"."slug"' in query["sql"].split("WHERE", 1)[-1]
    )


def test_the_path_is_found_in_one_query_however_deep_the_page(home_page, client):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    board = StandardPageFactory(parent=team, title="Board", slug="board")

    assert page_tree_queries(client, about.url) == 1
    assert page_tree_queries(client, board.url) == 1
    assert "<h1>Board</h1>" in client.get("/about/team/board/").content.decode()


def test_the_same_slug_at_two_depths_finds_the_page_under_its_own_parent(home_page, client):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    StandardPageFactory(parent=home_page, title="Top-level history", slug="history")
    StandardPageFactory(parent=about, title="Our history", slug="history")

    assert "Our history" in client.get("/about/history/").content.decode()
    assert "Top-level history" in client.get("/history/").content.decode()


def test_an_unknown_slug_and_a_page_that_is_not_live_are_not_found(home_page, client):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    StandardPageFactory(parent=about, title="Draft", slug="draft", live=False)

    assert client.get("/about/nowhere/").status_code == 404
    assert client.get("/nowhere/about/").status_code == 404
    assert client.get("/about/draft/").status_code == 404


def test_a_page_below_an_unpublished_section_is_served_as_wagtail_serves_it(home_page, client):
    section = StandardPageFactory(parent=home_page, title="Section", slug="section", live=False)
    StandardPageFactory(parent=section, title="Still public", slug="child")

    expected = Page.route(home_page.specific, None, ["section", "child"]).page.title
    assert expected == "Still public"
    assert "Still public" in client.get("/section/child/").content.decode()


def test_a_routable_page_still_answers_its_own_routes(home_page, client):
    index = WebinarIndexPageFactory(parent=home_page, title="Webinars", slug="webinars")
    webinar = WebinarPageFactory(parent=index, title="Tax credits", slug="tax-credits")

    assert client.get("/webinars/").status_code == 200
    assert client.get(webinar.url).status_code == 200
    calendar = client.get(index.url + index.reverse_subpage("calendar"))
    assert calendar.status_code == 200
    assert calendar["Content-Type"].startswith("text/calendar")
    assert client.get(webinar.url + webinar.reverse_subpage("calendar")).status_code == 200
