"""Spanish demo content, made through wagtail-localize from hand-written glossaries.

Each section's `demo` module maps every English string of the pages and snippets it
translates to its Spanish (`GLOSSARY`), and its `load_spanish` calls
`translate_demo_object` for each one. The result is what an editor would get by
submitting the English page for translation and filling in every string in
wagtail-localize's editor: a `Translation` of the English source, one
`StringTranslation` per string, and a published Spanish page that stays linked to its
source, so editors see what to update when the English changes.

Like the rest of the demo loader, this creates what is missing and leaves what exists
alone: a Spanish page or snippet that is already there is never touched again.
"""

from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

SPANISH = "es"


class MissingSpanishError(LookupError):
    """An English string of the demo has no Spanish in the glossary.

    wagtail-localize would quietly keep the English (`save_target` falls back to the
    source text), and the page would be published in Spanish with English in it.
    """


def spanish_locale() -> Locale:
    return Locale.objects.get(language_code=SPANISH)


def translate_demo_object(
    instance: TranslatableMixin, glossary: dict[str, str], *, locale: Locale | None = None
) -> tuple[TranslatableMixin, bool]:
    """The Spanish translation of `instance` (a page or a snippet), published, and whether
    it was made now.

    Made from `glossary` the first time; returned as it is once it exists (live, for a
    page). A page's parent must have been translated first: wagtail-localize would
    otherwise put an alias of the English parent, English text and all, in the Spanish
    tree.
    """
    locale = locale or spanish_locale()
    if isinstance(instance, Page):
        instance = instance.specific
        _check_parent_is_translated(instance, locale)

    existing = instance.get_translation_or_none(locale)
    if existing is not None and getattr(existing, "live", True):
        return existing, False

    # The English as it is now (an older source, e.g. from an editor's earlier
    # submission, is brought up to date first).
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    _fill_string_translations(source, locale, glossary)

    if isinstance(instance, Page):
        # save_target(publish=True) would publish in `transaction.on_commit`, after the
        # loader's transaction. Publishing the new revision here instead keeps the whole
        # load atomic, and the page is live as soon as this returns, inside a test or not.
        translation.save_target(publish=False)
        translated = instance.get_translation(locale)
        translated.get_latest_revision().publish()
    else:
        # Snippets without drafts are saved as they are; there is nothing to publish.
        translation.save_target(publish=True)
        translated = instance.get_translation(locale)
    return translated, True


def _check_parent_is_translated(page: Page, locale: Locale) -> None:
    parent = page.get_parent()
    if not parent.is_root() and not parent.has_translation(locale):
        raise ValueError(
            f"Translate “{parent.title}” into Spanish before its child page “{page.title}”."
        )


def _fill_string_translations(
    source: TranslationSource, locale: Locale, glossary: dict[str, str]
) -> None:
    """One StringTranslation per string of the source, in the segment's context, as the
    translation editor saves them. Fails on the first string the glossary lacks."""
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments.order_by("order"):
        english = segment.string.data
        if english not in glossary:
            raise MissingSpanishError(
                f"No Spanish for {english!r} ({source.object_repr}, field "
                f"{segment.context.path}): add it to the section's demo.GLOSSARY."
            )
        string_translation, _ = StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": glossary[english],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
        if string_translation.has_error:
            # Invalid HTML, or links that do not match the English: wagtail-localize
            # would skip the string and keep the English.
            raise ValueError(f"The Spanish for {english!r} is not valid: {glossary[english]!r}")
