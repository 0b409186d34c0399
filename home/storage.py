"""The storage that document files live in.

Documents use the "documents" entry of STORAGES rather than the default storage,
so that they can be kept private (a private S3 prefix with signed URLs, or a local
folder with no URL) while images stay public. The field's storage is resolved
lazily, so tests that point STORAGES at another backend take effect.
"""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class DocumentStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["documents"]


document_storage = DocumentStorage()


def get_document_storage():
    """Callable given to the document file field (keeps migrations free of storage details)."""
    return document_storage


@receiver(setting_changed)
def reset_document_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        document_storage._wrapped = empty
