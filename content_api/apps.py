from django.apps import AppConfig


class ContentAPIConfig(AppConfig):
    """The public content API (Wagtail API v2 at /api/v2/): endpoints, parameters, caching,
    representation, OpenAPI schema and headless preview."""

    name = "content_api"
    verbose_name = "Content API"

    def ready(self):
        # The API's validators change whenever public content does, also when the change
        # comes from a management command (scheduled publishing, demo content).
        from content_api import caching

        caching.connect_signals()
