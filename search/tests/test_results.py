"""The search page: ranking, excerpts, pagination, empty states and the query budget."""

import pytest
from django.db import connection
from wagtail.contrib.search_promotions.models import Query

from search.tests.helpers import SEARCH_URL, facet_counts, result_titles
from search.views import RESULTS_PER_PAGE

pytestmark = pytest.mark.django_db


def test_search_page_without_a_query_invites_one(client, home_page):
    response = client.get(SEARCH_URL)

    assert response.status_code == 200
    assert response.context["results"] is None
    assert "Enter a word or two" in response.content.decode()


def test_every_page_has_a_labelled_search_box_in_the_header(client, home_page):
    html = client.get(home_page.url).content.decode()

    assert '<form class="site-search" action="/search/" method="get" role="search">' in html
    assert '<label class="visually-hidden" for="site-search-q">' in html
    assert 'data-suggest-url="/search/suggest/"' in html


def test_title_match_ranks_above_a_passing_mention(client, resource, webinar):
    resource(
        title="Annual report on state budgets",
        summary="Covers many things; the Census comes up once in passing.",
    )
    webinar(title="Census 2030: counting every child", summary="How to prepare.")

    titles = result_titles(client.get(SEARCH_URL, {"q": "census"}))

    assert titles == ["Census 2030: counting every child", "Annual report on state budgets"]


def test_results_span_every_content_type(client, resource, webinar, member_profile, standard_page):
    resource(title="Nutrition toolkit")
    webinar(title="Nutrition webinar")
    member_profile(title="Nutrition Alliance")
    standard_page(title="Nutrition programs")

    response = client.get(SEARCH_URL, {"q": "nutrition"})

    assert sorted(item["type"] for item in response.context["items"]) == [
        "Member organization",
        "Page",
        "Resource",
        "Webinar",
    ]


def test_every_word_must_match(client, resource):
    resource(title="Child tax credits at a glance")
    resource(title="Child nutrition in schools")

    assert result_titles(client.get(SEARCH_URL, {"q": "child tax"})) == [
        "Child tax credits at a glance"
    ]


def test_excerpt_highlights_the_terms_and_escapes_the_text(client, resource):
    resource(
        title="A report",
        summary="<b>Bold</b> claims & the Census: counts of children matter.",
    )

    response = client.get(SEARCH_URL, {"q": "census children"})
    item = response.context["items"][0]

    assert str(item["excerpt"]) == (
        "&lt;b&gt;Bold&lt;/b&gt; claims &amp; the <mark>Census</mark>: counts of "
        "<mark>children</mark> matter."
    )
    assert "<mark>Census</mark>" in response.content.decode()


def test_excerpt_comes_from_the_body_when_the_summary_does_not_match(client, resource):
    resource(
        title="Budget basics",
        summary="An overview.",
        body=[("paragraph", "<p>States can fund universal school meals from the budget.</p>")],
    )

    item = client.get(SEARCH_URL, {"q": "meals"}).context["items"][0]

    assert "universal school <mark>meals</mark>" in str(item["excerpt"])


def test_results_are_paginated(client, resource):
    for number in range(RESULTS_PER_PAGE + 3):
        resource(title=f"Census guide {number}")

    first = client.get(SEARCH_URL, {"q": "census"})
    second = client.get(SEARCH_URL, {"q": "census", "page": 2})

    assert len(first.context["items"]) == RESULTS_PER_PAGE
    assert len(second.context["items"]) == 3
    assert first.context["results"].paginator.count == RESULTS_PER_PAGE + 3
    assert 'href="?q=census&amp;page=2" rel="next"' in first.content.decode()
    assert not set(result_titles(first)) & set(result_titles(second))


def test_no_results_says_so_and_suggests_what_to_try(client, resource):
    resource(title="Census guide")

    response = client.get(SEARCH_URL, {"q": "zebra"})

    assert response.status_code == 200
    assert "0 results for “zebra”" in response.content.decode()
    assert "Check the spelling" in response.content.decode()


def test_a_search_is_counted_for_the_popular_queries_report(client, resource):
    resource(title="Census guide")

    client.get(SEARCH_URL, {"q": "Census"})
    client.get(SEARCH_URL, {"q": "census "})
    client.get(SEARCH_URL, {"q": "census", "page": 2})  # paging is not a new search

    assert Query.objects.get(query_string="census").hits == 2


def test_results_page_query_count_does_not_grow_with_the_number_of_results(
    client, resource, webinar, member_profile, tax_credits, django_assert_max_num_queries
):
    def make(start, stop):
        for number in range(start, stop):
            resource(title=f"Tax guide {number}", topics=[tax_credits])
            webinar(title=f"Tax webinar {number}", topics=[tax_credits])
            member_profile(title=f"Tax Alliance {number}", topics=[tax_credits])

    make(0, 1)
    client.get(SEARCH_URL, {"q": "tax"})  # warm the per-process caches (content types)
    with django_assert_max_num_queries(30) as few:
        first = client.get(SEARCH_URL, {"q": "tax"})
    budget = len(few.captured_queries)
    make(1, 4)
    client.get(SEARCH_URL, {"q": "tax"})  # warm again: publishing changed the content version
    with django_assert_max_num_queries(budget):
        response = client.get(SEARCH_URL, {"q": "tax"})

    assert len(response.context["items"]) == RESULTS_PER_PAGE
    assert len(first.context["items"]) == 3


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="On SQLite the facets run FTS5's match again as a subquery, which is faster there.",
)
def test_results_page_runs_the_search_once_on_postgresql(
    client, resource, webinar, tax_credits, django_assert_max_num_queries
):
    for number in range(12):
        resource(title=f"Tax guide {number}", topics=[tax_credits])
        webinar(title=f"Tax webinar {number}", topics=[tax_credits])
    client.get(SEARCH_URL, {"q": "tax"})  # warm the per-process caches (content types)

    with django_assert_max_num_queries(30) as queries:
        response = client.get(SEARCH_URL, {"q": "tax", "page": 2})
    searches = [query for query in queries.captured_queries if "indexentry" in query["sql"]]

    # One query lists every match in rank order; the count, the page of results and the
    # facets come from that list.
    assert len(searches) == 1
    assert response.context["results"].paginator.count == 24
    assert facet_counts(response, "topic") == {"child-tax-credits": 24}
