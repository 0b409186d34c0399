"""Translating content in tests the way wagtail-localize does it in the admin."""

from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import StringSegment, TranslationSource

from demo.translation import translate_demo_object


def publish_translation(page: Page, locale: Locale | str = "es", **fields) -> Page:
    """A translation of `page` with `fields` set, published as an editor would (its
    parent must be translated first), read back as its specific page."""
    if isinstance(locale, str):
        locale = Locale.objects.get(language_code=locale)
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def translate_term(term: TranslatableMixin, locale: Locale | str = "es", **fields):
    """A saved translation of a snippet (a topic, network or series) with `fields` set."""
    if isinstance(locale, str):
        locale = Locale.objects.get(language_code=locale)
    translation = term.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def translate_into_spanish(instance: TranslatableMixin, spanish_for: dict[str, str]):
    """The published Spanish translation of a page or snippet, made through
    wagtail-localize: each string in `spanish_for` gets its Spanish, every other string
    "[es] " and the English. A page's parents without a Spanish version are copied first,
    untranslated, as wagtail-localize does."""
    spanish = Locale.objects.get(language_code="es")
    if isinstance(instance, Page):
        parent = instance.get_parent().specific
        if not parent.is_root() and not parent.has_translation(spanish):
            parent.copy_for_translation(spanish, copy_parents=True)
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    strings = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    glossary = {english: spanish_for.get(english, f"[es] {english}") for english in strings}
    return translate_demo_object(instance, glossary, locale=spanish)[0]


def strings_to_translate(instance: TranslatableMixin) -> set[tuple[str, str]]:
    """(field, text) of each string wagtail-localize offers translators; a child object's
    field is given as "<relation>.<field>", e.g. "milestones.label"."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    return {(_field_of(segment.context.path), segment.string.data) for segment in segments}


def _field_of(path: str) -> str:
    parts = path.split(".")
    # "milestones.<translation key>.label": the child's key says nothing to the reader.
    return f"{parts[0]}.{parts[2]}" if len(parts) == 3 else path
