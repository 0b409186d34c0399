"""`/healthz`: whether the database, the cache and the media storage answer, for the load
balancer and the people on call."""

import logging
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    # With Redis (operations.cache), ask Redis itself, past the circuit breaker that lets
    # pages run without it: the answer is what is down now, not what the breaker last saw.
    probe = getattr(cache, "probe", None)
    if probe is not None:
        probe()
        return
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("value written to the cache could not be read back")
    cache.delete(key)


def _check_storage():
    # A read-only question the storage must answer (for S3, a request to the bucket).
    default_storage.exists("healthz-probe")


HEALTH_CHECKS = {"database": _check_database, "cache": _check_cache, "storage": _check_storage}


@never_cache
@require_GET
def healthz(request):
    """Whether the database, cache and storage answer: 200 when all do, else 503."""
    results = {}
    for name, check in HEALTH_CHECKS.items():
        try:
            check()
        except Exception as exc:  # a health check reports every failure, whatever its kind
            logger.warning("Health check %s failed: %s", name, exc)
            results[name] = {"ok": False, "error": exc.__class__.__name__}
        else:
            results[name] = {"ok": True}
    healthy = all(result["ok"] for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": results},
        status=200 if healthy else 503,
    )
