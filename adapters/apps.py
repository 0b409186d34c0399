from django.apps import AppConfig


class AdaptersConfig(AppConfig):
    """Every reach into the internals of Wagtail, wagtail-localize, modelsearch and
    wagtail-headless-preview, one module per library, and the start-up checks of them."""

    name = "adapters"
    verbose_name = "Adapters to third-party internals"

    def ready(self):
        from adapters import checks  # noqa: F401 - the checks register themselves
