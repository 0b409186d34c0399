"""Queries, time and memory of the pages that grow with the site (issue 14, item 5),
against the corpus that bench/corpus.py built.

    .venv/bin/python bench/scale.py [--database-url sqlite:///var/bench/corpus.sqlite3]
        [--runs 5] [--requests 1000]

In one process, with Django's test client, the test settings and the response cache off
(the uncached path; every response is built). For each URL: the SQL queries of a warm
request (the third), the median and slowest of `--runs` warm requests, the response's
size, and the memory Python allocated at the peak of one request (tracemalloc, in a pass
of its own since it slows everything down). Then `--requests` requests cycling through
the URLs, and the process's resident memory before and after them. The figures go in
bench/SCALE.md; they depend on the machine and what else runs on it.
"""

import argparse
import gc
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE = ROOT / "var" / "bench" / "corpus.sqlite3"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=f"sqlite:///{DEFAULT_DATABASE}")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument(
        "--sitemap-limits",
        default="10000,50000",
        help="sitemap file sizes to measure (URLs per file), comma-separated",
    )
    return parser.parse_args(argv)


def setup_django(database_url: str) -> None:
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.test"
    os.environ["DATABASE_URL"] = database_url
    import django
    from django.conf import settings

    django.setup()
    settings.RESPONSE_CACHE_ENABLED = False


def rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def urls() -> list[tuple[str, str]]:
    from home.models import Topic
    from library.models import LibraryIndexPage, ResourcePage
    from members.models import MemberDirectoryPage

    library = LibraryIndexPage.objects.filter(locale__language_code="en", depth=3).get()
    directory = MemberDirectoryPage.objects.get(locale__language_code="en")
    topic = Topic.objects.filter(locale__language_code="en").order_by("pk").first()
    resources = ResourcePage.objects.live().count()
    deep_library = max(1, resources // 12 - 5)
    api = "/api/v2/pages/?type=library.ResourcePage&limit=20"
    return [
        ("library index, facets", library.url),
        ("library, topic and state, facets", f"{library.url}?topic={topic.slug}&state=OH"),
        ("library, search", f"{library.url}?q=budget"),
        (f"library, page {deep_library}", f"{library.url}?page={deep_library}"),
        ("member directory, page 1", directory.url),
        ("member directory, page 400", f"{directory.url}?page=400"),
        ("member directory, network, last page", f"{directory.url}?network=sparc&page=9999"),
        ("API resources, offset 0", f"{api}&offset=0"),
        ("API resources, offset 9000", f"{api}&offset=9000"),
        ("API resources fields=*, offset 0", f"{api}&fields=*&offset=0"),
        ("API resources fields=*, offset 9000", f"{api}&fields=*&offset=9000"),
        ("API members, offset 4900", "/api/v2/pages/?type=members.MemberProfilePage&offset=4900"),
        ("sitemap.xml", "/sitemap.xml"),
        ("sitemap-pages.xml (file 1)", "/sitemap-pages.xml"),
        ("sitemap-pages.xml?p=2", "/sitemap-pages.xml?p=2"),
    ]


def measure(client, url: str, runs: int) -> dict:
    from django.db import connection

    for _ in range(2):
        response = client.get(url)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        seconds.append(time.perf_counter() - start)
    return {
        "status": response.status_code,
        "queries": len(queries),
        "median_ms": 1000 * statistics.median(seconds),
        "max_ms": 1000 * max(seconds),
        "kib": len(response.content) / 1024,
    }


def peak_mib(client, url: str) -> float:
    gc.collect()
    tracemalloc.start()
    client.get(url)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main(argv=None) -> None:
    args = parse_args(argv)
    setup_django(args.database_url)

    from django.test import Client
    from wagtail.models import Page

    from home.sitemap import MultilingualSitemap
    from library.models import ResourcePage
    from members.models import MemberProfilePage
    from webinars.models import WebinarPage

    client = Client()
    print(
        f"Corpus: {Page.objects.count():,} pages: {ResourcePage.objects.count():,} resources, "
        f"{WebinarPage.objects.count():,} webinars, {MemberProfilePage.objects.count():,} "
        f"members ({args.database_url})"
    )
    print(f"Process memory at start: {rss_mib():,.0f} MiB\n")
    limits = [int(limit) for limit in args.sitemap_limits.split(",")]
    MultilingualSitemap.limit = limits[0]

    header = f"| {'URL':<40} | status | queries | median ms | max ms | KiB | peak MiB |"
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    listed = urls()
    for label, url in listed:
        figures = measure(client, url, args.runs)
        figures["peak"] = peak_mib(client, url)
        print(
            f"| {label:<40} | {figures['status']:>6} | {figures['queries']:>7} | "
            f"{figures['median_ms']:>9,.0f} | {figures['max_ms']:>6,.0f} | "
            f"{figures['kib']:>5,.0f} | {figures['peak']:>8,.1f} |",
            flush=True,
        )
    for limit in limits[1:]:
        MultilingualSitemap.limit = limit
        figures = measure(client, "/sitemap.xml", max(1, args.runs // 2))
        figures["peak"] = peak_mib(client, "/sitemap.xml")
        label = f"sitemap.xml, limit {limit:,} (one file)"
        print(
            f"| {label:<40} | {figures['status']:>6} | {figures['queries']:>7} | "
            f"{figures['median_ms']:>9,.0f} | {figures['max_ms']:>6,.0f} | "
            f"{figures['kib']:>5,.0f} | {figures['peak']:>8,.1f} |",
            flush=True,
        )
    MultilingualSitemap.limit = limits[0]

    if args.requests:
        gc.collect()
        before = rss_mib()
        start = time.perf_counter()
        for number in range(args.requests):
            client.get(listed[number % len(listed)][1])
        seconds = time.perf_counter() - start
        gc.collect()
        print(
            f"\n{args.requests:,} requests cycling through these URLs in {seconds:,.0f} s: "
            f"resident memory {before:,.0f} MiB before, {rss_mib():,.0f} MiB after"
        )


if __name__ == "__main__":
    main()
