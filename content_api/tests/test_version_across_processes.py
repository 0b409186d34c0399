"""Every process agrees on the content version, with no shared cache at all: a page that
`manage.py publish_scheduled` publishes in another process changes the ETags of this one
(each process's own LocMemCache used to keep its own version: a stale 304 for ever)."""

import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connections
from django.utils import timezone
from wagtail.models import Page

from content_api.tests.helpers import PAGES
from home.factories import StandardPageFactory


@contextmanager
def default_database(path):
    """This thread's default database is the SQLite file at `path` (committed rows that
    another process can read), then the test database again."""
    original = connections["default"]
    if original.vendor != "sqlite":
        pytest.skip("copies the SQLite test database into a file")
    original.ensure_connection()
    copy = sqlite3.connect(path)
    original.connection.backup(copy)  # the migrated, empty test database
    copy.close()
    wrapper = type(original)({**original.settings_dict, "NAME": str(path)}, "default")
    connections["default"] = wrapper
    try:
        yield
    finally:
        wrapper.close()
        connections["default"] = original


# Committed rows, not a test transaction: the copy must hold the migrations' rows, and
# serialized_rollback puts them back for the tests after this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_page_published_by_another_process_changes_the_etag_here(tmp_path, client):
    assert "LocMemCache" in settings.CACHES["default"]["BACKEND"]
    path = tmp_path / "db.sqlite3"
    with default_database(path):
        root = Page.objects.filter(depth=2).first()  # Wagtail's welcome page, the site root
        page = StandardPageFactory(parent=root, title="Scheduled", live=False)
        revision = page.save_revision()
        revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
        revision.save()
        response = client.get(PAGES)
        assert response.status_code == 200
        before = response["ETag"]
        assert client.get(PAGES, HTTP_IF_NONE_MATCH=before).status_code == 304

        subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, "manage.py", "publish_scheduled"],
            env=os.environ
            | {"DJANGO_SETTINGS_MODULE": "settings.test"}
            | {"DATABASE_URL": f"sqlite:///{path}"},
            check=True,
            capture_output=True,
            timeout=120,
        )
        response = client.get(PAGES, HTTP_IF_NONE_MATCH=before)
        assert response.status_code == 200
        assert "Scheduled" in [item["title"] for item in response.json()["items"]]
