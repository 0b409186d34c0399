"""Step 2 of 3 of making resource files translatable: give every existing file a
translation key and its resource page's locale (see home.bootstrap_translatable)."""

from django.db import migrations

from home.bootstrap_translatable import BootstrapTranslatableChildModel


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0002_translatable_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        BootstrapTranslatableChildModel("library.ResourceFile"),
    ]
