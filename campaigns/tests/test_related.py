"""What campaign pages take from the other sections through campaigns.related: the
related items and computed figures follow the content, with no editor action."""

import datetime
from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail import hooks

from campaigns.factories import CampaignPageFactory, CampaignRelatedPageFactory
from campaigns.models import CampaignPage
from campaigns.related import FIGURES_HOOK, RELATED_CONTENT_HOOK
from campaigns.tests.test_pages import text_of
from home.factories import StandardPageFactory
from library.factories import LibraryIndexPageFactory, ResourcePageFactory
from members.factories import MemberDirectoryPageFactory, MemberProfilePageFactory
from operations.tests.bounds import request
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def webinar_index(home_page):
    return WebinarIndexPageFactory(parent=home_page)


@pytest.fixture
def library(home_page):
    return LibraryIndexPageFactory(parent=home_page, title="Library")


@pytest.fixture
def directory(home_page):
    return MemberDirectoryPageFactory(parent=home_page)


def fresh(campaign):
    """The campaign as a new request would load it (nothing cached on the instance)."""
    return CampaignPage.objects.get(pk=campaign.pk)


def section_titles(campaign, key):
    sections = {section.key: section for section in fresh(campaign).related_content}
    return [item.title for item in sections[key].items] if key in sections else []


def soon(days=3):
    return timezone.now() + timedelta(days=days)


# The plug-in point itself, with no other section involved.


class Announcements:
    key = "announcements"
    heading = "Announcements"

    def __init__(self, pages):
        self.pages = pages

    def items(self, campaign, limit):
        return self.pages[:limit]

    def describe(self, page):
        return f"About {campaign_title(page)}"


def campaign_title(page):
    return page.title.lower()


def test_registered_provider_shows_its_items_on_the_campaign_page(sparc_campaign, client):
    page = StandardPageFactory(parent=sparc_campaign.get_parent().get_parent(), title="News")

    with hooks.register_temporarily(RELATED_CONTENT_HOOK, lambda: Announcements([page])):
        html = client.get(sparc_campaign.url).content.decode()

    assert '<h2 id="related-announcements-heading">Announcements</h2>' in html
    assert f'<a href="{page.url}">News</a>' in html
    assert "About news" in html


def test_hook_returning_none_stays_out_and_a_wrong_object_is_refused(sparc_campaign):
    with hooks.register_temporarily(RELATED_CONTENT_HOOK, lambda: None):
        assert all(
            section.key != "announcements" for section in fresh(sparc_campaign).related_content
        )

    with (
        hooks.register_temporarily(RELATED_CONTENT_HOOK, lambda: object()),
        pytest.raises(ImproperlyConfigured, match="RelatedContentProvider"),
    ):
        fresh(sparc_campaign).related_content  # noqa: B018


def test_registered_figure_provider_adds_its_figure(sparc_campaign, client):
    class Regrants:
        key = "regrants"

        def figures(self, campaign):
            return [{"key": "regrants", "text": "12 grants this year", "source": "Grants"}]

    with hooks.register_temporarily(FIGURES_HOOK, Regrants):
        html = client.get(sparc_campaign.url).content.decode()

    assert "12 grants this year" in html


# Members: the network's membership and its member organisations.


def test_sparc_page_states_its_membership_counted_from_member_profiles(
    sparc_campaign, directory, taxonomy, client
):
    sparc = taxonomy["sparc"]
    MemberProfilePageFactory(parent=directory, title="Ohio Kids (demo)", networks=[sparc])
    MemberProfilePageFactory(
        parent=directory,
        title="LA Kids (demo)",
        home_state_id="CA",
        locality="Los Angeles",
        networks=[sparc],
    )
    MemberProfilePageFactory(
        parent=directory, title="Partnership only (demo)", networks=[taxonomy["partnership"]]
    )

    text = text_of(client.get(sparc_campaign.url).content.decode())

    assert "2 members in 2 states and localities" in text
    assert "Counted from the member profiles of SPARC." in text
    assert "Ohio Kids (demo) Ohio" in text
    assert "Partnership only (demo)" not in text


def test_adding_a_member_to_sparc_raises_the_figure_and_lists_it(
    sparc_campaign, directory, taxonomy, client
):
    sparc = taxonomy["sparc"]
    MemberProfilePageFactory(parent=directory, title="Ohio Kids (demo)", networks=[sparc])
    assert "1 member in 1 state or locality" in client.get(sparc_campaign.url).text

    MemberProfilePageFactory(
        parent=directory, title="Texas Kids (demo)", home_state_id="TX", networks=[sparc]
    )

    text = text_of(client.get(sparc_campaign.url).content.decode())
    assert "2 members in 2 states and localities" in text
    assert "Texas Kids (demo) Texas" in text


