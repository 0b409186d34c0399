"""HTTP caching of the content API: validators, Cache-Control, and CDN purges.

Every public response depends only on its URL and on the site's public content, so
validators come from a site-wide *content version* (a random token and the time it was
set, content_api.version) and from the URL: a page published by `publish_scheduled` in
another process changes the ETags of every web process at once.

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
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from wagtail.models import Page

from content_api.sections import api_sections
from content_api.version import bump_content_version, content_version

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


def time_states() -> tuple[str, int]:
    """(key, unix time of the last change) of the clock-driven parts of the content.

    Each section's time states return (value, time of its last change, time of its
    next change); the result is kept until the next change (or a new content version),
    in the process's memory first (a pure function of the version and the clock, so
    every process may keep its own, and a hit asks neither the database nor Redis),
    then in the default cache, so that a new process rarely asks the database.
    """
    now = time.time()
    token = content_version()["token"]
    kept = _time_states.get(token)
    if kept is not None and now < kept[2]:
        return kept[0], kept[1]
    cache_key = f"content-api:time-states:{token}"
    cached = cache.get(cache_key)
    if cached is None or now >= cached[2]:
        cached = _compute_time_states(now)
        cache.set(cache_key, cached, timeout=max(1, int(cached[2] - now)))
    _time_states.clear()  # only the current version's is worth keeping
    _time_states[token] = cached
    return cached[0], cached[1]


_time_states: dict = {}


def forget_kept_time_states() -> None:
    """Empty the process's copy (tests: each starts with empty caches)."""
    _time_states.clear()


def _compute_time_states(now) -> tuple[str, int, float]:
    keys, latest, upcoming = [], 0, now + 3600
    for state in (state for section in api_sections() for state in section.time_states):
        key, changed_at, next_change_at = state()
        keys.append(str(key))
        if changed_at is not None:
            latest = max(latest, int(changed_at.timestamp()))
        if next_change_at is not None:
            upcoming = min(upcoming, next_change_at.timestamp())
    return "|".join(keys), latest, upcoming


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
