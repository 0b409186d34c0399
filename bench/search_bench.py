"""Site search at scale: build a large corpus in a throwaway database, then time searches.

    .venv/bin/python bench/search_bench.py --resources 10000 --webinars 2000 --members 500
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench \\
        .venv/bin/python bench/search_bench.py --resources 2000 --webinars 400 --members 100

Without DATABASE_URL it uses its own SQLite file, var/search-bench.sqlite3 (replaced on
each run). A PostgreSQL database is dropped and created again, so its name must contain
"bench". Pages are written in bulk (base rows, then each type's own rows), indexed
through the search backend in batches, and a tenth of the resources and two webinars are
members-only, as on the real site. Then it requests the search page and the suggestions
endpoint through Django's test client (the full view: search, facets, excerpts, template)
and prints the median and 95th percentile latency. `--reuse` times the corpus left by an
earlier run, without rebuilding it. PostgreSQL gets `ANALYZE` after the import, as
autovacuum would do shortly after a real one.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(BASE_DIR), str(BASE_DIR / "site")]

SQLITE_PATH = BASE_DIR / "var" / "search-bench.sqlite3"
BATCH = 500
QUERIES = [
    "child tax",
    "child tax credit",
    "nutrition",
    "census data",
    "early childhood",
    "state budget",
    "sparc",
    "welfare financing",
    "medicaid",
    "ohio",
    "refundable",
    "nothingmatchesthis",
]
PREFIXES = ["chil", "nutr", "cens", "child ta", "early ch", "bud", "ohi", "wel"]

TOPICS = [
    ("child-health", "Child health"),
    ("child-nutrition", "Child nutrition"),
    ("state-budgets", "State budgets"),
    ("child-tax-credits", "Child tax credits"),
    ("income-supports", "Income supports"),
    ("early-childhood", "Early childhood and parent advocacy"),
    ("child-welfare", "Child welfare"),
    ("census-and-data", "Census and data"),
    ("race-equity", "Race equity"),
]
NETWORKS = [("partnership", "Partnership for America’s Children"), ("sparc", "SPARC")]
WORDS = [
    "child",
    "children",
    "family",
    "families",
    "state",
    "states",
    "budget",
    "budgets",
    "tax",
    "credit",
    "credits",
    "refundable",
    "nutrition",
    "school",
    "meals",
    "health",
    "medicaid",
    "coverage",
    "census",
    "count",
    "data",
    "early",
    "childhood",
    "parent",
    "advocacy",
    "welfare",
    "foster",
    "care",
    "financing",
    "equity",
    "race",
    "policy",
    "policies",
    "legislature",
    "governor",
    "funding",
    "program",
    "programs",
    "income",
    "supports",
    "poverty",
    "housing",
    "rural",
    "urban",
    "county",
    "city",
    "local",
    "federal",
    "advocates",
    "coalition",
    "report",
    "toolkit",
    "brief",
    "analysis",
    "strategy",
    "campaign",
    "win",
    "wins",
    "ohio",
    "texas",
    "california",
    "maine",
    "utah",
    "georgia",
    "oregon",
    "kansas",
    "vermont",
    "alaska",
]
STATES = ["OH", "TX", "CA", "ME", "UT", "GA", "OR", "KS", "VT", "AK", "NY", "FL", "MI", "WA"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--webinars", type=int, default=2_000)
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5, help="Timed runs of each query.")
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="Time searches on the corpus an earlier run left in the database (no rebuild).",
    )
    return parser.parse_args()


def prepare_database(reuse=False):
    """Point Django at a fresh throwaway database (or the last one, to `reuse` it);
    return a description of it."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        SQLITE_PATH.parent.mkdir(exist_ok=True)
        if not reuse:
            SQLITE_PATH.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}"
        return f"SQLite {SQLITE_PATH.relative_to(BASE_DIR)}"
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        name = url.rsplit("/", 1)[1].split("?")[0]
        if "bench" not in name:
            sys.exit(f"Refusing to drop database {name!r}: its name must contain 'bench'.")
        if reuse:
            return f"PostgreSQL {name}"
        admin_url = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"PostgreSQL {name}"
    sys.exit("DATABASE_URL must be PostgreSQL, or unset for SQLite.")


def progress(label, done, total, started):
    rate = done / max(time.monotonic() - started, 1e-6)
    print(f"\r  {label}: {done:>6}/{total} ({rate:,.0f}/s)", end="" if done < total else "\n")
    sys.stdout.flush()


def sentence(rng, length):
    return " ".join(rng.choice(WORDS) for _ in range(length)).capitalize() + "."


