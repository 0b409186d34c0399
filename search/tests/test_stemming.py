"""Each language's pages are stemmed by that language's rules (PostgreSQL).

The word pairs are chosen so that only the right language's stemmer joins them:
"contar"/"contamos" are one stem in Spanish ('cont') and two in English, and
"credit"/"credits" one in English ('credit') and two in Spanish.
"""

import pytest
from django.db import connection
from wagtail.models import Page

from search.tests.helpers import SEARCH_URL, facet_counts, publish_translation, result_titles

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Stemming is PostgreSQL full-text search's: SQLite FTS5 matches words as "
        "written (folding case and accents). Runs in CI's PostgreSQL pass.",
    ),
]


@pytest.fixture
def bilingual(home_page, resource, spanish):
    publish_translation(home_page, spanish, title="Inicio")
    english = resource(
        title="Refundable credits for families",
        summary="How states design their credits.",
    )
    publish_translation(english.get_parent(), spanish, title="Biblioteca")
    spanish_guide = publish_translation(
        english,
        spanish,
        title="Contamos a todos los niños",
        summary="Una guía para las familias.",
    )
    return english, spanish_guide


@pytest.mark.parametrize("query", ["contar", "niño", "guia", "familia"])
def test_spanish_search_finds_other_forms_of_spanish_words(client, bilingual, query):
    response = client.get("/es" + SEARCH_URL, {"q": query})

    assert result_titles(response) == ["Contamos a todos los niños"]


@pytest.mark.parametrize("query", ["credit", "family", "refund"])
def test_english_search_finds_other_forms_of_english_words(client, bilingual, query):
    response = client.get(SEARCH_URL, {"q": query})

    assert result_titles(response) == ["Refundable credits for families"]


def test_a_stop_word_in_the_query_does_not_hide_the_page(client, bilingual):
    assert result_titles(client.get(SEARCH_URL, {"q": "credits for the families"})) == [
        "Refundable credits for families"
    ]
    assert result_titles(client.get("/es" + SEARCH_URL, {"q": "guía para las familias"})) == [
        "Contamos a todos los niños"
    ]


def test_a_query_of_only_stop_words_finds_nothing(client, bilingual):
    response = client.get(SEARCH_URL, {"q": "for the"})

    assert response.status_code == 200
    assert result_titles(response) == []


def test_the_language_facet_counts_each_language_with_its_own_stemming(client, bilingual):
    response = client.get(SEARCH_URL, {"q": "contar"})

    assert result_titles(response) == []
    assert facet_counts(response, "language") == {"en": 0, "es": 1}


def test_wagtails_own_search_finds_each_page_by_its_own_languages_stems(bilingual):
    """The admin and the content API search every language at once."""
    english, spanish_guide = bilingual

    assert [page.pk for page in Page.objects.live().search("contar")] == [spanish_guide.pk]
    assert [page.pk for page in Page.objects.live().search("credit")] == [english.pk]


def test_the_content_apis_search_stems_each_page_by_its_own_language(client, bilingual):
    english, spanish_guide = bilingual

    def found(query):
        response = client.get("/api/v2/pages/", {"search": query})
        assert response.status_code == 200, response.content[:300]
        return [item["id"] for item in response.json()["items"]]

    assert found("contar") == [spanish_guide.pk]
    assert found("credit") == [english.pk]
