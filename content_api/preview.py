"""`/api/v2/page_preview/?content_type=<app.model>&token=<token>`: a draft, for the
headless front end an editor was sent to (see content_api/headless_preview.py).

The draft is serialised exactly as `/api/v2/pages/<id>/` serialises a live page (the
same viewset, serializer and fields), so the front end renders both with one code
path. The token is the only key: no session, no cookie. A missing token is a 400, a
tampered, made-up or expired one a 403, a token whose draft is gone a 404; each a JSON
`{"message"}`. Responses are never stored (`Cache-Control: no-store, private`) and
carry none of the public validators.
"""

import re

from django.urls import path
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from wagtail.api.v2.serializers import DetailUrlField
from wagtail.api.v2.utils import BadRequestError

from content_api.headless_preview import PreviewTokenError, page_from_preview_token
from content_api.representation import PublicPageSerializer
from content_api.views import PagesEndpoint

_CONTENT_TYPE = re.compile(r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$")


class PreviewDetailUrlField(DetailUrlField):
    """`meta.detail_url`: null for a page that has never been saved (no id yet)."""

    def get_attribute(self, instance):
        if instance.pk is None:
            return None
        return super().get_attribute(instance)


class PreviewPageSerializer(PublicPageSerializer):
    detail_url = PreviewDetailUrlField(read_only=True)


class PreviewUnavailable(APIException):
    def __init__(self, error: PreviewTokenError):
        self.status_code = error.status
        super().__init__(str(error))


class PagePreviewEndpoint(PagesEndpoint):
    base_serializer_class = PreviewPageSerializer
    cacheable = False
    detail_query_parameters = frozenset(
        {"token", "content_type", "fields", "rich_text_format", "_", "format"}
    )

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "detail_view"}), name="detail")]

    def detail_view(self, request):
        serializer = self.get_serializer(self.get_object())
        return Response(serializer.data)

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            params = self.request.GET
            token = params.get("token", "")
            if not token:
                raise BadRequestError("token: give the token of the preview link")
            content_type = params.get("content_type", "")
            if content_type and not _CONTENT_TYPE.match(content_type):
                raise BadRequestError(
                    "content_type: must be app_label.model, e.g. home.standardpage"
                )
            try:
                self._cached_object = page_from_preview_token(token, content_type)
            except PreviewTokenError as error:
                raise PreviewUnavailable(error) from error
        return self._cached_object