def test_draft_and_restricted_members_are_neither_counted_nor_listed(
    sparc_campaign, directory, taxonomy, restrict, client
):
    sparc = taxonomy["sparc"]
    MemberProfilePageFactory(parent=directory, title="Counted (demo)", networks=[sparc])
    MemberProfilePageFactory(parent=directory, title="Draft (demo)", networks=[sparc], live=False)
    restrict(MemberProfilePageFactory(parent=directory, title="Private (demo)", networks=[sparc]))

    text = text_of(client.get(sparc_campaign.url).content.decode())

    assert "1 member in 1 state or locality" in text
    assert "Counted (demo)" in text
    assert "Draft (demo)" not in text and "Private (demo)" not in text


def test_campaign_without_a_network_has_no_membership_or_member_list(
    index_page, directory, taxonomy
):
    campaign = CampaignPageFactory(parent=index_page, topics=[taxonomy["child-welfare"]])
    MemberProfilePageFactory(
        parent=directory, networks=[taxonomy["sparc"]], topics=[taxonomy["child-welfare"]]
    )

    assert fresh(campaign).computed_figures == []
    assert section_titles(campaign, "members") == []


# Webinars: upcoming sessions that share the campaign's network or topics.


def test_upcoming_webinars_sharing_network_or_topic_are_listed_soonest_first(
    sparc_campaign, webinar_index, taxonomy
):
    WebinarPageFactory(
        parent=webinar_index, title="Later SPARC", starts_at=soon(20), networks=[taxonomy["sparc"]]
    )
    WebinarPageFactory(
        parent=webinar_index,
        title="Kinship care",
        starts_at=soon(2),
        topics=[taxonomy["child-welfare"]],
    )
    WebinarPageFactory(
        parent=webinar_index,
        title="Past SPARC",
        starts_at=soon(-2),
        networks=[taxonomy["sparc"]],
    )
    WebinarPageFactory(
        parent=webinar_index,
        title="Child health",
        starts_at=soon(1),
        networks=[taxonomy["partnership"]],
        topics=[taxonomy["child-health"]],
    )

    assert section_titles(sparc_campaign, "upcoming_webinars") == ["Kinship care", "Later SPARC"]


def test_unpublished_or_restricted_webinar_disappears_from_the_campaign(
    sparc_campaign, webinar_index, taxonomy, restrict, client
):
    sparc = taxonomy["sparc"]
    unpublished = WebinarPageFactory(parent=webinar_index, title="Going away", networks=[sparc])
    restricted = WebinarPageFactory(parent=webinar_index, title="Members only", networks=[sparc])
    WebinarPageFactory(parent=webinar_index, title="Staying", networks=[sparc])
    assert set(section_titles(sparc_campaign, "upcoming_webinars")) == {
        "Going away",
        "Members only",
        "Staying",
    }

    unpublished.unpublish()
    restrict(restricted)

    assert section_titles(sparc_campaign, "upcoming_webinars") == ["Staying"]
    html = client.get(sparc_campaign.url).content.decode()
    assert "Staying" in html
    assert "Going away" not in html and "Members only" not in html


def test_webinars_in_a_restricted_section_are_not_listed(
    sparc_campaign, webinar_index, taxonomy, restrict
):
    WebinarPageFactory(parent=webinar_index, networks=[taxonomy["sparc"]])
    restrict(webinar_index)

    assert section_titles(sparc_campaign, "upcoming_webinars") == []


# Library: the newest resources that share the campaign's network or topics.


def test_recent_library_resources_are_listed_newest_first(sparc_campaign, library, taxonomy):
    for title, published_on, filing in [
        ("Older toolkit", datetime.date(2024, 5, 1), {"topics": [taxonomy["child-welfare"]]}),
        ("Newest brief", datetime.date(2025, 9, 1), {"networks": [taxonomy["sparc"]]}),
        ("Unrelated", datetime.date(2025, 10, 1), {"topics": [taxonomy["child-health"]]}),
    ]:
        ResourcePageFactory(parent=library, title=title, published_on=published_on, **filing)
    campaign = fresh(sparc_campaign)
    section = next(s for s in campaign.related_content if s.key == "library_resources")

    assert [item.title for item in section.items] == ["Newest brief", "Older toolkit"]
    assert section.describe(section.items[0]) == "Report, September 1, 2025"
    assert section.more_url.endswith("/library/?network=sparc")