class Tree:
    """Adds pages in bulk under a parent: base Page rows, then the type's own rows."""

    def __init__(self, locale):
        from django.utils import timezone

        self.locale = locale
        self.now = timezone.now()

    def add(self, parent, model, rows, label, after=None):
        from django.contrib.contenttypes.models import ContentType
        from django.db import connection, transaction
        from wagtail.models import Page

        content_type = ContentType.objects.get_for_model(model)
        fields = model._meta.local_concrete_fields
        started = time.monotonic()
        first_step = parent.numchild + 1
        created = []
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            with transaction.atomic():
                base_pages = []
                for offset, row in enumerate(batch):
                    slug = f"{row['slug']}-{start + offset}"
                    base_pages.append(
                        Page(
                            title=row["title"],
                            draft_title=row["title"],
                            slug=slug,
                            content_type=content_type,
                            path=Page._get_path(
                                parent.path, parent.depth + 1, first_step + start + offset
                            ),
                            depth=parent.depth + 1,
                            numchild=0,
                            url_path=f"{parent.url_path}{slug}/",
                            live=True,
                            has_unpublished_changes=False,
                            first_published_at=self.now,
                            last_published_at=self.now,
                            live_revision=None,
                            locale=self.locale,
                            translation_key=uuid.uuid4(),
                        )
                    )
                Page.objects.bulk_create(base_pages)
                if connection.vendor == "sqlite":  # bulk_create returns no ids on old SQLite
                    ids = dict(
                        Page.objects.filter(path__in=[p.path for p in base_pages]).values_list(
                            "path", "id"
                        )
                    )
                    for page in base_pages:
                        page.id = ids[page.path]
                objects = []
                for page, row in zip(base_pages, batch, strict=True):
                    obj = model(page_ptr_id=page.id, **row["fields"])
                    obj.__dict__.update(
                        {k: v for k, v in page.__dict__.items() if not k.startswith("_")}
                    )
                    objects.append(obj)
                model._base_manager._insert(objects, fields=fields, using=connection.alias)
                if after:
                    after(objects, batch)
            created.extend(objects)
            progress(label, min(start + BATCH, len(rows)), len(rows), started)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(rows))
        parent.numchild += len(rows)
        return created


def set_taxonomy(model, rng, topic_ids, network_ids):
    topics = model._meta.get_field("topics").remote_field.through
    networks = model._meta.get_field("networks").remote_field.through
    page_column = model._meta.get_field("topics").m2m_field_name()

    def after(objects, _batch):
        topics.objects.bulk_create(
            [
                topics(**{f"{page_column}_id": obj.pk, "topic_id": topic_id})
                for obj in objects
                for topic_id in rng.sample(topic_ids, rng.randint(1, 3))
            ]
        )
        networks.objects.bulk_create(
            [
                networks(**{f"{page_column}_id": obj.pk, "network_id": rng.choice(network_ids)})
                for obj in objects
                if rng.random() < 0.6
            ]
        )

    return after


