"""The demo campaigns: Count All Kids and SPARC, written from the organisation's text,
with SPARC's membership counted live from the demo members."""

import re

import pytest

from campaigns.models import CampaignPage
from demo.tests.helpers import HOST, load_demo, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    return {page.slug: page for page in CampaignPage.objects.live()}


def upcoming_sparc_webinar_titles(client):
    response = client.get("/api/v2/pages/?type=webinars.WebinarPage&status=upcoming&network=sparc")
    return [item["title"] for item in response.json()["items"]]


def test_demo_sparc_page_shows_46_members_in_37_states_and_localities_computed_live(demo, client):
    sparc = demo["sparc"]
    response = client.get(sparc.url, HTTP_HOST=HOST)
    html, text = response.content.decode(), text_of(response)

    assert "46 members in 37 states and localities" in text
    # The number is never typed into the campaign itself.
    typed = [sparc.introduction, sparc.summary]
    typed += [str(block["value"]) for field in ("body", "statistics", "goals")
              for block in getattr(sparc, field).raw_data]  # fmt: skip
    assert not re.search(r"\b(46|37)\b", " ".join(typed))
    assert html.count('class="campaign-related__item"') >= 46 + len(
        upcoming_sparc_webinar_titles(client)
    )
    assert "Los Angeles County Children’s Budget Project (demo)" in text
    upcoming = upcoming_sparc_webinar_titles(client)
    assert upcoming
    for title in upcoming:
        assert title in text
    assert "Funders Annie E. Casey Foundation Conrad N. Hilton Foundation" in text
    assert "sparc@partnership.example.org" in text


def test_demo_sparc_api_gives_the_same_facts(demo, client):
    data = client.get(f"/api/v2/pages/{demo['sparc'].pk}/").json()

    (figure,) = data["computed_figures"]
    assert (figure["member_count"], figure["place_count"]) == (46, 37)
    assert figure["text"] == "46 members in 37 states and localities"
    sections = {section["key"]: section for section in data["related_content"]}
    assert len(sections["members"]["items"]) == 46
    assert [item["title"] for item in sections["upcoming_webinars"]["items"]] == (
        upcoming_sparc_webinar_titles(client)
    )
    assert {partner["name"] for partner in data["partners"]} == {
        "Annie E. Casey Foundation",
        "Conrad N. Hilton Foundation",
    }
    assert {partner["role"] for partner in data["partners"]} == {"funder"}


def test_demo_count_all_kids_has_timeline_statistics_and_partners(demo, client):
    data = client.get(f"/api/v2/pages/{demo['count-all-kids'].pk}/").json()

    assert [(m["year"], m["label"]) for m in data["timeline"]] == [
        (2020, "Census Day 2020"),
        (2030, "Preparing for the 2030 Census"),
        (2030, "Census Day 2030"),
    ]
    assert len(data["statistics"]) == 3
    assert "American Community Survey" in str(data["goals"])
    assert any(partner["logo"] for partner in data["partners"])
    assert data["computed_figures"] == []  # not a network campaign
    assert data["contacts"][0]["email"].endswith("@partnership.example.org")


def test_demo_runs_twice_without_changes(demo):
    first = {page.slug: page.latest_revision_id for page in CampaignPage.objects.all()}
    assert set(first) == {"count-all-kids", "sparc", "cuenten-a-todos-los-ninos"}

    load_demo()

    assert {page.slug: page.latest_revision_id for page in CampaignPage.objects.all()} == first
