"""The site-wide content version: which public content every response is built from.

A random token and the time it was set, kept in the database (content_api.models), so
that every process agrees on it whatever the cache: a page published by
`publish_scheduled` in another process changes it for every web process at once. A
shared cache (Redis) keeps a copy, so that a request usually asks the database nothing
for it; a per-process cache (LocMemCache) cannot be trusted with it, and a cache that is
down or flushed only sends the question to the database (operations.cache).

`bump_content_version()` makes a new version when the transaction commits (and purges
the frontend cache, when one is configured); until then, the connection that made the
change sees a version of its own. Which changes bump it is content_api.caching's
business; what is built from it: validators (content_api.caching), stored responses
(response_cache) and what every page shows (content_api.versioned).
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models import BigIntegerField, F, Value
from django.db.models.functions import Greatest

from content_api.models import ContentVersion
from operations.memo import for_request

VERSION_KEY = "content-api:version"
# The shared cache's copy of the version expires, so that a copy the cache kept through
# an outage it did not notice is trusted for a few minutes at most.
VERSION_CACHE_TIMEOUT = 300


def content_version() -> dict:
    """The current content version: {"token": str, "at": unix seconds}."""
    pending = _pending_change()
    if pending is not None:
        return pending.version
    # Once per GET request: its validators and its response cache key ask for it.
    return for_request("content-version", _committed_version)


def _committed_version() -> dict:
    shared = _cache_is_shared()
    if shared:
        version = cache.get(VERSION_KEY)
        if version is not None:
            return version
    version = _stored_version()
    if shared:
        cache.add(VERSION_KEY, version, timeout=VERSION_CACHE_TIMEOUT)
    return version


def bump_content_version(**kwargs) -> None:
    """Public content has changed: a new version when the transaction commits (at once
    outside one), and one for this connection until then."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _PendingChange(None)()
        return
    pending = _pending_change()
    previous = pending.version if pending is not None else content_version()
    version = _next_version(previous)
    if pending is not None:
        pending.version = version
    else:
        # Once per transaction, however many pages it publishes (a rolled-back
        # transaction drops its callbacks, and with them this one and its version).
        transaction.on_commit(_PendingChange(version))


class _PendingChange:
    """The on-commit callback of a transaction that changed public content, with the
    version its own connection sees until then."""

    def __init__(self, version):
        self.version = version

    def __call__(self):
        version = _store_new_version()
        if _cache_is_shared():
            cache.set(VERSION_KEY, version, timeout=VERSION_CACHE_TIMEOUT)
        purge_frontend_cache()


def _pending_change():
    pending = transaction.get_connection().run_on_commit
    return next((entry[1] for entry in pending if isinstance(entry[1], _PendingChange)), None)


def _cache_is_shared() -> bool:
    return not isinstance(caches["default"], LocMemCache)


def _next_version(previous) -> dict:
    # Each version later than the one before, for If-Modified-Since; validators() never
    # shows a time later than now.
    return {"token": uuid.uuid4().hex, "at": max(int(time.time()), previous["at"] + 1)}


def _stored_version() -> dict:
    row = ContentVersion.objects.filter(pk=ContentVersion.ROW).values("token", "at").first()
    if row is None:
        version, _ = ContentVersion.objects.get_or_create(
            pk=ContentVersion.ROW, defaults={"token": uuid.uuid4().hex, "at": int(time.time())}
        )
        row = {"token": version.token, "at": version.at}
    return row


def _store_new_version() -> dict:
    now = int(time.time())
    token = uuid.uuid4().hex
    later = Greatest(Value(now, output_field=BigIntegerField()), F("at") + 1)
    updated = ContentVersion.objects.filter(pk=ContentVersion.ROW).update(token=token, at=later)
    if not updated:
        ContentVersion.objects.get_or_create(
            pk=ContentVersion.ROW, defaults={"token": token, "at": now}
        )
    return _stored_version()


def frontend_cache_enabled() -> bool:
    return bool(getattr(settings, "WAGTAILAPI_USE_FRONTENDCACHE", False)) and bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
    )


def purge_frontend_cache() -> None:
    if not frontend_cache_enabled():
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
    from wagtail.models import Site

    # The API's public address (WAGTAILAPI_BASE_URL), or that of every site.
    base_url = getattr(settings, "WAGTAILAPI_BASE_URL", None)
    bases = [base_url] if base_url else sorted({site.root_url for site in Site.objects.all()})
    paths = getattr(settings, "CONTENT_API_PURGE_PATHS", ["/api/v2/*"])
    purge_urls_from_cache([base.rstrip("/") + path for base in bases for path in paths])