def build(args):
    from django.contrib.auth.models import Group
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage, Network, Topic
    from library.models import LibraryIndexPage, ResourcePage, ResourceType
    from members.models import MemberDirectoryPage, MemberProfilePage
    from privacy.restricting import restrict_page_to_members
    from webinars.models import WebinarIndexPage, WebinarPage

    rng = random.Random(args.seed)
    locale = Locale.get_default()
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()  # Wagtail's welcome page
    root.refresh_from_db()
    home = root.add_child(
        instance=HomePage(title="Home", slug="home", hero_heading="Bench", locale=locale)
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", root_page=home, is_default_site=True)
    topic_ids = [
        Topic.objects.create(name=name, slug=slug, locale=locale).pk for slug, name in TOPICS
    ]
    network_ids = [
        Network.objects.create(name=name, slug=slug, locale=locale).pk for slug, name in NETWORKS
    ]
    library = home.add_child(instance=LibraryIndexPage(title="Library", slug="library"))
    members_library = library.add_child(
        instance=LibraryIndexPage(title="Members’ library", slug="members-library")
    )
    Group.objects.get_or_create(name="Members")
    restrict_page_to_members(members_library)
    webinar_index = home.add_child(instance=WebinarIndexPage(title="Webinars", slug="webinars"))
    directory = home.add_child(instance=MemberDirectoryPage(title="Our members", slug="members"))
    tree = Tree(locale)

    def resource_rows(count):
        kinds = [kind for kind, _label in ResourceType.choices]
        return [
            {
                "title": sentence(rng, rng.randint(3, 8))[:-1],
                "slug": "resource",
                "fields": {
                    "summary": sentence(rng, rng.randint(10, 25)),
                    "resource_type": rng.choice(kinds),
                    "published_on": date(2015, 1, 1) + timedelta(days=rng.randint(0, 3800)),
                    "body": [("paragraph", f"<p>{sentence(rng, rng.randint(40, 120))}</p>")],
                },
            }
            for _ in range(count)
        ]

    private_count = args.resources // 10
    print(f"Building {args.resources} resources, {args.webinars} webinars, {args.members} members")
    resources = tree.add(
        library,
        ResourcePage,
        resource_rows(args.resources - private_count),
        "resources",
        set_taxonomy(ResourcePage, rng, topic_ids, network_ids),
    )
    resources += tree.add(
        members_library,
        ResourcePage,
        resource_rows(private_count),
        "members-only resources",
        set_taxonomy(ResourcePage, rng, topic_ids, network_ids),
    )
    webinar_rows = [
        {
            "title": sentence(rng, rng.randint(3, 8))[:-1],
            "slug": "webinar",
            "fields": {
                "summary": sentence(rng, rng.randint(10, 25)),
                "starts_at": tree.now + timedelta(days=rng.randint(-1500, 120)),
                "duration": timedelta(hours=1),
                "body": [("paragraph", f"<p>{sentence(rng, rng.randint(30, 80))}</p>")],
                "transcript": f"<p>{sentence(rng, rng.randint(100, 300))}</p>",
            },
        }
        for _ in range(args.webinars)
    ]
    webinars = tree.add(
        webinar_index,
        WebinarPage,
        webinar_rows,
        "webinars",
        set_taxonomy(WebinarPage, rng, topic_ids, network_ids),
    )
    for webinar in webinars[:2]:
        restrict_page_to_members(webinar)
    member_rows = [
        {
            "title": f"{rng.choice(WORDS).capitalize()} Children’s Alliance {n}",
            "slug": "member",
            "fields": {
                "summary": sentence(rng, 12),
                "description": sentence(rng, rng.randint(20, 60)),
                "home_state_id": rng.choice(STATES),
                "locality": "",
            },
        }
        for n in range(args.members)
    ]
    members = tree.add(
        directory,
        MemberProfilePage,
        member_rows,
        "members",
        set_taxonomy(MemberProfilePage, rng, topic_ids, network_ids),
    )
    return [(ResourcePage, resources), (WebinarPage, webinars), (MemberProfilePage, members)]


def index(built):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    for model, objects in built:
        started = time.monotonic()
        label = f"indexing {model._meta.verbose_name_plural}"
        for start in range(0, len(objects), BATCH):
            backend.add_bulk(model, objects[start : start + BATCH])
            progress(label, min(start + BATCH, len(objects)), len(objects), started)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(args):
    from django.test import Client

    client = Client()
    report = {}
    for name, path, queries in [
        ("search page", "/search/", QUERIES),
        ("suggestions", "/search/suggest/", PREFIXES),
    ]:
        timings = []
        for query in queries:
            url = f"{path}?{urlencode({'q': query})}"
            response = client.get(url)  # warm-up, and a check that it works
            if response.status_code != 200:
                sys.exit(f"{url} answered {response.status_code}")
            for _ in range(args.repeat):
                started = time.perf_counter()
                client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
        report[name] = timings
    from wagtail.models import Locale, Page, Site

    from search.scope import searchable_pages

    visible = searchable_pages(Site.objects.get(is_default_site=True), Locale.get_default())
    counts = (
        visible.search("child tax", operator="and").count(),
        Page.objects.live().search("child tax", operator="and").count(),
    )
    return report, counts


def analyze():
    """Give PostgreSQL's planner statistics on the freshly loaded tables, as autovacuum
    would shortly after a real import: without them it guesses row counts blindly."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def main():
    args = parse_args()
    database = prepare_database(reuse=args.reuse)
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Page

    from library.models import ResourcePage
    from members.models import MemberProfilePage
    from webinars.models import WebinarPage

    print(f"Database: {database}")
    if not args.reuse:
        started = time.monotonic()
        print("Migrating…")
        call_command("migrate", verbosity=0)
        index(build(args))
        analyze()
        print(f"Corpus ready in {time.monotonic() - started:.0f}s")
    report, child_tax = measure(args)
    total = Page.objects.type(ResourcePage, WebinarPage, MemberProfilePage).count()
    print(f"\nSearch latency, {database}, {total} pages ({args.repeat} runs of each query):")
    print(f"  'child tax' finds {child_tax[0]} public pages ({child_tax[1]} with members-only)")
    for name, timings in report.items():
        print(
            f"  {name:<12} median {statistics.median(timings):7.1f} ms"
            f"   p95 {percentile(timings, 0.95):7.1f} ms   (n={len(timings)})"
        )


if __name__ == "__main__":
    main()