def test_members_only_draft_and_aliased_private_resources_are_not_listed(
    sparc_campaign, library, taxonomy, restrict, client
):
    sparc = taxonomy["sparc"]
    ResourcePageFactory(parent=library, title="Public report", networks=[sparc])
    ResourcePageFactory(parent=library, title="Draft report", networks=[sparc], live=False)
    members_section = LibraryIndexPageFactory(parent=library, title="Members library")
    restrict(members_section)
    private = ResourcePageFactory(
        parent=members_section, title="Members playbook", networks=[sparc]
    )
    # An alias placed in the public library is as private as its source.
    private.create_alias(parent=library, update_slug="playbook-alias")

    assert section_titles(sparc_campaign, "library_resources") == ["Public report"]
    html = client.get(sparc_campaign.url).content.decode()
    assert "Members playbook" not in html and "Draft report" not in html


# The editors' own picks.


def test_editor_picks_show_alongside_and_are_not_repeated_in_the_automatic_lists(
    sparc_campaign, webinar_index, taxonomy, client
):
    picked = WebinarPageFactory(
        parent=webinar_index, title="Picked SPARC", networks=[taxonomy["sparc"]]
    )
    WebinarPageFactory(parent=webinar_index, title="Other SPARC", networks=[taxonomy["sparc"]])
    CampaignRelatedPageFactory(page=sparc_campaign, related_page=picked)

    campaign = fresh(sparc_campaign)
    assert [page.title for page in campaign.related_pages] == ["Picked SPARC"]
    assert section_titles(sparc_campaign, "upcoming_webinars") == ["Other SPARC"]
    html = client.get(sparc_campaign.url).content.decode()
    assert html.count("Picked SPARC") == 1


def test_draft_or_restricted_picks_are_left_out(sparc_campaign, home_page, restrict):
    draft = StandardPageFactory(parent=home_page, title="Draft pick", live=False)
    private = StandardPageFactory(parent=home_page, title="Private pick")
    public = StandardPageFactory(parent=home_page, title="Public pick")
    restrict(private)
    for page in (draft, private, public):
        CampaignRelatedPageFactory(page=sparc_campaign, related_page=page)

    assert [page.title for page in fresh(sparc_campaign).related_pages] == ["Public pick"]


# Query budget.


def related_queries(campaign) -> int:
    with CaptureQueriesContext(connection) as queries:
        campaign = fresh(campaign)
        campaign.related_content  # noqa: B018
        campaign.computed_figures  # noqa: B018
    return len(queries)


def add_related_pages(count, webinar_index, directory, library, taxonomy):
    sparc = taxonomy["sparc"]
    for number in range(count):
        WebinarPageFactory(parent=webinar_index, starts_at=soon(number + 1), networks=[sparc])
        ResourcePageFactory(parent=library, networks=[sparc])
        MemberProfilePageFactory(
            parent=directory, networks=[sparc], topics=[taxonomy["child-welfare"]]
        )


def test_related_items_take_a_fixed_number_of_queries_however_many_pages_match(
    sparc_campaign, webinar_index, directory, library, taxonomy, django_assert_max_num_queries
):
    add_related_pages(2, webinar_index, directory, library, taxonomy)
    few = related_queries(sparc_campaign)

    add_related_pages(25, webinar_index, directory, library, taxonomy)
    campaign = fresh(sparc_campaign)
    with django_assert_max_num_queries(few):
        sections = campaign.related_content
        figures = campaign.computed_figures + []

    assert [section.key for section in sections] == [
        "upcoming_webinars",
        "library_resources",
        "members",
    ]
    assert figures[0]["member_count"] == 27


def test_rendered_campaign_page_takes_a_fixed_number_of_queries(
    sparc_campaign,
    webinar_index,
    directory,
    library,
    taxonomy,
    client,
    django_assert_max_num_queries,
):
    add_related_pages(2, webinar_index, directory, library, taxonomy)
    with CaptureQueriesContext(connection) as few:
        client.get(sparc_campaign.url)

    add_related_pages(25, webinar_index, directory, library, taxonomy)
    with django_assert_max_num_queries(len(few)):
        response = client.get(sparc_campaign.url)
    assert "27 members in 1 state or locality" in response.content.decode()


def test_what_is_kept_for_a_campaign_is_in_the_language_it_is_read_in_and_follows_the_clock(
    sparc_campaign, webinar_index, taxonomy, time_machine
):
    # Kept per content version (campaigns.models): the API reads a Spanish page in
    # English unless asked otherwise, so the headings are kept per language too; and a
    # webinar that has ended leaves "Upcoming webinars" without an edit.
    webinar = WebinarPageFactory(
        parent=webinar_index, title="SPARC budget", starts_at=soon(2), networks=[taxonomy["sparc"]]
    )

    def headings(language):
        with request(), translation.override(language):
            return [section.heading for section in fresh(sparc_campaign).related_content]

    assert headings("en") == ["Upcoming webinars"]
    assert headings("es") == ["Próximos seminarios web"]
    assert headings("en") == ["Upcoming webinars"]
    time_machine.move_to(webinar.ends_at + timedelta(minutes=1))
    assert headings("en") == []
