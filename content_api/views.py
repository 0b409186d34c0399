"""The public content API's viewsets: anonymous, JSON only, validated, cacheable.

`ContentAPIMixin` goes first in every public endpoint's bases. It

- turns off session and basic authentication (Wagtail's viewsets honour the caller's
  session: a logged-in editor would see restricted pages, and responses would vary
  by cookie) and DRF's browsable HTML;
- checks every query parameter before the view runs (`content_api.params`): any bad
  value is a 400 JSON `{"message": "<parameter>: <what is wrong>"}`;
- answers conditional requests with 304 and sets ETag, Last-Modified and
  Cache-Control (`content_api.caching`);
- renders labels and messages in the language asked for with `?locale=` (else the
  default language), never the one of the browser, so the response depends only on
  the URL (and `content_api.middleware` drops LocaleMiddleware's `Vary: Accept-Language`).

An endpoint that serves what must never be stored (draft previews) sets
`cacheable = False`: no validators, no 304, `Cache-Control: no-store, private`.
"""

import functools

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils import translation
from django.utils.cache import add_never_cache_headers, get_conditional_response
from django.utils.functional import SimpleLazyObject, classproperty
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    LocaleFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.utils import (
    BadRequestError,
    get_object_detail_url,
    page_models_from_string,
)
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page, Site

from content_api import caching
from content_api.filters import SectionFilters
from content_api.kept import page_model, site_scope, sites_named
from content_api.params import (
    FieldsFilter,
    SafeOrderingFilter,
    WordsSearchFilter,
    named,
    parse_id,
    validate_common_parameters,
)
from content_api.prefetch import joins, prefetch_for_api
from content_api.representation import (
    PrefetchedTagsMixin,
    PublicPageSerializer,
)
from content_api.sections import filter_parameters
from privacy.visibility import public_media, public_pages

DETAIL_QUERY_PARAMETERS = frozenset({"fields", "rich_text_format", "site", "type", "_", "format"})


class NotModified(APIException):
    status_code = status.HTTP_304_NOT_MODIFIED


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "the resource does not match If-Match or If-Unmodified-Since"


class ContentAPIMixin:
    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    # Parameters a detail (or vocabulary) view accepts; listings check their own.
    detail_query_parameters = DETAIL_QUERY_PARAMETERS
    # False: responses are never stored by anyone, and carry no validators.
    cacheable = True

    def allowed_query_parameters(self):
        """Every parameter this action accepts, or None to let the view check."""
        if self.action == "detail_view":
            return self.detail_query_parameters
        if self.action == "find_view":
            return self.detail_query_parameters | self.find_query_parameters | {"locale"}
        return None

    def initial(self, request, *args, **kwargs):
        # First of all, so that every message (even DRF's "method not allowed") is in the
        # language of the URL, not in that of the browser's Accept-Language.
        translation.activate(response_language(request.GET))
        # Before DRF's content negotiation, which answers an unknown ?format= with a 404.
        validate_common_parameters(request.GET, self.allowed_query_parameters())
        super().initial(request, *args, **kwargs)
        if self.cacheable:
            self.check_preconditions(request)

    def check_preconditions(self, request):
        request.content_validators = caching.validators(request._request)
        etag, last_modified = request.content_validators
        conditional = get_conditional_response(
            request._request, etag=etag, last_modified=int(last_modified.timestamp())
        )
        if conditional is None:
            return
        # The ETag names the URL: a client holding it had a 200 for this very request
        # under this content version, so it gets its 304 at once, without building the
        # response (what CDNs revalidate with). Any other condition (`*`, If-Match, a date
        # alone) is answered once the view has run (finalize_response), so that a bad
        # parameter is a 400 whatever the conditional headers say.
        if_none_match = request.headers.get("If-None-Match", "").strip()
        if conditional.status_code == 304 and if_none_match not in ("", "*"):
            raise NotModified()
        request.failed_precondition = conditional.status_code

    def handle_exception(self, exc):
        if isinstance(exc, NotModified):
            return Response(status=status.HTTP_304_NOT_MODIFIED)
        if isinstance(exc, Http404):
            return Response({"message": str(exc) or "not found"}, status=404)
        response = super().handle_exception(exc)
        if isinstance(getattr(response, "data", None), dict) and "detail" in response.data:
            response.data = {"message": str(response.data["detail"])}
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        precondition = getattr(request, "failed_precondition", None)
        if precondition is not None and 200 <= response.status_code < 300:
            response = self.handle_exception(
                NotModified() if precondition == 304 else PreconditionFailed()
            )
        response = super().finalize_response(request, response, *args, **kwargs)
        # Read by content_api.middleware, which drops LocaleMiddleware's Vary: Accept-Language.
        response.language_from_url = True
        if not self.cacheable:
            add_never_cache_headers(response)
        elif response.status_code in (200, 304) and hasattr(request, "content_validators"):
            caching.set_cache_headers(response, *request.content_validators)
        elif response.status_code in (301, 302, 400, 404):
            caching.set_cache_headers(response)
        return response

    def get_renderer_context(self):
        # Compact JSON: Wagtail indents by four spaces, a quarter of a listing's bytes.
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context


