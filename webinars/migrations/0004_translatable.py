"""Step 3 of 3 of making webinar series and speakers translatable: the translation key
and locale are required, and unique together. A series slug is unique per language
(a translation keeps the English slug), and webinars choose from the English series."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

import home.models.taxonomy


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("webinars", "0003_translatable_fields_data"),
    ]

    operations = [
        migrations.AlterField(
            model_name="series",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="series",
            name="slug",
            field=models.SlugField(
                help_text="Used in web addresses, calendar feeds and the API (e.g. ?series=peer-exchange). Keep it the same in every language.",
                max_length=100,
            ),
        ),
        migrations.AlterField(
            model_name="series",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="webinarpage",
            name="webinar_series",
            field=models.ForeignKey(
                blank=True,
                help_text="The run of sessions this one belongs to, if any.",
                limit_choices_to=home.models.taxonomy.default_language_only,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="webinars",
                to="webinars.series",
                verbose_name="series",
            ),
        ),
        migrations.AlterField(
            model_name="webinarspeaker",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="webinarspeaker",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="series",
            unique_together={("slug", "locale"), ("translation_key", "locale")},
        ),
        migrations.AlterUniqueTogether(
            name="webinarspeaker",
            unique_together={("translation_key", "locale")},
        ),
    ]
