"""The vocabulary endpoints in the language asked for: a partner builds its Spanish filter
menus from `?locale=es`, with the same slugs and codes as in English."""

import jsonschema
import polib
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import State
from languages.tests.test_interface_spanish import CATALOGUE, spanish_catalogue  # noqa: F401
from webinars.factories import SeriesFactory

pytestmark = pytest.mark.django_db

SERIES = "/api/v2/webinar-series/"


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response.json()


@pytest.fixture
def series(db):
    """Two series, one of them translated into Spanish."""
    peer = SeriesFactory(name="Partnership Peer Exchange", slug="peer-exchange")
    SeriesFactory(name="SPARC learning series", slug="sparc-series")
    spanish = peer.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish.name = "Intercambio entre pares"
    spanish.description = "Una conversación mensual entre miembros."
    spanish.save()
    return peer


# Webinar series ------------------------------------------------------------------------


def test_webinar_series_come_in_spanish_with_locale_es(series, client):
    items = get_json(client, f"{SERIES}?locale=es")["items"]

    by_slug = {item["slug"]: item for item in items}
    assert by_slug["peer-exchange"]["name"] == "Intercambio entre pares"
    assert by_slug["peer-exchange"]["description"] == "Una conversación mensual entre miembros."
    assert by_slug["peer-exchange"]["locale"] == "es"
    # Not translated yet: the English name, and its locale says so.
    assert by_slug["sparc-series"]["name"] == "SPARC learning series"
    assert by_slug["sparc-series"]["locale"] == "en"
    # One item per series, filtered by the same slug in every language.
    assert len(items) == 2
    assert by_slug["peer-exchange"]["pages_url"] == (
        "http://localhost/api/v2/pages/?type=webinars.WebinarPage&series=peer-exchange"
    )


def test_webinar_series_stay_in_english_by_default_with_the_same_keys(series, client):
    items = get_json(client, SERIES)["items"]

    assert [(item["slug"], item["name"], item["locale"]) for item in items] == [
        ("peer-exchange", "Partnership Peer Exchange", "en"),
        ("sparc-series", "SPARC learning series", "en"),
    ]
    assert set(items[0]) == {"slug", "name", "description", "locale", "pages_url"}
    # The same items, in the same order, in Spanish.
    spanish = get_json(client, f"{SERIES}?locale=es")["items"]
    assert [item["slug"] for item in spanish] == [item["slug"] for item in items]


def test_one_webinar_series_in_spanish(series, client):
    item = get_json(client, f"{SERIES}peer-exchange/?locale=es")

    assert (item["name"], item["locale"]) == ("Intercambio entre pares", "es")
    assert get_json(client, f"{SERIES}peer-exchange/")["name"] == "Partnership Peer Exchange"


def test_webinar_series_query_count_does_not_grow_with_the_number_of_series(
    series, client, django_assert_max_num_queries
):
    with CaptureQueriesContext(connection) as few:
        get_json(client, f"{SERIES}?locale=es")
    for n in range(10):
        translated = SeriesFactory(name=f"Series {n}", slug=f"series-{n}")
        spanish = translated.copy_for_translation(Locale.objects.get(language_code="es"))
        spanish.name = f"Serie {n}"
        spanish.save()

    with django_assert_max_num_queries(len(few.captured_queries)):
        items = get_json(client, f"{SERIES}?locale=es")["items"]
    assert len(items) == 12


def test_unknown_locale_is_a_400_that_names_it(series, client):
    response = client.get(f"{SERIES}?locale=xx")

    assert response.status_code == 400
    assert response.json()["message"].startswith("locale:")


# States ----------------------------------------------------------------------------------


def test_states_have_their_official_spanish_names_with_locale_es(client):
    spanish = {
        item["code"]: item["name"]
        for item in get_json(client, "/api/v2/states/?locale=es")["items"]
    }

    assert spanish["NY"] == "Nueva York"
    assert spanish["NC"] == "Carolina del Norte"
    assert spanish["PA"] == "Pensilvania"
    assert spanish["DC"] == "Distrito de Columbia"
    assert spanish["VI"] == "Islas Vírgenes de EE. UU."
    assert spanish["OH"] == "Ohio"  # the same in both languages
    assert get_json(client, "/api/v2/states/ny/?locale=es")["name"] == "Nueva York"


def test_states_stay_in_english_by_default_with_the_same_keys_and_order(client):
    english = get_json(client, "/api/v2/states/")["items"]
    spanish = get_json(client, "/api/v2/states/?locale=es")["items"]

    assert {item["code"]: item["name"] for item in english}["NY"] == "New York"
    assert [item["code"] for item in spanish] == [item["code"] for item in english]
    assert set(spanish[0]) == {"code", "name", "kind", "pages_url"}
    assert get_json(client, "/api/v2/states/ny/")["name"] == "New York"


def test_every_stored_state_name_has_a_spanish_entry_in_the_catalogue():
    translated = {entry.msgid: entry.msgstr for entry in polib.pofile(str(CATALOGUE))}

    names = set(State.objects.values_list("name", flat=True))
    assert len(names) == 56
    assert {name for name in names if not translated.get(name)} == set()


# Resource types ---------------------------------------------------------------------------


def test_resource_types_are_labelled_in_spanish_with_locale_es(client):
    spanish = get_json(client, "/api/v2/resource-types/?locale=es")["items"]
    english = get_json(client, "/api/v2/resource-types/")["items"]

    labels = {item["slug"]: item["label"] for item in spanish}
    assert labels["policy-brief"] == "Resumen de políticas"
    assert {item["slug"]: item["label"] for item in english}["policy-brief"] == "Policy brief"
    assert [item["slug"] for item in spanish] == [item["slug"] for item in english]
    detail = get_json(client, "/api/v2/resource-types/policy-brief/?locale=es")
    assert detail["label"] == "Resumen de políticas"


def test_member_states_name_the_states_in_spanish_with_locale_es(home_page, client):
    names = {
        item["code"]: item["name"]
        for item in get_json(client, "/api/v2/member-states/?locale=es")["items"]
    }
    assert (names["NY"], names["PA"], names["OH"]) == ("Nueva York", "Pensilvania", "Ohio")
    assert get_json(client, "/api/v2/member-states/NC/?locale=es")["name"] == "Carolina del Norte"
    assert get_json(client, "/api/v2/member-states/NC/")["name"] == "North Carolina"
    response = client.get("/api/v2/member-states/?locale=fr")
    assert response.status_code == 400
    assert "locale" in response.json()["message"]


# The OpenAPI document --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "path"),
    [
        (f"{SERIES}?locale=es", "/webinar-series/"),
        (f"{SERIES}sparc-series/?locale=es", "/webinar-series/{slug}/"),
        ("/api/v2/states/?locale=es", "/states/"),
        ("/api/v2/resource-types/?locale=es", "/resource-types/"),
        ("/api/v2/member-states/?locale=es", "/member-states/"),
        ("/api/v2/member-states/NY/?locale=es", "/member-states/{code}/"),
    ],
)
def test_spanish_vocabularies_match_the_openapi_document(home_page, series, client, url, path):
    document = get_json(client, "/api/v2/openapi.json")
    operation = document["paths"][path]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]

    jsonschema.validate(
        get_json(client, url),
        schema | {"components": document["components"]},
        cls=jsonschema.Draft202012Validator,
    )
    (locale,) = [p for p in operation["parameters"] if p["name"] == "locale"]
    assert locale["schema"]["enum"] == ["en", "es"]
    assert "names" in locale["description"].lower()
