"""Members in the content API: profile fields and filters, and the per-state summary."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

MEMBERS = "/api/v2/pages/?type=members.MemberProfilePage"
SUMMARY = "/api/v2/member-states/"


def titles(response):
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


@pytest.fixture
def members(make_member, networks, topics):
    logo = wagtail_factories.ImageFactory(title="Buckeye logo", description="Buckeye logo")
    return {
        "ohio": make_member(
            "Buckeye Child Advocacy Forum (demo)",
            state="OH",
            logo=logo,
            contact_email="info@buckeye.example.org",
            x_url="https://x.com/buckeye-example",
            networks=[networks["partnership"], networks["sparc"]],
            topics=[topics["child-welfare"]],
        ),
        "cleveland": make_member(
            "Cleveland Children’s Budget Project (demo)",
            state="OH",
            locality="Cleveland",
            networks=[networks["partnership"]],
            topics=[topics["child-health"]],
        ),
        "california": make_member(
            "Golden Alliance for Young Families (demo)",
            state="CA",
            networks=[networks["sparc"]],
            topics=[topics["child-health"]],
        ),
    }


def test_member_profile_in_api_has_every_field_with_logo_renditions(members, client):
    data = client.get(f"/api/v2/pages/{members['ohio'].pk}/").json()
    assert data["meta"]["type"] == "members.MemberProfilePage"
    assert data["state"] == {"code": "OH", "name": "Ohio", "kind": "state"}
    assert data["locality"] == ""
    assert data["website"].startswith("https://")
    assert data["executive_director"] == "Alex Example"
    assert data["contact_email"] == "info@buckeye.example.org"
    assert data["year_joined"] == 2015
    assert data["x_url"] == "https://x.com/buckeye-example"
    assert [network["slug"] for network in data["networks"]] == ["partnership", "sparc"]
    assert data["networks"][1]["short_name"] == "SPARC"
    assert data["topics"] == [{"slug": "child-welfare", "name": "Child welfare"}]
    for field in ("logo", "logo_thumbnail"):
        assert set(data[field]) == {"url", "full_url", "width", "height", "alt"}
        assert data[field]["alt"] == "Buckeye logo"
    assert data["logo_thumbnail"]["width"] <= 240
    for name in ("description", "summary", "social_image", "bluesky_url", "youtube_url"):
        assert name in data
    assert "states" not in data


def test_member_listing_gives_fields_on_request(members, client):
    response = client.get(f"{MEMBERS}&fields=state,locality,logo_thumbnail&state=OH")
    items = response.json()["items"]
    assert {item["locality"] for item in items} == {"", "Cleveland"}
    assert all(item["state"]["code"] == "OH" for item in items)


def test_members_filter_by_state_case_insensitively_with_alternatives(members, client):
    assert titles(client.get(f"{MEMBERS}&state=ca")) == [
        "Golden Alliance for Young Families (demo)"
    ]
    assert len(titles(client.get(f"{MEMBERS}&state=oh,CA"))) == 3


def test_members_filter_by_network_and_topic(members, client):
    assert titles(client.get(f"{MEMBERS}&network=sparc&topic=child-health")) == [
        "Golden Alliance for Young Families (demo)"
    ]
    assert titles(client.get(f"{MEMBERS}&network=sparc&state=OH")) == [
        "Buckeye Child Advocacy Forum (demo)"
    ]


def test_state_filter_on_all_pages_finds_members(members, client):
    response = client.get("/api/v2/pages/?state=CA")
    assert titles(response) == ["Golden Alliance for Young Families (demo)"]


def test_bad_member_filter_is_a_400_naming_it(members, client):
    response = client.get(f"{MEMBERS}&state=Ohio")
    assert response.status_code == 400
    assert response.json() == {"message": "state: 'Ohio' is not a valid state"}


def test_state_summary_counts_members_in_every_state(members, directory, client):
    response = client.get(SUMMARY)
    assert response.status_code == 200
    data = response.json()
    assert data["meta"] == {"total_count": 56, "member_count": 3, "place_count": 3}
    by_code = {item["code"]: item for item in data["items"]}
    assert by_code["OH"]["member_count"] == 2
    assert by_code["OH"]["localities"] == ["Cleveland"]
    assert by_code["CA"]["member_count"] == 1
    assert by_code["TX"]["member_count"] == 0
    assert by_code["PR"]["kind"] == "territory"
    assert by_code["OH"]["directory_url"].endswith(f"{directory.url}?state=OH")
    # The same list, from the pages endpoint.
    members_url = by_code["OH"]["members_url"]
    assert "type=members.MemberProfilePage" in members_url
    path = members_url[members_url.index("/api/") :]
    assert len(titles(client.get(path))) == 2


def test_state_summary_filters_by_network(members, client):
    data = client.get(f"{SUMMARY}?network=sparc").json()
    by_code = {item["code"]: item["member_count"] for item in data["items"]}
    assert by_code["OH"] == 1
    assert by_code["CA"] == 1
    assert data["meta"]["member_count"] == 2
    assert "network=sparc" in next(i for i in data["items"] if i["code"] == "OH")["members_url"]


def test_state_summary_for_one_state(members, client):
    data = client.get(f"{SUMMARY}OH/").json()
    assert data["code"] == "OH"
    assert data["member_count"] == 2
    assert client.get(f"{SUMMARY}ZZ/").status_code == 404
    # Another state than the one asked for: nothing there (was a server error).
    assert client.get(f"{SUMMARY}OH/?state=CA").status_code == 404


def test_state_summary_takes_the_parameters_every_endpoint_takes(members, client):
    for query in ("?format=json", "?_=1", "?locale=es"):
        assert client.get(SUMMARY + query).status_code == 200, query
        assert client.get(f"{SUMMARY}OH/{query}").status_code == 200, query
    assert client.get(f"{SUMMARY}?format=api").status_code == 400


def test_state_summary_answers_bad_queries_with_400(members, client):
    assert client.get(f"{SUMMARY}?network=no-such").status_code == 400
    response = client.get(f"{SUMMARY}?colour=blue")
    assert response.status_code == 400
    assert "colour" in response.json()["message"]


def test_state_summary_is_anonymous_json(members, admin_client):
    response = admin_client.get(SUMMARY, HTTP_ACCEPT="text/html")
    assert response["Content-Type"] == "application/json"


def test_unpublished_and_restricted_members_are_not_in_the_api(
    members, make_member, restrict, admin_client
):
    make_member("Draft Children’s Fund (demo)", state="OH", live=False)
    restrict(make_member("Private Children’s Fund (demo)", state="OH"))
    # Even for a logged-in editor: the public API ignores sessions.
    assert len(titles(admin_client.get(f"{MEMBERS}&state=OH"))) == 2
    data = admin_client.get(SUMMARY).json()
    assert data["meta"]["member_count"] == 3
    assert next(i for i in data["items"] if i["code"] == "OH")["member_count"] == 2


def test_state_summary_queries_do_not_grow_with_the_number_of_members(
    directory, make_member, client
):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(SUMMARY).status_code == 200
        return len(context.captured_queries)

    make_member("Member 0 (demo)", state="OH", locality="Akron")
    client.get(SUMMARY)  # warm the site cache
    few = queries()
    for number in range(1, 12):
        make_member(f"Member {number} (demo)", state=["OH", "TX", "WA"][number % 3])
    client.get(SUMMARY)  # the first request after a change recomputes the API's validators
    assert queries() == few
