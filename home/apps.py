from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site's common ground: home and standard pages, blocks, media, site settings,
    and the taxonomy models every section files under."""

    name = "home"
    verbose_name = "Site"
