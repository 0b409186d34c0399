"""Read-only vocabulary endpoints, so a partner site can build its filter menus: the
bases of `/api/v2/topics/`, `/networks/`, `/states/` (taxonomy.api), `/webinar-series/`
(webinars.api) and `/resource-types/` (library.api).

Each item gives the value its filter takes (`slug`, or `code` for states), its name in
the language asked for (`?locale=es`; the default language otherwise, falling back to
it for a term not yet translated), and `pages_url`, the pages listing filtered by it.
"""

from urllib.parse import urlencode

from django.http import Http404
from django.urls import reverse
from rest_framework.response import Response
from wagtail.api.utils import get_full_url
from wagtail.models import Locale

from content_api.views import ReadOnlyEndpoint


class _NoModel:
    """The router finds an endpoint for a model by `issubclass(model, endpoint.model)`;
    vocabularies are never nested in other objects, so they match no model."""


class VocabularyEndpoint(ReadOnlyEndpoint):
    model = _NoModel
    key_field = "slug"
    filter_parameter = ""
    filter_type = ""  # the page type the filter applies to, if only one
    # For the OpenAPI document: the item's schema name, its fields beside the key and
    # `pages_url` ({name: JSON schema}), and what the endpoint lists.
    openapi_component = ""
    openapi_fields: dict = {}
    openapi_summary = ""

    def items(self) -> list[dict]:
        raise NotImplementedError

    def pages_url(self, key) -> str:
        params = {"type": self.filter_type} if self.filter_type else {}
        params[self.filter_parameter] = key
        listing = reverse(f"{self.request.wagtailapi_router.url_namespace}:pages:listing")
        return get_full_url(self.request, f"{listing}?{urlencode(params)}")

    def _with_urls(self, items):
        return [item | {"pages_url": self.pages_url(item[self.key_field])} for item in items]

    def listing_view(self, request):
        items = self._with_urls(self.items())
        return Response({"meta": {"total_count": len(items)}, "items": items})

    def detail_view(self, request, key):
        for item in self._with_urls(self.items()):
            if item[self.key_field] == key:
                return Response(item)
        raise Http404("not found")

    @classmethod
    def openapi(cls, name: str) -> tuple[dict, dict]:
        """(paths, component schemas) of this endpoint for the OpenAPI document."""
        from content_api.schema import vocabulary_openapi

        return vocabulary_openapi(name, cls)


class TranslatableVocabularyEndpoint(VocabularyEndpoint):
    term_model = None
    fields = ("slug", "name", "description")
    openapi_fields = {
        "name": {"type": "string"},
        "description": {"type": "string"},
        "locale": {
            "type": "string",
            "description": "Language of `name`: the one asked for, or the default (en) when "
            "the term has not been translated yet.",
        },
    }

    def items(self):
        default = Locale.get_default()
        # ContentAPIMixin has activated the language of ?locale= (else the default).
        locale = Locale.get_active()
        terms = list(self.term_model.objects.filter(locale=default).order_by("name"))
        translated = {
            term.translation_key: term
            for term in self.term_model.objects.filter(
                locale=locale, translation_key__in=[t.translation_key for t in terms]
            )
        }
        rows = []
        for term in terms:
            shown = translated.get(term.translation_key, term)
            # The language of the row shown, without loading each row's locale.
            shown_locale = locale if shown is not term else default
            rows.append(
                {name: getattr(shown, name) for name in self.fields}
                | {"slug": term.slug, "locale": shown_locale.language_code}
            )
        return rows
