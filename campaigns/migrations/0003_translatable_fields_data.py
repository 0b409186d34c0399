"""Step 2 of 3 of making the campaign timeline, partners and contacts translatable: give
every existing row its translation key and its campaign page's locale (see
languages.bootstrap)."""

from django.db import migrations

from languages.bootstrap import BootstrapTranslatableChildModel


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0002_translatable_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        BootstrapTranslatableChildModel("campaigns.CampaignMilestone"),
        BootstrapTranslatableChildModel("campaigns.CampaignPartner"),
        BootstrapTranslatableChildModel("campaigns.CampaignContact"),
    ]
