"""A campaign's timeline, partners and contacts are translated with the page in
wagtail-localize: translators get their text, and the rest stays the English page's."""

import datetime

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from campaigns.factories import (
    CampaignContactFactory,
    CampaignMilestoneFactory,
    CampaignPartnerFactory,
    ImageFactory,
)
from campaigns.models import PartnerRole
from languages.tests.translating import strings_to_translate, translate_into_spanish

pytestmark = pytest.mark.django_db

# Dates of the milestones: years ahead of whenever the tests run (only their values are
# compared, never to today).
CENSUS_DAY = datetime.date.today() + datetime.timedelta(days=1200)
CENSUS_DAY_MOVED = CENSUS_DAY - datetime.timedelta(days=20)

SPANISH_FOR = {
    "Census Day": "Día del Censo",
    "Every household counts its children.": "Cada hogar cuenta a sus niños.",
    "Example Census coalition": "Coalición de ejemplo por el censo",
    "Census team": "Equipo del censo",
    "Press": "Prensa",
}


@pytest.fixture
def campaign(sparc_campaign):
    CampaignMilestoneFactory(
        page=sparc_campaign,
        date=CENSUS_DAY,
        label="Census Day",
        text="Every household counts its children.",
    )
    CampaignPartnerFactory(
        page=sparc_campaign,
        name="Example Census coalition",
        role=PartnerRole.FUNDER,
        logo=ImageFactory(),
        link="https://coalition.example.org/",
    )
    CampaignContactFactory(
        page=sparc_campaign,
        name="Census team",
        role="Press",
        email="census@example.org",
        phone="+1 202 555 0100",
    )
    return sparc_campaign


def test_translators_get_the_text_of_the_timeline_partners_and_contacts(campaign):
    strings = strings_to_translate(campaign)

    assert {
        ("milestones.label", "Census Day"),
        ("milestones.text", "Every household counts its children."),
        ("partners.name", "Example Census coalition"),
        ("contacts.name", "Census team"),
        ("contacts.role", "Press"),
    } <= strings
    # Addresses, numbers and dates are not text to translate.
    offered = {text for _, text in strings}
    assert not offered & {"census@example.org", "+1 202 555 0100", "https://coalition.example.org/"}


def test_spanish_campaign_has_spanish_children_with_the_english_dates_and_addresses(campaign):
    spanish_campaign = translate_into_spanish(campaign, SPANISH_FOR)
    milestone, partner, contact = (
        spanish_campaign.milestones.get(),
        spanish_campaign.partners.get(),
        spanish_campaign.contacts.get(),
    )

    assert (milestone.label, milestone.text) == ("Día del Censo", "Cada hogar cuenta a sus niños.")
    assert milestone.date == CENSUS_DAY
    assert partner.name == "Coalición de ejemplo por el censo"
    assert (partner.role, partner.link) == (PartnerRole.FUNDER, "https://coalition.example.org/")
    assert partner.logo_id == campaign.partners.get().logo_id
    assert (contact.name, contact.role) == ("Equipo del censo", "Prensa")
    assert (contact.email, contact.phone) == ("census@example.org", "+1 202 555 0100")
    # Each Spanish child is the translation of the English one, in Spanish.
    spanish = Locale.objects.get(language_code="es")
    assert milestone.locale == spanish
    assert milestone.get_translation(Locale.get_default()) == campaign.milestones.get()
    # The English page keeps its English.
    assert campaign.milestones.get().label == "Census Day"


def test_changing_a_milestone_date_in_english_changes_it_in_spanish_without_translation(
    campaign, django_capture_on_commit_callbacks
):
    spanish_campaign = translate_into_spanish(campaign, SPANISH_FOR)
    milestones = list(campaign.milestones.all())
    milestones[0].date = CENSUS_DAY_MOVED
    campaign.milestones = milestones
    campaign.save_revision().publish()

    # “Sync translated pages”, then publishing the translation, in wagtail-localize.
    source, _ = TranslationSource.update_or_create_from_instance(campaign)
    translation = Translation.objects.get(source=source, target_locale=spanish_campaign.locale)
    total, translated = translation.get_progress()
    assert translated == total  # nothing new to translate
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    milestone = spanish_campaign.milestones.get()
    assert milestone.date == CENSUS_DAY_MOVED
    assert milestone.label == "Día del Censo"
