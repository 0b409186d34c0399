"""Load test: pages and API under gunicorn with production settings, driven by wrk.

    .venv/bin/python bench/load.py --burst   # 200 connections for 60 s: 0 errors, 0 timeouts
    .venv/bin/python bench/load.py --soak    # 10 minutes of steady load: flat worker memory

Needs wrk (Debian's package: `apt-get install -y wrk`). Builds a throw-away SQLite
database with the demo content (or uses DATABASE_URL if set: it is migrated and the demo
loaded into it), collects static files into a temporary STATIC_ROOT, and starts gunicorn
with production settings and the project's gunicorn.conf.py (gthread workers) on a free
loopback port. wrk (bench/load.lua) then requests a mix of pages (home, library index, a
webinar, a campaign, search) and API URLs (listing, detail, fields=*) in turn, with a
--timeout of 10 s, what a real client waits before giving up. Nothing leaves 127.0.0.1.

--burst: --connections (200) for --seconds (60); prints requests/s, p50/p99 latency and
every kind of error (non-2xx/3xx responses, connect/read/write errors, timeouts) and
exits with status 1 unless there were no errors and no timeouts.

--soak: --connections (10) for --seconds (600), each connection pausing --delay-ms (500)
before each request (a steady load below what the machine can serve); every
--sample-every (30) seconds it reads each gunicorn worker's VmRSS from /proc/<pid>/status,
and prints first, last and maximum RSS, the slope (MiB per minute, over the whole soak
and over its second half) and each sample. Memory is flat when the last sample is less
than 10 % above the first; exits with status 1 if it is not flat, or on any error or
timeout.

Both modes first warm up (--warm-seconds, 30, at twice as many connections as gunicorn
has threads, so that every thread exists and has served every path), then measure a
trivial view (/robots.txt: no database, no template) with the same connections, in the
same run, and print the mix's throughput and latency as ratios to it: the machine's speed
(and whatever else runs on it) cancels out of the ratios, so compare those between
machines, and absolute figures only within one machine.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import server  # noqa: E402 - after the project folder is on the path

TRIVIAL = "/robots.txt"
FLAT = 0.10  # "flat" memory: the last sample less than 10 % above the first


def paths(port) -> list[tuple[str, str]]:
    _, library = server.api_page(port, "type=library.LibraryIndexPage")
    _, webinar = server.api_page(port, "type=webinars.WebinarPage")
    _, campaign = server.api_page(port, "type=campaigns.CampaignPage")
    resource, _ = server.api_page(port, "type=library.ResourcePage")
    mix = [
        ("home page", "/"),
        ("library index", library),
        ("a webinar", webinar),
        ("a campaign", campaign),
        ("search", "/search/?q=children"),
        ("API listing", "/api/v2/pages/"),
        ("API detail", f"/api/v2/pages/{resource}/"),
        ("API resources, fields=*", "/api/v2/pages/?type=library.ResourcePage&fields=*"),
    ]
    for name, path in mix:
        status = server.request(port, path, {"Accept": "application/json"})[0]
        if status != 200:
            raise SystemExit(f"{name} ({path}) answered {status}, not 200")
    return mix


def describe(name, result) -> str:
    return (
        f"{name:<18} {result['requests']:>8} {result['rps']:>8.1f} "
        f"{result['p50_us'] / 1000:>8.1f} {result['p99_us'] / 1000:>8.1f} "
        f"{result['max_us'] / 1000:>8.1f} {result['status']:>7} {result['connect']:>5}/"
        f"{result['read']}/{result['write']} {result['timeout']:>8}"
    )


def slope(samples) -> float:
    """Least-squares slope of (seconds, KiB) samples, in MiB per minute."""
    if len(samples) < 2:
        return 0.0
    xs, ys = [t for t, _ in samples], [kib for _, kib in samples]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    numerator = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    denominator = sum((x - mean_x) ** 2 for x in xs) or 1
    return numerator / denominator * 60 / 1024


def main():  # noqa: C901 - one linear script
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--burst", action="store_true", help="200 connections for 60 s")
    mode.add_argument("--soak", action="store_true", help="10 minutes at steady load")
    parser.add_argument("--connections", type=int, help="default 200 (burst), 10 (soak)")
    parser.add_argument("--seconds", type=int, help="default 60 (burst), 600 (soak)")
    parser.add_argument("--delay-ms", type=int, help="pause per request: 0 (burst), 500 (soak)")
    parser.add_argument("--trivial-seconds", type=int, default=20)
    parser.add_argument("--warm-seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--threads", type=int, default=8, help="threads per worker (8)")
    parser.add_argument("--timeout", type=int, default=10, help="wrk's timeout, s (10)")
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--sample-every", type=int, default=30, help="soak: seconds (30)")
    args = parser.parse_args()
    connections = args.connections or (200 if args.burst else 10)
    seconds = args.seconds or (60 if args.burst else 600)
    delay_ms = args.delay_ms if args.delay_ms is not None else (0 if args.burst else 500)

    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: `apt-get install -y wrk` (Debian, Ubuntu)")

    with tempfile.TemporaryDirectory(prefix="load-bench-") as tmp:
        tmp = Path(tmp)
        env, database_url = server.demo_site(tmp, args.workers)
        port = server.free_port()
        process = server.start_gunicorn(env, port, args.workers, args.threads)
        try:
            mix = paths(port)
            mix_file, trivial_file = tmp / "mix.txt", tmp / "trivial.txt"
            mix_file.write_text("".join(f"{path}\n" for _, path in mix))
            trivial_file.write_text(f"{TRIVIAL}\n")
            print(f"machine: {server.machine()}")
            print(
                f"gunicorn on 127.0.0.1:{port}: {args.workers} gthread workers × "
                f"{args.threads} threads, production settings, "
                f"{database_url.split(':', 1)[0]}; wrk {args.wrk_threads} threads, "
                f"{connections} connections, --timeout {args.timeout}s"
                + (f", {delay_ms} ms pause per request" if delay_ms else "")
            )
            print("mix: " + ", ".join(f"{name} ({path})" for name, path in mix), flush=True)

            # Warm up: more connections than threads, so that every thread of every worker
            # exists and has served every path (renditions, caches, malloc arenas) before
            # anything is measured.
            warm = 2 * args.workers * args.threads
            server.wrk(port, mix_file, warm, args.warm_seconds, args.timeout, args.wrk_threads)
            trivial = server.wrk(
                port,
                trivial_file,
                connections,
                args.trivial_seconds,
                args.timeout,
                args.wrk_threads,
                delay_ms,
            )

            samples: dict[int, list[tuple[float, int]]] = {}

            def sample(wrk_process):
                started = time.monotonic()
                while True:
                    now = time.monotonic() - started
                    for pid in server.worker_pids(process.pid):
                        kib = server.rss_kib(pid)
                        if kib is not None:
                            samples.setdefault(pid, []).append((now, kib))
                    try:
                        wrk_process.wait(timeout=args.sample_every)
                        return
                    except subprocess.TimeoutExpired:
                        continue

            result = server.wrk(
                port,
                mix_file,
                connections,
                seconds,
                args.timeout,
                args.wrk_threads,
                delay_ms,
                during=sample if args.soak else None,
            )
        finally:
            server.stop_gunicorn(process)

    print(f"\n{seconds} s, {connections} connections")
    print(
        f"{'':<18} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
        f"{'non-2xx':>7} {'c/r/w':>7} {'timeouts':>8}"
    )
    print(describe("trivial view", trivial) + f"   ({args.trivial_seconds} s)")
    print(describe("mix", result))
    print(
        f"mix / trivial: throughput {result['rps'] / trivial['rps']:.2f}×, "
        f"p50 {result['p50_us'] / max(trivial['p50_us'], 1):.1f}×, "
        f"p99 {result['p99_us'] / max(trivial['p99_us'], 1):.1f}×"
    )
    failed = result["errors"] or result["timeout"]
    print(f"errors: {result['errors']}, timeouts: {result['timeout']}")

    if args.soak:
        print(f"\nworker RSS (MiB), sampled every {args.sample_every} s")
        print(
            f"{'pid':>8} {'samples':>7} {'first':>7} {'last':>7} {'max':>7} {'growth':>7} "
            f"{'MiB/min':>8}"
        )
        for pid, points in sorted(samples.items()):
            first, last = points[0][1], points[-1][1]
            peak = max(kib for _, kib in points)
            growth = (last - first) / first
            flat = growth < FLAT
            failed = failed or not flat
            second_half = [(t, kib) for t, kib in points if t >= points[-1][0] / 2]
            print(
                f"{pid:>8} {len(points):>7} {first / 1024:>7.1f} {last / 1024:>7.1f} "
                f"{peak / 1024:>7.1f} {growth:>+7.1%} {slope(points):>+8.2f} "
                f"{slope(second_half):>+8.2f} {'flat' if flat else 'GROWING'}"
            )
            print(f"{'':>8} " + " ".join(f"{kib / 1024:.0f}" for _, kib in points))
    print("FAILED" if failed else "OK")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
