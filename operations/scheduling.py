"""Scheduled publishing without an external cron: `manage.py run_scheduler`.

django-tasks 0.12 and django-tasks-db 0.13 have no periodic or cron tasks (a task runs
when something enqueues it), so scheduled publishing is one long-running process of its
own, started next to the web and worker processes (README, "Deploying"). Each tick runs
Wagtail's own `publish_scheduled` command, unchanged: pages and snippets whose expiry
has passed are unpublished, approved revisions whose go-live time has passed are
published. Publishing that way sends Wagtail's usual signals, so the content API's
validators and purges follow as they do for a publish in the admin.

A tick logs what it published and unpublished (read back from Wagtail's own log
entries, `wagtail.publish.scheduled` and `wagtail.unpublish.scheduled`), and survives a
database error: it logs it, closes the connections and tries again on the next tick.
On PostgreSQL a tick holds an advisory lock, so two schedulers started by mistake never
publish the same revision twice at once; on SQLite run exactly one.
"""

import contextlib
import logging
import signal
import threading
from dataclasses import dataclass, field
from datetime import datetime

from django.core.management import call_command
from django.db import DatabaseError, close_old_connections, connection, connections
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

logger = logging.getLogger(__name__)

PUBLISHED = "wagtail.publish.scheduled"
UNPUBLISHED = "wagtail.unpublish.scheduled"
# An arbitrary, fixed key for pg_try_advisory_lock: "one scheduler at a time".
ADVISORY_LOCK_KEY = 0x5C4ED


@dataclass
class TickResult:
    """What one tick did: the objects published and unpublished, as "Model 12 'Title'"."""

    published: list[str] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)
    skipped: bool = False  # another scheduler held the lock

    def __bool__(self):
        return bool(self.published or self.unpublished)


def _describe(entry, content_type) -> str:
    model = content_type.model_class() if content_type else None
    name = model.__name__ if model else "object"
    return f"{name} {entry.object_id} {entry.label!r}"


def _scheduled_entries(action: str, since: datetime) -> list[str]:
    # An expired page is unpublished as a plain Page (Wagtail's command does not ask for
    # the specific page), so a page's type comes from the page, not from the log entry.
    pages = PageLogEntry.objects.filter(action=action, timestamp__gte=since)
    entries = [
        _describe(entry, entry.page.content_type)
        for entry in pages.select_related("page__content_type").order_by("timestamp", "id")
    ]
    others = ModelLogEntry.objects.filter(action=action, timestamp__gte=since)
    entries += [
        _describe(entry, entry.content_type)
        for entry in others.select_related("content_type").order_by("timestamp", "id")
    ]
    return entries


def _try_lock() -> bool:
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
        return cursor.fetchone()[0]


def _unlock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])


def tick() -> TickResult:
    """Publish and unpublish whatever is due now; return what changed. Raises on a
    database error (run_forever logs it and goes on)."""
    if not _try_lock():
        logger.info("Another scheduler holds the lock; skipping this tick.")
        return TickResult(skipped=True)
    try:
        started = timezone.now()
        call_command("publish_scheduled", verbosity=0)
        result = TickResult(
            published=_scheduled_entries(PUBLISHED, started),
            unpublished=_scheduled_entries(UNPUBLISHED, started),
        )
    finally:
        _unlock()
    for description in result.unpublished:
        logger.info("Unpublished (expired): %s", description)
    for description in result.published:
        logger.info("Published (scheduled): %s", description)
    return result


def safe_tick() -> TickResult | None:
    """One tick that never raises: a database (or any other) error is logged, the
    connections are closed so that the next tick opens fresh ones, and None returned."""
    try:
        return tick()
    except DatabaseError:
        logger.exception("Scheduled publishing failed (database error); retrying next tick.")
    except Exception:
        logger.exception("Scheduled publishing failed; retrying next tick.")
    for alias in connections:
        with contextlib.suppress(DatabaseError):  # already gone
            connections[alias].close()
    return None


def run_forever(interval: float = 60.0, stop: threading.Event | None = None) -> None:
    """Tick every `interval` seconds until SIGTERM or SIGINT (or `stop` is set). A signal
    never interrupts a tick: the current one finishes, then the loop ends."""
    stop = stop or threading.Event()

    def request_stop(signum, _frame):
        logger.info("Received %s; stopping after the current tick.", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    logger.info("Scheduler started: publishing scheduled content every %g s.", interval)
    try:
        while not stop.is_set():
            # As at the start of a request: drop a connection that is too old or broken,
            # and health-check a persistent one before this tick reuses it.
            close_old_connections()
            safe_tick()
            stop.wait(interval)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        connections.close_all()
        logger.info("Scheduler stopped.")
