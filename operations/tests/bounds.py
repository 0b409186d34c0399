"""The bounds of a request, and a counted computation, for tests of what is kept for one
request or one content version (operations.memo, content_api.versioned)."""

from contextlib import contextmanager

from django.core.signals import request_finished, request_started
from django.db import close_old_connections


@contextmanager
def request(method="GET"):
    """The bounds of a request, as the test client sends them (without closing the
    test's database connection)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        request_started.send(sender=None, environ={"REQUEST_METHOD": method})
        try:
            yield
        finally:
            request_finished.send(sender=None)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def counter():
    """(compute, calls): `compute()` answers how many times it has been called."""
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return compute, calls
