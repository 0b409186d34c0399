"""Requests per second and latency of the content API's main endpoints under gunicorn.

    .venv/bin/python bench/api_bench.py [--seconds 5] [--clients 8] [--workers 2]

Builds a throw-away SQLite database with the demo content (or uses DATABASE_URL if
set), starts gunicorn with production settings on a free loopback port, then, for
each endpoint, runs `--clients` threads of keep-alive http.client requests for at
most `--seconds` seconds (and at most `--max-requests` requests), and prints the
requests per second and the median and 95th-percentile latency. Nothing leaves
127.0.0.1. Figures depend on the machine: compare runs on one machine only.
"""

import argparse
import http.client
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = Path(sys.executable)


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AWS_"))}
    return env | {
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
    }


def manage(env, *args):
    subprocess.run(  # noqa: S603 - our own manage.py
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def start_gunicorn(env, port, workers, threads):
    process = subprocess.Popen(  # noqa: S603
        [
            str(PYTHON.parent / "gunicorn"),
            "--pythonpath",
            "site",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--log-level",
            "warning",
            "wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            status, _, _ = request(port, "/healthz")
            if status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not start")


HEADERS = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", "Accept": "application/json"}


def request(port, path, headers=None, connection=None):
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=HEADERS | (headers or {}))
        response = connection.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), body
    finally:
        if own:
            connection.close()


def endpoints(port) -> list[tuple[str, str, dict]]:
    status, _, body = request(port, "/api/v2/pages/?type=home.StandardPage&limit=1")
    detail = json.loads(body)["items"][0]["id"] if status == 200 else 3
    _, headers, _ = request(port, "/api/v2/pages/")
    etag = headers.get("ETag", "")
    return [
        ("pages listing", "/api/v2/pages/", {}),
        (
            "upcoming SPARC webinars",
            "/api/v2/pages/?type=webinars.WebinarPage&status=upcoming&network=sparc&fields=*",
            {},
        ),
        (
            "policy briefs (es)",
            "/api/v2/pages/?type=library.ResourcePage&resource_type=policy-brief"
            "&topic=child-nutrition&locale=es&fields=*",
            {},
        ),
        ("members in Arizona", "/api/v2/pages/?type=members.MemberProfilePage&state=AZ", {}),
        ("20 resources, every field", "/api/v2/pages/?type=library.ResourcePage&fields=*", {}),
        ("page detail", f"/api/v2/pages/{detail}/", {}),
        ("find by path (302)", "/api/v2/pages/find/?html_path=/about/", {}),
        ("search", "/api/v2/pages/?search=children", {}),
        ("topics", "/api/v2/topics/", {}),
        ("member states", "/api/v2/member-states/", {}),
        ("revalidation (304)", "/api/v2/pages/", {"If-None-Match": etag}),
    ]


def measure(port, path, headers, clients, seconds, max_requests):
    latencies, errors, lock = [], [], threading.Lock()
    deadline = time.monotonic() + seconds
    counter = iter(range(max_requests))

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline and next(counter, None) is not None:
            started = time.perf_counter()
            try:
                status, _, _ = request(port, path, headers, connection)
            except (OSError, http.client.HTTPException) as error:
                status = repr(error)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if status not in (200, 302, 304):
                    errors.append(status)
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] if ordered else 0
    return {
        "requests": len(latencies),
        "rps": len(latencies) / wall if wall else 0,
        "median_ms": statistics.median(ordered) * 1000 if ordered else 0,
        "p95_ms": p95 * 1000,
        "errors": len(errors),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--max-requests", type=int, default=20_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="api-bench-") as tmp:
        database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
        env = environment(database_url)
        print(f"Preparing {database_url.split('@')[-1]} with the demo content…")
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo_content")
        port = free_port()
        process = start_gunicorn(env, port, args.workers, args.threads)
        try:
            print(
                f"gunicorn on 127.0.0.1:{port}: {args.workers} workers × {args.threads} "
                f"threads; {args.clients} clients, {args.seconds:g} s per endpoint\n"
            )
            print(
                f"{'endpoint':<28} {'requests':>8} {'req/s':>8} {'median ms':>10} "
                f"{'p95 ms':>8} {'errors':>6}"
            )
            for name, path, headers in endpoints(port):
                request(port, path, headers)  # warm: renditions, caches
                row = measure(port, path, headers, args.clients, args.seconds, args.max_requests)
                print(
                    f"{name:<28} {row['requests']:>8} {row['rps']:>8.1f} "
                    f"{row['median_ms']:>10.1f} {row['p95_ms']:>8.1f} {row['errors']:>6}"
                )
        finally:
            process.terminate()
            process.wait(timeout=10)


if __name__ == "__main__":
    main()
