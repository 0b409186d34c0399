from django.apps import AppConfig


class LibraryConfig(AppConfig):
    """The resource library, with its members-only part."""

    name = "library"
