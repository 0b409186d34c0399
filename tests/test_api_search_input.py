"""`?search=` of the content API takes any text (issue 15, item 5): the characters SQLite
FTS5 and PostgreSQL's tsquery treat as syntax, in any position and number, give results
or a 400 with a message, never a server error, on whichever database the suite runs."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v2/pages/",
    "/api/v2/pages/?type=library.ResourcePage&fields=*",
    "/api/v2/images/",
    "/api/v2/documents/",
]
HYPOTHESIS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# What the search backends parse, the odd control character, and any other text.
SYNTAX = list("\"'()*-+:^~&|!\\/<>{}[]%_;#,.\x1b\u202e ") + ["AND", "OR", "NOT", "NEAR", "<->"]
TEXT = st.lists(st.sampled_from(SYNTAX) | st.text(max_size=8), max_size=30).map("".join)


def search(client, endpoint, text):
    separator = "&" if "?" in endpoint else "?"
    return client.get(f"{endpoint}{separator}search={quote(text, safe='')}")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@HYPOTHESIS
@given(text=TEXT)
def test_any_search_text_gets_results_or_a_message(api_site, client, endpoint, text):
    response = search(client, endpoint, text)
    assert response.status_code in (200, 400), (text, response.status_code)
    body = response.json()
    assert "items" in body if response.status_code == 200 else body["message"].startswith("search")


@pytest.mark.parametrize(
    "text", ['"school meals', 'school" meals"', "(school) meals*", "school:meals ^ohio"]
)
def test_the_words_of_a_search_with_syntax_in_it_are_still_searched(api_site, client, text):
    url = "/api/v2/pages/?type=library.ResourcePage&locale=en&fields=title"
    response = search(client, url, text)
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["School meals in Ohio"]


@pytest.mark.parametrize("text", ['"', "()", "* - +", "&|!"])
def test_a_search_with_no_word_in_it_is_a_400_that_says_so(api_site, client, text):
    response = search(client, "/api/v2/pages/", text)
    assert response.status_code == 400
    assert response.json()["message"] == "search: give at least one word to search for"
