from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """Who may see which page and which files: the one door every entry point goes
    through, and the rules that keep copies, aliases and translations restricted."""

    name = "privacy"
    verbose_name = "Privacy"

    def ready(self):
        from privacy import translations

        translations.connect_signals()
