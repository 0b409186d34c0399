from django.apps import AppConfig


class WebinarsConfig(AppConfig):
    """Live sessions of the network, their recordings, and calendar feeds."""

    name = "webinars"
