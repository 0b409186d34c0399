"""Reading the search page and the suggestions in tests."""

SEARCH_URL = "/search/"
SUGGEST_URL = "/search/suggest/"


def result_titles(response) -> list[str]:
    return [item["page"].title for item in response.context["items"]]


def suggestion_titles(response) -> list[str]:
    return [suggestion["title"] for suggestion in response.json()["suggestions"]]


def facet_counts(response, name: str) -> dict[str, int]:
    return {value.value: value.count for value in response.context["facets"][name]}


def publish_translation(page, locale, **fields):
    """Translate `page` into `locale` with `fields` changed, and publish the translation."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation
