"""The default cache on Redis, as a cache only: when Redis fails, the site runs without it.

Django's RedisCache raises whatever Redis raises, so a Redis that is down turns every page
into a 500, and one that hangs makes each call wait for the socket timeout. This backend
answers as an empty cache instead (a read finds nothing, a write is dropped), and its
circuit breaker (operations.breaker) skips Redis for `RETRY_AFTER` seconds after a
failure: a process pays one timeout per try, not one per call, and logs the outage once.

While Redis is away, what the site writes goes to its real home (the database: sessions,
the content version) but not to Redis, which may come back holding the old values (a
paused or cut-off server keeps its data): a session that has since logged out, an old
content version. So the keys that could not be written or deleted are remembered, and
deleted from Redis before anything else is asked of it again (past MAX_MISSED keys, the
whole cache is cleared instead).

`probe()` asks Redis itself, past the breaker: the health check must say what is down
now, not what the breaker last saw.
"""

import threading
import uuid
from functools import partial
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

from operations.breaker import CircuitBreaker

DEFAULT_RETRY_AFTER = 5  # seconds
MAX_MISSED = 10_000  # keys remembered during an outage; beyond, clear everything
_NOT_FOUND = object()


class _MissedWrites:
    """Keys whose write or delete did not reach Redis, to delete when it is back."""

    def __init__(self):
        self._lock = threading.Lock()
        self._keys = set()
        self._everything = False

    def remember(self, keys=(), everything=False) -> None:
        with self._lock:
            self._everything = (
                self._everything or everything or (len(self._keys) + len(keys) > MAX_MISSED)
            )
            self._keys = set() if self._everything else self._keys | set(keys)

    def forget(self, client) -> None:
        """Delete them from Redis (raises, and keeps them, if Redis fails)."""
        if not (self._keys or self._everything):
            return
        with self._lock:
            keys, everything = self._keys, self._everything
            self._keys, self._everything = set(), False
        try:
            if everything:
                client.clear()
            elif keys:
                client.delete_many(list(keys))
        except RedisError:
            self.remember(keys, everything)
            raise


# One breaker and one list of missed writes per Redis server and process: Django makes a
# cache object per thread, and all of them must agree on whether Redis is down.
_SERVERS: dict = {}
_SERVERS_LOCK = threading.Lock()


def _server_state(servers, retry_after):
    key = (tuple(servers), retry_after)
    with _SERVERS_LOCK:
        if key not in _SERVERS:
            _SERVERS[key] = (CircuitBreaker(_describe(servers), retry_after), _MissedWrites())
        return _SERVERS[key]


def _describe(servers) -> str:
    """ "Redis at host:port/db", without the password a URL may carry."""
    url = urlsplit(servers[0])
    return f"Redis at {url.hostname}:{url.port or 6379}{url.path or '/0'}"


class _SharedClients(RedisCacheClient):
    """Django's client builds a redis.Redis for every call, and redis-py's constructor
    costs about as much as a round trip to Redis on loopback: one per connection pool
    instead (a redis.Redis may be shared: its pool gives each call a connection)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's RedisCache that answers as an empty cache while Redis fails.

    Takes `RETRY_AFTER` (seconds, beside `OPTIONS` in the CACHES entry): how long to run
    without Redis after a failure before trying it again."""

    def __init__(self, server, params):
        params = dict(params)
        retry_after = float(params.pop("RETRY_AFTER", DEFAULT_RETRY_AFTER))
        super().__init__(server, params)
        self._class = _SharedClients
        self.breaker, self._missed = _server_state(self._servers, retry_after)

    def _guarded(self, call, fallback, written=()):
        if not self.breaker.allows_call():
            self._missed.remember(written)
            return fallback
        try:
            self._missed.forget(self._cache)
            result = call()
        except RedisError as error:
            self.breaker.failed(error)
            self._missed.remember(written)
            return fallback
        self.breaker.succeeded()
        return result

    def _keys(self, keys, version):
        return [self.make_key(key, version=version) for key in keys]

    # Reads: nothing is found.

    def get(self, key, default=None, version=None):
        return self._guarded(partial(super().get, key, default, version), default)

    def get_many(self, keys, version=None):
        return self._guarded(partial(super().get_many, keys, version), {})

    def has_key(self, key, version=None):
        return self._guarded(partial(super().has_key, key, version), False)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(partial(super().touch, key, timeout, version), False)

    # Writes: dropped, and remembered.

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        call = partial(super().add, key, value, timeout, version)
        return self._guarded(call, False, self._keys([key], version))

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        call = partial(super().set, key, value, timeout, version)
        return self._guarded(call, None, self._keys([key], version))

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        call = partial(super().set_many, data, timeout, version)
        return self._guarded(call, list(data), self._keys(data, version))

    def delete(self, key, version=None):
        return self._guarded(
            partial(super().delete, key, version), False, self._keys([key], version)
        )

    def delete_many(self, keys, version=None):
        call = partial(super().delete_many, keys, version)
        return self._guarded(call, None, self._keys(keys, version))

    def incr(self, key, delta=1, version=None):
        call = partial(super().incr, key, delta, version)
        result = self._guarded(call, _NOT_FOUND, self._keys([key], version))
        if result is _NOT_FOUND:
            raise ValueError(f"Key '{key}' not found.")  # as for any key an empty cache lacks
        return result

    def clear(self):
        result = self._guarded(super().clear, _NOT_FOUND)
        if result is _NOT_FOUND:
            self._missed.remember(everything=True)
            return False
        return result

    # The health check.

    def probe(self) -> None:
        """Write, read back and delete a key on Redis itself, past the breaker; raise if
        Redis fails. The answer opens or closes the breaker, as any call's would."""
        key = self.make_and_validate_key(f"healthz:{uuid.uuid4().hex}")
        try:
            self._missed.forget(self._cache)
            self._cache.set(key, "ok", 10)
            value = self._cache.get(key, None)
            self._cache.delete(key)
        except RedisError as error:
            self.breaker.failed(error)
            raise
        self.breaker.succeeded()
        if value != "ok":
            raise RuntimeError("a value written to Redis could not be read back")
