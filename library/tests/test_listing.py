"""The faceted listing: filters, counts, keyword search, sort, pagination, bad input, queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import State
from library.factories import ResourcePageFactory


def titles(html: str) -> list[str]:
    return re.findall(r'class="resource-card__title"><a href="[^"]*">([^<]+)</a>', html)


def count_of(html: str, param: str, value: str) -> int | None:
    match = re.search(
        rf'id="facet-{param}-{re.escape(value)}"[^>]*>\s*<label[^>]*>[^<]*'
        r'<span class="library__count">\((\d+)\)</span>',
        html,
    )
    return int(match.group(1)) if match else None


@pytest.fixture
def resources(library, nutrition, health):
    return {
        "brief_2025": ResourcePageFactory(
            parent=library,
            title="School meals brief",
            resource_type="policy-brief",
            published_on=datetime.date(2025, 4, 1),
            topics=[nutrition],
            states=list(State.objects.filter(code__in=["OH"])),
        ),
        "brief_2024": ResourcePageFactory(
            parent=library,
            title="WIC brief",
            resource_type="policy-brief",
            published_on=datetime.date(2024, 5, 1),
            topics=[nutrition],
        ),
        "fact_2025": ResourcePageFactory(
            parent=library,
            title="Medicaid fact sheet",
            resource_type="fact-sheet",
            published_on=datetime.date(2025, 2, 1),
            topics=[health],
            summary="Coverage for children in every county.",
        ),
        "draft": ResourcePageFactory(
            parent=library, title="Draft brief", resource_type="policy-brief", live=False
        ),
    }


@pytest.mark.django_db
def test_listing_narrows_to_policy_briefs_on_child_nutrition_from_2025(resources, library, client):
    html = client.get(
        library.url, {"type": "policy-brief", "topic": "child-nutrition", "year": "2025"}
    ).content.decode()
    assert titles(html) == ["School meals brief"]
    assert "1 resource" in html


@pytest.mark.django_db
def test_listing_shows_live_resources_newest_first_by_default(resources, library, client):
    html = client.get(library.url).content.decode()
    assert titles(html) == ["School meals brief", "Medicaid fact sheet", "WIC brief"]


@pytest.mark.django_db
def test_listing_sorts_by_title(resources, library, client):
    html = client.get(library.url, {"sort": "title"}).content.decode()
    assert titles(html) == ["Medicaid fact sheet", "School meals brief", "WIC brief"]


@pytest.mark.django_db
def test_facet_counts_apply_the_other_facets_but_not_their_own(resources, library, client):
    html = client.get(library.url, {"resource_type": "policy-brief"}).content.decode()
    # Type keeps its alternatives countable; other facets count only policy briefs.
    assert count_of(html, "resource_type", "policy-brief") == 2
    assert count_of(html, "resource_type", "fact-sheet") == 1
    assert count_of(html, "topic", "child-nutrition") == 2
    assert count_of(html, "topic", "child-health") is None
    assert count_of(html, "year", "2025") == 1
    assert count_of(html, "year", "2024") == 1
    assert count_of(html, "state", "OH") == 1


@pytest.mark.django_db
def test_values_within_a_facet_are_alternatives(resources, library, client):
    query = {"resource_type": ["policy-brief", "fact-sheet"], "year": "2025"}
    html = client.get(library.url, query)
    assert titles(html.content.decode()) == ["School meals brief", "Medicaid fact sheet"]
    html = client.get(library.url, {"resource_type": "policy-brief,fact-sheet", "year": "2025"})
    assert len(titles(html.content.decode())) == 2
    # ?type= was the parameter's name before it took the API's: old links still work.
    html = client.get(library.url, {"type": "policy-brief,fact-sheet", "year": "2025"})
    assert len(titles(html.content.decode())) == 2


@pytest.mark.django_db
def test_selected_values_stay_checked_so_the_form_keeps_its_state(resources, library, client):
    html = client.get(library.url, {"topic": "child-nutrition", "q": "brief"}).content.decode()
    assert re.search(r'value="child-nutrition" checked', html)
    assert 'value="brief"' in html


@pytest.mark.django_db
def test_keyword_search_within_the_library(resources, library, client):
    html = client.get(library.url, {"q": "county"}).content.decode()
    assert titles(html) == ["Medicaid fact sheet"]
    assert count_of(html, "topic", "child-health") == 1
    assert count_of(html, "topic", "child-nutrition") is None


@pytest.mark.django_db
def test_keyword_search_does_not_find_pages_outside_this_library(
    resources, home_page, library, client
):
    from library.factories import LibraryIndexPageFactory

    other = LibraryIndexPageFactory(parent=home_page, title="Archive", slug="archive")
    ResourcePageFactory(parent=other, title="County archive report")
    html = client.get(library.url, {"q": "county"}).content.decode()
    assert titles(html) == ["Medicaid fact sheet"]


@pytest.mark.django_db
def test_listing_paginates_and_links_keep_the_filters(library, nutrition, client):
    for number in range(14):
        ResourcePageFactory(
            parent=library,
            title=f"Brief {number:02}",
            resource_type="policy-brief",
            published_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
            topics=[nutrition],
        )
    html = client.get(library.url, {"topic": "child-nutrition"}).content.decode()
    assert len(titles(html)) == 12
    assert 'href="?topic=child-nutrition&amp;page=2"' in html
    page_two = client.get(library.url, {"topic": "child-nutrition", "page": "2"}).content
    assert titles(page_two.decode()) == ["Brief 01", "Brief 00"]
    # A page number out of range shows the last page rather than an error.
    assert client.get(library.url, {"page": "99"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"resource_type": "novel"}, "resource_type: unknown resource_type: novel"),
        ({"type": "novel"}, "resource_type: unknown resource_type: novel"),  # the old name
        ({"topic": "<script>"}, "topic:"),
        ({"state": "ZZ"}, "state: unknown state"),
        ({"year": "20x5"}, "year: a year is four digits"),
        ({"sort": "price"}, "sort: choose one of date, title"),
    ],
)
def test_bad_filter_is_a_400_page_that_names_it(resources, library, client, params, message):
    response = client.get(library.url, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html.replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">")
    assert titles(html) == []


@pytest.mark.django_db
def test_listing_queries_do_not_grow_with_the_number_of_resources(
    library, nutrition, health, client, django_assert_max_num_queries
):
    def add(count):
        for number in range(count):
            ResourcePageFactory(
                parent=library,
                title=f"Resource {library.get_children().count()}",
                published_on=datetime.date(2020 + number % 6, 1, 1),
                topics=[nutrition, health],
                states=list(State.objects.filter(code__in=["OH", "MI"])),
            )

    params = {"topic": "child-nutrition", "q": "resource"}
    add(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(library.url, params).status_code == 200
    add(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(library.url, params)
    assert len(titles(response.content.decode())) == 12


@pytest.mark.django_db
@pytest.mark.parametrize("q", ["brief\x00", '"brief', "brief AND (", "*", "brief" * 50])
def test_any_keyword_gets_a_listing_not_a_server_error(resources, library, client, q):
    response = client.get(library.url, {"q": q})

    assert response.status_code == 200
