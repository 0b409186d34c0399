"""HTTP caching of the content API: validators, Cache-Control, and CDN purges.

Every public response depends only on its URL and on the site's public content, so
validators come from a site-wide *content version* (a random token and the time it was
set) and from the URL. The version lives in the database (content_api.models), so that
every process agrees on it, whatever the cache: a page published by `publish_scheduled`
in another process changes the ETags of every web process at once. A shared cache
(Redis) keeps a copy, so that a request usually asks the database nothing for it; a
per-process cache (LocMemCache) cannot be trusted with it, and a cache that is down or
flushed only sends the question to the database (operations.cache).

A change that the public can see (publishing, unpublishing, moving or deleting a public
page, restricting or opening one, a public image or document, a term of the vocabulary,
a site, a locale: anything public before or after it, as privacy.visibility says) makes
a new version when its transaction commits. Until then, the connection that made it
sees a version of its own (its own requests see its own rows); every other process
keeps the committed one, so that no request that read the old rows can store them under
the new version. A change nobody outside the members' area can see (a members-only
page, a document in a private collection) leaves the version alone: public validators
must not tell the world when members' content changes.

Last-Modified is the time of the version, and never later than now. Two changes in one
second get two versions (two ETags) but may share a Last-Modified: a client that sends
only If-Modified-Since may get a 304 for a change made within the same second.

Some representations also change with the clock (a webinar becomes "past" when it
ends): each section's `time_states` (content_api.sections) give a cheap value that
changes when they do, and the time of that change, and both are part of the validators.

When a frontend cache (CDN) is configured (`WAGTAILFRONTENDCACHE`) and
`WAGTAILAPI_USE_FRONTENDCACHE` is on, each change purges `CONTENT_API_PURGE_PATHS`
once per transaction.
"""

import functools
import hashlib
import time
import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models import BigIntegerField, F, Q, Value
from django.db.models.functions import Greatest
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from wagtail.models import Page

from content_api.models import ContentVersion
from content_api.sections import api_sections
from operations.memo import for_request

VERSION_KEY = "content-api:version"
# The shared cache's copy of the version expires, so that a copy the cache kept through
# an outage it did not notice is trusted for a few minutes at most.
VERSION_CACHE_TIMEOUT = 300
# Bump when the representation changes shape, so that every validator changes with it.
REPRESENTATION_REVISION = "2"  # 2: terms named in the page's language
# Page fields Wagtail saves while an editor works on a draft: no public change.
_DRAFT_BOOKKEEPING = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
        "live_revision",
    }
)


# The content version ------------------------------------------------------------------


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


def time_states() -> tuple[str, int]:
    """(key, unix time of the last change) of the clock-driven parts of the content.

    Each section's time states return (value, time of its last change, time of its
    next change); the result is cached until the next change (or a new
    content version), so a request usually asks the database nothing for it.
    """
    now = time.time()
    cache_key = f"content-api:time-states:{content_version()['token']}"
    cached = cache.get(cache_key)
    if cached is not None and now < cached[2]:
        return cached[0], cached[1]
    keys, latest, upcoming = [], 0, now + 3600
    for state in (state for section in api_sections() for state in section.time_states):
        key, changed_at, next_change_at = state()
        keys.append(str(key))
        if changed_at is not None:
            latest = max(latest, int(changed_at.timestamp()))
        if next_change_at is not None:
            upcoming = min(upcoming, next_change_at.timestamp())
    result = ("|".join(keys), latest, upcoming)
    cache.set(cache_key, result, timeout=max(1, int(upcoming - now)))
    return result[0], result[1]


def validators(request) -> tuple[str, datetime]:
    """(ETag, Last-Modified) of the response to `request`, without building it."""
    version = content_version()
    state, state_changed_at = time_states()
    key = "\n".join([REPRESENTATION_REVISION, version["token"], state, request.get_full_path()])
    etag = f'W/"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'
    changed_at = min(max(version["at"], state_changed_at), int(time.time()))
    modified = datetime.fromtimestamp(changed_at, tz=UTC)
    return etag, modified


