"""The site-wide notice moves from site settings (one per site, untranslatable) to a
translatable snippet, keeping the text."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def notice_to_snippet(apps, schema_editor):
    """The site settings' notice becomes a notice snippet in the default language."""
    SiteSettings = apps.get_model("home", "SiteSettings")
    SiteNotice = apps.get_model("home", "SiteNotice")
    Locale = apps.get_model("wagtailcore", "Locale")
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    for site_settings in SiteSettings.objects.exclude(notice=""):
        SiteNotice.objects.create(text=site_settings.notice, locale=default)


# Who may manage notices, as for the taxonomy snippets (0003_editorial_groups).
NOTICE_PERMISSIONS = {
    "Editors": ["add_sitenotice", "change_sitenotice", "delete_sitenotice"],
    "Translators": ["change_sitenotice"],
}


def grant_notice_permissions(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    home = apps.get_app_config("home")
    home.models_module = True
    create_permissions(home, apps=apps, verbosity=0)
    home.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=NOTICE_PERMISSIONS):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="home", codename__in=NOTICE_PERMISSIONS[group.name]
            )
        )


def snippet_to_notice(apps, schema_editor):
    SiteSettings = apps.get_model("home", "SiteSettings")
    SiteNotice = apps.get_model("home", "SiteNotice")
    notice = SiteNotice.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if notice is not None:
        SiteSettings.objects.update(notice=notice.text)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_alter_homepage_body_alter_standardpage_body"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SiteNotice",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "text",
                    models.TextField(
                        help_text="One or two sentences. Delete the notice to stop showing it.",
                        max_length=500,
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "site notice",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.RunPython(notice_to_snippet, snippet_to_notice),
        migrations.RunPython(grant_notice_permissions, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="sitesettings",
            name="notice",
        ),
    ]
