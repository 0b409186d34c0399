"""The whole demo, loaded once per test process, for the tests in this folder.

`django_db_setup` extends pytest-django's: once the test database exists, it runs
`load_demo_content` in it, committed, as `make run` does. Every test here then sees the
demo and runs, as usual, in a transaction rolled back at its end (`db`, `django_db`),
so a test that changes the demo leaves it as it was for the next. With pytest-xdist,
each worker has a database of its own and loads the demo once.

The demo is then in the database for every test of the session, so the demo tests are
a session of their own: `pytest demo/tests` (`make test` runs both sessions). A session
that mixes them with other tests, or with a transactional test (which would empty the
tables, demo and all), stops before running anything.
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

HERE = Path(__file__).parent
DEMO_OUTPUT = pytest.StashKey[str]()
TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def pytest_collection_modifyitems(config, items):
    problem = _mixed_session(items)
    if problem is None:
        return
    if not hasattr(config, "workerinput"):
        raise pytest.UsageError(problem)
    # A pytest-xdist worker's UsageError reaches the controller as a crashed worker, the
    # message lost; a failed collection report is shown, and stops the session.
    config.hook.pytest_collectreport(
        report=pytest.CollectReport("demo/tests", "failed", problem, result=[])
    )
    items.clear()


def _mixed_session(items) -> str | None:
    elsewhere = [item.nodeid for item in items if HERE not in item.path.parents]
    if elsewhere:
        return (
            "The demo tests share one loaded demo, which other tests must not see: run the "
            f"demo tests on their own: pytest demo/tests ({len(elsewhere)} other tests "
            f"collected, e.g. {elsewhere[0]})"
        )
    transactional = [item.nodeid for item in items if _is_transactional(item)]
    if transactional:
        return (
            f"{transactional[0]} is transactional: it would empty the tables, and the demo "
            "with them. Demo tests use the `db` fixture or `django_db` without transaction."
        )
    return None


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    options = marker.kwargs if marker else {}
    return bool(
        TRANSACTIONAL_FIXTURES & set(item.fixturenames)
        or options.get("transaction")
        or options.get("reset_sequences")
        or options.get("serialized_rollback")
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """pytest-django's test database, with the demo loaded and committed in it."""
    output = io.StringIO()
    with django_db_blocker.unblock():
        # Committed for real, so what wagtail-localize and Wagtail defer to
        # `transaction.on_commit` runs as it does in `make run`.
        call_command("load_demo_content", stdout=output)
    request.config.stash[DEMO_OUTPUT] = output.getvalue()


@pytest.fixture
def demo_output(db, request) -> str:
    """What `load_demo_content` printed when it loaded the demo (a database test: the
    demo is loaded with the test database)."""
    return request.config.stash[DEMO_OUTPUT]
