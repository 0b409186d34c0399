"""HTTP caching of the content API: validators, 304s, Cache-Control, and the changes
that must change the validators at once (and purge the CDN when there is one)."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from django.utils.http import http_date
from wagtail.contrib.frontend_cache.backends import BaseBackend

from content_api import version
from tests.conftest import restrict_to_members

PAGES = "/api/v2/pages/"


def validators(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response["ETag"], response["Last-Modified"]


def urls(site):
    return [
        PAGES,
        f"{PAGES}?type=webinars.WebinarPage&status=upcoming",
        f"{PAGES}{site.about.pk}/",
        "/api/v2/topics/",
        "/api/v2/member-states/",
        "/api/v2/images/",
    ]


@pytest.mark.django_db
def test_listing_and_detail_carry_validators_and_cdn_cache_control(api_site, client):
    for url in urls(api_site):
        response = client.get(url)
        assert response["ETag"].startswith('W/"'), url
        assert response["Last-Modified"].endswith("GMT"), url
        cache_control = response["Cache-Control"]
        for directive in ("public", "max-age=60", "s-maxage=300", "stale-while-revalidate"):
            assert directive in cache_control, (url, cache_control)


@pytest.mark.django_db
def test_different_urls_have_different_etags(api_site, client):
    etags = {validators(client, url)[0] for url in urls(api_site)}
    assert len(etags) == len(urls(api_site))


@pytest.mark.django_db
def test_matching_if_none_match_gets_304_without_a_body(api_site, client):
    for url in urls(api_site):
        etag, _ = validators(client, url)
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304, url
        assert response.content == b""
        assert response["ETag"] == etag
        assert "public" in response["Cache-Control"]
        assert client.get(url, HTTP_IF_NONE_MATCH='W/"other"').status_code == 200


@pytest.mark.django_db
def test_if_modified_since_gets_304_until_content_changes(api_site, client, time_machine):
    url = f"{PAGES}{api_site.about.pk}/"
    _, last_modified = validators(client, url)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    earlier = http_date((timezone.now() - timedelta(days=1)).timestamp())
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200
    # A later second: Last-Modified never runs ahead of the clock (finding 10 of issue 17).
    time_machine.move_to(timezone.now() + timedelta(seconds=2))
    api_site.about.save_revision().publish()
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 200


@pytest.mark.django_db
def test_malformed_request_is_400_even_with_a_matching_validator(api_site, client):
    etag, last_modified = validators(client, PAGES)
    response = client.get(
        PAGES + "?limit=-1", HTTP_IF_NONE_MATCH="*", HTTP_IF_MODIFIED_SINCE=last_modified
    )
    assert response.status_code == 400


def _change(site, change):
    about = site.about
    if change == "publish":
        about.title = "About the Partnership"
        about.save_revision().publish()
    elif change == "unpublish":
        about.unpublish()
    elif change == "move":
        about.move(site.library, pos="last-child")
    elif change == "restrict":
        restrict_to_members(about)
    elif change == "unrestrict":
        site.members_only.view_restrictions.all().delete()
    elif change == "delete":
        site.report.delete()
    elif change == "topic":
        site.health.name = "Children's health"
        site.health.save()
    elif change == "image":
        site.image.title = "A new title"
        site.image.save()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    ["publish", "unpublish", "move", "restrict", "unrestrict", "delete", "topic", "image"],
)
def test_content_change_changes_every_validator_at_once(api_site, client, change, time_machine):
    before = {url: validators(client, url) for url in urls(api_site)}
    # A later second: Last-Modified never runs ahead of the clock (finding 10 of issue 17).
    time_machine.move_to(timezone.now() + timedelta(seconds=2))
    _change(api_site, change)
    for url, (etag, last_modified) in before.items():
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code in (200, 404), (change, url)
        if response.status_code == 200:
            assert response["ETag"] != etag
            assert response["Last-Modified"] != last_modified


@pytest.mark.django_db
def test_saving_a_draft_keeps_the_validators(api_site, client):
    url = f"{PAGES}{api_site.about.pk}/"
    etag, _ = validators(client, url)
    api_site.about.title = "Draft title"
    api_site.about.save_revision()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.django_db
def test_webinar_ending_changes_the_validators_without_an_edit(api_site, client, time_machine):
    url = f"{PAGES}?type=webinars.WebinarPage&status=upcoming"
    etag, last_modified = validators(client, url)
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # The clock passes the end of the session: no edit, no signal.
    time_machine.move_to(api_site.upcoming.ends_at + timedelta(minutes=1))
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["items"] == []
    assert response["Last-Modified"] != last_modified


@pytest.mark.django_db
def test_lost_content_version_never_gives_a_stale_304(api_site, client):
    from django.core.cache import cache

    etag, _ = validators(client, PAGES)
    api_site.about.save_revision().publish()
    # The version's home is the database: the cache losing its copy loses no change
    # (content_api/tests/test_redis_faults.py flushes a real Redis).
    cache.delete(version.VERSION_KEY)
    assert client.get(PAGES, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.django_db
@pytest.mark.redis
def test_validators_are_shared_through_redis(
    api_site, client, redis_cache, django_capture_on_commit_callbacks
):
    commit_fixture_tree()  # until it commits, only its own connection sees its version
    etag, _ = validators(client, PAGES)
    assert client.get(PAGES, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert redis_cache.get(version.VERSION_KEY) is not None
    with django_capture_on_commit_callbacks(execute=True):
        api_site.about.save_revision().publish()
    assert client.get(PAGES, HTTP_IF_NONE_MATCH=etag).status_code == 200


# CDN purge ---------------------------------------------------------------------------

PURGED = []


class RecordingBackend(BaseBackend):
    """A frontend cache that records what it is asked to purge."""

    def purge(self, url):
        PURGED.append(url)


def commit_fixture_tree():
    """Run what committing the fixture's tree would have run: the test's transaction
    never commits, so its on-commit callbacks would otherwise still be pending."""
    connection = transaction.get_connection()
    pending, connection.run_on_commit = connection.run_on_commit, []
    for _, callback, _ in pending:
        callback()


@pytest.fixture
def cdn(settings, api_site):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    settings.WAGTAILAPI_USE_FRONTENDCACHE = True
    commit_fixture_tree()
    PURGED.clear()
    yield PURGED
    PURGED.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["publish", "unpublish", "move", "restrict", "delete"])
def test_content_change_purges_the_api_from_the_cdn_once(
    api_site, cdn, change, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _change(api_site, change)
    assert cdn.count("http://localhost/api/v2/*") == 1, cdn


@pytest.mark.django_db
def test_nothing_is_purged_without_a_cdn(api_site, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILAPI_USE_FRONTENDCACHE = True
    commit_fixture_tree()
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _change(api_site, "publish")
    assert PURGED == []


@pytest.mark.django_db
def test_purge_uses_the_api_base_url_when_set(
    api_site, cdn, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILAPI_BASE_URL = "https://api.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        _change(api_site, "publish")
    assert "https://api.example.org/api/v2/*" in cdn