def response_language(params) -> str:
    """The language of a response: `?locale=` when it names one of the site's
    languages, else the default (a bad `?locale=` gets its 400 in the default)."""
    requested = params.get("locale")
    if requested in dict(settings.LANGUAGES):
        return requested
    return settings.LANGUAGE_CODE


class UnknownPathEndpoint(ContentAPIMixin, APIView):
    """Any path under /api/v<n>/ that names no endpoint, whatever the method: the endpoints'
    own JSON 404 (cacheable, no cookies, no Vary), not the site's HTML page."""

    def initial(self, request, *args, **kwargs):
        translation.activate(response_language(request.GET))
        raise Http404(f"no endpoint at {request.path}; the endpoints are in /api/v2/openapi.json")


class PrefetchingListingMixin:
    """Listings and details load what their fields need at once (prefetch_for_api), and
    reuse the serializer classes Wagtail builds for each model and `?fields=`."""

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        serializer_class = self.get_serializer_class()
        meta = serializer_class.Meta
        queryset = self.filter_queryset(queryset.select_related(*joins(meta.model, meta.fields)))
        items = list(self.paginate_queryset(queryset))
        context = self.get_serializer_context()
        prefetch_for_api(items, serializer_class, context)
        serializer = serializer_class(items, many=True, context=context)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        instance = self.get_object()
        serializer_class = self.get_serializer_class()
        context = self.get_serializer_context()
        prefetch_for_api([instance], serializer_class, context)
        return Response(serializer_class(instance, context=context).data)

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        # Wagtail builds a class per call; the same arguments always give the same class.
        frozen = _frozen_fields_config(fields_config)
        return _serializer_class(cls, router, model, frozen, show_details, nested)

    @classmethod
    def _build_serializer_class(cls, router, model, fields_config, show_details, nested):
        return super()._get_serializer_class(router, model, fields_config, show_details, nested)


def _frozen_fields_config(fields_config):
    """Wagtail's parsed `?fields=` ([(name, negated, sub-fields)]) as nested tuples."""
    return tuple(
        (name, negated, _frozen_fields_config(children) if children else children)
        for name, negated, children in fields_config
    )


@functools.lru_cache(maxsize=512)
def _serializer_class(endpoint, router, model, fields_config, show_details, nested):
    # Bounded: `?fields=` is the caller's. A bad one raises, and nothing is kept.
    return endpoint._build_serializer_class(router, model, fields_config, show_details, nested)


def site_pages(request, queryset=None):
    """The pages of `queryset` (all pages by default) anyone may open
    (privacy.visibility.public_pages) on the requested site and its translations.
    Whoever asks: the caller's session and cookies are never read."""
    queryset = Page.objects.all() if queryset is None else queryset
    site = requested_site(request)
    if site is None:
        return public_pages(queryset).none()
    return public_pages(queryset.filter(site_scope(site)))


def requested_site(request):
    """The site `?site=` names (checked by content_api.params), else the request's."""
    hostname = request.GET.get("site")
    if not hostname:
        return Site.find_for_request(request)
    name, _, port = hostname.partition(":")
    sites = sites_named(name, int(port) if port else None)
    return sites[0] if sites else None


