"""Search-as-you-type: suggestions for partial words, as JSON."""

import pytest

from search.tests.helpers import SUGGEST_URL, suggestion_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(resource, webinar, member_profile):
    resource(title="State child tax credits at a glance")
    webinar(title="Expanding access to child tax credits")
    member_profile(title="Children’s Alliance of Ohio")
    resource(title="School meals report")


def test_partial_words_are_suggested(client, pages):
    response = client.get(SUGGEST_URL, {"q": "child ta"})

    assert response.status_code == 200
    assert sorted(suggestion_titles(response)) == [
        "Expanding access to child tax credits",
        "State child tax credits at a glance",
    ]


def test_suggestions_have_a_title_url_and_type(client, pages, webinars):
    data = client.get(SUGGEST_URL, {"q": "expand"}).json()

    assert data == {
        "query": "expand",
        "suggestions": [
            {
                "title": "Expanding access to child tax credits",
                "url": "/webinars/expanding-access-to-child-tax-credits/",
                "type": "Webinar",
            }
        ],
    }


def test_suggestions_can_be_cached_by_anyone(client, pages):
    response = client.get(SUGGEST_URL, {"q": "chil"})

    assert "public" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")


def test_a_single_letter_gets_a_hint_not_suggestions(client, pages):
    data = client.get(SUGGEST_URL, {"q": "c"}).json()

    assert data["suggestions"] == []
    assert "at least 2" in data["message"]


def test_suggestions_are_few(client, resource):
    for number in range(20):
        resource(title=f"Census guide {number}")

    assert len(suggestion_titles(client.get(SUGGEST_URL, {"q": "cens"}))) == 8
