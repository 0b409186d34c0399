"""The site is published in English (default, created by Wagtail) and Spanish."""

from django.db import migrations


def create_spanish_locale(apps, schema_editor):
    apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="es")


class Migration(migrations.Migration):
    dependencies = [("home", "0003_editorial_groups")]

    operations = [migrations.RunPython(create_spanish_locale, migrations.RunPython.noop)]
