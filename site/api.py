"""The public content API (Wagtail API v2) at /api/v2/.

Public endpoints are anonymous and JSON only: Wagtail's viewsets would otherwise
honour the caller's session (letting a logged-in editor see restricted pages, and
making responses vary by cookie) and offer DRF's browsable HTML.

Sections add their own page filters to PAGE_FILTER_BACKENDS; each backend lists
the query parameters it reads in `query_parameters`.
"""

from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from home.api import TaxonomyFilter
from library.api import ResourceFilter
from members.api import MemberStatesAPIViewSet
from webinars.api import WebinarFilter

PAGE_FILTER_BACKENDS = [TaxonomyFilter, ResourceFilter, WebinarFilter]


class PublicAPIMixin:
    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]


class PublicPagesAPIViewSet(PublicAPIMixin, PagesAPIViewSet):
    # Section filters run before Wagtail's own (search must come last).
    filter_backends = PAGE_FILTER_BACKENDS + PagesAPIViewSet.filter_backends
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        *(backend.query_parameters for backend in PAGE_FILTER_BACKENDS)
    )


class PublicImagesAPIViewSet(PublicAPIMixin, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(PublicAPIMixin, DocumentsAPIViewSet):
    pass


# The router must be named "wagtailapi_v2": Wagtail's frontend-cache purge looks it up by name.
api_router = WagtailAPIRouter("wagtailapi_v2")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("member-states", MemberStatesAPIViewSet)
