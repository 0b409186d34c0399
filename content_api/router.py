"""The public content API (Wagtail API v2) at /api/v2/: the router.

Every endpoint is anonymous and JSON only, checks its parameters (400 naming the bad
one), and is cacheable (ETag, Last-Modified, 304, Cache-Control for a CDN): see
`content_api.views.ContentAPIMixin`. The contract is described at /api/v2/openapi.json
(`content_api.schema`) and in docs/api.md.

Editors' drafts reach the headless front end through /api/v2/page_preview/ with a
signed, expiring token (`content_api.preview`); those responses are never cached.

Sections add their own page filters to PAGE_FILTER_BACKENDS; each backend lists
the query parameters it reads in `query_parameters`.
"""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter

from content_api.filters import TaxonomyFilter
from content_api.preview import PagePreviewAPIViewSet
from content_api.schema import OpenAPIEndpoint
from content_api.views import (
    ContentAPIMixin,
    PublicDocumentsAPIViewSet,
    PublicImagesAPIViewSet,
    PublicPagesAPIViewSet,
)
from content_api.vocabularies import NetworksAPIEndpoint, StatesAPIEndpoint, TopicsAPIEndpoint
from library.api import ResourceFilter, ResourceTypesAPIView
from members.api import MemberStatesAPIViewSet
from webinars.api import WebinarFilter, WebinarSeriesAPIEndpoint

PAGE_FILTER_BACKENDS = [TaxonomyFilter, ResourceFilter, WebinarFilter]


class PagesEndpoint(PublicPagesAPIViewSet):
    # Section filters run before Wagtail's own (search must come last).
    filter_backends = PAGE_FILTER_BACKENDS + PublicPagesAPIViewSet.filter_backends
    section_filter_parameters = frozenset().union(
        *(backend.query_parameters for backend in PAGE_FILTER_BACKENDS)
    )
    known_query_parameters = (
        PublicPagesAPIViewSet.known_query_parameters | section_filter_parameters
    )


class MemberStatesEndpoint(ContentAPIMixin, MemberStatesAPIViewSet):
    detail_query_parameters = MemberStatesAPIViewSet.known_query_parameters | {"_", "format"}

    def allowed_query_parameters(self):
        return self.detail_query_parameters


class OpenAPIDocument(OpenAPIEndpoint):
    page_filter_parameters = sorted(
        set().union(*(backend.query_parameters for backend in PAGE_FILTER_BACKENDS))
    )


class ContentAPIRouter(WagtailAPIRouter):
    """Wagtail's router, plus the OpenAPI document at the stable /api/v2/openapi.json."""

    def get_urlpatterns(self):
        document = path(
            "openapi.json", OpenAPIDocument.as_view({"get": "listing_view"}), name="openapi"
        )
        return [document, *super().get_urlpatterns()]


# The router must be named "wagtailapi_v2": Wagtail's frontend-cache purge looks it up by name.
api_router = ContentAPIRouter("wagtailapi_v2")
api_router.register_endpoint("pages", PagesEndpoint)
# After "pages": the router links pages to the first endpoint registered for them.
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("member-states", MemberStatesEndpoint)
api_router.register_endpoint("topics", TopicsAPIEndpoint)
api_router.register_endpoint("networks", NetworksAPIEndpoint)
api_router.register_endpoint("states", StatesAPIEndpoint)
api_router.register_endpoint("webinar-series", WebinarSeriesAPIEndpoint)
api_router.register_endpoint("resource-types", ResourceTypesAPIView)
