"""Topics, networks and states of a page in the page's own language, in the content API:
a Spanish webinar links to the English rows (their slugs are the filters' values) and
names them in Spanish, whatever `?locale=` the request carries."""

import pytest
from wagtail.models import Locale

from home.models import State
from languages.tests.test_interface_spanish import spanish_catalogue  # noqa: F401
from languages.tests.translating import publish_translation
from webinars.factories import WebinarPageFactory

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


@pytest.fixture
def tagged(home_page, index_page, taxonomy, spanish_catalogue):  # noqa: F811
    """A webinar about child health in New York, in English and Spanish; "Child health"
    is translated, "Child welfare" and the networks are not."""
    spanish = Locale.objects.get(language_code="es")
    salud = taxonomy["child-health"].copy_for_translation(spanish)
    salud.name = "Salud infantil"
    salud.save()
    publish_translation(home_page, title="Inicio")
    publish_translation(index_page, title="Seminarios web", slug="seminarios-web")
    webinar = WebinarPageFactory(parent=index_page, title="Health in New York", slug="ny")
    webinar.topics.set([taxonomy["child-health"], taxonomy["child-welfare"]])
    webinar.networks.set([taxonomy["sparc"]])
    webinar.states.set([State.objects.get(code="NY")])
    webinar.save_revision().publish()
    return {"en": webinar, "es": publish_translation(webinar, title="Salud en Nueva York")}


def names(client, page, field):
    response = client.get(f"{PAGES}{page.pk}/")
    assert response.status_code == 200, response.content[:300]
    return sorted(
        (term.get("slug") or term["code"], term["name"]) for term in response.json()[field]
    )


def test_a_spanish_page_names_its_terms_in_spanish(tagged, client):
    page = tagged["es"]
    assert names(client, page, "topics") == [
        ("child-health", "Salud infantil"),
        ("child-welfare", "Child welfare"),  # not translated yet
    ]
    assert names(client, page, "networks") == [("sparc", "SPARC")]
    assert names(client, page, "states") == [("NY", "Nueva York")]


def test_an_english_page_keeps_its_english_names(tagged, client):
    page = tagged["en"]
    assert names(client, page, "topics") == [
        ("child-health", "Child health"),
        ("child-welfare", "Child welfare"),
    ]
    assert names(client, page, "states") == [("NY", "New York")]


def test_a_listing_of_both_languages_names_each_page_in_its_own(tagged, client):
    url = f"{PAGES}?type=webinars.WebinarPage&fields=topics,states&order=id"
    items = client.get(url).json()["items"]

    assert [[t["name"] for t in item["topics"]] for item in items] == [
        ["Child health", "Child welfare"],
        ["Salud infantil", "Child welfare"],
    ]
    assert [item["states"][0]["name"] for item in items] == ["New York", "Nueva York"]
