"""CDN-ready responses: public pages say how long a CDN may keep them, logged-in views
say nobody else may, and publishing purges the page, its listing and the API."""

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.frontend_cache.backends import BaseBackend

from response_cache.tests.helpers import commit_pending
from tests.conftest import restrict_to_members

pytestmark = pytest.mark.django_db

PURGED = []


class RecordingBackend(BaseBackend):
    """A frontend cache that records the URLs it is asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def cdn(settings, api_site):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    settings.WAGTAILAPI_USE_FRONTENDCACHE = True
    commit_pending()  # the fixture's own changes are not purges of this test
    PURGED.clear()
    yield PURGED
    PURGED.clear()


def directives(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_public_pages_may_be_kept_briefly_by_browsers_and_longer_by_a_cdn(
    api_site, client, settings
):
    settings.RESPONSE_CACHE_MAX_AGE = 30
    settings.RESPONSE_CACHE_S_MAXAGE = 600
    for url in ["/", api_site.about.url, api_site.library.url, api_site.about_es.url, "/nowhere/"]:
        for response in (client.get(url), client.get(url)):  # a miss, then a hit
            assert directives(response) == {"public", "max-age=30", "s-maxage=600"}, url


def test_the_api_keeps_its_own_cache_control(api_site, client):
    cache_control = directives(client.get("/api/v2/pages/"))
    assert {"public", "max-age=60", "s-maxage=300"} <= cache_control
    assert any(part.startswith("stale-while-revalidate") for part in cache_control)


def test_logged_in_views_are_private(api_site, client, django_user_model):
    member = django_user_model.objects.create_user("member")
    member.groups.add(Group.objects.get(name="Members"))
    client.force_login(member)
    for url in ["/", api_site.about.url, api_site.library.url, api_site.secret.url]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "private" in directives(response) and "public" not in directives(response), url


def test_publishing_purges_the_page_its_listing_and_the_api(
    api_site, cdn, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        api_site.brief.title = "School meals in Ohio, updated"
        api_site.brief.save_revision().publish()
    assert "http://localhost/library/school-meals-ohio/" in cdn
    assert "http://localhost/library/" in cdn
    assert "http://localhost/api/v2/*" in cdn


def test_unpublishing_purges_the_page_and_its_listing(
    api_site, cdn, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        api_site.upcoming.unpublish()
    assert "http://localhost/webinars/sparc-budget/" in cdn
    assert "http://localhost/webinars/" in cdn
    assert "http://localhost/api/v2/*" in cdn


def test_a_spanish_page_purges_its_spanish_listing(
    api_site, cdn, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        api_site.brief_es.save_revision().publish()
    assert "http://localhost/es/library/school-meals-ohio/" in cdn
    assert "http://localhost/es/library/" in cdn


def test_the_listing_is_purged_once_the_change_has_committed(api_site, cdn):
    api_site.brief.save_revision().publish()  # the test's transaction never commits
    assert "http://localhost/library/" not in cdn


def test_nothing_is_purged_without_a_cdn(api_site, django_capture_on_commit_callbacks):
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        api_site.brief.save_revision().publish()
        restrict_to_members(api_site.about)
    assert PURGED == []
