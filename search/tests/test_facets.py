"""Facets: content type, topic, network and language, counted over the visible results."""

import pytest

from search.tests.helpers import SEARCH_URL, facet_counts, result_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed(resource, webinar, member_profile, standard_page, tax_credits, nutrition, sparc):
    resource(title="Tax credit toolkit", topics=[tax_credits], networks=[sparc])
    resource(title="Tax and nutrition brief", topics=[tax_credits, nutrition])
    webinar(title="Tax credit webinar", topics=[tax_credits], networks=[sparc])
    member_profile(title="Tax Fairness Alliance", topics=[nutrition])
    standard_page(title="Tax season help")
    resource(title="Unrelated nutrition report", topics=[nutrition], networks=[sparc])


def test_facets_count_each_content_type_topic_and_network(client, filed):
    response = client.get(SEARCH_URL, {"q": "tax"})

    assert facet_counts(response, "type") == {"resource": 2, "webinar": 1, "member": 1, "page": 1}
    assert facet_counts(response, "topic") == {"child-tax-credits": 3, "child-nutrition": 2}
    assert facet_counts(response, "network") == {"sparc": 2}
    assert facet_counts(response, "language") == {"en": 5, "es": 0}


def test_choosing_a_type_narrows_the_results_and_the_counts(client, filed):
    response = client.get(SEARCH_URL, {"q": "tax", "type": "resource"})

    assert sorted(result_titles(response)) == ["Tax and nutrition brief", "Tax credit toolkit"]
    assert facet_counts(response, "topic") == {"child-tax-credits": 2, "child-nutrition": 1}
    assert response.context["facets"]["type"][0].selected


def test_other_pages_type_covers_pages_outside_the_sections(client, filed):
    response = client.get(SEARCH_URL, {"q": "tax", "type": "page"})

    assert result_titles(response) == ["Tax season help"]


def test_topic_and_network_filters_combine(client, filed):
    response = client.get(
        SEARCH_URL, {"q": "tax", "topic": "child-tax-credits", "network": "sparc"}
    )

    assert sorted(result_titles(response)) == ["Tax credit toolkit", "Tax credit webinar"]


def test_values_within_a_facet_are_alternatives(client, filed):
    response = client.get(SEARCH_URL, {"q": "tax", "type": "webinar,member"})

    assert sorted(result_titles(response)) == ["Tax Fairness Alliance", "Tax credit webinar"]


def test_facet_links_toggle_their_value(client, filed):
    response = client.get(SEARCH_URL, {"q": "tax", "type": "resource"})
    links = {value.value: value.url for value in response.context["facets"]["type"]}
    topics = {value.value: value.url for value in response.context["facets"]["topic"]}

    assert links["resource"] == "?q=tax"
    assert topics["child-nutrition"] == "?q=tax&type=resource&topic=child-nutrition"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"type": "podcast"}, "type: unknown type: podcast"),
        ({"topic": "no-such-topic"}, "unknown topic: no-such-topic"),
        ({"network": "<script>"}, "is not a valid network"),
    ],
)
def test_an_unknown_filter_is_a_clear_400(client, filed, params, message):
    response = client.get(SEARCH_URL, {"q": "tax", **params})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_facets_kept_for_a_search_count_a_new_match_on_the_next_request(
    client, filed, resource, settings
):
    # Counted once per content version for each search (search.views): publishing a
    # match changes the version, so the next search counts it.
    settings.RESPONSE_CACHE_ENABLED = False
    assert facet_counts(client.get(SEARCH_URL, {"q": "tax"}), "type")["resource"] == 2
    resource(title="Tax credit map")
    response = client.get(SEARCH_URL, {"q": "tax"})
    assert facet_counts(response, "type")["resource"] == 3
    assert facet_counts(response, "language")["en"] == 6
