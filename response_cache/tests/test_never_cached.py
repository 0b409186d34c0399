"""What is never answered from the cache, and never stored: anything for someone logged
in, anything for one visitor (cookies, CSRF tokens, private or no-store responses:
members-only pages and documents, previews), the admin, POSTs, errors other than a 404."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from library.factories import DocumentFactory, private_collection
from response_cache.tests.helpers import cached, never_cached
from response_cache.tests.urls import RULES
from tests.conftest import restrict_to_members

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("member", password="a-members-password")  # noqa: S106
    user.groups.add(Group.objects.get(name="Members"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="an-editors-password")  # noqa: S106
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def rules(settings):
    """The site's URLs and the test views of response_cache/tests/urls.py."""
    settings.ROOT_URLCONF = "response_cache.tests.urls"


# What is cached -----------------------------------------------------------------------


def test_an_anonymous_page_is_served_from_the_cache_without_running_the_view(rules, client):
    first = client.get("/rules/counter/")
    second = client.get("/rules/counter/")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert first.content == second.content  # the view ran once


def test_pages_and_api_responses_are_cached(api_site, client):
    for url in [
        "/",
        api_site.about.url,
        api_site.library.url,
        api_site.webinars.url,
        api_site.upcoming.url,
        api_site.directory.url,
        api_site.about_es.url,
        "/search/?q=census",
        "/sitemap.xml",
        "/api/v2/pages/",
        f"/api/v2/pages/{api_site.about.pk}/",
        "/api/v2/topics/",
    ]:
        hit = cached(client, url)
        assert hit.status_code == 200, url


def test_a_404_is_cached(api_site, client):
    assert cached(client, "/no-such-page/").status_code == 404
    assert cached(client, "/api/v2/pages/999999/").status_code == 404


def test_head_is_answered_from_the_get_entry_and_stores_nothing(api_site, client):
    url = api_site.about.url
    assert client.head(url)["X-Cache"] == "miss"
    assert client.get(url)["X-Cache"] == "miss"  # the HEAD stored nothing
    head = client.head(url)
    assert head["X-Cache"] == "hit" and head.status_code == 200
    assert head.content == b""


def test_the_cache_can_be_turned_off(api_site, client, settings):
    settings.RESPONSE_CACHE_ENABLED = False
    response = never_cached(client, api_site.about.url)
    assert "s-maxage" in response["Cache-Control"]  # still public, for a CDN


# Logged in ----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "editor"])
def test_a_logged_in_user_is_never_answered_from_the_cache_and_stores_nothing(
    api_site, client, request, who
):
    url = api_site.about.url
    cached(client, url)  # the public copy
    client.force_login(request.getfixturevalue(who))
    response = never_cached(client, url)
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    # Nor stored: a page first read by a logged-in user is built again for the public.
    listing = api_site.library.url
    never_cached(client, listing)
    client.logout()
    assert client.get(listing)["X-Cache"] == "miss"


def test_a_member_gets_members_only_pages_and_they_are_never_stored(api_site, client, member):
    client.force_login(member)
    assert never_cached(client, api_site.secret.url).status_code == 200
    client.logout()
    response = never_cached(client, api_site.secret.url)
    assert response.status_code == 302  # to the login page
    assert "Secret strategy" not in response.content.decode()


# For one visitor ----------------------------------------------------------------------


@pytest.mark.parametrize("route", RULES)
def test_a_response_for_one_visitor_or_an_error_is_never_stored(rules, client, route):
    never_cached(client, f"/rules/{route}")


def test_a_response_that_sets_a_cookie_or_carries_a_csrf_token_is_private(rules, client):
    for route in ("sets-cookie/", "csrf/"):
        response = client.get(f"/rules/{route}")
        assert response.cookies, route
        assert "private" in response["Cache-Control"], route


def test_the_csrf_token_of_a_response_is_never_handed_to_another_visitor(rules, client):
    first = never_cached(client, "/rules/csrf/", times=1).content
    client.cookies.clear()  # another visitor
    assert never_cached(client, "/rules/csrf/", times=1).content != first


def test_members_only_documents_are_never_stored(api_site, client, member):
    document = DocumentFactory(title="Members' minutes", collection=private_collection())
    response = never_cached(client, document.url)
    assert response.status_code == 302 and "private" in response["Cache-Control"]
    client.force_login(member)
    response = never_cached(client, document.url)
    assert response.status_code == 200 and "private" in response["Cache-Control"]
    client.logout()
    assert never_cached(client, api_site.public_document.url).status_code == 200  # streamed


def test_previews_are_never_stored(api_site, client, admin_client, settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": "https://front.example.org/preview"},
        "REDIRECT_ON_PREVIEW": True,
    }
    page = Page.objects.get(pk=api_site.about.pk).specific
    page.title = "About us (draft)"
    token = page.create_page_preview().token
    response = never_cached(client, f"/api/v2/page_preview/?token={token}")
    assert response.json()["title"] == "About us (draft)"
    # Wagtail's own preview, in the editor.
    url = f"/admin/pages/{page.pk}/edit/preview/"
    never_cached(admin_client, url, method="get", data={"mode": ""})


def test_the_admin_is_never_cached(api_site, client, admin_client):
    never_cached(client, "/admin/login/")
    never_cached(admin_client, "/admin/")
    never_cached(admin_client, f"/admin/pages/{api_site.about.pk}/edit/")


def test_a_post_is_never_answered_from_the_cache_nor_stored(api_site, client):
    url = api_site.about.url
    cached(client, url)
    never_cached(client, url, method="post")
    never_cached(client, "/search/?q=census", method="post")
    assert client.get("/search/?q=census")["X-Cache"] == "miss"


def test_a_query_the_view_rejects_is_never_stored(api_site, client):
    for url in [
        api_site.webinars.url + "?status=someday",
        api_site.library.url + "?topic=no-such-topic",
        "/api/v2/pages/?limit=-1",
        "/api/v2/pages/?no_such_parameter=1",
    ]:
        assert never_cached(client, url).status_code == 400, url


def test_a_restriction_added_to_a_cached_page_hides_it_on_the_next_request(api_site, client):
    url, api = api_site.about.url, f"/api/v2/pages/{api_site.about.pk}/"
    assert "Who we are" in cached(client, url).content.decode()
    assert cached(client, api).status_code == 200
    restrict_to_members(api_site.about)
    response = client.get(url)
    assert response.status_code == 302
    assert response["X-Cache"] == "miss"
    assert "Who we are" not in response.content.decode()
    assert client.get(api).status_code == 404
