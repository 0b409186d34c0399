"""Translators see the source's changes as soon as it is published.

When a source page is published, its translation source is brought up to date, so the
new and changed strings show in wagtail-localize's editor at once, without waiting for
someone to press "Sync translated pages". The translation itself stays as it was until a
translator publishes it: it never shows English text.
"""

from wagtail_localize.models import TranslationSource


def refresh_translation_source(sender, instance, **kwargs) -> None:
    """On publish: re-extract the strings of a source page that has translations."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is not None and source.translations.filter(enabled=True).exists():
        source.update_from_db()


def connect_signals() -> None:
    from wagtail.signals import page_published

    page_published.connect(refresh_translation_source, dispatch_uid="localize-refresh-source")
