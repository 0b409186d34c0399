"""Each language searches its own pages; the language facet points to the other."""

import pytest

from search.tests.helpers import (
    SEARCH_URL,
    SUGGEST_URL,
    facet_counts,
    publish_translation,
    result_titles,
    suggestion_titles,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(home_page, resource, spanish):
    publish_translation(home_page, spanish, title="Inicio")
    english = resource(title="Census guide for advocates", summary="Counting every child.")
    publish_translation(english.get_parent(), spanish, title="Biblioteca")
    spanish_guide = publish_translation(
        english, spanish, title="Guía del censo para defensores", summary="Contar a cada niño."
    )
    return english, spanish_guide


def test_english_search_finds_only_english_pages(client, bilingual):
    response = client.get(SEARCH_URL, {"q": "census"})

    assert result_titles(response) == ["Census guide for advocates"]
    assert result_titles(client.get(SEARCH_URL, {"q": "censo"})) == []


def test_spanish_search_finds_only_spanish_pages(client, bilingual):
    response = client.get("/es" + SEARCH_URL, {"q": "censo"})

    assert result_titles(response) == ["Guía del censo para defensores"]
    assert response.context["items"][0]["url"].startswith("/es/")
    assert result_titles(client.get("/es" + SEARCH_URL, {"q": "census"})) == []


def test_language_facet_counts_the_same_search_in_each_language(client, bilingual):
    response = client.get("/es" + SEARCH_URL, {"q": "census"})
    facet = {value.value: value for value in response.context["facets"]["language"]}

    assert facet_counts(response, "language") == {"en": 1, "es": 0}
    assert facet["en"].url == "/search/?q=census"
    assert 'hreflang="en"' in response.content.decode()


def test_suggestions_are_in_the_visitors_language(client, bilingual):
    assert suggestion_titles(client.get("/es" + SUGGEST_URL, {"q": "defens"})) == [
        "Guía del censo para defensores"
    ]
    assert suggestion_titles(client.get(SUGGEST_URL, {"q": "defens"})) == []


def test_spanish_search_without_a_spanish_site_has_no_results(client, resource):
    resource(title="Census guide")

    response = client.get("/es" + SEARCH_URL, {"q": "census"})

    assert response.status_code == 200
    assert result_titles(response) == []
