"""The project's own image and document models.

Chosen before the first migration, because swapping them later is painful:
documents need their own (private) storage, and images carry a credit line.
"""

from django.db import models
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage

from home.storage import get_document_storage


class CustomImage(AbstractImage):
    """An image in the media library.

    Alt text is given per use (ImageBlock) or, by default, as the image's description."""

    credit = models.CharField(
        max_length=255, blank=True, help_text="Photographer or source, shown with the image."
    )

    admin_form_fields = WagtailImage.admin_form_fields + ("credit",)

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
