"""The project's own image and document models.

Chosen before the first migration, because swapping them later is painful:
documents need their own (private) storage, and images carry a credit line.
"""

import hashlib
import logging
import time

from botocore.exceptions import BotoCoreError, ClientError, ReadTimeoutError
from botocore.exceptions import ConnectionError as BotoConnectionError
from django.db import models
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition, SourceImageIOError
from wagtail.images.models import Image as WagtailImage

from home.storage import get_document_storage

logger = logging.getLogger(__name__)

# What a storage raises when it cannot read or write a file: the file store (S3) down,
# slow or refusing (botocore), or a local disk error (OSError).
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)
# Of those, the ones that say the store cannot be reached at all.
UNREACHABLE_ERRORS = (BotoConnectionError, ReadTimeoutError)  # connect timeouts too
# After the store was found unreachable, renditions are not attempted for this long: a
# page with twenty new images then waits for one timeout, not twenty.
UNREACHABLE_PAUSE_SECONDS = 30.0
_unreachable_until: dict = {}  # {storage endpoint: time.monotonic() to try again}


def _endpoint(storage) -> str:
    return str(getattr(storage, "endpoint_url", None) or type(storage).__name__)


def _storage_paused(storage) -> bool:
    return time.monotonic() < _unreachable_until.get(_endpoint(storage), 0.0)


def _note_storage_failure(storage, error) -> None:
    endpoint = _endpoint(storage)
    if isinstance(error, UNREACHABLE_ERRORS):
        if not _storage_paused(storage):  # said once per pause, not per image
            logger.warning(
                "The file store at %s is unreachable (%s): images show their fallback "
                "for the next %d s.",
                endpoint,
                error,
                UNREACHABLE_PAUSE_SECONDS,
            )
        _unreachable_until[endpoint] = time.monotonic() + UNREACHABLE_PAUSE_SECONDS
    else:
        logger.warning("An image rendition could not be made: %s", error)


class CustomImage(AbstractImage):
    """An image in the media library.

    Alt text is given per use (ImageBlock) or, by default, as the image's description."""

    credit = models.CharField(
        max_length=255, blank=True, help_text="Photographer or source, shown with the image."
    )

    admin_form_fields = WagtailImage.admin_form_fields + ("credit",)

    # A rendition that cannot be made because the file store fails (down, slow, refusing)
    # raises SourceImageIOError, as a missing file does: `{% image %}` then renders its
    # fallback and the API its null (content_api.representation), never a 500. Renditions
    # made before are still found in the database and their URLs need no store.

    def create_rendition(self, filter):
        with _storage_errors_as_source_errors(self):
            return super().create_rendition(filter)

    def create_renditions(self, *filters):
        with _storage_errors_as_source_errors(self):
            return super().create_renditions(*filters)

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    """A downloadable file. Stored in the private "documents" storage, served only after
    Wagtail's serve view has checked the collection's privacy."""

    file = models.FileField(
        upload_to="documents", storage=get_document_storage, verbose_name="file"
    )

    admin_form_fields = WagtailDocument.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"

    def save(self, *args, **kwargs):
        """Give the file its hash if it has none: the download's ETag is the hash, and
        documents made in code (factories, the demo) have none from the admin's form.
        Without one every document shared `ETag: ""`, a 304 for any of them."""
        update_fields = kwargs.get("update_fields")
        if (
            not self.file_hash
            and self.file
            and (update_fields is None or "file_hash" in update_fields)
        ):
            self.file_hash = file_hash(self.file)
        super().save(*args, **kwargs)


def file_hash(field_file) -> str:
    """The SHA-1 of a file field's content, as Wagtail computes it ("" if the store cannot
    be read: then the serve view tries again, privacy.downloads)."""
    digest = hashlib.sha1(usedforsecurity=False)
    try:
        if not field_file._committed:  # a new upload, still in memory or a temporary file
            for chunk in field_file.chunks():
                digest.update(chunk)
            field_file.seek(0)
        else:
            with field_file.storage.open(field_file.name, "rb") as stored:
                for chunk in iter(lambda: stored.read(64 * 1024), b""):
                    digest.update(chunk)
    except STORAGE_ERRORS as error:
        logger.warning("The hash of %s could not be read: %s", field_file.name, error)
        return ""
    return digest.hexdigest()


class _storage_errors_as_source_errors:
    """Storage failures while making a rendition, as SourceImageIOError."""

    def __init__(self, image):
        self.storage = image.file.storage

    def __enter__(self):
        if _storage_paused(self.storage):
            raise SourceImageIOError("The file store is unreachable; not tried again yet.")

    def __exit__(self, kind, error, traceback):
        if error is None or isinstance(error, SourceImageIOError):
            return False
        if isinstance(error, STORAGE_ERRORS):
            _note_storage_failure(self.storage, error)
            raise SourceImageIOError(str(error)) from error
        return False
