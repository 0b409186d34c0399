"""The public content API (Wagtail API v2) at /api/v2/: the router.

The core endpoints are here; each section adds its own through its APISection
(content_api.sections). Every endpoint is anonymous, JSON only, checks its parameters
and is cacheable (content_api.views.ContentAPIMixin). The contract is described at
/api/v2/openapi.json (content_api.schema) and in docs/api.md.
"""

import functools

from django.urls import get_script_prefix, path
from wagtail.api.v2.router import WagtailAPIRouter

from content_api.preview import PagePreviewEndpoint
from content_api.schema import OpenAPIEndpoint
from content_api.sections import api_sections
from content_api.views import DocumentsEndpoint, ImagesEndpoint, PagesEndpoint

CORE_ENDPOINTS = {
    "pages": PagesEndpoint,
    # After "pages": the router links pages to the first endpoint registered for them.
    "page_preview": PagePreviewEndpoint,
    "images": ImagesEndpoint,
    "documents": DocumentsEndpoint,
}


class ContentAPIRouter(WagtailAPIRouter):
    """Wagtail's router, knowing its endpoints by name (for the OpenAPI document), plus
    the document itself at the stable /api/v2/openapi.json."""

    def __init__(self, url_namespace):
        super().__init__(url_namespace)
        self.endpoints: dict[str, type] = {}

    def register_endpoint(self, name, class_):
        self.endpoints[name] = class_
        super().register_endpoint(name, class_)

    def get_object_detail_urlpath(self, model, pk):
        # Asked for every item of every response (`detail_url`); reversing is slow, and the
        # path of an object's detail never changes.
        return _detail_urlpath(self, model, pk, get_script_prefix())

    def get_urlpatterns(self):
        view = OpenAPIEndpoint.as_view({"get": "listing_view"}, router=self)
        document = path("openapi.json", view, name="openapi")
        return [document, *super().get_urlpatterns()]


@functools.lru_cache(maxsize=16384)
def _detail_urlpath(router, model, pk, script_prefix):
    return WagtailAPIRouter.get_object_detail_urlpath(router, model, pk)


def build_router() -> ContentAPIRouter:
    # Named "wagtailapi_v2": Wagtail's frontend-cache purge looks the router up by name.
    router = ContentAPIRouter("wagtailapi_v2")
    for name, endpoint in CORE_ENDPOINTS.items():
        router.register_endpoint(name, endpoint)
    for section in api_sections():
        for name, endpoint in section.endpoints.items():
            router.register_endpoint(name, endpoint)
    return router


api_router = build_router()
