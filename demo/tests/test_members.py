"""The members' demo in Spanish: the directory and a few profiles, at /es/miembros/,
with the organisations' names kept and their descriptions in Spanish."""

import pytest
from wagtail.models import Locale

from demo.tests.helpers import HOST, english, text_of
from members import demo
from members.models import MemberDirectoryPage, MemberProfilePage
from members.stats import network_membership

pytestmark = pytest.mark.django_db

LOS_ANGELES = "los-angeles-county-childrens-budget-project-demo"


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


def test_spanish_member_directory_is_served_at_es_miembros_in_spanish(spanish, client):
    directory = english(MemberDirectoryPage, "members").get_translation(spanish)
    assert directory.url == "/es/miembros/"

    text = text_of(client.get(directory.url, HTTP_HOST=HOST))

    assert "Nuestros miembros" in text
    assert "La Partnership for America’s Children fue fundada en 2013" in text
    assert "Nuevo México" in text and "Texas" in text
    assert "Texas Child Advocacy Forum (demo)" in text  # a name is not translated
    assert "Our members" not in text
    # Only the profiles translated are listed in Spanish.
    assert "Ohio" not in " ".join(
        member.place_name for member in directory.specific.member_profiles()
    )


def test_spanish_member_profile_keeps_its_name_and_describes_it_in_spanish(spanish, client):
    source = english(MemberProfilePage, LOS_ANGELES)
    profile = source.get_translation(spanish)

    text = text_of(client.get(f"/es/miembros/{LOS_ANGELES}/", HTTP_HOST=HOST))

    assert profile.title == source.title == "Los Angeles County Children’s Budget Project (demo)"
    assert "Una organización local de defensa de la niñez en el condado de Los Ángeles" in text
    assert "Dirección ejecutiva" in text and source.executive_director in text
    assert "A demo local child advocacy organization" not in text
    # Place, filing and people are kept in step with the English profile.
    assert (profile.home_state_id, profile.locality) == ("CA", "Los Angeles County")
    assert set(profile.networks.all()) == set(source.networks.all())
    assert profile.website == source.website and profile.contact_email == source.contact_email


def test_api_lists_the_spanish_member_profiles(spanish, client):
    response = client.get(
        "/api/v2/pages/?locale=es&type=members.MemberProfilePage&fields=description,state",
        HTTP_HOST=HOST,
    )

    assert response.status_code == 200
    items = response.json()["items"]
    assert sorted(item["meta"]["slug"] for item in items) == sorted(demo.SPANISH_MEMBERS)
    assert {item["state"]["code"] for item in items} == {"CA", "FL", "NM", "TX"}
    assert all(item["description"].startswith("Una organización") for item in items)


def test_spanish_profiles_do_not_count_twice_in_a_networks_membership(spanish):
    assert MemberProfilePage.objects.live().filter(locale=spanish).count() == 5
    sparc = network_membership("sparc")
    assert (sparc.member_count, sparc.place_count) == (46, 37)


def test_demo_member_profiles_list_the_resources_and_webinars_they_took_part_in(client):
    ohio = english(MemberProfilePage, "ohio-child-advocacy-forum-demo")

    text = text_of(client.get(ohio.url, HTTP_HOST=HOST))

    assert "Resources from this member" in text
    assert "School meals for all: the case for states" in text
    assert "State child tax credits at a glance" in text
    assert "State budget advocacy in a tight fiscal year" in text
