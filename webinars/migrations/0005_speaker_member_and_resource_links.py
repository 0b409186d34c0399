"""Speakers may name their member organisation, and related resources are library
resources only.

Links from a webinar to a page that is not a library resource (possible before: the
chooser offered any page) are removed, from the webinars and from their revisions: a
later publish of an old revision would otherwise point at a page the field no longer
allows, and fail. (A wagtail-localize translation source may keep such a link: it is
dropped when the translation is next synced.) The links removed are listed on the console;
going back does not restore them.
"""

import sys

import django.db.models.deletion
from django.db import migrations, models

import home.models.taxonomy


def drop_links_to_other_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    ResourcePage = apps.get_model("library", "ResourcePage")
    WebinarRelatedResource = apps.get_model("webinars", "WebinarRelatedResource")
    resource_ids = set(ResourcePage.objects.values_list("pk", flat=True))
    others = WebinarRelatedResource.objects.exclude(resource_id__in=resource_ids)
    for link in others:
        sys.stdout.write(
            f"\n  webinar {link.page_id}: related page {link.resource_id} is not a library "
            "resource; the link is removed"
        )
    others.delete()
    webinar_type = ContentType.objects.filter(app_label="webinars", model="webinarpage").first()
    if webinar_type is None:
        return
    changed = []
    for revision in Revision.objects.filter(content_type_id=webinar_type.pk).iterator():
        links = revision.content.get("related_resource_links") or []
        kept = [link for link in links if link.get("resource") in resource_ids]
        if len(kept) != len(links):
            revision.content["related_resource_links"] = kept
            changed.append(revision)
    Revision.objects.bulk_update(changed, ["content"], batch_size=200)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0006_resource_authors"),
        ("members", "0001_initial"),
        ("webinars", "0004_translatable"),
    ]

    operations = [
        migrations.AddField(
            model_name="webinarspeaker",
            name="member",
            field=models.ForeignKey(
                blank=True,
                help_text="The member organisation they speak for: its profile lists the webinar.",
                limit_choices_to=home.models.taxonomy.default_language_only,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="members.memberprofilepage",
                verbose_name="member organisation",
            ),
        ),
        migrations.AlterField(
            model_name="webinarspeaker",
            name="organisation",
            field=models.CharField(
                blank=True,
                help_text="Their organisation, when it is not a member (for a member, choose "
                "it below).",
                max_length=160,
            ),
        ),
        migrations.RunPython(drop_links_to_other_pages, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="webinarrelatedresource",
            name="resource",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="library.resourcepage",
            ),
        ),
    ]
