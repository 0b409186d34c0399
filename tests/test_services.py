"""The real parts: Redis as the cache, background tasks, and the health check."""

import pytest
import redis
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from conftest import REDIS_TEST_URL
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.redis
def test_cache_values_live_in_redis(redis_cache):
    redis_cache.set("greeting", "hola", timeout=30)
    assert redis_cache.get("greeting") == "hola"
    raw = redis.Redis.from_url(REDIS_TEST_URL)
    assert any(key.endswith(b":greeting") for key in raw.keys("*greeting"))


@pytest.mark.redis
def test_health_check_is_ok_with_redis(redis_cache, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["cache"] == {"ok": True}


def test_health_check_is_ok_when_everything_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": {"ok": True}, "cache": {"ok": True}, "storage": {"ok": True}},
    }
    assert "no-cache" in response["Cache-Control"]


def test_health_check_is_503_when_the_cache_is_down(client, settings):
    # Nothing listens on port 1 of this machine: the connection is refused at once.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 1},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["cache"] == {"ok": False, "error": "ConnectionError"}
    assert body["checks"]["database"] == {"ok": True}


# The worker closes its database connection when done, as a real worker process does,
# so this test commits for real instead of running inside a rolled-back transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_queues_tasks_that_db_worker_runs(
    home_page, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        page = StandardPageFactory(parent=home_page, title="Queued page")
        page.save_revision().publish()
    queued = DBTaskResult.objects.filter(status="READY")
    queued_count = queued.count()
    task_paths = set(queued.values_list("task_path", flat=True))
    assert "wagtail.tasks.update_reference_index_task" in task_paths

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == queued_count
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
