"""Answers worth keeping for one request.

Many parts of one page ask the same question (which paths are restricted, which locale
is active): `for_request(key, compute)` asks it once per GET or HEAD request. Outside a
request (commands, tests calling functions directly) and in a request that may write
(POST and the like) it asks every time, so nothing sees an answer older than its own
writes; and a write in a request (any saved or deleted row) forgets what it kept. The
request's bounds come from Django's `request_started` and
`request_finished` signals (WSGI and the test client; under ASGI the signal runs in
another context, and every call asks again).
"""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save

_SAFE_METHODS = frozenset({"GET", "HEAD"})
_memo: ContextVar[dict | None] = ContextVar("operations_request_memo", default=None)


def for_request(key, compute):
    """`compute()`, once per GET or HEAD request for each `key`."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def in_request() -> bool:
    """Whether this runs inside a GET or HEAD request, where answers are kept."""
    return _memo.get() is not None


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
