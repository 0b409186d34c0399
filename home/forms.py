"""The admin's image and document forms (WAGTAILIMAGES_IMAGE_FORM_BASE,
WAGTAILDOCS_DOCUMENT_FORM_BASE): Wagtail's, with two checks of ours. Wagtail builds every
image and document form from these: add, edit, the chooser's upload tab and "Add
multiple" (whose upload answers a form error on `file` with that message).

- **The file is stored while the form is checked.** If the file store (S3) fails, the
  upload is a form error on `file` and nothing is saved: no image or document row, and
  the object being edited keeps its file. Saving afterwards only writes the row.
- **A file does not leave a restricted collection** for a less restricted one unless the
  editor may change that collection's privacy (privacy.media): a form error on
  `collection`.
"""

import logging

from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from home.models.media import STORAGE_ERRORS
from privacy.media import collection_move_refusal

logger = logging.getLogger(__name__)

STORE_UNAVAILABLE = _("The file store is unavailable; nothing was saved. Try again later.")


class StoredUploadMixin:
    def __init__(self, *args, **kwargs):
        self.for_user = kwargs.get("user")  # Wagtail's form takes it out of kwargs
        super().__init__(*args, **kwargs)

    def clean_collection(self):
        collection = self.cleaned_data.get("collection")
        if collection is not None and self.instance.pk and self.for_user is not None:
            refusal = collection_move_refusal(self.for_user, self.instance, collection)
            if refusal:
                self.add_error("collection", refusal)
        return collection

    def _post_clean(self):
        super()._post_clean()
        if not self.errors and "file" in self.fields and "file" in self.changed_data:
            self._store_file()

    def _store_file(self):
        """Write the upload to its storage now, as the model's save would (under the
        name the field gives it), and keep the upload at hand so that Wagtail reads its
        size and hash locally. A failure is a form error; the row is never saved."""
        field_file = self.instance.file
        field = field_file.field
        name = field.generate_filename(self.instance, field_file.name)
        try:
            stored = field_file.storage.save(name, field_file.file, max_length=field.max_length)
        except STORAGE_ERRORS as error:
            logger.warning("An upload could not be stored (%s): %s", name, error)
            self.add_error("file", STORE_UNAVAILABLE)
            return
        field_file.name = stored
        field_file._committed = True  # saving the row does not write the file again


class ImageForm(StoredUploadMixin, BaseImageForm):
    pass


class DocumentForm(StoredUploadMixin, BaseDocumentForm):
    pass
