"""PostgreSQL fault tests: every connection of the web processes is cut (as a PostgreSQL
restart or a failover does) while gunicorn serves with production settings and
persistent connections. At most the requests in flight fail, the site recovers by itself
(CONN_HEALTH_CHECKS: a persistent connection is checked before a request reuses it) and
nothing committed is lost.

Runs only when the tests run on PostgreSQL (DATABASE_URL); CI runs the suite there too.
The backends are ended with pg_terminate_backend from a connection of the test's own, for
this test database only: the shared cluster itself is never restarted.
"""

import http.client
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from conftest import free_port
from home.factories import StandardPageFactory

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not POSTGRES, reason="PostgreSQL fault tests (DATABASE_URL is not PostgreSQL)"
    ),
    # Committed rows, for gunicorn's processes to see; serialized_rollback puts back the
    # migrations' rows (the root page, the default locale) for the tests after each one.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADERS = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", "Accept": "application/json"}


def database_url() -> str:
    """The test database (test_…), as gunicorn's DATABASE_URL."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


def admin_connection():
    """A connection of our own to the cluster's `postgres` database, to end the others."""
    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def web_backends(admin) -> list[int]:
    """Backends connected to the test database, but for this test process's own."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        own = cursor.fetchone()[0]
    rows = admin.execute(
        "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> %s AND pid <> "
        "pg_backend_pid()",
        [connection.settings_dict["NAME"], own],
    ).fetchall()
    return [pid for (pid,) in rows]


def terminate_web_backends(admin) -> int:
    """End every backend of the web processes at once and wait until they are gone."""
    pids = web_backends(admin)
    admin.execute("SELECT pg_terminate_backend(pid) FROM unnest(%s::int[]) AS pid", [pids])
    deadline = time.monotonic() + 10
    while set(web_backends(admin)) & set(pids):
        assert time.monotonic() < deadline, "terminated backends did not go away"
        time.sleep(0.01)
    return len(pids)


def get(port, path):
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        client.request("GET", path, headers=HEADERS)
        response = client.getresponse()
        return response.status, response.read()
    finally:
        client.close()


@pytest.fixture
def gunicorn(transactional_db, tmp_path):
    """Start gunicorn (the project's gunicorn.conf.py: gthread workers) with production
    settings on the test database, with persistent connections (CONN_MAX_AGE 600)."""
    from tests.test_settings import PRODUCTION_ENV, clean_env

    processes = []

    def start(conn_max_age=600, workers=2, threads=4):
        port = free_port()
        env = clean_env(
            **PRODUCTION_ENV,
            DATABASE_URL=database_url(),
            DATABASE_CONN_MAX_AGE=str(conn_max_age),
            STATIC_ROOT=str(tmp_path / "static"),
            WEB_CONCURRENCY=str(workers),
        )
        process = subprocess.Popen(  # noqa: S603 - our own gunicorn
            [str(Path(sys.executable).parent / "gunicorn"), "--config", "gunicorn.conf.py"]
            + ["--pythonpath", "site", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", str(workers), "--threads", str(threads), "wsgi:application"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        processes.append(process)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if get(port, "/healthz")[0] == 200:
                    return port
            except OSError:
                pass
            time.sleep(0.2)
        pytest.fail("gunicorn did not start")

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=30)


def traffic(port, paths, clients, stop):
    """`clients` threads requesting `paths` in turn until `stop` is set; returns each
    request's (started, ended, status) (status 0: no response at all)."""
    log, lock = [], threading.Lock()

    def client(offset):
        index = offset
        while not stop.is_set():
            path = paths[index % len(paths)]
            index += 1
            started = time.monotonic()
            try:
                status, _ = get(port, path)
            except (OSError, http.client.HTTPException):
                status = 0
            with lock:
                log.append((started, time.monotonic(), status))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    return log, threads


@pytest.mark.parametrize("conn_max_age", [600, 0])
def test_the_site_recovers_by_itself_when_idle_connections_are_cut(
    home_page, gunicorn, conn_max_age
):
    page = StandardPageFactory(parent=home_page, title="Written before the fault")
    port = gunicorn(conn_max_age=conn_max_age)
    paths = ["/api/v2/pages/", f"/api/v2/pages/{page.pk}/", "/healthz"]
    # Every worker thread opens (and, with CONN_MAX_AGE, keeps) a connection.
    stop = threading.Event()
    log, threads = traffic(port, paths, clients=8, stop=stop)
    time.sleep(2)
    stop.set()
    for thread in threads:
        thread.join()
    assert log and all(status == 200 for _, _, status in log)

    with admin_connection() as admin:
        kept = terminate_web_backends(admin)
    if conn_max_age:
        assert kept > 0, "persistent connections were expected to be open"

    # No request was in flight: every next request succeeds, on every worker thread.
    statuses = [get(port, path)[0] for _ in range(12) for path in paths]
    assert statuses == [200] * len(statuses)
    status, body = get(port, f"/api/v2/pages/{page.pk}/")
    assert status == 200
    assert json.loads(body)["title"] == "Written before the fault"


def test_cutting_every_connection_mid_traffic_costs_at_most_the_requests_in_flight(
    home_page, gunicorn
):
    page = StandardPageFactory(parent=home_page, title="Written before the fault")
    port = gunicorn(conn_max_age=600, workers=2, threads=4)
    paths = [
        "/api/v2/pages/",
        f"/api/v2/pages/{page.pk}/",
        "/api/v2/pages/?type=home.StandardPage&fields=*",
        "/healthz",
    ]
    # First more clients than threads, so that all 8 worker threads hold a connection;
    # then fewer, so that some of those connections are idle when they are cut: without
    # health checks, the next request on each of them would fail too.
    stop = threading.Event()
    _, threads = traffic(port, paths, clients=16, stop=stop)
    time.sleep(2)
    stop.set()
    for thread in threads:
        thread.join()
    clients = 3
    stop = threading.Event()
    log, threads = traffic(port, paths, clients=clients, stop=stop)
    try:
        time.sleep(2)
        with admin_connection() as admin:
            cut_started = time.monotonic()
            terminated = terminate_web_backends(admin)
            cut_ended = time.monotonic()
        time.sleep(3)
    finally:
        stop.set()
        for thread in threads:
            thread.join()

    assert terminated > clients  # idle connections were cut too
    before = [entry for entry in log if entry[1] < cut_started]
    after = [entry for entry in log if entry[0] > cut_ended]
    in_flight = [entry for entry in log if entry[0] <= cut_started <= entry[1]]
    failed = [entry for entry in log if entry[2] != 200]
    assert before and all(status == 200 for _, _, status in before)
    # Requests that started once the connections were gone all succeeded, and plenty did.
    assert len(after) >= 20
    assert [status for _, _, status in after] == [200] * len(after)
    # At most the requests in flight when the cut began failed (one per client at most).
    assert len(failed) <= len(in_flight) <= clients
    # Nothing lost: the row committed before the fault is there, for the site and the ORM.
    status, body = get(port, f"/api/v2/pages/{page.pk}/")
    assert (status, json.loads(body)["title"]) == (200, "Written before the fault")
    page.refresh_from_db()
    assert page.live
