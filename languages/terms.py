"""Translatable vocabularies (topics, networks, webinar series, site notices) in the
reader's language.

Pages link to the default-language rows; each row's translations share its translation
key. A lookup loads a vocabulary once per language (see `term_in_language`'s memo), so a
listing of any length costs one query per vocabulary and language.
"""

from django.conf import settings
from django.utils import translation

from content_api.versioned import until_content_changes
from taxonomy.states import name_sort_key


def in_language(model, language_code: str | None = None) -> dict:
    """Every default-language row of a translatable vocabulary (topics, networks, webinar
    series, site notices) in the language, by translation key and in the order of their
    ids: the translation where there is one, else the row itself. A row that exists only
    in another language is left out (no page links to it). One query, once per content
    version (content_api.versioned): every vocabulary changes it when it changes
    (content_api.sections' watched models; languages/tests/test_terms_kept.py)."""
    language_code = language_code or translation.get_language()
    key = ("terms", model._meta.label, language_code)
    return until_content_changes(key, lambda: _in_language(model, language_code))


def _in_language(model, language_code: str) -> dict:
    rows = list(
        model.objects.filter(locale__language_code__in={settings.LANGUAGE_CODE, language_code})
        .select_related("locale")
        .order_by("pk")
    )
    terms = {
        row.translation_key: row
        for row in rows
        if row.locale.language_code == settings.LANGUAGE_CODE
    }
    for row in rows:
        if row.locale.language_code == language_code and row.translation_key in terms:
            terms[row.translation_key] = row
    return terms


def term_in_language(term, language_code: str | None = None, *, memo: dict | None = None):
    """`term`, a default-language row as pages link to it, in the language: its
    translation there, else `term` itself. `memo`, a dict kept as long as one response
    (a request's, a serializer context's), holds each vocabulary's rows by language, so
    that any number of terms costs one query per vocabulary and language (none in the
    default language)."""
    language_code = language_code or translation.get_language()
    if term is None or language_code == settings.LANGUAGE_CODE:
        return term
    memo = {} if memo is None else memo
    key = (type(term), language_code)
    if key not in memo:
        memo[key] = in_language(type(term), language_code)
    return memo[key].get(term.translation_key, term)


def choices_in_language(model) -> list[tuple[str, str]]:
    """(slug, name) choices of a vocabulary in the active language, sorted by name.
    Slugs are the same in every language, so filters mean the same thing in both."""
    terms = in_language(model).values()
    return sorted(
        ((term.slug, term.name) for term in terms), key=lambda choice: name_sort_key(choice[1])
    )
