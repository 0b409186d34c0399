"""What the response cache's tests share."""

from content_api.tests.helpers import commit_pending  # noqa: F401 - shared


def cached(client, url, **extra):
    """Request `url` until it comes from the cache (the first request stores it), and
    return the hit."""
    first = client.get(url, **extra)
    assert first["X-Cache"] == "miss", (url, first.status_code)
    second = client.get(url, **extra)
    assert second["X-Cache"] == "hit", (url, second.status_code)
    return second


def never_cached(client, url, times=2, method="get", **extra):
    """Request `url` `times` times; every response is built afresh. The last is returned."""
    for _ in range(times):
        response = getattr(client, method)(url, **extra)
        assert response["X-Cache"] == "miss", (url, response.status_code)
    return response
