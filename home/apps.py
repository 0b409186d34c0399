from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site's common ground: home and standard pages, blocks, taxonomy, media, settings."""

    name = "home"
    verbose_name = "Site"

    def ready(self):
        # The content API's validators change whenever public content does, also when
        # the change comes from a management command (scheduled publishing, demo content).
        from home import localize
        from home.api import caching

        caching.connect_signals()
        # Translators see source changes; translations stay as private as their source.
        localize.connect_signals()
