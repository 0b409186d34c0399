"""The default cache on Redis is only a cache (operations.cache): with Redis stopped,
hung or paused, calls answer as an empty cache, quickly, and the site's writes never
come back stale. Each test runs its own redis-server (operations.tests.servers)."""

import logging
import time

import pytest
from django.core.cache import cache

from operations.tests.servers import wait_for_a_retry


def test_a_stopped_redis_reads_as_an_empty_cache_and_is_used_again_once_back(
    redis_server, cache_on
):
    cache_on(redis_server)
    cache.set("greeting", "hello")
    assert cache.get("greeting") == "hello"

    redis_server.stop()
    assert cache.get("greeting") is None
    assert cache.get("greeting", "default") == "default"
    cache.set("greeting", "hola")  # dropped, never raised
    assert cache.add("new", 1) is False
    assert cache.get_many(["greeting", "new"]) == {}
    assert cache.delete("greeting") is False
    assert cache.get_or_set("computed", lambda: 42) == 42
    with pytest.raises(ValueError):
        cache.incr("counter")

    redis_server.start()
    wait_for_a_retry()
    cache.set("greeting", "bonjour")
    assert cache.get("greeting") == "bonjour"
    assert redis_server.keys("faults:*:greeting")


def test_a_hung_redis_costs_one_timeout_then_is_skipped(hanging_server, cache_on):
    cache_on(hanging_server, retry_after=60, timeout=0.5)
    started = time.monotonic()
    assert cache.get("anything") is None
    assert time.monotonic() - started >= 0.5  # the one call that waited

    started = time.monotonic()
    for n in range(100):
        cache.set(f"key-{n}", n)
        assert cache.get(f"key-{n}") is None
    assert time.monotonic() - started < 0.5  # 200 calls, none of them waiting
    assert len(hanging_server.accepted) == 1


def test_an_outage_is_logged_once_and_the_recovery_once(redis_server, cache_on, caplog):
    cache_on(redis_server, retry_after=0.1)
    caplog.set_level(logging.INFO, logger="operations.breaker")
    cache.set("key", 1)
    redis_server.stop()
    for _ in range(30):  # with retries every 0.1 s that fail too
        cache.get("key")
        cache.set("key", 2)
        time.sleep(0.02)
    redis_server.start()
    wait_for_a_retry(0.2)
    for _ in range(10):
        cache.get("key")

    levels = [record.levelname for record in caplog.records if record.name == "operations.breaker"]
    assert levels == ["WARNING", "INFO"]
    assert "not answering" in caplog.records[0].getMessage()
    assert "answers again" in caplog.records[1].getMessage()


def test_writes_missed_while_redis_was_away_do_not_come_back_stale(redis_server, cache_on):
    # A paused Redis keeps its data: what the site changed meanwhile (a logged-out
    # session, deleted here) must not be read back from it afterwards.
    cache_on(redis_server)
    cache.set("session", "logged in")
    cache.set("version", "v1")
    redis_server.pause()
    cache.delete("session")  # times out: the breaker opens
    cache.set("version", "v2")  # skipped
    redis_server.resume()
    wait_for_a_retry()
    assert cache.get("session") is None
    assert cache.get("version") is None  # its home (the database) has v2, not the cache
    cache.set("version", "v2")
    assert cache.get("version") == "v2"


# /healthz -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_healthz_asks_redis_itself_not_the_breaker(client, redis_server, cache_on):
    cache_on(redis_server, retry_after=60)
    assert client.get("/healthz").status_code == 200

    redis_server.stop()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == {"ok": False, "error": "ConnectionError"}
    assert cache.get("anything") is None  # skipped for the next 60 s

    redis_server.start()
    assert client.get("/healthz").status_code == 200  # at once, not in 60 s
    cache.set("key", "value")  # and the probe's answer closed the breaker
    assert cache.get("key") == "value"


@pytest.mark.django_db
def test_healthz_says_a_hung_redis_is_down(client, hanging_server, cache_on):
    cache_on(hanging_server, timeout=0.5)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == {"ok": False, "error": "TimeoutError"}


def test_every_call_shares_one_redis_client_and_its_connection(redis_server, cache_on):
    # Django's client builds a redis.Redis per call; ours keeps one per connection pool,
    # and the pool keeps the connection: a hundred calls open one connection.
    cache_on(redis_server)
    client = cache._cache.get_client()
    for n in range(100):
        cache.set(f"key-{n}", n)
        assert cache.get(f"key-{n}") == n
    assert cache._cache.get_client() is client
    assert cache._cache.get_client(write=True) is client  # one server: one pool
    assert len(client.connection_pool._available_connections) == 1