class PagesEndpoint(ContentAPIMixin, PrefetchingListingMixin, PagesAPIViewSet):
    """`/api/v2/pages/`: the stock endpoint, anonymous, with the sections' filters,
    validated field filters, `meta.translations`, and `find/?html_path=` in every
    language."""

    base_serializer_class = PublicPageSerializer
    meta_fields = PagesAPIViewSet.meta_fields + ["translations"]
    # The sections' filters first; search must stay last.
    filter_backends = [
        SectionFilters,
        FieldsFilter,
        # Named: their 400s name the parameter (content_api.params.named).
        named(ChildOfFilter, "child_of"),
        named(AncestorOfFilter, "ancestor_of"),
        named(DescendantOfFilter, "descendant_of"),
        SafeOrderingFilter,
        named(TranslationOfFilter, "translation_of"),
        LocaleFilter,
        named(WordsSearchFilter, "search"),
    ]

    @classproperty
    def known_query_parameters(cls):
        return PagesAPIViewSet.known_query_parameters | cls.section_filter_parameters

    @classproperty
    def section_filter_parameters(cls):
        """Read by the sections' filters (FieldsFilter leaves them alone)."""
        return filter_parameters()

    def get_base_queryset(self):
        # Asked for several times per request (queryset, filters, serializer context).
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = site_pages(self.request)
        return self._base_queryset.all()

    def get_queryset(self):
        if not hasattr(self, "_queryset"):
            models = self.requested_models()
            if len(models) == 1:
                # The site's pages of that type, read from its own table (Wagtail's
                # `pk__in` the base queryset nests every privacy subquery once more).
                self._queryset = site_pages(self.request, models[0].objects.all())
            else:
                self._queryset = super().get_queryset()
        return self._queryset.all()

    def requested_models(self) -> tuple:
        """The page types `?type=` names (content_api.params has checked them)."""
        if not self.request.GET.get("type"):
            return (Page,)
        try:
            return page_models_from_string(self.request.GET["type"])
        except (LookupError, ValueError) as error:
            raise BadRequestError("type doesn't exist") from error

    def get_serializer_context(self):
        context = BaseAPIViewSet.get_serializer_context(self)
        # Built only if a field asks (what is kept per content version does not).
        context["base_queryset"] = SimpleLazyObject(self.get_base_queryset)
        # Names the site whose pages `base_queryset` holds (what kept answers are for).
        site = requested_site(self.request)
        context["site_pk"] = site.pk if site else None
        return context

    def get_root_page(self):
        site = Site.find_for_request(self.request)
        if site is None:
            raise BadRequestError("no site is served at this address")
        return site.root_page

    def find_view(self, request):
        if "id" not in request.GET and "html_path" not in request.GET:
            raise BadRequestError("find: give html_path (a page's path) or id")
        queryset = self.get_queryset()
        page = self.find_object(queryset, request)
        if page is None:
            raise Http404("not found")
        url = get_object_detail_url(request.wagtailapi_router, request, Page, page.pk)
        query = request.GET.copy()
        for name in list(query):
            if name not in self.detail_query_parameters or name == "type":
                query.pop(name)
        return redirect(f"{url}?{query.urlencode()}" if query else url)

    def find_object(self, queryset, request):
        if "html_path" in request.GET:
            return self._find_by_path(queryset, request, request.GET["html_path"])
        return queryset.filter(pk=parse_id("id", request.GET["id"])).first()

    def _find_by_path(self, queryset, request, html_path):
        """`/about/` in the default language, `/es/about/` in Spanish (the site's URL
        scheme), each routed from that language's home page."""
        site = Site.find_for_request(request)
        if site is None:
            return None
        components = [part for part in html_path.split("/") if part]
        root = site.root_page
        languages = {code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES}
        if components and components[0] in languages - {settings.LANGUAGE_CODE}:
            locale = Locale.objects.filter(language_code=components[0]).first()
            root = root.get_translation_or_none(locale) if locale else None
            components = components[1:]
        if root is None:
            return None
        try:
            # Route as a visitor of that language's site would be (a home page serves
            # only its own language's tree), whatever `?locale=` the API call carries.
            with translation.override(root.locale.language_code):
                page, _, _ = root.specific.route(request, components)
        except Http404:
            return None
        if queryset.filter(pk=page.pk).exists():
            return page
        return None

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            try:
                pk = parse_id("id", str(self.kwargs["pk"]))
            except BadRequestError as error:
                raise Http404("not found") from error
            # The page's own type first, then its row in one query (Wagtail's `.specific`
            # reads the page twice).
            model = page_model(pk)
            if model is None or not issubclass(model, self.requested_models()):
                raise Http404("not found")
            page = site_pages(self.request, model.objects.filter(pk=pk))
            page = page.select_related(*joins(model)).first()
            if page is None:
                raise Http404("not found")
            self._cached_object = page
        return self._cached_object


class PublicImageSerializer(PrefetchedTagsMixin, ImageSerializer):
    pass


class PublicDocumentSerializer(PrefetchedTagsMixin, DocumentSerializer):
    pass


class ImagesEndpoint(ContentAPIMixin, PrefetchingListingMixin, ImagesAPIViewSet):
    base_serializer_class = PublicImageSerializer
    filter_backends = [FieldsFilter, SafeOrderingFilter, named(WordsSearchFilter, "search")]

    def get_queryset(self):
        # Images in a private collection are left out, whoever asks.
        return public_media(self.model.objects.all().order_by("id"))

    def get_object(self):
        return _get_by_pk(self)


class DocumentsEndpoint(ContentAPIMixin, PrefetchingListingMixin, DocumentsAPIViewSet):
    base_serializer_class = PublicDocumentSerializer
    filter_backends = [FieldsFilter, SafeOrderingFilter, named(WordsSearchFilter, "search")]

    def get_queryset(self):
        return public_media(self.model.objects.all().order_by("id"))

    def get_object(self):
        return _get_by_pk(self)


def _get_by_pk(view):
    if not hasattr(view, "_cached_object"):
        try:
            pk = parse_id("id", str(view.kwargs["pk"]))
        except BadRequestError as error:
            raise Http404("not found") from error
        obj = view.get_queryset().filter(pk=pk).first()
        if obj is None:
            raise Http404("not found")
        view._cached_object = obj
    return view._cached_object


class ReadOnlyEndpoint(ContentAPIMixin, BaseAPIViewSet):
    """Base of the vocabulary endpoints: a listing and a detail by key, no `find`."""

    pagination_class = None
    known_query_parameters = frozenset({"_", "format", "locale"})
    detail_query_parameters = frozenset({"_", "format", "locale"})

    def allowed_query_parameters(self):
        return (
            self.known_query_parameters
            if self.action == "listing_view"
            else self.detail_query_parameters
        )

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<str:key>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]
