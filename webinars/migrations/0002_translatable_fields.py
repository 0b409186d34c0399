"""Step 1 of 3 of making webinar series and speakers translatable (Wagtail's
BootstrapTranslatableMixin process): add `translation_key` and `locale`, empty for now.
Step 2 fills them in; step 3 makes them required and unique together."""

import django.db.models.deletion
from django.db import migrations, models


def translatable_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("webinars", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *translatable_fields("series"),
        *translatable_fields("webinarspeaker"),
    ]
