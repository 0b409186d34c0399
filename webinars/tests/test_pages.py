"""Webinar pages: tree rules, the editor's round trip, and the rendered pages."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from library.factories import LibraryIndexPageFactory, ResourcePageFactory
from webinars.factories import WebinarPageFactory, WebinarSpeakerFactory
from webinars.models import WebinarIndexPage, WebinarPage, WebinarRelatedResource


class TestTreeRules(WagtailPageTestCase):
    def test_webinar_index_goes_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(WebinarIndexPage, {HomePage})

    def test_webinar_index_holds_only_webinars(self):
        self.assertAllowedSubpageTypes(WebinarIndexPage, {WebinarPage})

    def test_webinar_goes_under_a_webinar_index_only(self):
        self.assertAllowedParentPageTypes(WebinarPage, {WebinarIndexPage})

    def test_webinar_has_no_children(self):
        self.assertAllowedSubpageTypes(WebinarPage, set())


def admin_form(**overrides):
    data = {
        "title": "Protecting child health coverage",
        "slug": "child-health-coverage",
        "summary": "Where children's coverage stands.",
        "starts_at": "2031-03-12 14:00",
        "duration": "1:30:00",
        "registration_url": "https://events.example.org/register/health",
        "body": streamfield([("paragraph", rich_text("<p>Medicaid and CHIP.</p>"))]),
        "speakers": inline_formset(
            [
                {"name": "Hannah Cole", "role": "Health Policy Director", "organisation": "A"},
                {"name": "Marcus Lee", "role": "Data Director", "organisation": "B"},
            ]
        ),
        "related_resource_links": inline_formset([]),
        "recording_url": "",
        "transcript": rich_text(""),
        "action-publish": "publish",
    }
    return nested_form_data(data | overrides)


@pytest.mark.django_db
def test_editor_creates_and_publishes_webinar_through_the_admin(index_page, taxonomy, admin_client):
    data = admin_form()
    data["topics"] = [taxonomy["child-health"].pk]
    data["networks"] = [taxonomy["partnership"].pk]
    data["webinar_series"] = taxonomy["peer-exchange"].pk

    response = admin_client.post(
        f"/admin/pages/add/webinars/webinarpage/{index_page.pk}/", data, follow=True
    )

    assert response.status_code == 200
    webinar = WebinarPage.objects.get(slug="child-health-coverage")
    assert webinar.live
    # Editors enter US Eastern time; 2 pm EDT in March 2031 is 18:00 UTC.
    assert webinar.starts_at == datetime(2031, 3, 12, 18, 0, tzinfo=UTC)
    assert webinar.duration == timedelta(minutes=90)
    assert [speaker.name for speaker in webinar.speakers.all()] == ["Hannah Cole", "Marcus Lee"]
    assert list(webinar.topics.values_list("slug", flat=True)) == ["child-health"]
    assert webinar.webinar_series == taxonomy["peer-exchange"]

    html = admin_client.get(webinar.url).content.decode()
    assert "<h1>Protecting child health coverage</h1>" in html
    assert "Hannah Cole" in html


@pytest.mark.django_db
def test_webinar_slug_calendar_is_refused_because_the_section_uses_it(index_page, admin_client):
    response = admin_client.post(
        f"/admin/pages/add/webinars/webinarpage/{index_page.pk}/", admin_form(slug="calendar")
    )
    assert response.status_code == 200
    assert not WebinarPage.objects.exists()
    assert "is used by the webinars section" in response.content.decode()


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_upcoming_webinar_offers_registration_and_calendar_not_recording(index_page, client):
    webinar = WebinarPageFactory(
        parent=index_page,
        title="Counting all kids",
        starts_at=timezone.now() + timedelta(days=3),
        recording_url="https://video.example.org/too-early",
    )
    WebinarSpeakerFactory(page=webinar, name="Priya Natarajan", role="Data Director")

    html = client.get(webinar.url).content.decode()

    assert 'href="https://events.example.org/register"' in html
    assert f'href="{webinar.url}calendar/"' in html
    assert "too-early" not in html
    assert "Priya Natarajan" in html
    # The zone is shown with the time, as editors entered it.
    assert re.search(r"\d:\d\d [ap]\.m\. E[DS]T", html)


@pytest.mark.django_db
def test_past_webinar_shows_recording_instead_of_registration(index_page, client):
    webinar = WebinarPageFactory(
        parent=index_page,
        starts_at=timezone.now() - timedelta(days=3),
        recording_url="https://video.example.org/child-tax-credits",
        transcript="<p>Welcome, everyone.</p>",
    )

    html = client.get(webinar.url).content.decode()

    assert 'id="recording"' in html
    # In tests the embed finder renders a link, never calling the video service.
    assert 'href="https://video.example.org/child-tax-credits"' in html
    assert "Welcome, everyone." in html
    assert 'href="https://events.example.org/register"' not in html


@pytest.mark.django_db
def test_webinar_becomes_past_when_it_ends_without_editor_action(index_page, client, time_machine):
    time_machine.move_to(datetime(2030, 3, 12, 14, 30, tzinfo=UTC))
    webinar = WebinarPageFactory(
        parent=index_page,
        starts_at=timezone.now() - timedelta(minutes=30),
        duration=timedelta(hours=1),
        recording_url="https://video.example.org/session",
    )
    assert webinar.is_upcoming and webinar.is_live_now
    assert 'href="https://events.example.org/register"' in client.get(webinar.url).text
    assert "Upcoming webinars" in client.get(index_page.url).text

    # The session ends; nobody touches the page.
    time_machine.move_to(webinar.ends_at + timedelta(minutes=1))

    html = client.get(webinar.url).text
    assert 'href="https://events.example.org/register"' not in html
    assert 'id="recording"' in html
    listing = client.get(index_page.url).text
    assert "Past webinars and recordings" in listing and "Upcoming webinars" not in listing
    assert WebinarPage.objects.past().filter(pk=webinar.pk).exists()
    assert not WebinarPage.objects.upcoming().filter(pk=webinar.pk).exists()


@pytest.mark.django_db
def test_webinar_page_has_schema_org_event_json_ld(index_page, client):
    webinar = WebinarPageFactory(
        parent=index_page,
        title="Kinship care </script><script>alert(1)</script>",
        starts_at=timezone.now() + timedelta(days=10),
    )
    WebinarSpeakerFactory(page=webinar, name="Renee Jackson", organisation="SPARC")

    html = client.get(webinar.url).content.decode()
    data = json_ld(html)

    assert "<script>alert(1)" not in html
    assert data["@type"] == "Event"
    assert data["name"] == webinar.title
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert datetime.fromisoformat(data["startDate"]) == webinar.starts_at
    assert datetime.fromisoformat(data["endDate"]) == webinar.ends_at
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["performer"][0]["name"] == "Renee Jackson"
    assert data["url"] == webinar.full_url


@pytest.mark.django_db
def test_members_only_related_resource_is_not_shown_on_a_public_webinar(index_page, client):
    library = LibraryIndexPageFactory(parent=index_page.get_parent())
    public = ResourcePageFactory(parent=library, title="Budget toolkit")
    private = ResourcePageFactory(parent=library, title="Members memo")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    webinar = WebinarPageFactory(parent=index_page)
    for resource in (private, public):
        WebinarRelatedResource.objects.create(page=webinar, resource=resource)

    html = client.get(webinar.url).content.decode()

    assert "Budget toolkit" in html
    assert "Members memo" not in html


@pytest.mark.django_db
def test_members_only_webinar_asks_anonymous_visitors_to_log_in(index_page, client):
    webinar = WebinarPageFactory(parent=index_page, title="Peer Exchange")
    PageViewRestriction.objects.create(page=webinar, restriction_type=PageViewRestriction.LOGIN)

    for url in (webinar.url, webinar.url + "calendar/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login" in response["Location"] or "login" in response["Location"]
