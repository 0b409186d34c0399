from django.apps import AppConfig


class ResponseCacheConfig(AppConfig):
    """The shared cache of anonymous GET and HEAD responses (rendered pages and the content
    API), and the CDN purges of the listings a publish changes."""

    name = "response_cache"
    verbose_name = "Response cache"

    def ready(self):
        from response_cache import purging, signals

        purging.connect_signals()
        signals.connect_signals()
