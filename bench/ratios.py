"""Each page type and API endpoint, from the response cache and built afresh, as a ratio
to a trivial view measured in the same run.

    .venv/bin/python bench/ratios.py [--seconds 5] [--connections 8] [--markdown]

Builds a throw-away SQLite database with the demo content (or uses DATABASE_URL, see
bench/server.py), then starts gunicorn on a free loopback port twice, with the bench's
own settings (bench/settings.py: production settings plus the trivial view
/bench/trivial/, "ok" with no database and no template, from bench/urls.py, never from
the response cache, so the same yardstick in both runs): first with
the response cache on (BENCH_RESPONSE_CACHE=1), then off (0). Each run warms up
(--warm-seconds over every path, so that every thread has served every path and, when
cached, both workers hold every entry), checks that every path answers 200 with
`X-Cache: hit` (cached) or `miss` (uncached), then measures, with wrk (Debian's package;
a threaded http.client loop only when wrk is missing), the trivial view, each path for
--seconds with --connections keep-alive connections, and the trivial view again, all of
that --rounds times, keeping each path's best round (on a shared machine a slow round
is other work's). The yardstick is the mean of the two trivial measurements.

Prints, for each path: requests/s, p50 and p99 latency and the ratio of its requests/s
to the trivial view's, cached and uncached, each ratio marked against its target
(cached pages and API responses at least 50 %, uncached pages at least 8 %, uncached
API responses at least 10 %); then each worker's resident memory (VmRSS) at the end of
each run and the requests served. The machine's speed (and whatever else runs on it)
cancels out of the ratios: compare those between machines, absolute figures only within
one run. The exit status is 0 unless something went wrong (a response other than 2xx or
3xx, a socket error or timeout, a cache state other than expected); a ratio below its
target is only marked. Nothing leaves 127.0.0.1.
"""

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import server  # noqa: E402 - after the project folder is on the path

TRIVIAL = "/bench/trivial/"
TARGETS = {
    ("cached", "page"): 0.50,
    ("cached", "api"): 0.50,
    ("uncached", "page"): 0.08,
    ("uncached", "api"): 0.10,
}
MODES = ("cached", "uncached")


@dataclass
class Target:
    name: str
    kind: str  # "page", "api" or "trivial"
    path: str
    results: dict = field(default_factory=dict)  # mode: parse_wrk's dict


def page_path(port, query) -> tuple[int, str]:
    """(id, path) of the first English page of `query`, as the API lists it."""
    return server.api_page(port, f"{query}&locale=en")


def campaign_path(port, title="Count All Kids") -> str:
    """The campaign called `title` (the first campaign if there is none)."""
    status, _, body = server.request(
        port, "/api/v2/pages/?type=campaigns.CampaignPage&locale=en&fields=title&limit=50"
    )
    items = json.loads(body)["items"] if status == 200 else []
    if not items:
        raise SystemExit("the demo content has no campaign")
    chosen = next((i for i in items if i["title"].lower() == title.lower()), items[0])
    return re.sub(r"^https?://[^/]+", "", chosen["meta"]["html_url"])


def targets(port) -> list[Target]:
    """The main page types and API endpoints, their paths found through the API."""
    resource_id, resource = page_path(port, "type=library.ResourcePage")
    return [
        Target("home", "page", "/"),
        Target("home, Spanish", "page", "/es/"),
        Target("library index", "page", page_path(port, "type=library.LibraryIndexPage")[1]),
        Target("a library resource", "page", resource),
        Target("webinars index", "page", page_path(port, "type=webinars.WebinarIndexPage")[1]),
        Target("a webinar", "page", page_path(port, "type=webinars.WebinarPage")[1]),
        Target("campaign: Count All Kids", "page", campaign_path(port)),
        Target("member directory", "page", page_path(port, "type=members.MemberDirectoryPage")[1]),
        Target("a member profile", "page", page_path(port, "type=members.MemberProfilePage")[1]),
        Target("search", "page", "/search/?q=children"),
        Target("sitemap", "page", "/sitemap.xml"),
        Target("pages listing", "api", "/api/v2/pages/"),
        Target("page detail (a resource)", "api", f"/api/v2/pages/{resource_id}/"),
        Target("resources, fields=*", "api", "/api/v2/pages/?type=library.ResourcePage&fields=*"),
        Target("webinars, fields=*", "api", "/api/v2/pages/?type=webinars.WebinarPage&fields=*"),
        Target(
            "members, fields=*", "api", "/api/v2/pages/?type=members.MemberProfilePage&fields=*"
        ),
    ]


