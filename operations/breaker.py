"""A circuit breaker: stop calling a service that has just failed, try it again later.

A Redis that hangs makes every call wait for the socket timeout; a request makes several
calls, so each request would wait seconds. After a failure the breaker *opens*: calls are
skipped for `retry_after` seconds, then one call is let through to try again (the others
keep skipping until it answers). Its success *closes* the breaker.

The log says that the service is down once, when the breaker opens (a warning), and once
that it is back (an info), however many requests run meanwhile.
"""

import logging
import threading
import time

logger = logging.getLogger(__name__)


class CircuitBreaker:
    def __init__(self, name: str, retry_after: float):
        self.name = name
        self.retry_after = retry_after
        self._lock = threading.Lock()
        self._down_since = None  # time.time() of the first failure, None while closed
        self._next_try = 0.0  # time.monotonic() after which one call may try again

    @property
    def is_closed(self) -> bool:
        return self._down_since is None

    def allows_call(self) -> bool:
        """Whether to call the service now: always while closed; once every
        `retry_after` seconds while open."""
        if self._down_since is None:
            return True
        with self._lock:
            now = time.monotonic()
            if now < self._next_try:
                return False
            self._next_try = now + self.retry_after
            return True

    def failed(self, error: Exception) -> None:
        with self._lock:
            self._next_try = time.monotonic() + self.retry_after
            if self._down_since is not None:
                return
            self._down_since = time.time()
        logger.warning(
            "%s is not answering (%s: %s): running without it, trying again every %g s",
            self.name,
            error.__class__.__name__,
            error,
            self.retry_after,
        )

    def succeeded(self) -> None:
        if self._down_since is None:
            return
        with self._lock:
            if self._down_since is None:
                return
            down_for, self._down_since = time.time() - self._down_since, None
        logger.info("%s answers again, after %.0f s", self.name, down_for)
