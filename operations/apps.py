from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """What the people running the site need: the health check."""

    name = "operations"
    verbose_name = "Operations"

    def ready(self):
        # Answers kept for one request (operations.memo).
        from operations import memo

        memo.connect_signals()
