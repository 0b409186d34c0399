"""HTTP caching of the content API: validators, Cache-Control, and CDN purges.

Every public response depends only on its URL and on the site's public content, so
validators come from a site-wide *content version* (a random token and the time it
was set, kept in the default cache: Redis in production, shared by every web process)
and from the URL. Publishing, unpublishing, moving or deleting a page, changing a view
restriction, an image, a document, a term of the vocabulary, a site or a locale sets
a new version at once (and again when the transaction commits, so that no request that
read the old rows can store them under the new version). If the cache loses the
version, a new one is made: clients then fetch once more, never get a stale 304.

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
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from wagtail.models import Page

from content_api.sections import api_sections

VERSION_KEY = "content-api:version"
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


def _new_version(previous=None) -> dict:
    at = int(time.time())
    if previous and at <= previous["at"]:
        # Two changes in one second must still give two Last-Modified values.
        at = previous["at"] + 1
    return {"token": uuid.uuid4().hex, "at": at}


def content_version() -> dict:
    """The current content version: {"token": str, "at": unix seconds}."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), timeout=None)
        version = cache.get(VERSION_KEY) or _new_version()
    return version


def bump_content_version(**kwargs) -> None:
    cache.set(VERSION_KEY, _new_version(cache.get(VERSION_KEY)), timeout=None)
    # Once per transaction, however many pages it publishes (a rolled-back transaction
    # drops its callbacks, and with them this one).
    pending = transaction.get_connection().run_on_commit
    if not any(entry[1] is _after_commit for entry in pending):
        transaction.on_commit(_after_commit)


def _after_commit() -> None:
    cache.set(VERSION_KEY, _new_version(cache.get(VERSION_KEY)), timeout=None)
    purge_frontend_cache()


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
    modified = datetime.fromtimestamp(max(version["at"], state_changed_at), tz=UTC)
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
    """The models, besides pages, whose changes change public responses: the ones every
    response depends on, and those the sections name (content_api.sections). Asked on
    the first save after start-up, when every app and hook has loaded."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Locale, Site

    from privacy.visibility import restriction_models

    return frozenset(
        [
            *restriction_models(),
            Collection,
            Site,
            Locale,
            get_image_model(),
            get_document_model(),
            *(model for section in api_sections() for model in section.watched_models),
        ]
    )


def _on_save(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        if not instance.live:
            return
        if update_fields is not None and set(update_fields) <= _DRAFT_BOOKKEEPING:
            return
        bump_content_version()
    elif sender in watched_models():
        bump_content_version()


def _on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) or sender in watched_models():
        bump_content_version()


def _on_m2m_changed(sender, **kwargs):
    if sender in watched_models():  # a restriction's groups
        bump_content_version()


def connect_signals() -> None:
    """Connected in ContentAPIConfig.ready, so that management commands (scheduled
    publishing, the demo loader) change the version too. The receivers take every
    model's signals and keep those of the watched ones: which models the sections
    watch is known only once their hooks have loaded, after start-up."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(bump_content_version, dispatch_uid="content-api-published")
    page_unpublished.connect(bump_content_version, dispatch_uid="content-api-unpublished")
    post_page_move.connect(bump_content_version, dispatch_uid="content-api-moved")
    post_save.connect(_on_save, dispatch_uid="content-api-save")
    post_delete.connect(_on_delete, dispatch_uid="content-api-delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="content-api-m2m")
