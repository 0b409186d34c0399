"""Calendars: an .ics file per webinar and the section's subscribable feed."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from webinars.factories import WebinarPageFactory

EASTERN = ZoneInfo("America/New_York")


def parse(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


@pytest.mark.django_db
def test_webinar_ics_has_the_session_in_utc_with_a_link_back(index_page, client):
    # 2 pm Eastern in January (EST) is 19:00 UTC; in July (EDT) it is 18:00 UTC.
    for month, utc_hour in [(1, 19), (7, 18)]:
        webinar = WebinarPageFactory(
            parent=index_page,
            title=f"Session in month {month}",
            starts_at=datetime(2031, month, 15, 14, 0, tzinfo=EASTERN),
            duration=timedelta(minutes=90),
        )
        response = client.get(webinar.url + "calendar/")
        (event,) = events(parse(response))

        assert event.start == datetime(2031, month, 15, utc_hour, 0, tzinfo=UTC)
        assert event.end == datetime(2031, month, 15, utc_hour + 1, 30, tzinfo=UTC)
        assert b"DTSTART:2031" in response.content and b"00Z" in response.content
        assert str(event["SUMMARY"]) == webinar.title
        assert str(event["URL"]) == webinar.full_url
        assert webinar.full_url in str(event["DESCRIPTION"])
        assert "attachment" in response["Content-Disposition"]


@pytest.mark.django_db
def test_webinar_uid_stays_the_same_when_title_slug_and_time_change(index_page, client):
    webinar = WebinarPageFactory(parent=index_page, title="Before")
    (before,) = events(parse(client.get(webinar.url + "calendar/")))

    webinar.title, webinar.slug = "After", "after"
    webinar.starts_at += timedelta(days=1)
    webinar.save_revision().publish()
    webinar.refresh_from_db()
    (after,) = events(parse(client.get(webinar.url + "calendar/")))

    assert str(after["UID"]) == str(before["UID"])
    assert str(after["SUMMARY"]) == "After"


@pytest.mark.django_db
def test_feed_lists_public_webinars_and_filters_like_the_listing(index_page, taxonomy, client):
    sparc = WebinarPageFactory(parent=index_page, title="SPARC", networks=[taxonomy["sparc"]])
    peer = WebinarPageFactory(
        parent=index_page,
        title="Peer",
        networks=[taxonomy["partnership"]],
        webinar_series=taxonomy["peer-exchange"],
        starts_at=timezone.now() - timedelta(days=20),
    )
    private = WebinarPageFactory(parent=index_page, title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    feed_url = index_page.url + "calendar/"

    calendar = parse(client.get(feed_url))
    assert {str(event["SUMMARY"]) for event in events(calendar)} == {"SPARC", "Peer"}
    assert str(calendar["X-WR-CALNAME"]) == index_page.title
    assert calendar.get("REFRESH-INTERVAL") is not None

    def summaries(query):
        return [str(event["SUMMARY"]) for event in events(parse(client.get(feed_url + query)))]

    assert summaries("?network=sparc") == [sparc.title]
    assert summaries("?series=peer-exchange") == [peer.title]
    assert summaries("?network=sparc&series=peer-exchange") == []


@pytest.mark.django_db
def test_feed_with_a_bad_filter_is_a_400_naming_the_parameter(index_page, client):
    response = client.get(index_page.url + "calendar/?topic=not-a-topic")
    assert response.status_code == 400
    assert response.content.decode().startswith("topic:")


@pytest.mark.django_db
def test_listing_offers_the_feed_to_subscribe_with_webcal(index_page, client):
    html = client.get(index_page.url).content.decode()
    assert 'href="webcal://localhost/webinars/calendar/"' in html
    assert 'rel="alternate" type="text/calendar"' in html
