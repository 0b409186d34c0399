"""A resource's file links in Spanish: the label is translated with the page in
wagtail-localize; the document is the same in every language."""

import pytest

from languages.tests.translating import strings_to_translate, translate_into_spanish
from library.factories import ResourceFileFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


def test_spanish_resource_links_the_same_document_with_a_spanish_label(library):
    resource = ResourcePageFactory(parent=library)
    ResourceFileFactory(page=resource, label="Read the report")
    assert ("files.label", "Read the report") in strings_to_translate(resource)

    spanish_resource = translate_into_spanish(resource, {"Read the report": "Lea el informe"})

    spanish_file = spanish_resource.files.get()
    assert spanish_file.label == "Lea el informe"
    assert spanish_file.document_id == resource.files.get().document_id
    assert resource.files.get().label == "Read the report"


def test_a_file_without_a_label_leaves_nothing_to_translate(library):
    resource = ResourcePageFactory(parent=library)
    ResourceFileFactory(page=resource, label="")

    assert not {field for field, _ in strings_to_translate(resource)} & {"files.label"}
