"""The library's filter menus in the page's language: topics and networks by their
translations (English until translated), states by their Spanish names, each menu in
the alphabetical order of the names it shows."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import NetworkFactory
from home.models import State
from languages.tests.test_interface_spanish import spanish_catalogue  # noqa: F401
from languages.tests.translating import publish_translation, translate_term
from library.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db


def facet_labels(html: str, param: str) -> list[str]:
    """The names a facet offers, in the order it offers them (counts left out)."""
    return [
        " ".join(label.split())
        for label in re.findall(rf'id="facet-{param}-[^"]+"[^>]*>\s*<label[^>]*>([^<]*)<span', html)
    ]


@pytest.fixture
def bibliotecas(home_page, library, nutrition, health):
    """The library in English and Spanish, with resources on two topics (one of them
    translated), one network (not translated) and four states."""
    translate_term(nutrition, name="Nutrición infantil")
    sparc = NetworkFactory(name="SPARC", slug="sparc")
    publish_translation(home_page, title="Inicio")
    biblioteca = publish_translation(library, title="Biblioteca", slug="biblioteca")
    for n, (topic, codes) in enumerate(
        [(nutrition, ["NY", "NC"]), (health, ["MI", "OH"]), (nutrition, ["NC"])]
    ):
        resource = ResourcePageFactory(
            parent=library,
            title=f"Resource {n}",
            published_on=datetime.date(2025, 1, n + 1),
            topics=[topic],
            networks=[sparc],
            states=list(State.objects.filter(code__in=codes)),
        )
        publish_translation(resource, title=f"Recurso {n}")
    return {"library": library, "biblioteca": biblioteca}


def get_html(client, url, params=None) -> str:
    response = client.get(url, params or {})
    assert response.status_code == 200, url
    return response.content.decode()


def test_spanish_library_offers_topics_by_their_spanish_names(bibliotecas, client):
    spanish = get_html(client, bibliotecas["biblioteca"].url)

    # Child health is not translated yet: its English name.
    assert facet_labels(spanish, "topic") == ["Child health", "Nutrición infantil"]
    assert facet_labels(spanish, "network") == ["SPARC"]
    english = get_html(client, bibliotecas["library"].url)
    assert facet_labels(english, "topic") == ["Child health", "Child nutrition"]


def test_spanish_library_offers_states_by_their_spanish_names_in_spanish_order(bibliotecas, client):
    spanish = get_html(client, bibliotecas["biblioteca"].url)
    english = get_html(client, bibliotecas["library"].url)

    assert facet_labels(spanish, "state") == [
        "Carolina del Norte",
        "Míchigan",
        "Nueva York",
        "Ohio",
    ]
    assert facet_labels(english, "state") == ["Michigan", "New York", "North Carolina", "Ohio"]


def test_a_selected_state_with_no_resources_is_offered_by_its_spanish_name(bibliotecas, client):
    spanish = get_html(client, bibliotecas["biblioteca"].url, {"state": "PA"})

    assert facet_labels(spanish, "state") == [
        "Carolina del Norte",
        "Míchigan",
        "Nueva York",
        "Ohio",
        "Pensilvania",
    ]


def test_spanish_listing_queries_do_not_grow_with_the_number_of_resources(
    bibliotecas, nutrition, client, django_assert_max_num_queries
):
    url = bibliotecas["biblioteca"].url
    with CaptureQueriesContext(connection) as few:
        get_html(client, url)
    for n in range(8):
        resource = ResourcePageFactory(
            parent=bibliotecas["library"],
            title=f"More {n}",
            topics=[nutrition],
            states=list(State.objects.filter(code__in=["PA", "WV"])),
        )
        publish_translation(resource, title=f"Más {n}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        spanish = get_html(client, url)
    assert "Virginia Occidental" in facet_labels(spanish, "state")
