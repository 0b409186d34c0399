"""How the shared vocabulary appears in the content API, the same for every page type.

Terms are given by the value the filters take (a slug, or a USPS code for states)
and by name, so a partner site can show a term and link to a filtered list
without a second request.

Names are in the page's own language, whatever language the request asked for. A
Spanish page links to the English topic rows (their slugs are the filters' values) and
shows the Spanish translation of each, or the English name until there is one; states
are named by the interface catalogue. A response listing many pages loads each
vocabulary once per language (`languages.terms.term_in_language`), never per page.
"""

from django.conf import settings
from django.utils import translation
from rest_framework import serializers

from languages.terms import term_in_language


def page_language(page, context) -> str:
    """The language code of `page`, from the locales kept per content version."""
    from content_api.kept import locales  # the content API loads after the models

    locale = locales().get(page.locale_id)
    return locale.language_code if locale else settings.LANGUAGE_CODE


class InPageLanguageMixin:
    """For a serializer used as a page's field: `get_attribute` sees the page, so the
    field renders its term (or terms) in that page's language."""

    _language = None

    def get_attribute(self, page):
        self._language = page_language(page, self.context)
        prepared = getattr(page, "_api_terms", {})  # a listing's, content_api.prefetch
        if self.source in prepared:
            return prepared[self.source]
        return super().get_attribute(page)

    def to_representation(self, value):
        if self._language is None:  # an item of a list, which has done this already
            return super().to_representation(value)
        memo = self.context.setdefault("_terms_in_language", {})

        def shown(term):
            if not hasattr(term, "translation_key"):  # states: the catalogue names them
                return term
            return term_in_language(term, self._language, memo=memo)

        if value is None:
            return None
        if hasattr(value, "all"):  # a related manager (prefetched)
            value = [shown(term) for term in value.all()]
        elif isinstance(value, list | tuple):
            value = [shown(term) for term in value]
        else:
            value = shown(value)
        with translation.override(self._language):
            return super().to_representation(value)


class TermsInPageLanguage(InPageLanguageMixin, serializers.ListSerializer):
    pass


class TermSerializer(InPageLanguageMixin, serializers.Serializer):
    class Meta:
        list_serializer_class = TermsInPageLanguage


class TopicSerializer(TermSerializer):
    slug = serializers.SlugField(help_text="Use in ?topic= filters.")
    name = serializers.CharField()


class NetworkSerializer(TermSerializer):
    slug = serializers.SlugField(help_text="Use in ?network= filters.")
    name = serializers.CharField()
    short_name = serializers.CharField()


class StateSerializer(TermSerializer):
    code = serializers.CharField(help_text="USPS code, e.g. OH; use in ?state= filters.")
    name = serializers.CharField(source="localized_name")
    kind = serializers.CharField(help_text="state, district or territory.")
