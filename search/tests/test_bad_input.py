"""Bad input gets results or a clear message, never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.query import MAX_QUERY_LENGTH, MAX_TERMS, clean_query
from search.tests.helpers import SEARCH_URL, SUGGEST_URL, result_titles

pytestmark = pytest.mark.django_db

HYPOTHESIS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NASTY = st.text(
    alphabet=st.sampled_from(list("\"'()*-+:^~&|!\\/<>{}[]%_;#\x00\x1b\u202e "))
    | st.characters(exclude_categories=["Cs"]),
    max_size=400,
)


@pytest.fixture
def pages(resource):
    resource(title="Child tax credits", summary="Refundable credits for families.")


@HYPOTHESIS
@given(q=NASTY)
def test_any_query_gets_a_page_not_an_error(client, pages, q):
    response = client.get(SEARCH_URL, {"q": q})

    assert response.status_code == 200


@HYPOTHESIS
@given(q=NASTY)
def test_any_query_gets_suggestions_not_an_error(client, pages, q):
    response = client.get(SUGGEST_URL, {"q": q})

    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


@HYPOTHESIS
@given(words=st.lists(st.text(min_size=1, max_size=12), max_size=60))
def test_cleaned_query_is_always_bounded(words):
    query = clean_query(" ".join(words))

    assert len(query.text) <= MAX_QUERY_LENGTH
    assert len(query.terms) <= MAX_TERMS
    assert not any(char in query.text for char in "\"'\x00*()")


@pytest.mark.parametrize(
    "q",
    [
        '"child tax',
        "child) (tax",
        "child\x00 tax",
        "child* tax*",
        "(child:tax)",
        "-child +tax^",
        "child\u202e\x1b\x7f tax",
    ],
)
def test_quotes_operators_and_control_characters_are_ignored(client, pages, q):
    response = client.get(SEARCH_URL, {"q": q})

    assert response.status_code == 200
    assert result_titles(response) == ["Child tax credits"]


@pytest.mark.parametrize("q", ["child AND OR NOT tax", "NEAR(child tax)", "title:child tax"])
def test_operator_words_are_searched_as_plain_words(client, pages, q):
    response = client.get(SEARCH_URL, {"q": q})

    assert response.status_code == 200
    assert response.context["query"].text == " ".join(
        word.lower() for word in q.replace("(", " ").replace(")", " ").replace(":", " ").split()
    )


def test_a_very_long_query_is_shortened_and_the_visitor_told(client, pages):
    response = client.get(SEARCH_URL, {"q": "child tax " + "x" * 5000})

    assert response.status_code == 200
    assert "only its first 200 characters were used" in response.content.decode()


def test_thousands_of_terms_are_cut_to_a_few_and_the_visitor_told(client, pages):
    q = "child tax " + " ".join(f"w{number}" for number in range(3000))

    response = client.get(SEARCH_URL, {"q": q})

    assert response.status_code == 200
    assert response.context["query"].terms[:2] == ["child", "tax"]
    assert "too many words" in response.content.decode()


def test_invalid_utf8_in_the_address_is_not_an_error(client, pages):
    assert client.get(SEARCH_URL + "?q=%ED%A0%80%FF%00child").status_code == 200
    assert client.get(SUGGEST_URL + "?q=%ED%A0%80%FFchi").status_code == 200


def test_a_query_of_only_punctuation_gets_a_message(client, pages):
    response = client.get(SEARCH_URL, {"q": '"" *** ()'})

    assert response.status_code == 200
    assert "no words or numbers" in response.content.decode()


def test_a_bad_page_number_shows_a_page_of_results(client, pages):
    for page in ["0", "-1", "abc", "99999999999999999999"]:
        response = client.get(SEARCH_URL, {"q": "child", "page": page})
        assert response.status_code == 200