def set_cache_headers(response, etag=None, last_modified=None) -> None:
    """Headers for a shared cache (CDN): everything public is the same for everyone."""
    max_age = getattr(settings, "CONTENT_API_CACHE_MAX_AGE", 60)
    patch_cache_control(
        response,
        public=True,
        max_age=max_age,
        s_maxage=getattr(settings, "CONTENT_API_CACHE_S_MAXAGE", max_age),
        stale_while_revalidate=getattr(settings, "CONTENT_API_STALE_WHILE_REVALIDATE", 60),
    )
    if etag:
        response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified.timestamp())


# Signals ----------------------------------------------------------------------------


@functools.cache
def watched_models() -> frozenset:
    """The models, besides pages, images and documents, whose changes change public
    responses: the ones every response depends on, and those the sections name
    (content_api.sections). Asked on the first save after start-up, when every app and
    hook has loaded."""
    from wagtail.models import Collection, Locale, Site

    from privacy.visibility import restriction_models

    return frozenset(
        [
            *restriction_models(),
            Collection,
            Site,
            Locale,
            *(model for section in api_sections() for model in section.watched_models),
        ]
    )


@functools.cache
def media_models() -> tuple:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return (get_image_model(), get_document_model())


def _is_public(instance) -> bool:
    """Whether the stored row of `instance` is something the public can see, as
    privacy.visibility says (a page outside every restriction and showing no restricted
    page; a file outside every private collection). Other watched rows always are."""
    from privacy.visibility import public_media, public_pages

    if isinstance(instance, Page):
        return public_pages(Page.objects.filter(pk=instance.pk)).exists()
    if isinstance(instance, media_models()):
        return public_media(type(instance).objects.filter(pk=instance.pk)).exists()
    return type(instance) in watched_models()


def _is_draft_bookkeeping(instance, update_fields) -> bool:
    return (
        isinstance(instance, Page)
        and update_fields is not None
        and set(update_fields) <= _DRAFT_BOOKKEEPING
    )


def _before_save(sender, instance, update_fields=None, **kwargs):
    # Public before the change (a page made private, a file moved to a private collection).
    if instance.pk is None or not isinstance(instance, (Page, *media_models())):
        return
    if not _is_draft_bookkeeping(instance, update_fields) and _is_public(instance):
        bump_content_version()


def _after_save(sender, instance, update_fields=None, **kwargs):
    # Public after it (published, edited, or made public).
    if isinstance(instance, Page) and not instance.live:
        return
    if not _is_draft_bookkeeping(instance, update_fields) and _is_public(instance):
        bump_content_version()


def _before_delete(sender, instance, **kwargs):
    if _is_public(instance) or (isinstance(instance, Page) and _is_shown_elsewhere(instance)):
        bump_content_version()


def _is_shown_elsewhere(page) -> bool:
    """Whether other pages show `page` (its aliases and translations), which its
    deletion may leave public."""
    shown = Q(alias_of=page.pk) | Q(translation_key=page.translation_key)
    return Page.objects.filter(shown).exclude(pk=page.pk).exists()


def _on_page_move(sender, instance, **kwargs):
    # Sent before and after the move: public before, or after (into or out of a
    # restricted section), for the page or any page below it.
    from privacy.visibility import public_pages

    if public_pages(Page.objects.descendant_of(instance, inclusive=True)).exists():
        bump_content_version()


def _on_m2m_changed(sender, **kwargs):
    if sender in watched_models():  # a restriction's groups
        bump_content_version()


def connect_signals() -> None:
    """Connected in ContentAPIConfig.ready, so that management commands (scheduled
    publishing, the demo loader) change the version too. The receivers take every
    model's signals and keep those of the watched ones: which models the sections
    watch is known only once their hooks have loaded, after start-up. Publishing and
    unpublishing save the page, so the save signals see them."""
    from wagtail.signals import post_page_move, pre_page_move

    pre_page_move.connect(_on_page_move, dispatch_uid="content-api-pre-move")
    post_page_move.connect(_on_page_move, dispatch_uid="content-api-post-move")
    pre_save.connect(_before_save, dispatch_uid="content-api-pre-save")
    post_save.connect(_after_save, dispatch_uid="content-api-save")
    pre_delete.connect(_before_delete, dispatch_uid="content-api-delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="content-api-m2m")
