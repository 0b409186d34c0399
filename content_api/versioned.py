"""Answers kept until public content changes.

Every page shows the same site, settings, notices, menu and locales, and asks which
collections are private: read from the database on every request, they were a third
of a page's queries. Each of them changes only through rows that change the content
version (content_api.caching: pages, sites, locales, collections and restrictions,
and the rendered site's own dependencies in response_cache), so they are kept in the
default cache under the version, and a change shows on the very next request, in
every process.

Only inside a GET or HEAD request (operations.memo): a request that writes, a command
or a test calling a function directly asks the database, so nothing sees an answer
older than its own writes. What a members-only change could alter (which paths are
restricted: moving a members-only page does not change the version) is not kept here.
"""

import hashlib

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
    cache_key = f"versioned:{content_version()['token']}:{name}"
    value = cache.get(cache_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(cache_key, value, timeout=TIMEOUT)
    return value
