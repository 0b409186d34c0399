"""`ResourcePage.kind` becomes `resource_type`, the name the listing and the API use.

The field is renamed in the database, and in the content that Wagtail and
wagtail-localize keep as JSON: every revision of a resource (an editor reverting to an
old one, or a scheduled one publishing, would otherwise get the default type) and every
translation source (a sync would give the Spanish page the default type).
"""

import json

from django.db import migrations

OLD, NEW = "kind", "resource_type"


def rename_in_content(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    resource_type = ContentType.objects.filter(app_label="library", model="resourcepage").first()
    if resource_type is None:
        return  # a new database: nothing saved yet
    revisions = []
    for revision in Revision.objects.filter(content_type_id=resource_type.pk).iterator():
        if old in revision.content:
            revision.content[new] = revision.content.pop(old)
            revisions.append(revision)
    Revision.objects.bulk_update(revisions, ["content"], batch_size=200)
    sources = []
    for source in TranslationSource.objects.filter(specific_content_type_id=resource_type.pk):
        content = json.loads(source.content_json)
        if old in content:
            content[new] = content.pop(old)
            source.content_json = json.dumps(content)
            sources.append(source)
    TranslationSource.objects.bulk_update(sources, ["content_json"], batch_size=200)


def forwards(apps, schema_editor):
    rename_in_content(apps, OLD, NEW)


def backwards(apps, schema_editor):
    rename_in_content(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0004_translatable"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RenameField("resourcepage", OLD, NEW),
        migrations.RunPython(forwards, backwards),
    ]
