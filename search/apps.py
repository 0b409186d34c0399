from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The site search page and the search API."""

    name = "search"
