"""Document downloads: Wagtail's serve view (which checks the collection's privacy
first), with what it leaves out.

- A document in a restricted collection (or a child of one) is `Cache-Control: private`
  in every answer (the file, a 304, the redirect to the login): no shared cache or CDN
  keeps a members-only file. Public documents keep Wagtail's headers.
- The ETag is the file's hash. A document saved without one (before home.models.media
  gave every document its hash) gets it here, once; while it has none, no ETag is sent
  and If-None-Match is ignored, instead of `ETag: ""` matching any other such document.
- With the file store unreachable, the answer is a 503 to try again, not a 500.
"""

import logging

from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve

from home.models.media import STORAGE_ERRORS
from privacy.visibility import private_collection_ids

logger = logging.getLogger(__name__)


def serve(request, document_id, document_filename):
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:  # Wagtail's 404
        return wagtail_serve(request, document_id, document_filename)
    restricted = document.collection_id in private_collection_ids()
    if not document.file_hash:
        try:
            document.get_file_hash()  # reads the file, saves its hash
        except STORAGE_ERRORS as error:
            logger.warning("The hash of document %s could not be read: %s", document.pk, error)
    if not document.file_hash:
        request.META.pop("HTTP_IF_NONE_MATCH", None)
    try:
        response = wagtail_serve(request, document_id, document_filename)
    except STORAGE_ERRORS as error:
        logger.warning("Document %s could not be read from its store: %s", document.pk, error)
        response = HttpResponse(
            "The file store is unavailable. Try again later.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "30"
    if not document.file_hash and response.get("ETag") == '""':
        del response["ETag"]
    if restricted:
        patch_cache_control(response, private=True)
        patch_vary_headers(response, ["Cookie"])
    return response
