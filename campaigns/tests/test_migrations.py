"""The migrations that made the timeline, partners and contacts translatable keep an
existing site's content: each child gets its page's language, and the children of a
translation stay linked to the English ones (languages.bootstrap)."""

import datetime

import pytest
from django.db import connection
from wagtail.models import Locale, Page, Revision

from campaigns.models import CampaignMilestone, CampaignPage
from tests.migrating import migrate_to_latest, schema_at, unapplied_migrations

BEFORE = [("campaigns", "0002_translatable_fields")]  # fields added, still empty


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_milestones_get_their_pages_language_and_stay_linked_to_the_english():
    spanish = Locale.objects.get(language_code="es")
    next_census = datetime.date.today() + datetime.timedelta(days=1200)
    campaign = Page.get_first_root_node().add_child(
        instance=CampaignPage(title="Count All Kids", slug="count-all-kids")
    )
    campaign.milestones = [
        CampaignMilestone(year=next_census.year, label="Preparing for the census"),
        CampaignMilestone(date=next_census, label="Census Day"),
    ]
    campaign.save_revision().publish()
    spanish_campaign = campaign.copy_for_translation(spanish)
    spanish_campaign.save_revision()
    # The site as it was: children and their revisions without keys or locales.
    with schema_at(BEFORE):
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE campaigns_campaignmilestone SET translation_key = NULL, locale_id = NULL"
            )
        for revision in Revision.objects.all():
            for milestone in revision.content["milestones"]:
                del milestone["translation_key"], milestone["locale"]
            revision.save(update_fields=["content"])

        migrate_to_latest()
    assert unapplied_migrations() == []

    english_milestones = list(CampaignMilestone.objects.filter(page=campaign))
    spanish_milestones = list(CampaignMilestone.objects.filter(page=spanish_campaign))
    assert {m.locale.language_code for m in english_milestones} == {"en"}
    assert {m.locale.language_code for m in spanish_milestones} == {"es"}
    assert [m.translation_key for m in spanish_milestones] == [
        m.translation_key for m in english_milestones
    ]
    assert spanish_milestones[1].get_translation(Locale.get_default()) == english_milestones[1]
    # An edit starts from the latest revision: it keeps the keys, and the link.
    draft = CampaignPage.objects.get(pk=spanish_campaign.pk).get_latest_revision_as_object()
    assert [m.translation_key for m in draft.milestones.all()] == [
        m.translation_key for m in spanish_milestones
    ]
