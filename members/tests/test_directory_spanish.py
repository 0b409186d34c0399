"""The member directory in Spanish: states named and ordered as a Spanish reader expects."""

import pytest
from wagtail.models import Page

from languages.tests.test_interface_spanish import spanish_catalogue  # noqa: F401
from languages.tests.translating import publish_translation
from members.tests.test_directory import state_headings

pytestmark = pytest.mark.django_db


@pytest.fixture
def directorio(home_page, directory, make_member):
    """The directory and members in New York, North Carolina and Pennsylvania, in Spanish."""
    publish_translation(home_page, title="Inicio")
    spanish = publish_translation(directory, title="Miembros", slug="miembros")
    for title, state in [
        ("Empire Youth Lab", "NY"),
        ("Tar Heel Kids", "NC"),
        ("Keystone Families", "PA"),
    ]:
        publish_translation(make_member(title, state=state), slug=title.lower().replace(" ", "-"))
    return spanish


def test_states_are_named_and_ordered_in_spanish(directorio, client):
    response = client.get(directorio.url)
    html = response.content.decode()

    assert response.status_code == 200
    # English order would be New York, North Carolina, Pennsylvania.
    assert state_headings(html) == ["Carolina del Norte", "Nueva York", "Pensilvania"]
    assert '<option value="NY">Nueva York</option>' in html


def test_a_spanish_member_page_names_its_state_in_spanish(directorio, client):
    member = Page.objects.child_of(directorio).get(slug="empire-youth-lab")
    html = client.get(member.url).content.decode()
    assert "Nueva York</a>" in html
    assert "New York" not in html
