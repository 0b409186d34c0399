"""Answers worth keeping: for one request, or for as long as the public content stays
the same.

Many parts of one page ask the same question (which paths are restricted, which locale
is active): `for_request(key, compute)` asks it once per GET or HEAD request. Outside a
request (commands, tests calling functions directly) and in a request that may write
(POST and the like) it asks every time, so nothing sees an answer older than its own
writes; and a write in a request (any saved or deleted row) forgets what it kept. The
request's bounds come from Django's `request_started` and
`request_finished` signals (WSGI and the test client; under ASGI the signal runs in
another context, and every call asks again).

`for_content_version(key, compute)` keeps an answer in this process for as long as the
content version is the same: the version (content_api.caching) changes whenever
anything the public can see changes, in every process at once. Only for answers built
from public content: a members-only change leaves the version alone. The version is
read once per request, before the answer is computed, so an answer is never stored
under a version newer than the rows it was built from.
"""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save

_SAFE_METHODS = frozenset({"GET", "HEAD"})
_memo: ContextVar[dict | None] = ContextVar("operations_request_memo", default=None)
_by_version: dict = {}
_version_source = None
_is_watched = None


def for_request(key, compute):
    """`compute()`, once per GET or HEAD request for each `key`."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def set_version_source(source, is_watched) -> None:
    """Where the content version's token comes from, and whether changes to a model
    change it (content_api's ready())."""
    global _version_source, _is_watched
    _version_source = source
    _is_watched = is_watched


def content_token():
    """The content version's token, once per request (None when nobody provides one)."""
    if _version_source is None:
        return None
    return for_request("content-version-token", _version_source)


def for_content_version(key, compute, models):
    """`compute()`, built from rows of `models`, kept in this process until the content
    version changes; only once per request if a change to one of `models` may leave
    the version alone."""
    if _is_watched is None or not all(_is_watched(model) for model in models):
        return for_request(key, compute)
    token = content_token()
    if token is None:
        return compute()
    kept = _by_version.get(key)
    if kept is not None and kept[0] == token:
        return kept[1]
    value = compute()
    _by_version[key] = (token, value)
    return value


def clear() -> None:
    """Forget every kept answer (tests)."""
    _by_version.clear()


def _method(kwargs) -> str:
    environ = kwargs.get("environ")
    if environ is not None:
        return environ.get("REQUEST_METHOD", "")
    scope = kwargs.get("scope") or {}
    return scope.get("method", "")


def _request_started(sender, **kwargs):
    _memo.set({} if _method(kwargs) in _SAFE_METHODS else None)


def _request_finished(sender, **kwargs):
    _memo.set(None)


# Rows a GET writes that no kept answer is built from: the search page's hit counts.
_BOOKKEEPING = frozenset(
    {"wagtailsearchpromotions.query", "wagtailsearchpromotions.querydailyhits"}
)


def _forget(sender, **kwargs):
    memo = _memo.get()
    if memo and sender._meta.label_lower not in _BOOKKEEPING:
        memo.clear()


def connect_signals() -> None:
    request_started.connect(_request_started, dispatch_uid="operations-memo-started")
    request_finished.connect(_request_finished, dispatch_uid="operations-memo-finished")
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_forget, dispatch_uid="operations-memo-forget")
