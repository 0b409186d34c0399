"""A member's profile lists the resources it wrote and the webinars its staff spoke at:
resources and speakers link to member profiles (free text stays for everyone else)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from languages.tests.translating import publish_translation
from library.factories import LibraryIndexPageFactory, ResourcePageFactory
from privacy.restricting import restrict_page_to_members
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory, WebinarSpeakerFactory


@pytest.fixture
def linked(home_page, make_member):
    alliance = make_member("Ohio Children’s Alliance", state="OH")
    library = LibraryIndexPageFactory(parent=home_page)
    report = ResourcePageFactory(
        parent=library,
        title="Ohio kids count",
        authoring_organisations="Policy Matters Ohio",
    )
    report.authors = [alliance]
    report.save_revision().publish()
    webinar = WebinarPageFactory(parent=WebinarIndexPageFactory(parent=home_page), title="Budgets")
    WebinarSpeakerFactory(page=webinar, name="Ada Lee", organisation="OCA", member=alliance)
    webinar.save_revision().publish()
    return {"member": alliance, "report": report, "webinar": webinar, "library": library}


@pytest.mark.django_db
def test_a_member_profile_lists_the_resources_it_wrote_and_the_webinars_it_spoke_at(linked, client):
    html = client.get(linked["member"].url).text

    assert f'href="{linked["report"].url}"' in html
    assert f'href="{linked["webinar"].url}"' in html


@pytest.mark.django_db
def test_a_resource_links_its_member_authors_and_names_the_others(linked, client):
    html = client.get(linked["report"].url).text

    assert f'<a href="{linked["member"].url}">Ohio Children’s Alliance</a>, Policy Matters' in html
    data = client.get(f"/api/v2/pages/{linked['report'].pk}/").json()
    assert [author["title"] for author in data["authors"]] == ["Ohio Children’s Alliance"]
    assert data["authors"][0]["meta"]["html_url"].endswith(linked["member"].url)
    assert data["authoring_organisations"] == ["Ohio Children’s Alliance", "Policy Matters Ohio"]


@pytest.mark.django_db
def test_a_speaker_of_a_member_organisation_is_shown_with_its_name_and_profile(linked, client):
    html = client.get(linked["webinar"].url).text

    assert f'<a href="{linked["member"].url}">Ohio Children’s Alliance</a>' in html
    (speaker,) = client.get(f"/api/v2/pages/{linked['webinar'].pk}/").json()["speakers"]
    assert speaker["organisation"] == "Ohio Children’s Alliance"
    assert speaker["member"]["title"] == "Ohio Children’s Alliance"


@pytest.mark.django_db
def test_a_members_only_profile_is_named_nowhere_by_the_pages_that_link_to_it(linked):
    restrict_page_to_members(linked["member"])
    anonymous = Client()

    assert "Ohio Children’s Alliance" not in anonymous.get(linked["report"].url).text
    assert "Ohio Children’s Alliance" not in anonymous.get(linked["webinar"].url).text
    report = anonymous.get(f"/api/v2/pages/{linked['report'].pk}/").json()
    assert report["authors"] == [] and report["authoring_organisations"] == ["Policy Matters Ohio"]
    (speaker,) = anonymous.get(f"/api/v2/pages/{linked['webinar'].pk}/").json()["speakers"]
    # What was typed stands in while the member's profile is not public.
    assert speaker["member"] is None and speaker["organisation"] == "OCA"


@pytest.mark.django_db
def test_a_spanish_profile_lists_the_spanish_resources_of_its_member(linked, client):
    home_es = publish_translation(linked["member"].get_parent().get_parent(), title="Inicio")
    assert home_es.live
    publish_translation(linked["library"], slug="biblioteca")
    informe = publish_translation(linked["report"], title="Datos de Ohio", slug="datos")
    publish_translation(linked["member"].get_parent(), slug="miembros")
    perfil = publish_translation(linked["member"])

    html = client.get(perfil.url).text

    assert f'href="{informe.url}"' in html
    assert f'href="{linked["report"].url}"' not in html


@pytest.mark.django_db
def test_a_spanish_resource_links_the_spanish_profile_unless_it_is_not_public(linked, client):
    publish_translation(linked["member"].get_parent().get_parent(), title="Inicio")
    publish_translation(linked["library"], slug="biblioteca")
    informe = publish_translation(linked["report"], title="Datos de Ohio", slug="datos")
    publish_translation(linked["member"].get_parent(), slug="miembros")
    perfil = publish_translation(linked["member"])

    assert f'href="{perfil.url}"' in client.get(informe.url).text
    restrict_page_to_members(perfil)
    html = client.get(informe.url).text
    assert f'href="{perfil.url}"' not in html
    assert f'href="{linked["member"].url}"' in html  # the English profile is public


@pytest.mark.django_db
def test_webinar_queries_do_not_grow_with_its_speakers_from_members(
    linked, make_member, client, django_assert_max_num_queries
):
    webinar = linked["webinar"]
    url, api = webinar.url, f"/api/v2/pages/{webinar.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as page_one:
        client.get(url)
    with CaptureQueriesContext(connection) as api_one:
        client.get(api)
    # Counted now: the connection keeps only its last few thousand queries.
    page_budget, api_budget = len(page_one), len(api_one)
    for number in range(5):
        member = make_member(f"Member {number}", state="OH")
        WebinarSpeakerFactory(page=webinar, name=f"Speaker {number}", member=member)

    client.get(url)  # warm again: publishing changed the content version
    with django_assert_max_num_queries(page_budget):
        client.get(url)
    with django_assert_max_num_queries(api_budget):
        client.get(api)


@pytest.mark.django_db
def test_a_profile_lists_no_draft_members_only_or_alias_of_members_only_resource(linked, client):
    member = linked["member"]
    section = LibraryIndexPageFactory(parent=linked["library"], slug="members-library")
    restrict_page_to_members(section)
    for title, parent, live in [
        ("Members memo", section, True),
        ("Draft memo", linked["library"], False),
    ]:
        resource = ResourcePageFactory(parent=parent, title=title, live=live)
        resource.authors = [member]
        resource.save_revision().publish() if live else resource.save_revision()
    alias = linked["library"].get_children().none()
    memo = section.get_children().get().specific
    alias = memo.create_alias(parent=linked["library"], update_slug="memo-alias")

    html = client.get(member.url).text

    assert "Ohio kids count" in html
    assert "Members memo" not in html and "Draft memo" not in html
    assert alias.url not in html
