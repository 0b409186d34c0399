from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """What the people running the site need: the health check."""

    name = "operations"
    verbose_name = "Operations"
