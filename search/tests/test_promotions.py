"""Editors' promoted results come first, while the promoted page is live and public."""

import pytest

from library.factories import restrict_page_to_members
from search.factories import SearchPromotionFactory
from search.tests.helpers import SEARCH_URL

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(resource):
    resource(title="Census mention", summary="The census is mentioned here.")
    return resource(title="Counting every child: our guide", summary="Start here.")


def promoted_titles(response):
    return [pick["title"] for pick in response.context["promoted"]]


def test_promoted_page_is_shown_before_the_results(client, guide):
    SearchPromotionFactory(query_string="census", page=guide, description="Editors’ pick.")

    response = client.get(SEARCH_URL, {"q": "Census"})
    html = response.content.decode()

    assert promoted_titles(response) == ["Counting every child: our guide"]
    assert html.index("Recommended") < html.index('<ol class="search-list"')
    assert "Editors’ pick." in html


def test_promoted_external_link_is_shown(client, guide):
    SearchPromotionFactory(
        query_string="census",
        external_link_url="https://www.census.gov/",
        external_link_text="Census Bureau",
    )

    response = client.get(SEARCH_URL, {"q": "census"})

    assert response.context["promoted"] == [
        {"title": "Census Bureau", "url": "https://www.census.gov/", "description": ""}
    ]


def test_unpublished_promoted_page_is_not_shown(client, guide):
    SearchPromotionFactory(query_string="census", page=guide)
    guide.unpublish()

    assert promoted_titles(client.get(SEARCH_URL, {"q": "census"})) == []


def test_members_only_promoted_page_is_not_shown(client, guide):
    SearchPromotionFactory(query_string="census", page=guide)
    restrict_page_to_members(guide)

    assert promoted_titles(client.get(SEARCH_URL, {"q": "census"})) == []


def test_promotions_are_for_their_query_only(client, guide):
    SearchPromotionFactory(query_string="census", page=guide)

    assert promoted_titles(client.get(SEARCH_URL, {"q": "child"})) == []
