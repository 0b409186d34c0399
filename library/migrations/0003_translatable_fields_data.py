"""Step 2 of 3 of making resource files translatable: give every existing file a
translation key and its resource page's locale (see languages.bootstrap)."""

from django.db import migrations

from languages.bootstrap import BootstrapTranslatableChildModel


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0002_translatable_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        BootstrapTranslatableChildModel("library.ResourceFile"),
    ]