def check(port, target: Target, expected_cache: str) -> list[str]:
    """Problems with `target`, asked as wrk asks (bench/load.lua: the same Host, so the
    same cache key), on fresh connections, so that each may reach another worker: it must
    answer 200, and X-Cache as expected three times in a row (a worker that the warm-up
    did not give this path to stores it on its first request)."""
    headers = {"Host": f"127.0.0.1:{port}", "Accept-Language": "en"}
    if target.kind == "trivial":
        expected_cache = "miss"  # never from the cache (bench/settings.py)
    in_a_row, seen = 0, None
    for _ in range(10):
        status, answer, _ = server.request(port, target.path, headers)
        if status != 200:
            return [f"{target.path} answered {status}, not 200"]
        seen = answer.get("X-Cache")
        in_a_row = in_a_row + 1 if seen == expected_cache else 0
        if in_a_row == 3:
            return []
    return [f"{target.path}: X-Cache: {seen}, not {expected_cache}, after the warm-up"]


class Load:
    """wrk, or the http.client loop without it; counts the requests it made."""

    def __init__(self, args, tmp: Path):
        self.args, self.tmp = args, tmp
        self.use_wrk = shutil.which("wrk") is not None
        self.served = 0

    def __call__(self, port, paths: list[str], seconds, connections=None) -> dict:
        connections = connections or self.args.connections
        if self.use_wrk:
            paths_file = self.tmp / "paths.txt"
            paths_file.write_text("".join(f"{path}\n" for path in paths))
            result = server.wrk(
                port, paths_file, connections, seconds, self.args.timeout, self.args.wrk_threads
            )
            self.served += result["requests"]
            # Let what was still in flight when wrk stopped finish before the next run.
            time.sleep(min(result["max_us"] / 1e6, self.args.timeout))
            return result
        # http.client: one path after the other (only a warm-up has several).
        for path in paths:
            result = server.python_load(port, path, connections, seconds / len(paths))
            self.served += result["requests"]
        return result


def run(mode, env, args, load: Load, found: list[Target] | None):
    """One gunicorn, cache on or off: measures the trivial view and every target."""
    problems, measured = [], 0
    env = env | {"DJANGO_SETTINGS_MODULE": "bench.settings"}
    env["BENCH_RESPONSE_CACHE"] = "1" if mode == "cached" else "0"
    with server.serving(env, args.workers, args.threads) as (process, port):
        found = found or targets(port)
        trivial = [
            Target("trivial view", "trivial", TRIVIAL),
            Target("trivial view, again", "trivial", TRIVIAL),
        ]
        print(f"{mode}: gunicorn on 127.0.0.1:{port}, warming up…", flush=True)
        load(port, [TRIVIAL] + [t.path for t in found], args.warm_seconds, args.warm_connections)
        for target in [trivial[0], *found]:
            problems += check(port, target, "hit" if mode == "cached" else "miss")
        # Each path --rounds times, the rounds one after the other over every path, and
        # the best round kept: on a shared machine a slow round is other work's, not ours.
        for _ in range(args.rounds):
            for target in [trivial[0], *found, trivial[1]]:
                result = load(port, [target.path], args.seconds)
                best = target.results.get(mode)
                if best is None or result["rps"] > best["rps"]:
                    target.results[mode] = result
                measured += result["requests"]
                if result["errors"] or result["timeout"]:
                    problems.append(
                        f"{mode} {target.path}: {result['status']} non-2xx/3xx responses, "
                        f"socket errors connect {result['connect']}, read {result['read']}, "
                        f"write {result['write']}, timeouts {result['timeout']}"
                    )
                print(
                    f"  {target.path:<56} {result['rps']:>8.1f} req/s  "
                    f"p50 {result['p50_us'] / 1000:.1f} ms  p99 {result['p99_us'] / 1000:.1f} ms",
                    flush=True,
                )
        rss = {pid: server.rss_kib(pid) for pid in server.worker_pids(process.pid)}
    baseline = (trivial[0].results[mode]["rps"] + trivial[1].results[mode]["rps"]) / 2
    return found, trivial, baseline, rss, measured, problems


def ratio_cell(mode, target: Target, baseline: float) -> str:
    ratio = target.results[mode]["rps"] / baseline
    if target.kind == "trivial":
        return f"{ratio:.0%}"
    goal = TARGETS[mode, target.kind]
    return f"{ratio:.0%} {'✓' if ratio >= goal else '✗'}"


