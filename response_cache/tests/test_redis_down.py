"""The response cache is only a cache: with Redis stopped or hung, pages and the API are
served (uncached), and cached again once Redis is back. Each test runs its own
redis-server (operations.tests.servers)."""

import pytest

from operations.tests.servers import wait_for_a_retry
from response_cache.tests.helpers import cached, commit_pending

pytestmark = pytest.mark.django_db


def urls(site):
    return ["/", site.about.url, site.upcoming.url, "/api/v2/pages/", "/no-such-page/"]


def test_pages_are_served_while_redis_is_down_and_cached_again_once_back(
    api_site, client, redis_server, cache_on
):
    cache_on(redis_server)
    commit_pending()
    for url in urls(api_site):
        cached(client, url)
    assert redis_server.keys("*response-cache*")

    redis_server.stop()
    for url in [*urls(api_site), api_site.library.url]:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert response["X-Cache"] == "miss", url

    redis_server.start()  # empty
    wait_for_a_retry()
    cached(client, api_site.about.url)


def test_pages_are_served_while_redis_hangs(api_site, client, hanging_server, cache_on):
    cache_on(hanging_server)
    commit_pending()
    for url in urls(api_site):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert response["X-Cache"] == "miss", url
