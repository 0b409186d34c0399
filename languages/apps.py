from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    """English and Spanish: translation rules around wagtail-localize, the language
    switcher and hreflang, vocabularies in the reader's language."""

    name = "languages"
    verbose_name = "Languages"

    def ready(self):
        from languages import sources

        sources.connect_signals()
