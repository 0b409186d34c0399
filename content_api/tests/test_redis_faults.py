"""With Redis stopped, hung, paused or flushed, pages and the API answer (uncached) and
the content version comes from the database, never stale. Each test runs its own
redis-server (operations.tests.servers); operations/tests test the cache itself."""

import logging
import time

import pytest
from django.contrib.auth.models import Group, User

from content_api import version
from content_api.tests.helpers import PAGES, commit_pending, etag
from operations.tests.servers import wait_for_a_retry


def public_urls(site):
    return ["/", site.about.url, PAGES, f"{PAGES}{site.about.pk}/", "/api/v2/topics/"]


def assert_served(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_pages_and_api_are_served_while_redis_is_down_and_cached_again_once_back(
    api_site, client, redis_server, cache_on
):
    cache_on(redis_server)
    commit_pending()
    assert_served(client, public_urls(api_site))
    before = etag(client)

    redis_server.stop()
    assert_served(client, public_urls(api_site))
    assert etag(client) == before  # the database's version: every process agrees

    redis_server.start()  # empty
    wait_for_a_retry()
    assert etag(client) == before
    assert redis_server.keys(f"*{version.VERSION_KEY}")  # cached again


@pytest.mark.django_db
def test_a_flushed_redis_never_gives_a_stale_304(
    api_site, client, redis_server, cache_on, django_capture_on_commit_callbacks
):
    cache_on(redis_server)
    commit_pending()
    first = etag(client)
    with django_capture_on_commit_callbacks(execute=True):
        api_site.about.save_revision().publish()
    second = etag(client)
    assert second != first

    redis_server.client().flushall()  # our own server
    assert client.get(PAGES, HTTP_IF_NONE_MATCH=first).status_code == 200
    assert client.get(PAGES, HTTP_IF_NONE_MATCH=second).status_code == 304  # nothing changed

    with django_capture_on_commit_callbacks(execute=True):
        api_site.about.save_revision().publish()
    redis_server.client().flushall()
    assert client.get(PAGES, HTTP_IF_NONE_MATCH=second).status_code == 200


@pytest.mark.django_db
def test_a_paused_redis_comes_back_without_its_old_version(
    api_site, client, redis_server, cache_on, django_capture_on_commit_callbacks
):
    # A paused (or cut-off) Redis keeps its data: the version it held before a publish
    # must not be served once it answers again.
    cache_on(redis_server)
    commit_pending()
    old = etag(client)
    redis_server.pause()
    with django_capture_on_commit_callbacks(execute=True):
        api_site.about.save_revision().publish()  # its cache write times out
    during = etag(client)
    assert during != old
    redis_server.resume()
    wait_for_a_retry()
    assert client.get(PAGES, HTTP_IF_NONE_MATCH=old).status_code == 200
    assert etag(client) == during


@pytest.mark.django_db
def test_a_hung_redis_answers_quickly_after_the_first_timeout(
    api_site, client, hanging_server, cache_on
):
    cache_on(hanging_server, retry_after=60, timeout=1)
    started = time.monotonic()
    commit_pending()  # stores the version, and its copy in the cache: the one timeout
    etag(client)
    assert time.monotonic() - started >= 1

    started = time.monotonic()
    for _ in range(2):
        assert_served(client, public_urls(api_site))
    # Ten requests, each making several cache calls: at 1 s a call they would take 30 s.
    assert time.monotonic() - started < 8
    assert len(hanging_server.accepted) == 1


@pytest.mark.django_db
def test_an_outage_is_logged_once_across_many_requests(
    api_site, client, redis_server, cache_on, caplog
):
    cache_on(redis_server, retry_after=0.2)
    caplog.set_level(logging.INFO)
    commit_pending()
    redis_server.stop()
    for _ in range(4):
        assert_served(client, public_urls(api_site))
        time.sleep(0.1)
    redis_server.start()
    wait_for_a_retry(0.3)
    assert_served(client, public_urls(api_site))

    breaker = [record for record in caplog.records if record.name == "operations.breaker"]
    assert [record.levelname for record in breaker] == ["WARNING", "INFO"]
    redis_errors = [r for r in caplog.records if "Redis" in r.getMessage() and r not in breaker]
    assert redis_errors == []


@pytest.fixture
def member(db):
    user = User.objects.create_user("member", password="not-a-real-password")  # noqa: S106
    user.groups.add(Group.objects.get(name="Members"))
    return user


@pytest.mark.django_db
def test_cached_db_sessions_work_through_an_outage_and_a_logout_stays_out(
    api_site, client, redis_server, cache_on, settings, member
):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # production's
    cache_on(redis_server)
    members_page = api_site.members_only.url
    client.force_login(member)
    assert client.get(members_page).status_code == 200

    redis_server.stop()
    assert client.get(members_page).status_code == 200
    client.force_login(member)  # a new session while Redis is down
    assert client.get(members_page).status_code == 200
    redis_server.start()
    wait_for_a_retry()
    assert client.get(members_page).status_code == 200

    assert client.get(members_page).status_code == 200  # the session is in Redis again
    redis_server.pause()
    client.logout()  # gone from the database; Redis, paused, still has it
    redis_server.resume()
    wait_for_a_retry()
    assert client.get(members_page).status_code == 302  # to the login page
