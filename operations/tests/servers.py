"""Servers the fault tests start and stop themselves, on spare loopback ports: a real
`redis-server`, and a socket that accepts connections and never answers (a hung Redis).
Their fixtures point the default cache at them through operations.cache."""

import shutil
import signal
import socket
import subprocess
import threading
import time

import pytest
import redis

from conftest import free_port, service_unavailable

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


class RedisServer:
    """A redis-server of this test's own, which it may stop, start, pause and flush."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - the system's redis-server
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = self.client()
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self):
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)  # in case it was paused
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def pause(self):
        """Stop answering, keeping the connections and the data (SIGSTOP)."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def client(self):
        return redis.Redis(port=self.port, socket_timeout=2, socket_connect_timeout=2)

    def keys(self, pattern="*"):
        return [key.decode() for key in self.client().keys(pattern)]


class HangingServer:
    """Accepts connections on a loopback port and never answers."""

    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.port = self.socket.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.accepted = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.accepted.append(connection)  # held open, never read

    def close(self):
        self.socket.close()
        for connection in self.accepted:
            connection.close()


def resilient_cache(url, retry_after=0.5, timeout=0.5) -> dict:
    return {
        "default": {
            "BACKEND": "operations.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "faults",
            "RETRY_AFTER": retry_after,
            "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
        }
    }


@pytest.fixture
def redis_server():
    if not shutil.which(REDIS_SERVER):
        service_unavailable(f"{REDIS_SERVER} is not installed")
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def hanging_server():
    server = HangingServer()
    yield server
    server.close()


@pytest.fixture
def cache_on(settings):
    """cache_on(server, **options): the default cache on that server, through
    operations.cache (settings restore the test settings' cache afterwards)."""

    def point(server, **options):
        settings.CACHES = resilient_cache(server.url, **options)

    return point


def wait_for_a_retry(seconds=0.6):
    """Longer than the fixtures' RETRY_AFTER: the breaker lets a call try again."""
    time.sleep(seconds)
