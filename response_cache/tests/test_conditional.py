"""The API's validators work from the cache: a matching If-None-Match is a 304, a
changed version a 200 with a new ETag, and a failed If-Match a 412."""

import pytest

from response_cache.tests.helpers import cached

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


def test_a_matching_if_none_match_gets_a_304_from_the_cache(api_site, client):
    for url in [PAGES, f"{PAGES}{api_site.about.pk}/", "/api/v2/topics/"]:
        hit = cached(client, url)
        etag = hit["ETag"]
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response["X-Cache"] == "hit", url
        assert response.status_code == 304 and response.content == b"", url
        assert response["ETag"] == etag
        assert "public" in response["Cache-Control"]
        assert "Vary" not in response or "accept-language" not in response["Vary"].lower()
        other = client.get(url, HTTP_IF_NONE_MATCH='W/"other"')
        assert other.status_code == 200 and other["X-Cache"] == "hit"


def test_if_modified_since_and_if_match_are_answered_from_the_cache(api_site, client):
    hit = cached(client, PAGES)
    response = client.get(PAGES, HTTP_IF_MODIFIED_SINCE=hit["Last-Modified"])
    assert (response.status_code, response["X-Cache"]) == (304, "hit")
    response = client.get(PAGES, HTTP_IF_MATCH='W/"other"')
    assert response.status_code == 412


def test_a_publish_makes_the_old_etag_fetch_a_fresh_200(api_site, client):
    url = f"{PAGES}{api_site.about.pk}/"
    etag = cached(client, url)["ETag"]
    api_site.about.title = "About the Partnership"
    api_site.about.save_revision().publish()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert (response.status_code, response["X-Cache"]) == (200, "miss")
    assert response["ETag"] != etag
    assert response.json()["title"] == "About the Partnership"
