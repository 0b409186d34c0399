"""The library's API filters: resource type and publication date range, with 400s for bad input."""

import datetime

import pytest

from library.factories import ResourcePageFactory

LIST = "/api/v2/pages/?type=library.ResourcePage&fields=resource_type,published_on"


@pytest.fixture
def resources(library, nutrition):
    ResourcePageFactory(
        parent=library,
        title="School meals brief",
        resource_type="policy-brief",
        published_on=datetime.date(2025, 4, 1),
        topics=[nutrition],
    )
    ResourcePageFactory(
        parent=library,
        title="WIC fact sheet",
        resource_type="fact-sheet",
        published_on=datetime.date(2024, 12, 31),
        topics=[nutrition],
    )
    ResourcePageFactory(
        parent=library,
        title="Budget toolkit",
        resource_type="toolkit",
        published_on=datetime.date(2025, 1, 1),
    )


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


@pytest.mark.django_db
def test_api_finds_policy_briefs_on_child_nutrition_from_2025(resources, client):
    response = client.get(
        LIST + "&resource_type=policy-brief&topic=child-nutrition"
        "&published_after=2025-01-01&published_before=2025-12-31"
    )
    assert titles(response) == ["School meals brief"]


@pytest.mark.django_db
def test_api_resource_type_takes_alternatives(resources, client):
    response = client.get(LIST + "&resource_type=policy-brief,fact-sheet")
    assert titles(response) == ["School meals brief", "WIC fact sheet"]


@pytest.mark.django_db
def test_api_date_range_is_inclusive(resources, client):
    response = client.get(LIST + "&published_after=2024-12-31&published_before=2025-01-01")
    assert titles(response) == ["Budget toolkit", "WIC fact sheet"]


@pytest.mark.django_db
def test_api_resource_filters_work_with_search_and_order(resources, client):
    response = client.get(LIST + "&resource_type=toolkit,fact-sheet&order=-published_on")
    assert [item["title"] for item in response.json()["items"]] == [
        "Budget toolkit",
        "WIC fact sheet",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("&resource_type=novel", "resource_type"),
        ("&published_after=yesterday", "published_after"),
        ("&published_before=2025-13-01", "published_before"),
        ("&published_after=2025-02-01&published_before=2025-01-01", "published_after"),
    ],
)
def test_api_bad_resource_filter_is_a_400_naming_the_parameter(resources, client, query, param):
    response = client.get(LIST + query)
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"{param}:")


@pytest.mark.django_db
def test_api_resource_filter_without_type_leaves_only_resources(resources, home_page, client):
    response = client.get("/api/v2/pages/?resource_type=toolkit")
    assert titles(response) == ["Budget toolkit"]
