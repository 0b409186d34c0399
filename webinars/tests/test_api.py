"""Webinars in the content API: every field, and the status, date and series filters."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from library.factories import LibraryIndexPageFactory, ResourcePageFactory
from webinars.factories import ImageFactory, WebinarPageFactory, WebinarSpeakerFactory
from webinars.models import WebinarRelatedResource

EASTERN = ZoneInfo("America/New_York")
LIST = "/api/v2/pages/?type=webinars.WebinarPage"


def titles(client, query):
    response = client.get(LIST + query)
    assert response.status_code == 200, response.json()
    return [item["title"] for item in response.json()["items"]]


@pytest.mark.django_db
@pytest.mark.time_machine(datetime(2031, 5, 1, 12, 0, tzinfo=EASTERN))
def test_webinar_in_api_has_every_field_with_speaker_photo_renditions(index_page, taxonomy, client):
    webinar = WebinarPageFactory(
        parent=index_page,
        title="Kinship care",
        starts_at=datetime(2031, 5, 6, 14, 0, tzinfo=EASTERN),
        duration=timedelta(minutes=90),
        topics=[taxonomy["child-welfare"]],
        networks=[taxonomy["sparc"]],
        webinar_series=taxonomy["sparc-series"],
        recording_url="https://video.example.org/kinship",
        transcript="<p>Welcome.</p>",
    )
    WebinarSpeakerFactory(page=webinar, name="Renee Jackson", photo=ImageFactory())
    library = LibraryIndexPageFactory(parent=index_page.get_parent())
    resource = ResourcePageFactory(parent=library, title="Kinship toolkit")
    WebinarRelatedResource.objects.create(page=webinar, resource=resource)

    data = client.get(f"/api/v2/pages/{webinar.pk}/").json()

    assert data["meta"]["type"] == "webinars.WebinarPage"
    assert data["starts_at"] == "2031-05-06T14:00:00-04:00"
    assert data["ends_at"] == "2031-05-06T15:30:00-04:00"
    assert data["duration_minutes"] == 90
    assert data["is_upcoming"] is True and data["status"] == "upcoming"
    assert data["series"] == {"slug": "sparc-series", "name": "SPARC learning series"}
    assert data["topics"] == [{"slug": "child-welfare", "name": "Child welfare"}]
    assert data["networks"][0]["slug"] == "sparc"
    assert data["states"] == []
    assert data["registration_url"] == "https://events.example.org/register"
    assert data["recording_url"] == "https://video.example.org/kinship"
    assert "Welcome." in data["transcript"]
    assert data["slides"] is None
    (speaker,) = data["speakers"]
    assert speaker["name"] == "Renee Jackson"
    assert set(speaker["photo"]) >= {"url", "width", "height", "alt"}
    assert speaker["photo"]["width"] == 240
    assert [page["title"] for page in data["related_resources"]] == ["Kinship toolkit"]


@pytest.mark.django_db
def test_api_answers_upcoming_sparc_webinars_in_one_request(index_page, taxonomy, client):
    now = timezone.now()
    for title, start, network in [
        ("SPARC later", now + timedelta(days=20), "sparc"),
        ("SPARC soon", now + timedelta(days=2), "sparc"),
        ("SPARC past", now - timedelta(days=2), "sparc"),
        ("Partnership soon", now + timedelta(days=1), "partnership"),
    ]:
        WebinarPageFactory(
            parent=index_page, title=title, starts_at=start, networks=[taxonomy[network]]
        )

    assert titles(client, "&status=upcoming&network=sparc") == ["SPARC soon", "SPARC later"]
    assert titles(client, "&status=past") == ["SPARC past"]
    assert titles(client, "&status=upcoming&network=sparc&order=-starts_at") == [
        "SPARC later",
        "SPARC soon",
    ]


@pytest.mark.django_db
def test_api_filters_by_start_date_range_in_eastern_time(index_page, client):
    for day in (1, 2, 3):
        WebinarPageFactory(
            parent=index_page,
            title=f"March {day}",
            starts_at=datetime(2031, 3, day, 20, 0, tzinfo=EASTERN),  # after 00:00 UTC
        )

    assert titles(client, "&starts_after=2031-03-02&order=starts_at") == ["March 2", "March 3"]
    assert titles(client, "&starts_before=2031-03-02") == ["March 1"]
    assert titles(client, "&starts_after=2031-03-02&starts_before=2031-03-03") == ["March 2"]


@pytest.mark.django_db
def test_api_filters_by_series_with_alternatives(index_page, taxonomy, client):
    WebinarPageFactory(parent=index_page, title="Peer", webinar_series=taxonomy["peer-exchange"])
    WebinarPageFactory(parent=index_page, title="SPARC", webinar_series=taxonomy["sparc-series"])
    WebinarPageFactory(parent=index_page, title="No series")

    assert titles(client, "&series=peer-exchange") == ["Peer"]
    assert titles(client, "&series=peer-exchange,sparc-series&order=title") == ["Peer", "SPARC"]


@pytest.mark.django_db
def test_webinar_filters_without_type_narrow_pages_to_webinars(index_page, client):
    WebinarPageFactory(parent=index_page, title="Upcoming one")
    response = client.get("/api/v2/pages/?status=upcoming")
    assert [item["title"] for item in response.json()["items"]] == ["Upcoming one"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("&status=soon", "status"),
        ("&starts_after=tomorrow", "starts_after"),
        ("&starts_before=2031-13-01", "starts_before"),
        ("&starts_after=2031-03-02&starts_before=2031-03-01", "starts_before"),
        ("&series=no-such-series", "series"),
        ("&series=bad%20slug!", "series"),
    ],
)
def test_bad_webinar_filter_is_a_400_naming_the_parameter(index_page, client, query, parameter):
    response = client.get(LIST + query)
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"{parameter}:")


@pytest.mark.django_db
def test_webinar_filter_on_another_page_type_is_a_400(home_page, client):
    response = client.get("/api/v2/pages/?type=home.StandardPage&status=upcoming")
    assert response.status_code == 400
    assert "status" in response.json()["message"]


@pytest.mark.django_db
def test_members_only_webinar_is_not_in_the_api(index_page, client):
    WebinarPageFactory(parent=index_page, title="Open")
    private = WebinarPageFactory(parent=index_page, title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert titles(client, "") == ["Open"]
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404
