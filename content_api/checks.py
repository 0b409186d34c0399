"""System checks of the content API's deployment (run by `manage.py check --deploy`).

The content version behind every ETag and Last-Modified (`content_api.caching`) lives in
the default cache. With a cache in each process's memory (LocMemCache, the default
without REDIS_URL), a publish changes the version of the one process that handled it:
every other process keeps its old version and goes on answering 304, to clients and
to the CDN, for content that has changed. That is wrong as soon as two web processes
serve the site, and right with one (a single gunicorn worker, `runserver`).

The settings cannot see gunicorn's `--workers`, so the deployment says how many
processes it runs in WEB_CONCURRENCY (which gunicorn also reads as its default number
of workers). With DEBUG off, several processes and a per-process cache are a Warning,
which fails `check --deploy --fail-level WARNING`; a single process passes silently,
as CI's deployment check does (production settings, no REDIS_URL, one process).
A cache that stores nothing is a Warning whatever the number: no 304 would ever match.
"""

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.checks import Tags, Warning, register

SHARED_CACHE_HINT = "Set REDIS_URL, so that every web process shares one cache."


@register(Tags.caches, deploy=True)
def check_content_version_is_shared(app_configs=None, **kwargs):
    if settings.DEBUG:
        return []
    cache = caches["default"]
    processes = getattr(settings, "WEB_CONCURRENCY", 1)
    if isinstance(cache, DummyCache):
        return [
            Warning(
                "The default cache stores nothing, so the content API's validators change "
                "on every request: clients and the CDN never get a 304.",
                hint=SHARED_CACHE_HINT,
                id="content_api.W101",
            )
        ]
    if isinstance(cache, LocMemCache) and processes > 1:
        return [
            Warning(
                f"{processes} web processes (WEB_CONCURRENCY) but the default cache is in "
                "each process's memory: after a publish, the other processes keep the old "
                "content version and answer 304 for content that has changed.",
                hint=SHARED_CACHE_HINT,
                id="content_api.W102",
            )
        ]
    return []
