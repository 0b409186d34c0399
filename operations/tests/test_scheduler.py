"""Scheduled publishing (operations.scheduling, `manage.py run_scheduler`): one tick
publishes what is due by the (controlled) clock, unpublishes what has expired, does
nothing when nothing is due; the process logs database errors and goes on, and stops
cleanly on SIGTERM."""

import logging
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from wagtail.models import Page, PageLogEntry

from home.factories import StandardPageFactory
from operations import scheduling

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2031, 6, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(NOW, tick=False)
    return time_machine


def scheduled_draft(parent, go_live_at):
    """A page never published, whose revision is approved to go live at `go_live_at`
    (what "Publish" does in the admin when the go-live date is in the future)."""
    page = StandardPageFactory(parent=parent, title="Spring campaign", live=False)
    page.go_live_at = go_live_at
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_a_tick_publishes_a_page_once_its_go_live_time_has_passed(home_page, clock, client):
    page = scheduled_draft(home_page, go_live_at=NOW + timedelta(hours=1))
    assert not page.live
    assert page.latest_revision.approved_go_live_at == NOW + timedelta(hours=1)

    assert not scheduling.tick()  # not yet
    page.refresh_from_db()
    assert not page.live

    clock.move_to(NOW + timedelta(hours=1, minutes=1), tick=False)
    result = scheduling.tick()

    page.refresh_from_db()
    assert page.live
    assert page.latest_revision.approved_go_live_at is None
    assert result.published == [f"StandardPage {page.pk} 'Spring campaign'"]
    assert result.unpublished == []
    assert PageLogEntry.objects.filter(page=page, action=scheduling.PUBLISHED).count() == 1
    assert client.get(page.url).status_code == 200


def test_a_tick_unpublishes_a_page_whose_expiry_has_passed(home_page, clock, client):
    page = StandardPageFactory(parent=home_page, title="Old notice")
    page.expire_at = NOW + timedelta(days=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
    url = page.url

    clock.move_to(NOW + timedelta(days=1, minutes=1), tick=False)
    result = scheduling.tick()

    page.refresh_from_db()
    assert not page.live
    assert page.expired
    assert result.unpublished == [f"StandardPage {page.pk} 'Old notice'"]
    assert result.published == []
    assert client.get(url).status_code == 404


def test_a_tick_with_nothing_due_changes_nothing(home_page, clock):
    live = StandardPageFactory(parent=home_page)
    later = scheduled_draft(home_page, go_live_at=NOW + timedelta(days=30))
    before = {
        page.pk: (page.live, page.latest_revision_id, page.last_published_at)
        for page in Page.objects.all()
    }
    log_entries = PageLogEntry.objects.count()

    result = scheduling.tick()

    assert not result
    assert (result.published, result.unpublished, result.skipped) == ([], [], False)
    after = {
        page.pk: (page.live, page.latest_revision_id, page.last_published_at)
        for page in Page.objects.all()
    }
    assert after == before
    assert PageLogEntry.objects.count() == log_entries
    assert live.pk in after and later.pk in after


def test_a_tick_logs_what_it_published(home_page, clock, caplog):
    page = scheduled_draft(home_page, go_live_at=NOW + timedelta(minutes=5))
    clock.move_to(NOW + timedelta(minutes=6), tick=False)
    with caplog.at_level(logging.INFO, logger=scheduling.__name__):
        scheduling.tick()
    assert f"Published (scheduled): StandardPage {page.pk} 'Spring campaign'" in caplog.text


def production_env(database_url):
    from tests.test_settings import PRODUCTION_ENV, clean_env

    return clean_env(**PRODUCTION_ENV, DATABASE_URL=database_url)


def test_the_scheduler_process_survives_database_errors_and_stops_on_sigterm(tmp_path):
    # An empty database (no tables): every tick fails with a database error, which the
    # process logs and survives; SIGTERM then ends it at once, cleanly (exit status 0).
    process = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "run_scheduler", "--interval", "0.2"],
        cwd=ROOT,
        env=production_env(f"sqlite:///{tmp_path / 'empty.sqlite3'}"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if sum("database error" in line for line in lines) >= 3:
                break
            assert process.poll() is None, "".join(lines)
            time.sleep(0.1)
        else:
            pytest.fail("no failed ticks were logged:\n" + "".join(lines))
        assert process.poll() is None  # still running after three failed ticks

        stopped_at = time.monotonic()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0, "".join(lines)
        assert time.monotonic() - stopped_at < 5
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    reader.join(timeout=5)
    output = "".join(lines)
    assert "Scheduler started: publishing scheduled content every 0.2 s." in output
    assert "no such table" in output
    assert "Received SIGTERM; stopping after the current tick." in output
    assert output.rstrip().endswith("Scheduler stopped.")
