"""Content API errors: every bad parameter is a 400 JSON naming it, unknown ids a 404,
and no query string at all gets a server error (checked with hypothesis)."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PAGES = "/api/v2/pages/"
PAGE_TYPES = [
    "home.HomePage",
    "home.StandardPage",
    "library.LibraryIndexPage",
    "library.ResourcePage",
    "webinars.WebinarIndexPage",
    "webinars.WebinarPage",
    "members.MemberDirectoryPage",
    "members.MemberProfilePage",
    "campaigns.CampaignIndexPage",
    "campaigns.CampaignPage",
]


def assert_bad_request(response, parameter):
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/json"
    message = response.json()["message"]
    assert parameter in message, message


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("limit=-1", "limit"),
        ("limit=ten", "limit"),
        ("limit=101", "limit"),
        ("limit=99999999999999999999999", "limit"),
        ("offset=-5", "offset"),
        ("offset=1e3", "offset"),
        ("offset=100000000000000000000", "offset"),
        ("child_of=abc", "child_of"),
        # Wagtail's own messages, which named no parameter ("parent page doesn't exist").
        ("child_of=999999", "child_of"),
        ("descendant_of=999999", "descendant_of"),
        ("ancestor_of=999999", "ancestor_of"),
        ("translation_of=999999", "translation_of"),
        ("child_of=root&descendant_of=root", "descendant_of"),
        ("order=random,title", "order"),
        ("order=random&offset=1", "order"),
        ("child_of=99999999999999", "child_of"),
        ("descendant_of=-1", "descendant_of"),
        ("ancestor_of=root", "ancestor_of"),
        ("translation_of=x", "translation_of"),
        ("type=nothing", "type"),
        ("type=home.Topic", "type"),
        ("type=home.NoSuchPage", "type"),
        ("type=" + ",".join(["home.StandardPage"] * 11), "type"),
        ("order=nope", "order"),
        ("order=-", "order"),
        ("order=title;drop", "order"),
        ("type=webinars.WebinarPage&order=topics", "order"),
        ("fields=title(", "fields"),
        ("fields=parent(parent(parent(parent(title))))", "fields"),
        ("fields=unknown_field", "fields"),
        ("type=home.StandardPage&fields=body(text)", "body"),
        ("search=" + "x" * 201, "search"),
        ("search=%20%20", "search"),
        ("search=a&search_operator=xor", "search_operator"),
        ("search_operator=and", "search_operator"),
        ("locale=fr", "locale"),
        ("site=nowhere.example", "site"),
        ("site=localhost:http", "site"),
        ("format=api", "format"),
        ("rich_text_format=pdf", "rich_text_format"),
        ("topic=no-such-topic", "topic"),
        ("topic=" + ",".join(f"t{n}" for n in range(21)), "topic"),
        ("state=ZZ", "state"),
        ("network=%3Cscript%3E", "network"),
        ("status=soon", "status"),
        ("starts_after=2025-13-01", "starts_after"),
        # Out of range once in UTC (an OverflowError on SQLite before).
        ("starts_after=9999-12-31T23:59:59-05:00", "starts_after"),
        ("starts_before=0001-01-01T00:00:00%2B05:00", "starts_before"),
        ("starts_after=2025-02-01&starts_before=2025-01-01", "starts_before"),
        ("series=no-series", "series"),
        ("resource_type=novel", "resource_type"),
        ("published_after=yesterday", "published_after"),
        ("type=webinars.WebinarPage&starts_at=tomorrow", "starts_at"),
        ("type=webinars.WebinarPage&duration=forever", "duration"),
        ("type=members.MemberProfilePage&year_joined=99999", "year_joined"),
        ("type=members.MemberProfilePage&topics=health", "topics"),
        ("type=library.ResourcePage&published_on=2025-02-30", "published_on"),
        ("first_published_at=not-a-date", "first_published_at"),
        ("id=99999999999999999999", "id"),
        ("slug=a%00b", "slug"),
        ("unknown=1", "unknown"),
        ("title=x&" + "x" * 101 + "=1", "100 characters"),
        ("slug=" + "a" * 1001, "slug"),
    ],
)
def test_bad_page_listing_parameter_is_400_naming_it(api_site, client, query, parameter):
    assert_bad_request(client.get(f"{PAGES}?{query}"), parameter)


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", PAGE_TYPES)
@pytest.mark.parametrize("taxonomy", ["topic=child-health", "network=sparc", "state=OH"])
def test_every_page_type_takes_the_taxonomy_filters(api_site, client, page_type, taxonomy):
    """A type that is not filed (a standard page) finds nothing; it is not an error."""
    response = client.get(f"{PAGES}?type={page_type}&{taxonomy}")
    assert response.status_code == 200, response.content[:300]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v2/pages/{about}/?limit=3", "limit"),
        ("/api/v2/pages/{about}/?fields=nope", "nope"),
        ("/api/v2/pages/{about}/?fields=body(x)", "body"),
        ("/api/v2/pages/find/?id=abc", "id"),
        ("/api/v2/pages/find/", "html_path"),
        ("/api/v2/pages/find/?html_path=/about/&limit=2", "limit"),
        ("/api/v2/images/?limit=1000", "limit"),
        ("/api/v2/images/?order=collection__name", "order"),
        ("/api/v2/images/?width=wide", "width"),
        ("/api/v2/documents/?offset=-1", "offset"),
        ("/api/v2/documents/?type=home.StandardPage", "type"),
        ("/api/v2/member-states/?state=XX", "state"),
        ("/api/v2/member-states/?limit=2", "limit"),
        ("/api/v2/member-states/OH/?network=nope", "network"),
        ("/api/v2/topics/?limit=2", "limit"),
        ("/api/v2/topics/?locale=de", "locale"),
        ("/api/v2/states/OH/?x=1", "x"),
        ("/api/v2/webinar-series/?search=a", "search"),
        ("/api/v2/resource-types/?unknown=1", "unknown"),
        ("/api/v2/openapi.json?type=x", "type"),
    ],
)
def test_bad_parameter_of_any_endpoint_is_400_naming_it(api_site, client, url, parameter):
    assert_bad_request(client.get(url.format(about=api_site.about.pk)), parameter)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/999999/",
        "/api/v2/pages/99999999999999999999999/",
        "/api/v2/pages/{secret}/",
        "/api/v2/pages/{draft}/",
        "/api/v2/pages/{hidden_brief}/",
        "/api/v2/pages/find/?id=999999",
        "/api/v2/pages/find/?id={secret}",
        "/api/v2/pages/find/?html_path=/no/such/page/",
        "/api/v2/pages/find/?html_path=/members-area/secret/",
        "/api/v2/pages/find/?html_path=/draft/",
        "/api/v2/pages/find/?html_path=/es/draft/",
        "/api/v2/pages/find/?html_path=/fr/about/",
        "/api/v2/images/999999/",
        "/api/v2/documents/999999/",
        "/api/v2/documents/{private_document}/",
        "/api/v2/documents/find/?id={private_document}",
        "/api/v2/topics/no-such-topic/",
        "/api/v2/networks/no-such-network/",
        "/api/v2/states/ZZ/",
        "/api/v2/webinar-series/nope/",
        "/api/v2/resource-types/novel/",
        "/api/v2/member-states/ZZ/",
        # Another state than the path's, with ?state= (an IndexError once).
        "/api/v2/member-states/TX/?state=OH",
        "/api/v2/member-states/tx/?state=OH,AZ",
        "/api/v2/member-states/%00/",
        "/api/v2/nothing-here/",
        "/api/v2/pages/abc/",
        "/api/v2/pages/1/2/",
        "/api/v1/pages/",
        "/api/v3/",
    ],
)
def test_unknown_or_hidden_object_is_404(api_site, client, url):
    ids = {name: getattr(api_site, name).pk for name in ("secret", "draft", "hidden_brief")}
    ids["private_document"] = api_site.private_document.pk
    response = client.get(url.format(**ids))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_a_method_the_api_does_not_take_is_a_json_405_naming_those_it_does(client, method):
    response = getattr(client, method)("/api/v2/nothing-here/")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "GET" in response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "head", "post", "options"])
def test_a_path_that_names_no_endpoint_is_a_json_404_for_any_method(client, method):
    response = getattr(client, method)("/api/v2/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    # Like every API response: the same for everyone, so a CDN may keep it.
    assert "public" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
    if method != "head":
        assert "/api/v2/nothing-here/" in response.json()["message"]


@pytest.mark.django_db
def test_a_missing_trailing_slash_still_redirects_to_the_endpoint(client):
    response = client.get("/api/v2/pages?limit=1")
    assert response.status_code == 301
    assert response["Location"] == "/api/v2/pages/?limit=1"
    assert client.get("/api/v2/nothing", follow=True).status_code == 404


# Fuzzing -----------------------------------------------------------------------------

PARAMETER_NAMES = [
    "limit",
    "offset",
    "fields",
    "order",
    "search",
    "search_operator",
    "rich_text_format",
    "type",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "locale",
    "site",
    "format",
    "id",
    "html_path",
    "topic",
    "network",
    "state",
    "series",
    "status",
    "starts_after",
    "starts_before",
    "resource_type",
    "published_after",
    "published_before",
    "title",
    "slug",
    "starts_at",
    "duration",
    "published_on",
    "year_joined",
    "topics",
    "social_image",
    "first_published_at",
    "show_in_menus",
    "width",
    "_",
]
NASTY_VALUES = [
    "",
    "0",
    "-1",
    "1",
    "root",
    "99999999999999999999999",
    "1e9",
    "NaN",
    "null",
    "true",
    "*",
    "_",
    "-title",
    "title,-id",
    "random",
    "parent(title)",
    "social_image(title)",
    "body(x)",
    "((((",
    "webinars.WebinarPage",
    "library.ResourcePage",
    "members.MemberProfilePage",
    "home.StandardPage,webinars.WebinarPage",
    "wagtailcore.Page",
    "auth.User",
    "en",
    "es",
    "localhost",
    "localhost:80",
    "child-nutrition,child-health",
    "sparc",
    "OH,AZ",
    "upcoming",
    "past",
    "2025-01-01",
    "2025-02-30",
    "2025-01-01T10:00:00+05:00",
    "policy-brief",
    "/es/about/",
    "/about/",
    "/es/",
    "../..",
    "and",
    "or",
    "html",
    "markdown",
    "%",
    "'; DROP TABLE wagtailcore_page; --",
    '"quoted" OR NEAR(',
    "\x00",
    "é✓😀",
]
values = st.one_of(
    st.sampled_from(NASTY_VALUES),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=40),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_,.()*", max_size=30),
)
query_params = st.lists(
    st.tuples(st.one_of(st.sampled_from(PARAMETER_NAMES), st.text(max_size=12)), values),
    max_size=5,
)
ENDPOINTS = [
    "/api/v2/pages/",
    "/api/v2/pages/{about}/",
    "/api/v2/pages/{brief}/",
    "/api/v2/pages/{upcoming}/",
    "/api/v2/pages/{arizona}/",
    "/api/v2/pages/{home}/",
    "/api/v2/pages/find/",
    "/api/v2/images/",
    "/api/v2/images/{image}/",
    "/api/v2/images/find/",
    "/api/v2/documents/",
    "/api/v2/documents/{public_document}/",
    "/api/v2/documents/find/",
    "/api/v2/member-states/",
    "/api/v2/member-states/OH/",
    "/api/v2/topics/",
    "/api/v2/topics/child-health/",
    "/api/v2/networks/",
    "/api/v2/states/",
    "/api/v2/states/az/",
    "/api/v2/webinar-series/",
    "/api/v2/resource-types/",
    "/api/v2/openapi.json",
]
FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def endpoint_urls(site):
    ids = {
        "about": site.about.pk,
        "brief": site.brief.pk,
        "upcoming": site.upcoming.pk,
        "arizona": site.arizona.pk,
        "home": site.home_page.pk,
        "image": site.image.pk,
        "public_document": site.public_document.pk,
    }
    return [url.format(**ids) for url in ENDPOINTS]


def assert_handled(response):
    assert response.status_code in (200, 302, 400, 404), (
        response.status_code,
        response.content[:500],
    )
    if response.status_code != 302:
        assert response["Content-Type"] == "application/json"
        body = response.json()
        if response.status_code >= 400:
            assert body["message"]
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.django_db
@FUZZ
@given(endpoint=st.integers(min_value=0, max_value=len(ENDPOINTS) - 1), params=query_params)
def test_no_query_string_gets_a_server_error(api_site, client, endpoint, params):
    url = endpoint_urls(api_site)[endpoint]
    assert_handled(client.get(f"{url}?{urlencode(params)}"))


@pytest.mark.django_db
@FUZZ
@given(
    endpoint=st.integers(min_value=0, max_value=len(ENDPOINTS) - 1),
    raw=st.text(max_size=80),
)
def test_no_raw_query_string_gets_a_server_error(api_site, client, endpoint, raw):
    url = endpoint_urls(api_site)[endpoint]
    assert_handled(client.get(f"{url}?{quote(raw, safe='=&,()*-_.:/')}"))


@pytest.mark.django_db
@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(segment=st.text(min_size=1, max_size=30))
def test_no_detail_path_gets_a_server_error(api_site, client, segment):
    for endpoint in ("pages", "images", "documents", "member-states", "topics", "states"):
        response = client.get(f"/api/v2/{endpoint}/{quote(segment, safe='')}/")
        assert response.status_code in (200, 301, 302, 400, 404), response.content[:300]
