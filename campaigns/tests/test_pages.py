"""Campaign pages: tree rules, the editor's round trip, and the rendered pages."""

import datetime
import re

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.factories import (
    CampaignContactFactory,
    CampaignMilestoneFactory,
    CampaignPageFactory,
    CampaignPartnerFactory,
    ImageFactory,
)
from campaigns.models import CampaignIndexPage, CampaignPage, CampaignStatus, PartnerRole
from home.models import HomePage

pytestmark = pytest.mark.django_db


class TestTreeRules(WagtailPageTestCase):
    def test_campaign_index_goes_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(CampaignIndexPage, {HomePage})

    def test_campaign_index_holds_only_campaigns(self):
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})

    def test_campaign_goes_under_a_campaign_index_only(self):
        self.assertAllowedParentPageTypes(CampaignPage, {CampaignIndexPage})

    def test_campaign_has_no_children(self):
        self.assertAllowedSubpageTypes(CampaignPage, set())


def text_of(html: str) -> str:
    """What a reader sees: the markup's text with spacing collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def admin_form(**overrides):
    data = {
        "title": "Count All Kids",
        "slug": "count-all-kids",
        "summary": "An accurate count of young children.",
        "tagline": "Every child counts",
        "introduction": "Accurate Census data is critical to children's advocacy.",
        "status": "active",
        "archived_notice": "",
        "goals": streamfield([("goal", {"title": "Count young children in 2030", "text": ""})]),
        "body": streamfield([("paragraph", rich_text("<p>Why the count matters.</p>"))]),
        "statistics": streamfield(
            [
                ("statistic", {"value": "2020", "label": "the last count", "source": ""}),
                ("statistic", {"value": "Ages 0–4", "label": "most often missed", "source": ""}),
            ]
        ),
        "milestones": inline_formset(
            [
                {"date": "", "year": "2030", "label": "Preparing for 2030", "text": ""},
                {"date": "2020-04-01", "year": "", "label": "Census Day 2020", "text": "Counted."},
            ]
        ),
        "partners": inline_formset(
            [{"name": "Count All Kids Campaign", "role": "partner", "link": ""}]
        ),
        "call_to_action": streamfield(
            [
                (
                    "call_to_action",
                    {
                        "heading": "Help count all kids",
                        "text": "",
                        "link": {"page": "", "url": "https://example.org/sign-up"},
                        "label": "Sign up",
                    },
                )
            ]
        ),
        "contacts": inline_formset(
            [{"name": "Census team", "role": "", "email": "census@example.org", "phone": ""}]
        ),
        "related_page_links": inline_formset([]),
        "action-publish": "publish",
    }
    return nested_form_data(data | overrides)


def test_editor_builds_campaign_with_statistics_and_timeline_through_the_admin(
    index_page, taxonomy, admin_client
):
    data = admin_form()
    data["topics"] = [taxonomy["census-and-data"].pk]

    response = admin_client.post(
        f"/admin/pages/add/campaigns/campaignpage/{index_page.pk}/", data, follow=True
    )

    assert response.status_code == 200
    campaign = CampaignPage.objects.get(slug="count-all-kids")
    assert campaign.live
    assert [block.value["value"] for block in campaign.statistics] == ["2020", "Ages 0–4"]
    # The timeline reads in date order, whatever the editor's order; a dated milestone
    # gets its year from the date.
    assert [(m.year, m.date, m.label) for m in campaign.timeline] == [
        (2020, datetime.date(2020, 4, 1), "Census Day 2020"),
        (2030, None, "Preparing for 2030"),
    ]
    assert [partner.name for partner in campaign.partners.all()] == ["Count All Kids Campaign"]
    assert campaign.contacts.get().email == "census@example.org"
    assert list(campaign.topics.values_list("slug", flat=True)) == ["census-and-data"]

    html = admin_client.get(campaign.url).content.decode()
    assert "<h1>Count All Kids</h1>" in html
    assert "Ages 0–4" in html


def test_milestone_without_date_or_year_is_refused(index_page, admin_client):
    data = admin_form(
        milestones=inline_formset([{"date": "", "year": "", "label": "Sometime", "text": ""}])
    )
    response = admin_client.post(f"/admin/pages/add/campaigns/campaignpage/{index_page.pk}/", data)

    assert response.status_code == 200
    assert not CampaignPage.objects.exists()
    assert "Give a date or a year." in response.content.decode()


def test_milestone_whose_year_contradicts_its_date_is_refused(index_page, admin_client):
    data = admin_form(
        milestones=inline_formset(
            [{"date": "2020-04-01", "year": "2021", "label": "Census Day", "text": ""}]
        )
    )
    response = admin_client.post(f"/admin/pages/add/campaigns/campaignpage/{index_page.pk}/", data)

    assert not CampaignPage.objects.exists()
    assert "The year does not match the date." in response.content.decode()


def test_contact_needs_an_email_or_a_phone(index_page, admin_client):
    data = admin_form(
        contacts=inline_formset([{"name": "Census team", "role": "", "email": "", "phone": ""}])
    )
    response = admin_client.post(f"/admin/pages/add/campaigns/campaignpage/{index_page.pk}/", data)

    assert not CampaignPage.objects.exists()
    assert "Give an email address or a phone number." in response.content.decode()


def test_campaign_page_shows_statistics_timeline_partners_funders_and_contacts(index_page, client):
    campaign = CampaignPageFactory(
        parent=index_page,
        title="Count All Kids",
        tagline="Every child counts",
        statistics=[("statistic", {"value": "2020", "label": "the last count", "source": "Us"})],
        call_to_action=[
            (
                "call_to_action",
                {
                    "heading": "Help count all kids",
                    "text": "",
                    "link": {"page": None, "url": "https://example.org/sign-up"},
                    "label": "Sign up",
                },
            )
        ],
    )
    CampaignMilestoneFactory(page=campaign, year=2030, label="Preparing for 2030")
    CampaignMilestoneFactory(page=campaign, date=datetime.date(2020, 4, 1), label="Census Day")
    CampaignPartnerFactory(page=campaign, name="Count All Kids Campaign", logo=ImageFactory())
    CampaignPartnerFactory(page=campaign, name="Example Fund", role=PartnerRole.FUNDER, link="")
    CampaignContactFactory(page=campaign, name="Census team", email="census@example.org")

    response = client.get(campaign.url)
    html = response.content.decode()
    text = text_of(html)

    assert response.status_code == 200
    assert "<h1>Count All Kids</h1>" in html
    assert "Every child counts" in text
    assert "2020 the last count" in text
    assert text.index("Census Day") < text.index("Preparing for 2030")
    assert '<time datetime="2020-04-01">April 1, 2020</time>' in html
    assert '<time datetime="2030">2030</time>' in html
    assert "Funder Example Fund" in text and "Partner Count All Kids Campaign" in text
    assert 'href="https://partner.example.org/"' in html
    assert re.search(r'<img [^>]*class="campaign-partner__logo"', html)
    assert 'href="https://example.org/sign-up"' in html
    assert 'href="mailto:census@example.org"' in html
    assert "Archived campaign" not in text


def test_archived_campaign_shows_its_notice_or_the_standard_one(index_page, client):
    own = CampaignPageFactory(
        parent=index_page,
        status=CampaignStatus.ARCHIVED,
        archived_notice="The 2020 count is over; see Count All Kids for 2030.",
    )
    standard = CampaignPageFactory(parent=index_page, status=CampaignStatus.ARCHIVED)

    assert "The 2020 count is over; see Count All Kids for 2030." in client.get(own.url).text
    assert "This campaign has ended." in client.get(standard.url).text
    assert own.archived_message and not CampaignPageFactory.build().archived_message


def test_campaign_index_lists_active_then_past_campaigns_and_only_public_ones(
    index_page, client, restrict
):
    CampaignPageFactory(parent=index_page, title="SPARC")
    CampaignPageFactory(parent=index_page, title="Census 2020", status=CampaignStatus.ARCHIVED)
    CampaignPageFactory(parent=index_page, title="Draft campaign", live=False)
    restrict(CampaignPageFactory(parent=index_page, title="Members-only campaign"))

    text = text_of(client.get(index_page.url).content.decode())

    assert text.index("Current campaigns") < text.index("SPARC") < text.index("Past campaigns")
    assert text.index("Past campaigns") < text.index("Census 2020")
    assert "Draft campaign" not in text
    assert "Members-only campaign" not in text
