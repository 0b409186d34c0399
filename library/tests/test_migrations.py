"""Renaming `kind` to `resource_type` keeps every resource's type: in its revisions (a
revert or a scheduled publish) and in its translation source (a sync of the Spanish)."""

import json

import pytest
from wagtail.models import Revision
from wagtail_localize.models import TranslationSource

from library.factories import LibraryIndexPageFactory, ResourcePageFactory
from tests.migrating import migrate_to_latest, schema_at, unapplied_migrations

BEFORE = [("library", "0004_translatable")]  # the field was `kind`


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_renaming_the_field_keeps_the_type_in_revisions_and_translation_sources(home_page):
    library = LibraryIndexPageFactory(parent=home_page)
    resource = ResourcePageFactory(parent=library, title="Kinship care", resource_type="toolkit")
    resource.save_revision().publish()
    resource.refresh_from_db()
    TranslationSource.get_or_create_from_instance(resource)
    with schema_at(BEFORE):
        revision = Revision.objects.get(pk=resource.latest_revision_id)
        assert revision.content["kind"] == "toolkit" and "resource_type" not in revision.content
        migrate_to_latest()
    assert unapplied_migrations() == []

    revision = Revision.objects.get(pk=resource.latest_revision_id)
    assert revision.as_object().resource_type == "toolkit"
    source = TranslationSource.objects.get_for_instance(resource)
    assert json.loads(source.content_json)["resource_type"] == "toolkit"
    assert source.as_instance().resource_type == "toolkit"
