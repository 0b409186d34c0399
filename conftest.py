"""Fixtures shared by every app's tests: the page tree, real services (S3, Redis). (The
whole demo, for the demo tests, is demo/tests/conftest.py's.)

Tests that need a real service skip when it is not reachable on a developer's
machine, but fail in CI (where `CI` is set), so a missing service never turns
into a silently green run.
"""

import json
import os
import socket
from contextlib import closing
from datetime import UTC, datetime, timedelta

import boto3
import pytest
import redis
import time_machine
from django.conf import settings as django_settings
from django.core.cache import caches
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import translation
from moto.server import ThreadedMotoServer
from wagtail.models import Locale, Page, Site

from content_api.caching import forget_kept_time_states
from content_api.versioned import forget_process_copies
from home.factories import HomePageFactory
from response_cache.middleware import header_lists
from settings.storage import public_media_bucket_policy, s3_storages

S3_TEST_BUCKET = "partnership-test"
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


def pytest_addoption(parser):
    parser.addoption(
        "--shift-clock",
        type=int,
        default=0,
        metavar="DAYS",
        help="Run every test as if today were DAYS days from now (the clock keeps ticking), "
        "to find tests that depend on today's date. CI runs the suite shifted once.",
    )


@pytest.fixture(autouse=True, scope="session")
def _shifted_clock(request):
    """With --shift-clock, the whole session (database set-up included) runs that many
    days ahead: a test that passes today must pass then too. Tests that need a
    particular instant set it with `@pytest.mark.time_machine(...)`, which nests."""
    days = request.config.getoption("--shift-clock")
    if not days:
        yield
        return
    with time_machine.travel(datetime.now(UTC) + timedelta(days=days), tick=True):
        yield


def service_unavailable(reason: str):
    """Skip locally, fail in CI."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this service must be available)")
    pytest.skip(reason)


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request in Spanish leaves Spanish
    active in the thread (LocaleMiddleware activates a language and never deactivates
    it), and so would a test that activates one itself."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def clear_caches():
    """Each test starts with empty caches: a rolled-back test must not leave cached
    renditions, site roots or API validators behind for the next one."""
    yield
    for cache in caches.all(initialized_only=True):
        cache.clear()
    forget_kept_time_states()
    forget_process_copies()
    header_lists.clear_kept()


@pytest.fixture(autouse=True)
def uncached_while_counting_queries(request, monkeypatch):
    """A query budget is the cost of building a response, so the response cache
    (response_cache/) is off while a test counts queries (CaptureQueriesContext, which
    django_assert_num_queries uses too), and for the whole of a test that asks for
    django_assert_num_queries or django_assert_max_num_queries: otherwise a count would
    depend on whether an earlier request of the test stored the page, or computed what
    every response's key needs. The response cache's own tests count no queries."""
    enter, leave = CaptureQueriesContext.__enter__, CaptureQueriesContext.__exit__

    def counting(self):
        self._uncached = override_settings(RESPONSE_CACHE_ENABLED=False)
        self._uncached.enable()
        return enter(self)

    def counted(self, *exc_info):
        try:
            return leave(self, *exc_info)
        finally:
            self._uncached.disable()

    monkeypatch.setattr(CaptureQueriesContext, "__enter__", counting)
    monkeypatch.setattr(CaptureQueriesContext, "__exit__", counted)
    budgets = {"django_assert_num_queries", "django_assert_max_num_queries"}
    if budgets & set(request.fixturenames):
        with override_settings(RESPONSE_CACHE_ENABLED=False):
            yield
    else:
        yield


@pytest.fixture
def home_page(db):
    """An English home page at the root of the default site, as the demo builds it."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="home-test", locale=Locale.get_default())
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    return home


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server on a free loopback port, with an empty test bucket."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    try:
        server.start()
    except OSError as error:  # pragma: no cover - depends on the machine
        service_unavailable(f"moto S3 server could not start: {error}")
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106 - moto accepts any credentials
    )
    client.create_bucket(Bucket=S3_TEST_BUCKET)
    client.put_bucket_policy(
        Bucket=S3_TEST_BUCKET, Policy=json.dumps(public_media_bucket_policy(S3_TEST_BUCKET))
    )
    yield endpoint, client
    server.stop()


@pytest.fixture
def s3_storage(settings, s3_endpoint):
    """Point media and document storage at the moto bucket, as production settings would."""
    endpoint, client = s3_endpoint
    settings.STORAGES = s3_storages(
        bucket_name=S3_TEST_BUCKET,
        endpoint_url=endpoint,
        access_key="testing",
        secret_key="testing",  # noqa: S106
        addressing_style="path",
    ) | {"staticfiles": django_settings.STORAGES["staticfiles"]}
    return client


@pytest.fixture
def redis_cache(settings):
    """Use the real Redis as the default cache, as settings do when REDIS_URL is set."""
    try:
        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError as error:
        service_unavailable(f"Redis is not reachable at {REDIS_TEST_URL}: {error}")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": f"test-{os.getpid()}",
        }
    }
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()
