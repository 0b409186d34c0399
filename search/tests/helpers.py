"""Reading the search page and the suggestions in tests."""

from languages.tests.translating import publish_translation  # noqa: F401 - the search tests use it

SEARCH_URL = "/search/"
SUGGEST_URL = "/search/suggest/"


def result_titles(response) -> list[str]:
    return [item["page"].title for item in response.context["items"]]


def suggestion_titles(response) -> list[str]:
    return [suggestion["title"] for suggestion in response.json()["suggestions"]]


def facet_counts(response, name: str) -> dict[str, int]:
    return {value.value: value.count for value in response.context["facets"][name]}
