"""Campaigns in the content API: every field, with the computed figures and the related
items (only live, public pages)."""

import datetime

import pytest

from campaigns.factories import (
    CampaignContactFactory,
    CampaignMilestoneFactory,
    CampaignPageFactory,
    CampaignPartnerFactory,
    CampaignRelatedPageFactory,
    ImageFactory,
)
from campaigns.models import PartnerRole
from home.factories import StandardPageFactory
from members.factories import MemberDirectoryPageFactory, MemberProfilePageFactory
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v2/pages/?type=campaigns.CampaignPage&fields=*"


@pytest.fixture
def sparc_with_content(sparc_campaign, home_page, taxonomy, restrict):
    """SPARC with two members, an upcoming webinar, a members-only one, a draft, and picks."""
    sparc = taxonomy["sparc"]
    directory = MemberDirectoryPageFactory(parent=home_page)
    MemberProfilePageFactory(parent=directory, title="Ohio Kids (demo)", networks=[sparc])
    MemberProfilePageFactory(
        parent=directory,
        title="LA Kids (demo)",
        home_state_id="CA",
        locality="Los Angeles County",
        networks=[sparc],
    )
    webinars = WebinarIndexPageFactory(parent=home_page)
    WebinarPageFactory(parent=webinars, title="Kinship care", networks=[sparc])
    restrict(WebinarPageFactory(parent=webinars, title="Members-only session", networks=[sparc]))
    WebinarPageFactory(parent=webinars, title="Draft session", networks=[sparc], live=False)

    CampaignMilestoneFactory(page=sparc_campaign, year=2030, label="Later")
    CampaignMilestoneFactory(page=sparc_campaign, date=datetime.date(2013, 5, 1), label="Formed")
    CampaignPartnerFactory(
        page=sparc_campaign,
        name="Example Foundation",
        role=PartnerRole.FUNDER,
        logo=ImageFactory(),
    )
    CampaignContactFactory(page=sparc_campaign, name="SPARC team", email="sparc@example.org")
    about = StandardPageFactory(parent=home_page, title="About us")
    private = StandardPageFactory(parent=home_page, title="Private page")
    restrict(private)
    CampaignRelatedPageFactory(page=sparc_campaign, related_page=about)
    CampaignRelatedPageFactory(page=sparc_campaign, related_page=private)
    sparc_campaign.statistics = [
        ("statistic", {"value": "$10 million", "label": "regranted", "source": "Us"})
    ]
    sparc_campaign.save_revision().publish()
    return sparc_campaign


def test_campaign_detail_has_every_field_with_figures_and_related_items(sparc_with_content, client):
    data = client.get(f"/api/v2/pages/{sparc_with_content.pk}/").json()

    assert data["meta"]["type"] == "campaigns.CampaignPage"
    assert data["tagline"] == "Every child counts."
    assert data["status"] == "active" and data["archived_message"] == ""
    assert data["statistics"][0]["value"] == {
        "value": "$10 million",
        "label": "regranted",
        "source": "Us",
    }
    assert [(m["year"], m["date"], m["label"]) for m in data["timeline"]] == [
        (2013, "2013-05-01", "Formed"),
        (2030, None, "Later"),
    ]
    (partner,) = data["partners"]
    assert partner["name"] == "Example Foundation" and partner["role"] == "funder"
    assert set(partner["logo"]) >= {"url", "width", "height", "alt"}
    assert partner["logo"]["width"] <= 240 and partner["logo"]["height"] <= 120
    assert data["contacts"][0]["email"] == "sparc@example.org"
    assert data["networks"][0]["slug"] == "sparc"
    assert data["topics"] == [{"slug": "child-welfare", "name": "Child welfare"}]

    (figure,) = data["computed_figures"]
    assert figure["text"] == "2 members in 2 states and localities"
    assert (figure["member_count"], figure["place_count"]) == (2, 2)
    assert figure["network"]["slug"] == "sparc"

    assert [page["title"] for page in data["related_pages"]] == ["About us"]
    sections = {section["key"]: section for section in data["related_content"]}
    assert [item["title"] for item in sections["upcoming_webinars"]["items"]] == ["Kinship care"]
    webinar = sections["upcoming_webinars"]["items"][0]
    assert webinar["meta"]["type"] == "webinars.WebinarPage"
    assert webinar["meta"]["detail_url"].endswith(f"/api/v2/pages/{webinar['id']}/")
    assert webinar["starts_at"]
    members = sections["members"]["items"]
    assert [(m["title"], m["state"], m["locality"]) for m in members] == [
        ("LA Kids (demo)", "CA", "Los Angeles County"),
        ("Ohio Kids (demo)", "OH", ""),
    ]
    assert sections["members"]["more_url"].endswith("/members/?network=sparc")


def test_campaign_listing_with_all_fields_leaves_out_private_pages(sparc_with_content, client):
    response = client.get(LIST)

    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["computed_figures"][0]["member_count"] == 2
    body = response.content.decode()
    assert "Members-only session" not in body
    assert "Draft session" not in body
    assert "Private page" not in body


def test_archived_campaign_has_its_notice_in_the_api(index_page, client):
    campaign = CampaignPageFactory(parent=index_page, status="archived")
    data = client.get(f"/api/v2/pages/{campaign.pk}/").json()
    assert data["status"] == "archived"
    assert data["archived_message"].startswith("This campaign has ended.")
