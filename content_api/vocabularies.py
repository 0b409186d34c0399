"""Read-only vocabulary endpoints, so a partner site can build its filter menus:
`/api/v2/topics/`, `/networks/`, `/states/` here; `/webinar-series/` (webinars.api) and
`/resource-types/` (library.api) build on `VocabularyEndpoint`.

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


class TranslatableVocabularyEndpoint(VocabularyEndpoint):
    term_model = None
    fields = ("slug", "name", "description")

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


class TopicsAPIEndpoint(TranslatableVocabularyEndpoint):
    """`/api/v2/topics/`: the issue areas (filter with `?topic=<slug>`)."""

    name = "topics"
    filter_parameter = "topic"

    @property
    def term_model(self):
        from home.models import Topic

        return Topic


class NetworksAPIEndpoint(TranslatableVocabularyEndpoint):
    """`/api/v2/networks/`: the Partnership and its specialised networks (`?network=`)."""

    name = "networks"
    filter_parameter = "network"
    fields = ("slug", "name", "short_name", "description", "website")

    @property
    def term_model(self):
        from home.models import Network

        return Network


class StatesAPIEndpoint(VocabularyEndpoint):
    """`/api/v2/states/`: states, DC and territories by USPS code (`?state=OH`), named
    in the language of `?locale=` (the interface catalogue translates them)."""

    name = "states"
    key_field = "code"
    filter_parameter = "state"

    def items(self):
        from home.models import State

        # In the order of their English names, the same in every language, like the
        # other vocabularies.
        return [
            {"code": state.code, "name": state.localized_name, "kind": state.kind}
            for state in State.objects.order_by("name")
        ]

    def detail_view(self, request, key):
        return super().detail_view(request, key.upper())
