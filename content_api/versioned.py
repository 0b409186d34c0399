"""Answers kept until public content changes.

Every page shows the same site, settings, notices, menu and locales, and asks which
collections are private: read from the database on every request, they were a third
of a page's queries. Each of them changes only through rows that change the content
version (content_api.caching: pages, sites, locales, collections and restrictions,
and the rendered site's own dependencies in response_cache), so they are kept in the
default cache under the version, and a change shows on the very next request, in
every process.

Each process also keeps a copy of the answers of the current version (`_PROCESS`): an
answer of one version never changes, so the copy is as fresh as the shared cache, and a
page that asks for ten of them reads the shared cache only for the version itself. The
copy is kept pickled and unpickled on each read, as the shared cache would: a request
never sees objects another request (or thread) has touched.

Only inside a GET or HEAD request (operations.memo): a request that writes, a command
or a test calling a function directly asks the database, so nothing sees an answer
older than its own writes. What a members-only change could alter (which paths are
restricted: moving a members-only page does not change the version) is not kept here.
"""

import hashlib
import pickle
import threading
from collections import OrderedDict

from django.core.cache import cache

from content_api.version import content_version
from operations.memo import for_request, in_request

# Entries of an old version are never read again: they only wait to expire.
TIMEOUT = 60 * 60
_MISSING = object()


def until_content_changes(key, compute):
    """`compute()`, kept until the content version changes; `key` (any value with a
    stable repr) names the answer."""
    if not in_request():
        return compute()
    return for_request(("versioned", key), lambda: _cached(key, compute))


def _cached(key, compute):
    name = hashlib.sha256(repr(key).encode()).hexdigest()[:32]
    token = content_version()["token"]
    cache_key = f"versioned:{token}:{name}"
    value = _PROCESS.get(token, cache_key)
    if value is not _MISSING:
        return value
    value = cache.get(cache_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(cache_key, value, timeout=TIMEOUT)
    _PROCESS.put(token, cache_key, value)
    return value


class _ProcessCopy:
    """This process's pickled copies of the current version's answers, the least recently
    read dropped past `size`; a new version empties it."""

    def __init__(self, size: int):
        self.size = size
        self.token = None
        self.entries: OrderedDict[str, bytes] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, token, key):
        with self.lock:
            if token != self.token:
                return _MISSING
            data = self.entries.get(key)
            if data is None:
                return _MISSING
            self.entries.move_to_end(key)
        return pickle.loads(data)  # noqa: S301 - what this process pickled itself

    def put(self, token, key, value):
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        with self.lock:
            if token != self.token:
                self.token, self.entries = token, OrderedDict()
            self.entries[key] = data
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.token, self.entries = None, OrderedDict()


# Enough for every page's own answers (a page's language versions) on a large site.
_PROCESS = _ProcessCopy(size=4096)


def forget_process_copies() -> None:
    """Empty this process's copies (tests that empty the shared cache between them)."""
    _PROCESS.clear()
