"""A webinar's series in the webinar's own language: webinars in every language link to
the English series, and a Spanish webinar names it in Spanish (in English until the
series is translated), in the content API and in the calendars."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale

from languages.tests.test_interface_spanish import spanish_catalogue  # noqa: F401
from languages.tests.translating import publish_translation
from webinars.factories import WebinarPageFactory

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


@pytest.fixture
def spanish_series(taxonomy):
    """The Peer Exchange in Spanish; the SPARC learning series not translated yet."""
    peer = taxonomy["peer-exchange"]
    intercambio = peer.copy_for_translation(Locale.objects.get(language_code="es"))
    intercambio.name = "Intercambio entre pares"
    intercambio.save()
    return intercambio


@pytest.fixture
def webinars(home_page, index_page, taxonomy, spanish_series):
    """A webinar of each series, in English and in Spanish."""
    publish_translation(home_page, title="Inicio")
    indice = publish_translation(index_page, title="Seminarios web", slug="seminarios-web")
    soon = timezone.now() + timedelta(days=3)
    peer = WebinarPageFactory(
        parent=index_page,
        title="Budget talk",
        slug="budget-talk",
        starts_at=soon,
        webinar_series=taxonomy["peer-exchange"],
    )
    sparc = WebinarPageFactory(
        parent=index_page,
        title="SPARC session",
        slug="sparc-session",
        starts_at=soon + timedelta(days=1),
        webinar_series=taxonomy["sparc-series"],
    )
    return {
        "index": index_page,
        "indice": indice,
        "peer": peer,
        "sparc": sparc,
        "peer_es": publish_translation(peer, title="Charla de presupuestos", slug="charla"),
        "sparc_es": publish_translation(sparc, title="Sesión de SPARC", slug="sesion"),
    }


def series_of(client, page):
    response = client.get(f"{PAGES}{page.pk}/")
    assert response.status_code == 200, response.content[:300]
    return response.json()["series"]


# The content API -------------------------------------------------------------------------


def test_spanish_webinar_names_its_series_in_spanish_in_the_api(webinars, client):
    assert series_of(client, webinars["peer_es"]) == {
        "slug": "peer-exchange",
        "name": "Intercambio entre pares",
    }
    assert series_of(client, webinars["peer"]) == {
        "slug": "peer-exchange",
        "name": "Partnership Peer Exchange",
    }


def test_spanish_webinar_of_an_untranslated_series_gives_its_english_name(webinars, client):
    assert series_of(client, webinars["sparc_es"]) == {
        "slug": "sparc-series",
        "name": "SPARC learning series",
    }


def test_webinar_in_no_series_has_a_null_series(webinars, index_page, client):
    alone = WebinarPageFactory(parent=index_page, title="On its own", slug="alone")

    assert series_of(client, alone) is None


def test_api_listing_names_each_webinars_series_in_its_own_language(webinars, client):
    url = f"{PAGES}?type=webinars.WebinarPage&fields=_,series&order=id"
    items = client.get(url).json()["items"]

    assert [item["series"]["name"] for item in items] == [
        "Partnership Peer Exchange",
        "SPARC learning series",
        "Intercambio entre pares",
        "SPARC learning series",
    ]


@pytest.mark.parametrize("fields", ["_,series", "series", "*"])
def test_series_in_spanish_costs_no_query_per_webinar(
    webinars, index_page, client, django_assert_max_num_queries, fields
):
    url = f"{PAGES}?type=webinars.WebinarPage&locale=es&fields={fields}&order=id"
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(f"{url}&limit=2").json()["items"]) == 2
    for n in range(6):
        webinar = WebinarPageFactory(
            parent=index_page,
            title=f"More {n}",
            slug=f"more-{n}",
            webinar_series=webinars["peer"].webinar_series,
        )
        publish_translation(webinar, slug=f"mas-{n}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        items = client.get(f"{url}&limit=8").json()["items"]
    assert len(items) == 8
    assert {item["series"]["name"] for item in items} == {
        "Intercambio entre pares",
        "SPARC learning series",
    }


# Calendars -------------------------------------------------------------------------------


def categories(client, url) -> dict[str, list[str]]:
    """Each event's categories, by the event's title."""
    response = client.get(url)
    assert response.status_code == 200, url
    calendar = Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]): event.categories for event in calendar.walk("VEVENT")}


def test_spanish_feed_files_webinars_under_the_spanish_series_names(webinars, client):
    spanish = categories(client, webinars["indice"].calendar_url())

    assert spanish == {
        "Charla de presupuestos": ["Intercambio entre pares"],
        # Not translated yet: the English name.
        "Sesión de SPARC": ["SPARC learning series"],
    }
    assert categories(client, webinars["index"].calendar_url()) == {
        "Budget talk": ["Partnership Peer Exchange"],
        "SPARC session": ["SPARC learning series"],
    }


def test_spanish_webinars_calendar_file_has_the_spanish_series(webinars, client):
    peer_es = webinars["peer_es"]

    assert categories(client, peer_es.url + peer_es.calendar_path) == {
        "Charla de presupuestos": ["Intercambio entre pares"],
    }
    peer = webinars["peer"]
    assert categories(client, peer.url + peer.calendar_path) == {
        "Budget talk": ["Partnership Peer Exchange"],
    }


def test_spanish_feed_costs_no_query_per_webinar_for_its_series(
    webinars, index_page, client, django_assert_max_num_queries
):
    url = webinars["indice"].calendar_url()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(4):
        webinar = WebinarPageFactory(
            parent=index_page,
            slug=f"more-{n}",
            webinar_series=webinars["peer"].webinar_series,
        )
        publish_translation(webinar, slug=f"mas-{n}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(categories(client, url)) == 6
