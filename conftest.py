"""Fixtures shared by every app's tests: the page tree, real services (S3, Redis).

Tests that need a real service skip when it is not reachable on a developer's
machine, but fail in CI (where `CI` is set), so a missing service never turns
into a silently green run.
"""

import io
import json
import os
import socket
from contextlib import ExitStack, closing
from datetime import UTC, datetime, timedelta

import boto3
import pytest
import redis
import time_machine
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.utils import translation
from moto.server import ThreadedMotoServer
from wagtail.models import Locale, Page, Site

from home.factories import HomePageFactory
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


def load_demo() -> str:
    """`manage.py load_demo_content`; returns what it printed."""
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


class SharedDemo:
    """The whole demo, loaded in a transaction that stays open while the test modules
    that use it run one after another, and rolled back before any other module runs.

    Loading it takes seconds, and five modules use it: `pytest_collection_modifyitems`
    runs those modules last, so each test process (each pytest-xdist worker) loads it
    once. Each test runs in a savepoint inside the transaction, so a test that changes
    the demo leaves it as it was for the next. Other modules' tests never see it; in a
    module that uses it, every database test does (keep tests that need an empty site
    elsewhere), except transactional ones, before which it is rolled back.
    """

    def __init__(self):
        self._open = None  # the ExitStack holding the DB unblock and the transaction
        self.output = ""

    def load(self, django_db_blocker) -> str:
        if self._open is None:
            self._open = ExitStack()
            self._open.enter_context(django_db_blocker.unblock())
            self._open.enter_context(transaction.atomic())
            try:
                # As the command leaves it once committed: what it defers to
                # `transaction.on_commit` has run.
                with TestCase.captureOnCommitCallbacks(execute=True):
                    self.output = load_demo()
            except BaseException:
                self.unload()
                raise
        return self.output

    def unload(self) -> None:
        if self._open is None:
            return
        transaction.set_rollback(True)
        self._open.close()
        self._open = None
        for cache in caches.all():
            cache.clear()


SHARED_DEMO = SharedDemo()
# Test files (paths) with a test that uses `demo_tree`; set at collection.
DEMO_MODULES: set = set()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Run the modules that use the demo after all others, so that the demo is loaded
    once per test process (see SharedDemo).

    pytest-django then sorts the tests (stably) as Django does: database tests, then
    transactional ones, which empty the tables, data migrations' rows (the Spanish
    locale) included, then the rest. So the demo modules run last of the database tests.
    """
    DEMO_MODULES.update(item.path for item in items if "demo_tree" in item.fixturenames)
    items.sort(key=lambda item: item.path in DEMO_MODULES)  # stable: order kept otherwise


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Roll the demo back before the first test of a module that does not use it, and
    before any transactional test (it empties the tables, and needs no open transaction)."""
    if item.path not in DEMO_MODULES or _is_transactional(item):
        SHARED_DEMO.unload()


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(
        {"transactional_db", "live_server"} & set(item.fixturenames)
        or (marker and marker.kwargs.get("transaction"))
    )


@pytest.fixture(scope="session")
def _shared_demo(django_db_setup, django_db_blocker):
    yield SHARED_DEMO
    SHARED_DEMO.unload()  # before django_db_setup drops the test database


@pytest.fixture(scope="module")
def demo_tree(_shared_demo, django_db_blocker):
    """The whole demo, as `manage.py load_demo_content` builds it; its value is what the
    command printed. Every test in a module that uses it sees the demo; each test runs
    in a savepoint, so changes to the demo do not outlast the test. Loaded once for all
    the modules that use it (SharedDemo)."""
    return _shared_demo.load(django_db_blocker)


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