def cells(mode, target: Target, baseline: float) -> list[str]:
    result = target.results[mode]
    return [
        f"{result['rps']:,.0f}",
        f"{result['p50_us'] / 1000:.1f}",
        f"{result['p99_us'] / 1000:.1f}",
        ratio_cell(mode, target, baseline),
    ]


def table(rows: list[Target], trivial: dict, baselines: dict, markdown: bool) -> str:
    header = ["what", "path", "kind"] + [
        f"{mode} {column}" for mode in MODES for column in ("req/s", "p50 ms", "p99 ms", "ratio")
    ]
    lines = []
    ordered = [trivial["before"], *rows, trivial["after"]]
    body = []
    for target in ordered:
        body.append(
            [target.name, target.path, target.kind]
            + [cell for mode in MODES for cell in cells(mode, target, baselines[mode])]
        )
    if markdown:
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join("---" if i < 3 else "--:" for i in range(len(header))) + "|")
        for name, path, *rest in body:
            lines.append("| " + " | ".join([name, f"`{path}`", *rest]) + " |")
    else:
        widths = [max(len(str(row[i])) for row in [header, *body]) for i in range(len(header))]
        for row in [header, *body]:
            lines.append(
                "  ".join(
                    str(c).ljust(w) if i < 3 else str(c).rjust(w)
                    for i, (c, w) in enumerate(zip(row, widths, strict=True))
                )
            )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="per path (5)")
    parser.add_argument("--connections", type=int, default=8, help="keep-alive (8)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds, best kept (2)")
    parser.add_argument("--warm-seconds", type=int, default=10, help="warm-up per run (10)")
    parser.add_argument("--warm-connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (4)")
    parser.add_argument("--timeout", type=int, default=10, help="wrk's timeout, s (10)")
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--markdown", action="store_true", help="the table as Markdown")
    args = parser.parse_args()

    problems, found, rss, measured, baselines, trivial = [], None, {}, {}, {}, {}
    with tempfile.TemporaryDirectory(prefix="ratios-bench-") as tmp:
        tmp = Path(tmp)
        env, database_url = server.demo_site(tmp, args.workers)
        load = Load(args, tmp)
        if not load.use_wrk:
            print("wrk is not installed (`apt-get install -y wrk`): using http.client threads")
        for mode in MODES:
            found, pair, baselines[mode], rss[mode], measured[mode], errors = run(
                mode, env, args, load, found
            )
            problems += errors
            for key, target in zip(("before", "after"), pair, strict=True):
                trivial.setdefault(key, target).results[mode] = target.results[mode]

    tool = "wrk" if load.use_wrk else "http.client threads"
    print(
        f"\nmachine: {server.machine()}; {server.revision()}\n"
        f"gunicorn: {args.workers} gthread workers × {args.threads} threads, bench.settings "
        f"(production + {TRIVIAL}), {database_url.split(':', 1)[0]}, cache "
        f"{'Redis' if env.get('REDIS_URL') else 'local memory'}; {tool}: "
        f"{args.connections} keep-alive connections, {args.seconds} s per path, "
        f"best of {args.rounds} rounds\n"
        "ratio: req/s over the trivial view's (mean of its two runs) in the same gunicorn; "
        "targets: cached ≥ 50 %, uncached page ≥ 8 %, uncached API ≥ 10 %\n"
    )
    print(table(found, trivial, baselines, args.markdown))
    print()
    for mode in MODES:
        workers = ", ".join(
            f"{pid}: {kib / 1024:.1f} MiB" if kib else f"{pid}: gone"
            for pid, kib in rss[mode].items()
        )
        print(f"{mode}: worker RSS after the run: {workers}; {measured[mode]:,} requests measured")
    print(
        f"requests served: {load.served:,} in all, {sum(measured.values()):,} of them measured "
        "(besides a few checks)"
    )
    missed = [
        f"{mode} {t.path}: {t.results[mode]['rps'] / baselines[mode]:.1%} "
        f"< {TARGETS[mode, t.kind]:.0%}"
        for mode in MODES
        for t in found
        if t.results[mode]["rps"] / baselines[mode] < TARGETS[mode, t.kind]
    ]
    print("below target: " + ("; ".join(missed) if missed else "none"))
    if problems:
        print("ERRORS:\n  " + "\n  ".join(problems))
        raise SystemExit(1)


if __name__ == "__main__":
    main()
