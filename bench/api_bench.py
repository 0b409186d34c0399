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
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import server  # noqa: E402 - after the project folder is on the path

JSON = {"Accept": "application/json"}


def endpoints(port) -> list[tuple[str, str, dict]]:
    status, _, body = server.request(port, "/api/v2/pages/?type=home.StandardPage&limit=1", JSON)
    detail = json.loads(body)["items"][0]["id"] if status == 200 else 3
    _, headers, _ = server.request(port, "/api/v2/pages/", JSON)
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--max-requests", type=int, default=20_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="api-bench-") as tmp:
        env, _ = server.demo_site(Path(tmp), args.workers)
        with server.serving(env, args.workers, args.threads) as (_, port):
            print(
                f"gunicorn on 127.0.0.1:{port}: {args.workers} workers × {args.threads} "
                f"threads; {args.clients} clients, {args.seconds:g} s per endpoint\n"
            )
            print(
                f"{'endpoint':<28} {'requests':>8} {'req/s':>8} {'median ms':>10} "
                f"{'p95 ms':>8} {'errors':>6}"
            )
            for name, path, headers in endpoints(port):
                server.request(port, path, JSON | headers)  # warm: renditions, caches
                row = server.python_load(
                    port, path, args.clients, args.seconds, JSON | headers, args.max_requests
                )
                print(
                    f"{name:<28} {row['requests']:>8} {row['rps']:>8.1f} "
                    f"{row['p50_us'] / 1000:>10.1f} {row['p95_us'] / 1000:>8.1f} "
                    f"{row['errors']:>6}"
                )


if __name__ == "__main__":
    main()
