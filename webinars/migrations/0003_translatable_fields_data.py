"""Step 2 of 3 of making webinar series and speakers translatable: every existing series
is English; a speaker gets a translation key and its webinar's locale (see
languages.bootstrap)."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel

from languages.bootstrap import BootstrapTranslatableChildModel


class Migration(migrations.Migration):
    dependencies = [
        ("webinars", "0002_translatable_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        BootstrapTranslatableModel("webinars.Series"),
        BootstrapTranslatableChildModel("webinars.WebinarSpeaker"),
    ]
