"""What every page shows is read once per content version (content_api.versioned), and
a change to it shows on the very next request."""

import pytest
from django.core.cache import caches
from django.utils import translation
from wagtail.models import Locale, Site

from content_api.versioned import _MISSING, _ProcessCopy, until_content_changes
from home.factories import SiteNoticeFactory, StandardPageFactory, TopicFactory
from home.models import SiteSettings
from operations.tests.bounds import counter, request

pytestmark = pytest.mark.django_db


def test_an_answer_is_kept_across_requests_until_public_content_changes():
    compute, calls = counter()
    for _ in range(3):
        with request():
            assert until_content_changes("k", compute) == 1
    TopicFactory(name="Child health", slug="child-health")  # a public change
    with request():
        assert until_content_changes("k", compute) == 2
    with request("HEAD"):
        assert until_content_changes("k", compute) == 2
    assert len(calls) == 2


def test_outside_a_request_and_in_one_that_may_write_it_asks_every_time():
    compute, calls = counter()
    until_content_changes("k", compute)
    until_content_changes("k", compute)
    with request("POST"):
        until_content_changes("k", compute)
    assert len(calls) == 3


def test_answers_are_named_by_their_key():
    with request():
        assert until_content_changes(("a", 1), lambda: "a") == "a"
        assert until_content_changes(("a", 2), lambda: "b") == "b"
    with request():
        assert until_content_changes(("a", 1), lambda: "changed") == "a"


def test_locales_cost_only_the_version_once_warm_and_a_new_one_shows_at_once(
    django_assert_num_queries,
):
    with request():
        Locale.get_active()
    with request(), django_assert_num_queries(1):  # the content version (no shared cache)
        assert Locale.get_active() is Locale.get_active()
        assert Locale.get_default().language_code == "en"

    spanish, _ = Locale.objects.get_or_create(language_code="es")
    with request(), translation.override("es"):
        assert Locale.get_active() == spanish
    spanish.language_code = "pt"  # not a language of the site: Spanish is gone
    spanish.save()
    with request(), translation.override("es"):
        assert Locale.get_active().language_code == "en"


def test_a_changed_site_answers_the_next_request(home_page, client, settings):
    settings.RESPONSE_CACHE_ENABLED = False
    settings.ALLOWED_HOSTS = ["*"]
    assert client.get("/", HTTP_HOST="partner.example.org").status_code == 200
    other_home = StandardPageFactory(parent=home_page.get_parent(), title="Partner home")
    Site.objects.create(hostname="partner.example.org", root_page=other_home)
    response = client.get("/", HTTP_HOST="partner.example.org")
    assert "Partner home" in response.content.decode()


def test_the_menu_notices_and_footer_change_on_the_next_request(home_page, client, settings):
    settings.RESPONSE_CACHE_ENABLED = False
    before = client.get("/").content.decode()
    assert "Our history" not in before
    assert "We are redesigning" not in before

    StandardPageFactory(parent=home_page, title="Our history", show_in_menus=True)
    SiteNoticeFactory(text="We are redesigning the site.")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "press@partnership.example.org"
    site_settings.save()

    after = client.get("/").content.decode()
    assert 'href="/our-history/"' in after
    assert "We are redesigning the site." in after
    assert "press@partnership.example.org" in after


# Each process's copy of the current version's answers --------------------------------


def test_each_request_gets_its_own_copy_of_a_kept_answer():
    with request():
        first = until_content_changes("menu", lambda: {"items": ["About"]})
        first["items"].append("changed by this request only")
    with request():
        assert until_content_changes("menu", lambda: {"items": ["recomputed"]}) == {
            "items": ["About"]
        }


def test_a_process_answers_from_its_own_copy_when_the_shared_cache_is_emptied():
    compute, calls = counter()
    with request():
        until_content_changes("k", compute)
    caches["default"].clear()  # a Redis restart, say: the version is the same
    with request():
        assert until_content_changes("k", compute) == 1
    TopicFactory(name="Child welfare", slug="child-welfare")
    with request():
        assert until_content_changes("k", compute) == 2
    assert len(calls) == 2


def test_the_process_copy_holds_only_the_current_version_and_at_most_its_size():
    copy = _ProcessCopy(size=2)
    for key in ("a", "b", "c"):
        copy.put("v1", key, key.upper())
    assert copy.get("v1", "a") is _MISSING  # the least recently read went first
    assert (copy.get("v1", "b"), copy.get("v1", "c")) == ("B", "C")
    copy.put("v2", "d", "D")
    assert copy.get("v2", "b") is _MISSING  # a new version drops the old one's answers
    assert copy.get("v1", "d") is _MISSING  # and an old version is never answered
    assert copy.get("v2", "d") == "D"
