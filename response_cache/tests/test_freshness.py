"""Every change the public can see makes the next request fresh: a page (or API response)
is cached, the change is made and committed, and the next response shows it."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale

from home.models import SiteNotice, SiteSettings
from languages.tests.translating import publish_translation
from response_cache import keys
from response_cache.tests.helpers import cached, commit_pending
from search.factories import SearchPromotionFactory
from tests.conftest import restrict_to_members
from webinars.factories import WebinarPageFactory

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Change:
    url: Callable  # site -> the URL cached before the change
    make: Callable  # site -> None
    shows: Callable  # (site, response) -> bool: the response reflects the change
    before: Callable = lambda site, response: True  # and the cached one did not


def _publish(site):
    site.about.title = "About the Partnership"
    site.about.save_revision().publish()


def _move(site):
    site.about.move(site.library, pos="last-child")


def _rename_topic(site):
    site.health.name = "Health of children"
    site.health.save()


def _rename_series(site):
    site.series.name = "SPARC budget school"
    site.series.save()


def _retitle_image(site):
    site.image.title = "Children at the state fair"
    site.image.save()


def _retitle_document(site):
    site.public_document.title = "Public report, second edition"
    site.public_document.save()


def _add_notice(site):
    SiteNotice.objects.create(text="The office is closed on Friday.", locale=Locale.get_default())


def _set_contact_email(site):
    settings = SiteSettings.for_site(site.home_page.get_site())
    settings.contact_email = "press@example.org"
    settings.save()


def _add_redirect(site):
    Redirect.objects.create(
        old_path=Redirect.normalise_path("/old-about/"), redirect_page=site.about
    )


def _promote(site):
    SearchPromotionFactory(query_string="zebra", page=site.about, description="Editors' pick.")


def _retitle(page, title):
    page.title = title
    page.save_revision().publish()


def _rename_nutrition(site):
    site.nutrition.name = "School food"
    site.nutrition.save()


def _text(response) -> str:
    return response.content.decode()


CHANGES = {
    "publish": Change(
        url=lambda site: site.about.url,
        make=_publish,
        shows=lambda site, response: "About the Partnership" in _text(response),
    ),
    "unpublish": Change(
        url=lambda site: site.about.url,
        make=lambda site: site.about.unpublish(),
        shows=lambda site, response: response.status_code == 404,
    ),
    "move": Change(
        url=lambda site: site.about.url,
        make=_move,
        # To the new address (Wagtail adds a redirect from the old one).
        shows=lambda site, response: (
            response.status_code == 301 and response["Location"].endswith("/library/about/")
        ),
    ),
    "delete": Change(
        url=lambda site: site.library.url,
        make=lambda site: site.report.delete(),
        shows=lambda site, response: "National report" not in _text(response),
        before=lambda site, response: "National report" in _text(response),
    ),
    "restrict": Change(
        url=lambda site: site.about.url,
        make=lambda site: restrict_to_members(site.about),
        shows=lambda site, response: response.status_code == 302,
    ),
    "unrestrict": Change(
        url=lambda site: "/api/v2/pages/?fields=title",
        make=lambda site: site.members_only.view_restrictions.all().delete(),
        shows=lambda site, response: "Members area" in _text(response),
    ),
    "translate": Change(
        url=lambda site: "/es" + site.report.url,
        make=lambda site: publish_translation(site.report, title="Informe nacional"),
        shows=lambda site, response: "Informe nacional" in _text(response),
        before=lambda site, response: response.status_code == 404,
    ),
    "snippet: topic": Change(
        url=lambda site: site.upcoming.url,
        make=_rename_topic,
        shows=lambda site, response: "Health of children" in _text(response),
    ),
    "snippet: series": Change(
        url=lambda site: site.upcoming.url,
        make=_rename_series,
        shows=lambda site, response: "SPARC budget school" in _text(response),
    ),
    # The listings' cards are kept until the content changes (kept_fragments).
    "publish: a resource's card": Change(
        url=lambda site: site.library.url,
        make=lambda site: _retitle(site.brief, "School meals in Ohio, 2026"),
        shows=lambda site, response: "School meals in Ohio, 2026" in _text(response),
    ),
    "snippet: a topic on a resource's card": Change(
        url=lambda site: site.library.url,
        make=_rename_nutrition,
        # On the card itself, not only among the filters.
        shows=lambda site, response: 'resource-card__topics">School food<' in _text(response),
    ),
    "publish: a webinar's card": Change(
        url=lambda site: site.webinars.url,
        make=lambda site: _retitle(site.upcoming, "SPARC budget advocacy, part two"),
        shows=lambda site, response: "SPARC budget advocacy, part two" in _text(response),
    ),
    "publish: a member's card": Change(
        url=lambda site: site.directory.url,
        make=lambda site: _retitle(site.ohio, "Groundwork Ohio Action"),
        shows=lambda site, response: "Groundwork Ohio Action" in _text(response),
    ),
    "snippet: site notice": Change(
        url=lambda site: site.about.url,
        make=_add_notice,
        shows=lambda site, response: "The office is closed on Friday." in _text(response),
    ),
    "image": Change(
        url=lambda site: "/api/v2/images/?fields=title",
        make=_retitle_image,
        shows=lambda site, response: "Children at the state fair" in _text(response),
    ),
    "document": Change(
        url=lambda site: "/api/v2/documents/?fields=title",
        make=_retitle_document,
        shows=lambda site, response: "Public report, second edition" in _text(response),
    ),
    "redirect": Change(
        url=lambda site: "/old-about/",
        make=_add_redirect,
        shows=lambda site, response: response.status_code == 301,
        before=lambda site, response: response.status_code == 404,
    ),
    "site setting": Change(
        url=lambda site: site.about.url,
        make=_set_contact_email,
        shows=lambda site, response: "press@example.org" in _text(response),
    ),
    "search promotion": Change(
        url=lambda site: "/search/?q=zebra",
        make=_promote,
        shows=lambda site, response: "Editors&#x27; pick." in _text(response),
    ),
}


@pytest.mark.parametrize("name", CHANGES)
def test_a_public_change_makes_the_next_request_fresh(
    api_site, client, name, django_capture_on_commit_callbacks
):
    change = CHANGES[name]
    url = change.url(api_site)
    commit_pending()  # the fixture's content, committed
    hit = cached(client, url)
    assert change.before(api_site, hit) and not change.shows(api_site, hit), name

    with django_capture_on_commit_callbacks(execute=True):
        change.make(api_site)

    response = client.get(url)
    assert response["X-Cache"] == "miss", name
    assert change.shows(api_site, response), (name, response.status_code)


def test_a_webinar_ending_makes_its_page_fresh_without_an_edit(api_site, client, time_machine):
    url = api_site.upcoming.url
    assert "Past session" not in cached(client, url).content.decode()
    # The clock passes the end of the session: no edit, no signal.
    time_machine.move_to(api_site.upcoming.ends_at + timedelta(minutes=1))
    response = client.get(url)
    assert response["X-Cache"] == "miss"
    assert "Past session" in response.content.decode()


def test_a_webinar_ending_changes_its_card_in_the_listing(api_site, client, time_machine):
    # Noon tomorrow: it starts and ends on the same day, so only the clock-driven states
    # tell the card before from the card after.
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    webinar = WebinarPageFactory(
        parent=api_site.webinars,
        title="Budget basics",
        starts_at=noon + timedelta(days=1),
        duration=timedelta(hours=1),
    )
    # The card offers to add an upcoming session to a calendar, not one that has ended.
    add_to_calendar = 'Add to calendar<span class="visually-hidden">: Budget basics'
    time_machine.move_to(webinar.starts_at - timedelta(minutes=1))
    assert add_to_calendar in cached(client, api_site.webinars.url).content.decode()
    time_machine.move_to(webinar.ends_at + timedelta(minutes=1))
    response = client.get(api_site.webinars.url)
    assert response["X-Cache"] == "miss"
    assert add_to_calendar not in response.content.decode()


def test_the_key_changes_with_the_day(db):
    # Pages that compare dates with today (a campaign's milestones ahead or behind).
    evening = timezone.localtime().replace(hour=23, minute=59, second=0)
    with time_machine.travel(evening, tick=False):
        today = keys.key_prefix()
        assert keys.key_prefix() == today
    with time_machine.travel(evening + timedelta(minutes=2), tick=False):
        assert keys.key_prefix() != today


def test_saving_a_draft_keeps_the_cached_page(api_site, client):
    url = api_site.about.url
    cached(client, url)
    api_site.about.title = "A draft title"
    api_site.about.save_revision()
    response = client.get(url)
    assert response["X-Cache"] == "hit"
    assert "A draft title" not in response.content.decode()
