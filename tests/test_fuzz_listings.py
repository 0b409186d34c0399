"""Hypothesis over the query string of every rendered listing and feed: never a server error.

The webinars listing and its calendar feed, the library (English and Spanish), the
member directory, the site search and its suggestions, and the sitemap get arbitrary
query strings: their own parameters and others, repeated, with NUL and other control
characters, lone surrogates and bytes that are not UTF-8, very long values, huge numbers
and dates out of any range. Whatever comes, the answer is a page (200), a 400 page
saying what is wrong, or a 404, never a 5xx, on whichever database the suite runs
(SQLite or PostgreSQL, from DATABASE_URL). Bounded and derandomized: the same requests
every run.
"""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

LISTINGS = [
    "/webinars/",
    "/webinars/calendar/",
    "/library/",
    "/es/library/",
    "/members/",
    "/search/",
    "/es/search/",
    "/search/suggest/",
    "/sitemap.xml",
]
PARAMETERS = [
    "topic",
    "network",
    "state",
    "series",
    "status",
    "starts_after",
    "starts_before",
    "resource_type",
    "type",
    "year",
    "published_after",
    "published_before",
    "q",
    "sort",
    "page",
    "p",
    "locale",
]
NASTY = [
    "",
    ",",
    ",,,",
    "\x00",
    "a\x00b",
    "\ud800",
    "\udfff",
    "\x1b[31m",
    "\u202e",
    "😀",
    "0",
    "-1",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "child-health",
    "child-health,child-nutrition",
    "sparc",
    "OH",
    "OH,AZ,ZZ",
    "oh",
    "upcoming",
    "past",
    "policy-brief",
    "webinar",
    "resource",
    "2025",
    "0000",
    "9999",
    "2025-01-01",
    "0001-01-01",
    "9999-12-31",
    "2025-02-30",
    "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00+14:00",
    "2025-01-01T10:00:00,5",
    "date",
    "title",
    "'; DROP TABLE wagtailcore_page; --",
    '"unbalanced',
    "NEAR(",
    "*",
    "%",
    "x" * 5000,
    ",".join(["child-health"] * 30),
]
VALUES = st.one_of(
    st.sampled_from(NASTY),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=()), max_size=12),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-,:T+", max_size=40),
)
NAMES = st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=10))
QUERIES = st.lists(st.tuples(NAMES, VALUES), max_size=6)
BOUNDED = settings(
    max_examples=120,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=list(HealthCheck),
)


def encode(text: str) -> str:
    """Percent-encoded as a client would send it; a lone surrogate becomes the bytes
    that are not UTF-8 (`%ED%A0%80`)."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def query_string(pairs) -> str:
    return "&".join(f"{encode(name)}={encode(value)}" for name, value in pairs)


def assert_no_server_error(response, url):
    assert response.status_code in (200, 301, 302, 400, 404), (
        url[:300],
        response.status_code,
        response.content[:300],
    )


@pytest.fixture
def listings(api_site, client):
    for url in LISTINGS:  # each listing is there, so the fuzzing reaches its code
        assert client.get(url).status_code == 200, url
    return api_site


@pytest.mark.django_db
@BOUNDED
@given(listing=st.sampled_from(LISTINGS), pairs=QUERIES)
def test_no_query_string_of_a_listing_gets_a_server_error(listings, client, listing, pairs):
    url = f"{listing}?{query_string(pairs)}"
    assert_no_server_error(client.get(url), url)


@pytest.mark.django_db
@settings(BOUNDED, max_examples=60)
@given(listing=st.sampled_from(LISTINGS), raw=st.binary(max_size=60))
def test_no_raw_bytes_in_a_query_string_get_a_server_error(listings, client, listing, raw):
    url = f"{listing}?{quote(raw, safe='=&,')}"
    assert_no_server_error(client.get(url), url)


# The classes of input the fuzzing covers, each named -----------------------------------

NAMED_INPUTS = [
    ("/library/", "q=a%00b"),
    ("/library/", "q=%00&topic=child-health"),
    ("/es/library/", "q=%ED%A0%80"),
    ("/search/", "q=a%00b"),
    ("/search/", "q=%00"),
    ("/search/suggest/", "q=ch%00il"),
    ("/webinars/calendar/", "starts_after=9999-12-31"),
    ("/webinars/calendar/", "starts_before=0001-01-01"),
    ("/webinars/", "page=99999999999999999999999"),
    ("/webinars/", "page=%00"),
    ("/library/", "page=-1"),
    ("/search/", "q=child&page=1e309"),
    ("/library/", "year=9999&published_after=9999-12-31"),
    ("/sitemap.xml", "p=99999999999999999999"),
    ("/sitemap.xml", "p=%00"),
    ("/members/", "state=OH&state=AZ&state=ZZ"),
]
BAD_INPUTS = [
    ("/library/", "topic=%00", "topic"),
    ("/library/", "published_after=%00", "published_after"),
    ("/library/", "resource_type=%00", "resource_type"),
    ("/library/", "sort=%00", "sort"),
    ("/library/", "year=99999", "year"),
    ("/webinars/", "series=a%00", "series"),
    ("/webinars/", "starts_after=9999-12-31T23:59:59-14:00", "starts_after"),
    ("/webinars/", "starts_before=0001-01-01T00:00:00%2B14:00", "starts_before"),
    ("/webinars/calendar/", "state=%ED%A0%80", "state"),
    ("/webinars/calendar/", "starts_after=" + "9" * 5000, "starts_after"),
    ("/members/", "state=O%00", "state"),
    ("/members/", "network=" + ",".join(["sparc"] * 21), "network"),
    ("/search/", "q=a&type=%00", "type"),
    ("/search/", "q=a&topic=%F0%9F%98%80", "topic"),
]


@pytest.mark.django_db
def test_named_inputs_are_answered_without_a_server_error(listings, client):
    for listing, query in NAMED_INPUTS:
        url = f"{listing}?{query}"
        assert_no_server_error(client.get(url), url)


@pytest.mark.django_db
def test_bad_values_are_a_400_naming_the_parameter(listings, client):
    for listing, query, parameter in BAD_INPUTS:
        response = client.get(f"{listing}?{query}")
        assert response.status_code == 400, (listing, query, response.status_code)
        assert parameter in response.content.decode(), (listing, query)
