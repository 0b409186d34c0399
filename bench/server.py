"""What the benchmarks of bench/ share: a throw-away demo site under gunicorn on loopback,
the requests they make to it, and the load generators that measure it.

- `demo_site(tmp, workers)` builds the site to measure: a SQLite database under `tmp`
  with the demo content (or DATABASE_URL if set: it is migrated and the demo loaded into
  it), static files collected into a temporary STATIC_ROOT, and the environment of
  production settings with a fresh secret key and Redis as production has it (REDIS_URL
  when set, else database 15 of a Redis on 127.0.0.1:6379, emptied first; without a
  Redis each process caches in its own memory).
- `serving(env, workers, threads)` starts gunicorn with those settings and the project's
  gunicorn.conf.py on a free port of 127.0.0.1 (site/ on its --pythonpath, and the
  project folder, for `bench.settings`), waits until every worker answers, and stops it
  afterwards.
- `wrk(...)` runs wrk (Debian's package) with bench/load.lua over a list of paths, and
  `parse_wrk(text)` reads what it printed: requests, requests/s, latency percentiles and
  every kind of error. `python_load(...)` measures one path with keep-alive http.client
  threads, for machines without wrk, and answers in the same shape.

Nothing here sends a request anywhere but 127.0.0.1.
"""

import http.client
import itertools
import json
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from contextlib import closing, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = Path(sys.executable)
LUA = ROOT / "bench" / "load.lua"
# As a browser or a partner site behind the TLS load balancer (production settings
# redirect plain HTTP).
HEADERS = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
SUCCESS = range(200, 400)  # what wrk counts as a success: 2xx and 3xx


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database_url: str, static_root: str, workers: int) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AWS_"))}
    return env | {
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url(),
        "STATIC_ROOT": static_root,
        "WEB_CONCURRENCY": str(workers),
    }


# Production caches in Redis: so does the bench, in a database of its own, when REDIS_URL
# is not set and a Redis answers on the usual port of this machine.
BENCH_REDIS = "redis://127.0.0.1:6379/15"


def redis_url() -> str:
    """REDIS_URL when set; else the bench's own Redis database, emptied (what an earlier
    run left there belongs to another database); else "" (each process caches in its
    own memory)."""
    if "REDIS_URL" in os.environ:
        return os.environ["REDIS_URL"]
    import redis

    try:
        redis.Redis.from_url(BENCH_REDIS, socket_connect_timeout=1).flushdb()
    except redis.RedisError:
        return ""
    return BENCH_REDIS


def manage(env, *args):
    subprocess.run(  # noqa: S603 - our own manage.py
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def demo_site(tmp: Path, workers: int) -> tuple[dict, str]:
    """(environment, database URL) of a migrated database with the demo content and
    collected static files, under the folder `tmp`."""
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
    env = environment(database_url, str(tmp / "static"), workers)
    print(f"Preparing {database_url.split('@')[-1]} with the demo content…", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_content")
    manage(env, "collectstatic", "--noinput")
    return env, database_url


def request(port, path, headers=None, connection=None):
    """GET `path`: (status, headers, body). On `connection` if given (kept open)."""
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=HEADERS | (headers or {}))
        response = connection.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), body
    finally:
        if own:
            connection.close()


