from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    """English and Spanish: translation rules around wagtail-localize, the language
    switcher and hreflang, vocabularies in the reader's language."""

    name = "languages"
    verbose_name = "Languages"

    def ready(self):
        from adapters.rich_text import add_rich_text_rewriter
        from adapters.wagtail import (
            memoise_locale_lookups,
            memoise_site_lookups,
            memoise_site_root_paths,
        )
        from content_api.versioned import until_content_changes
        from home.rich_text import unsafe_link_rewriter
        from languages import placeholders, sources

        sources.connect_signals()
        placeholders.connect_signals()
        # Every `localized` asks for the active locale, every request for its site and
        # every link for the sites' root paths: all change only with the content version.
        memoise_locale_lookups(until_content_changes)
        memoise_site_lookups(until_content_changes)
        memoise_site_root_paths(until_content_changes)
        # Translators' link overrides land in stored rich text: rendering drops any
        # unsafe href that got there, on pages and in the API (home/rich_text.py).
        add_rich_text_rewriter(unsafe_link_rewriter)
