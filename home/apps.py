from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site's common ground: home and standard pages, blocks, taxonomy, media, settings."""

    name = "home"
    verbose_name = "Site"