def start_gunicorn(env, port, workers, threads):
    process = subprocess.Popen(  # noqa: S603
        [
            str(PYTHON.parent / "gunicorn"),
            "--config",
            str(ROOT / "gunicorn.conf.py"),
            # site/ for the site's modules (settings, urls, wsgi), the project folder for
            # bench.settings and bench.urls (bench/ itself would shadow site's `settings`).
            "--pythonpath",
            f"site,{ROOT}",
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
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {process.returncode}")
        try:
            if request(port, "/healthz")[0] == 200 and len(worker_pids(process.pid)) == workers:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def stop_gunicorn(process):
    process.terminate()
    process.wait(timeout=30)


@contextmanager
def serving(env, workers, threads):
    """gunicorn on a free loopback port: yields (process, port)."""
    port = free_port()
    process = start_gunicorn(env, port, workers, threads)
    try:
        yield process, port
    finally:
        stop_gunicorn(process)


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    if children.exists():
        return sorted(int(pid) for pid in children.read_text().split())
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            pids.append(int(stat.parent.name))
    return sorted(pids)


def rss_kib(pid: int) -> int | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) if match else None


def api_page(port, query) -> tuple[int, str]:
    """(id, path) of the first page the API lists for `query` (e.g. "type=...")."""
    status, _, body = request(port, f"/api/v2/pages/?{query}&limit=1")
    if status != 200 or not json.loads(body)["items"]:
        raise SystemExit(f"the demo content has no page for {query}")
    item = json.loads(body)["items"][0]
    return item["id"], re.sub(r"^https?://[^/]+", "", item["meta"]["html_url"])


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    return f"{os.cpu_count()} × {cpu}, {memory / 1024 / 1024:.0f} GiB, Linux {os.uname().release}"


def revision() -> str:
    """The commit measured, and whether the working tree differs from it."""

    def git(*args) -> str:
        return subprocess.run(  # noqa: S603
            ["git", *args],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown revision"
    return commit + (" with uncommitted changes" if dirty else "")


# wrk's own report, e.g. "    Latency   1.20ms  350.00us   9.87ms   90.12%" or "  99%   3.21ms".
_UNITS = {"us": 1, "ms": 1_000, "s": 1_000_000, "m": 60_000_000, "h": 3_600_000_000}
_TIME = r"([\d.]+)(us|ms|s|m|h)"
_BINARY = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}  # wrk's "1.23MB read"


def _us(number: str, unit: str) -> float:
    return float(number) * _UNITS[unit]


def parse_wrk(text: str) -> dict:
    """What wrk printed, as numbers (latencies in µs).

    Reads wrk's own report (with --latency for the percentiles) and, when bench/load.lua
    ran, its `RESULT {json}` line, whose exact figures win. Keys: requests, duration_us,
    rps, p50_us, p75_us, p90_us, p99_us, max_us, mean_us, connect, read, write, timeout
    (socket errors), status (non-2xx/3xx responses) and errors (all but timeouts).
    """
    keys = ("connect", "read", "write", "timeout", "status", "requests", "bytes")
    result = dict.fromkeys(keys, 0)
    if match := re.search(r"(\d+) requests in " + _TIME + r", ([\d.]+)([KMGT]?)B read", text):
        result["requests"] = int(match.group(1))
        result["duration_us"] = _us(match.group(2), match.group(3))
        result["bytes"] = int(float(match.group(4)) * _BINARY[match.group(5)])
    if match := re.search(r"Requests/sec:\s+([\d.]+)", text):
        result["rps"] = float(match.group(1))
    if match := re.search(rf"Latency\s+{_TIME}\s+{_TIME}\s+{_TIME}", text):
        result["mean_us"] = _us(match.group(1), match.group(2))
        result["max_us"] = _us(match.group(5), match.group(6))
    for percent, number, unit in re.findall(rf"^\s+(50|75|90|99)%\s+{_TIME}\s*$", text, re.M):
        result[f"p{percent}_us"] = _us(number, unit)
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text
    ):
        for key, value in zip(("connect", "read", "write", "timeout"), match.groups(), strict=True):
            result[key] = int(value)
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", text):
        result["status"] = int(match.group(1))
    for line in text.splitlines():
        if line.startswith("RESULT "):
            result |= json.loads(line.removeprefix("RESULT "))
            result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    if not result["requests"] and "rps" not in result:
        raise ValueError("not an output of wrk:\n" + text)
    result["errors"] = sum(result[key] for key in ("connect", "read", "write", "status"))
    return result


def wrk(port, paths_file, connections, seconds, timeout, threads, delay_ms=0, during=None):
    """Run wrk with bench/load.lua over the paths in `paths_file` (one a line, in turn);
    `during(process)` runs while it does (the soak's sampling). Returns parse_wrk's dict."""
    command = [
        "wrk",
        f"--threads={min(threads, connections)}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        f"--timeout={timeout}s",
        "--latency",
        f"--script={LUA}",
        f"http://127.0.0.1:{port}",
        "--",
        str(paths_file),
        str(delay_ms),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603
    output = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout))
    reader.start()
    if during:
        during(process)
    process.wait()
    reader.join()
    try:
        return parse_wrk("".join(output))
    except ValueError as error:
        raise SystemExit(str(error)) from None


def python_load(port, path, connections, seconds, headers=None, max_requests=None) -> dict:
    """`connections` threads, each GETting `path` on its own keep-alive connection for
    `seconds` (and `max_requests` in all at most): parse_wrk's keys, plus p95_us, from
    http.client (slower than wrk: it measures itself too)."""
    latencies, statuses, failures, lock = [], [], [], threading.Lock()
    deadline = time.monotonic() + seconds
    counter = iter(range(max_requests)) if max_requests else itertools.count()

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline and next(counter, None) is not None:
            started = time.perf_counter()
            try:
                status = request(port, path, headers, connection)[0]
            except (OSError, http.client.HTTPException):
                status = None
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            elapsed = time.perf_counter() - started
            with lock:
                if status is None:
                    failures.append(elapsed)
                else:
                    latencies.append(elapsed)
                    statuses.append(status)
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies) or [0.0]

    def percentile(p):
        return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] * 1e6

    result = {
        "requests": len(latencies),
        "duration_us": wall * 1e6,
        "rps": len(latencies) / wall if wall else 0,
        "mean_us": statistics.fmean(ordered) * 1e6,
        "max_us": ordered[-1] * 1e6,
        "connect": 0,
        "read": len(failures),
        "write": 0,
        "timeout": 0,
        "status": sum(status not in SUCCESS for status in statuses),
    } | {f"p{p}_us": percentile(p) for p in (50, 75, 90, 95, 99)}
    result["errors"] = result["read"] + result["status"]
    return result
