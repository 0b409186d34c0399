"""Member directory and profile pages: tree rules, the editor's round trip, rendering."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data

from home.models import HomePage
from members.models import MemberDirectoryPage, MemberProfilePage


class TestTreeRules(WagtailPageTestCase):
    def test_member_directory_goes_only_under_a_home_page(self):
        self.assertAllowedParentPageTypes(MemberDirectoryPage, {HomePage})

    def test_member_directory_holds_only_member_profiles(self):
        self.assertAllowedSubpageTypes(MemberDirectoryPage, {MemberProfilePage})

    def test_member_profile_goes_only_in_a_member_directory(self):
        self.assertAllowedParentPageTypes(MemberProfilePage, {MemberDirectoryPage})

    def test_member_profile_has_no_children(self):
        self.assertAllowedSubpageTypes(MemberProfilePage, set())


def test_member_profile_has_one_state_instead_of_many():
    field_names = {field.name for field in MemberProfilePage._meta.get_fields()}
    assert "home_state" in field_names
    assert "states" not in field_names
    assert MemberProfilePage.taxonomy_filters["state"] == "home_state__code"


@pytest.mark.django_db
def test_editor_adds_a_member_through_the_admin(directory, networks, topics, admin_client):
    data = nested_form_data(
        {
            "title": "Lakeshore Children’s Policy Collaborative (demo)",
            "slug": "lakeshore",
            "summary": "",
            "home_state": "IL",
            "locality": "  Cook   County ",
            "website": "https://lakeshore.example.org",
            "description": "A demo local child advocacy organization.",
            "executive_director": "Avery Example",
            "contact_email": "info@lakeshore.example.org",
            "year_joined": "2014",
            "bluesky_url": "https://bsky.app/profile/lakeshore.example.org",
            "action-publish": "publish",
        }
    )
    data["networks"] = [networks["sparc"].pk]
    data["topics"] = [topics["child-welfare"].pk, topics["child-health"].pk]
    response = admin_client.post(
        f"/admin/pages/add/members/memberprofilepage/{directory.pk}/", data, follow=True
    )
    assert response.status_code == 200
    member = MemberProfilePage.objects.get(slug="lakeshore")
    assert member.live
    assert member.home_state_id == "IL"
    assert member.locality == "Cook County"
    assert list(member.networks.values_list("slug", flat=True)) == ["sparc"]
    assert set(member.topics.values_list("slug", flat=True)) == {"child-welfare", "child-health"}

    html = admin_client.get(member.url).content.decode()
    assert "<h1>Lakeshore Children’s Policy Collaborative (demo)</h1>" in html
    assert "Cook County, Illinois" in html
    assert 'href="mailto:info@lakeshore.example.org"' in html


@pytest.mark.django_db
def test_member_without_a_state_is_a_form_error_not_a_500(directory, admin_client):
    response = admin_client.post(
        f"/admin/pages/add/members/memberprofilepage/{directory.pk}/",
        nested_form_data({"title": "No state (demo)", "slug": "no-state", "action-publish": "1"}),
    )
    assert response.status_code == 200
    assert not MemberProfilePage.objects.exists()
    assert "This field is required" in response.content.decode()


@pytest.mark.django_db
def test_member_profile_shows_its_details(make_member, networks, topics, client):
    member = make_member(
        "Prairie Child Advocacy Forum (demo)",
        state="NE",
        executive_director="Rowan Example",
        contact_email="hello@prairie.example.org",
        website="https://prairie.example.org",
        year_joined=2016,
        linkedin_url="https://www.linkedin.com/company/prairie-example",
        networks=[networks["sparc"]],
        topics=[topics["child-welfare"]],
    )
    html = client.get(member.url).content.decode()
    assert "<h1>Prairie Child Advocacy Forum (demo)</h1>" in html
    assert "Nebraska" in html
    assert "Rowan Example" in html
    assert 'href="https://prairie.example.org"' in html
    assert "2016" in html
    assert "State Policy Advocacy and Reform Center" in html
    assert "Child welfare" in html
    assert 'href="https://www.linkedin.com/company/prairie-example"' in html
    # Back to the directory, filtered to the member's state.
    assert f'href="{member.get_parent().url}?state=NE#members"' in html


@pytest.mark.django_db
def test_member_profile_without_contact_email_shows_no_contact(make_member, client):
    member = make_member("Quiet Fund for Children (demo)", contact_email="")
    html = client.get(member.url).content.decode()
    assert "mailto:" not in html.split("<footer")[0]


@pytest.mark.django_db
def test_resources_and_webinars_are_empty_until_those_sections_link_to_members(make_member):
    member = make_member("Harbor Children’s Budget Project (demo)")
    assert member.authored_resources() == []
    assert member.webinar_appearances() == []


@pytest.mark.django_db
def test_year_joined_in_the_future_is_rejected(make_member):
    member = make_member("Future Alliance (demo)")
    member.year_joined = 2999
    with pytest.raises(ValidationError) as error:
        member.full_clean()
    assert "year_joined" in error.value.message_dict


@pytest.mark.django_db
def test_place_name_names_the_locality_for_local_members(make_member):
    assert make_member("Statewide (demo)", state="CA").place_name == "California"
    local = make_member("Local (demo)", state="CA", locality="Los Angeles County")
    assert local.place_name == "Los Angeles County, California"
