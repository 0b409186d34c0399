"""Build the scale bench's corpus (issue 14, item 5): the demo content, then 10,000 library
resources, 2,000 webinars and 5,000 member organisations on top of it.

    .venv/bin/python bench/corpus.py --resources 10000 --webinars 2000 --members 5000
    .venv/bin/python bench/corpus.py --scale 0.1            # a tenth of each
    .venv/bin/python bench/corpus.py --database-url postgres://postgres@127.0.0.1:5432/bench

Without `--database-url` the corpus goes into var/bench/corpus.sqlite3 (replaced when it
is there). A PostgreSQL database named in the URL is created if missing and must be empty.
Runs with the test settings, as bench/demo_load_bench.py does (files under var/test-media).
Measure it with bench/scale.py against the same `--database-url`.

Pages are added with the sections' own factories, one `add_child` each (treebeard keeps
paths, depths and child counts right), live and published without a revision: the
revision history is the admin's business and costs three writes a page. Search and
reference indexing is deferred to the end, once per page, as the demo loader does
(`--skip-index` leaves it out; run `manage.py update_index` later). Text is generated
with Faker and sentences of the organisation's own copy (demo/content/site-copy.txt).
"""

import argparse
import os
import random
import re
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE = ROOT / "var" / "bench" / "corpus.sqlite3"
FULL = {"resources": 10_000, "webinars": 2_000, "members": 5_000}
BATCH = 250  # pages per transaction
MEMBER_KINDS = [
    "Children’s Alliance",
    "Kids Count",
    "Voices for Children",
    "Child Policy Center",
    "Family Advocacy Network",
]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--resources", type=int, default=FULL["resources"])
    parser.add_argument("--webinars", type=int, default=FULL["webinars"])
    parser.add_argument("--members", type=int, default=FULL["members"])
    parser.add_argument(
        "--scale", type=float, default=1.0, help="multiply every count (0.1: a tenth)"
    )
    parser.add_argument("--database-url", default=f"sqlite:///{DEFAULT_DATABASE}")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--skip-index", action="store_true", help="no search or reference indexing")
    return parser.parse_args(argv)


def setup_django(database_url: str) -> None:
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.test"
    os.environ["DATABASE_URL"] = database_url
    if database_url.startswith("sqlite:///"):
        path = Path(database_url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
    else:
        create_postgres_database(database_url)
    import django

    django.setup()


def create_postgres_database(database_url: str) -> None:
    import psycopg

    server, _, name = database_url.rpartition("/")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


class Text:
    """Realistic text: Faker's names and places around sentences of the organisation's copy."""

    PHRASES = [
        "{topic} in {state}",
        "What {state} families need from {topic_lower} policy",
        "{topic}: the {year} state budget and children",
        "A state advocate's guide to {topic_lower}",
        "{state}'s children and {topic_lower}: {year} data",
        "Closing gaps in {topic_lower} for young children",
        "How {city} advocates won on {topic_lower}",
        "{topic} after the {year} legislative session",
    ]

    def __init__(self, seed: int):
        from faker import Faker

        self.random = random.Random(seed)
        self.fake = Faker("en_US")
        self.fake.seed_instance(seed)
        copy = (ROOT / "demo" / "content" / "site-copy.txt").read_text(encoding="utf-8")
        self.sentences = [
            sentence
            for sentence in re.split(r"(?<=[.!?])\s+", " ".join(copy.split()))
            if 8 <= len(sentence.split()) <= 60 and "@" not in sentence
        ]

    def sentence(self) -> str:
        if self.random.random() < 0.6:
            return self.random.choice(self.sentences)
        return self.fake.sentence(nb_words=self.random.randint(10, 22))

    def paragraph(self, sentences=(3, 6)) -> str:
        return " ".join(self.sentence() for _ in range(self.random.randint(*sentences)))

    def body(self, paragraphs=(3, 6)) -> list:
        count = self.random.randint(*paragraphs)
        blocks = []
        for number in range(count):
            if number and number % 2 == 0:
                blocks.append(
                    ("heading", {"text": self.fake.catch_phrase().capitalize(), "level": "h2"})
                )
            blocks.append(("paragraph", f"<p>{self.paragraph()}</p>"))
        return blocks

    def title(self, topic: str, state: str, used: set) -> str:
        while True:
            title = self.random.choice(self.PHRASES).format(
                topic=topic,
                topic_lower=topic.lower(),
                state=state,
                city=self.fake.city(),
                year=self.random.randint(2014, 2026),
            )
            if title not in used:
                used.add(title)
                return title
            used.add(title)
            title = f"{title} ({self.fake.city()})"
            if title not in used:
                used.add(title)
                return title


class Timer:
    def __init__(self, label: str, total: int):
        self.label, self.total, self.done = label, total, 0
        self.start = time.perf_counter()

    def step(self, count: int = 1) -> None:
        self.done += count
        if self.done % 1000 == 0 or self.done == self.total:
            seconds = time.perf_counter() - self.start
            print(
                f"  {self.label}: {self.done:,}/{self.total:,} in {seconds:,.1f} s "
                f"({1000 * seconds / self.done:,.1f} s per 1,000)",
                flush=True,
            )

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.start


def batched(count: int, make) -> None:
    from django.db import transaction

    for start in range(0, count, BATCH):
        with transaction.atomic():
            for number in range(start, min(count, start + BATCH)):
                make(number)


def published(text: Text):
    moment = datetime(2014, 1, 1) + timedelta(days=text.random.randint(0, 4300))
    from django.utils import timezone

    aware = timezone.make_aware(moment)
    return {"first_published_at": aware, "last_published_at": aware}


def build_members(count: int, text: Text, timings: dict) -> list:
    from home.models import CustomImage, Network, State, Topic
    from members.factories import MemberProfilePageFactory
    from members.models import MemberDirectoryPage

    directory = MemberDirectoryPage.objects.get(locale__language_code="en")
    states = list(State.objects.order_by("code"))
    # A few big states have many members, most a handful: roughly by population.
    weights = [8 if s.code in {"CA", "TX", "NY", "FL"} else 1 for s in states]
    networks = list(Network.objects.filter(locale=directory.locale))
    topics = list(Topic.objects.filter(locale=directory.locale))
    logos = list(CustomImage.objects.filter(title__endswith=" logo")[:20])
    timer = Timer("members", count)
    made = []

    def make(number):
        state = text.random.choices(states, weights)[0]
        local = text.random.random() < 0.4
        name = f"{text.fake.company()} {text.random.choice(MEMBER_KINDS)}"
        page = MemberProfilePageFactory(
            parent=directory,
            title=name,
            slug=f"bench-member-{number}",
            home_state_id=state.code,
            locality=text.fake.city() if local else "",
            website=f"https://bench-member-{number}.example.org",
            description=text.paragraph((2, 4))[:1000],
            executive_director=text.fake.name(),
            contact_email=f"info@bench-member-{number}.example.org",
            year_joined=text.random.randint(2013, 2025),
            logo=text.random.choice(logos) if logos and text.random.random() < 0.5 else None,
            networks=text.random.sample(networks, text.random.randint(1, len(networks))),
            topics=text.random.sample(topics, text.random.randint(1, 3)),
            **published(text),
        )
        made.append(page.pk)
        timer.step()

    batched(count, make)
    timings["members"] = timer.seconds
    return made


def build_resources(count: int, text: Text, member_ids: list, timings: dict) -> None:
    from home.models import Network, State, Topic
    from library.factories import ResourcePageFactory
    from library.models import LibraryIndexPage
    from library.resource_types import ResourceType
    from members.models import MemberProfilePage

    library = LibraryIndexPage.objects.filter(locale__language_code="en", depth=3).get()
    members_library = LibraryIndexPage.objects.child_of(library).first()
    states = list(State.objects.order_by("code"))
    networks = list(Network.objects.filter(locale=library.locale))
    topics = list(Topic.objects.filter(locale=library.locale))
    authors = list(MemberProfilePage.objects.filter(pk__in=member_ids[:500]))
    types = [value for value, _ in ResourceType.choices]
    used: set[str] = set()
    timer = Timer("resources", count)

    def make(number):
        topic = text.random.choice(topics)
        state = text.random.choice(states)
        # One in ten is members-only, in the members' library section.
        parent = members_library if members_library and number % 10 == 9 else library
        published_on = date(2014, 1, 1) + timedelta(days=text.random.randint(0, 4300))
        ResourcePageFactory(
            parent=parent,
            title=text.title(topic.name, state.name, used),
            slug=f"bench-resource-{number}",
            resource_type=text.random.choice(types),
            published_on=published_on,
            summary=text.sentence()[:250],
            authoring_organisations=text.fake.company() if text.random.random() < 0.3 else "",
            body=text.body(),
            topics=[topic, *text.random.sample(topics, text.random.randint(0, 2))],
            networks=text.random.sample(networks, text.random.randint(0, 1)),
            states=[state, *text.random.sample(states, text.random.randint(0, 2))],
            authors=text.random.sample(authors, 1) if authors and number % 4 == 0 else [],
            **published(text),
        )
        timer.step()

    batched(count, make)
    timings["resources"] = timer.seconds


def build_webinars(count: int, text: Text, timings: dict) -> None:
    from django.utils import timezone

    from home.models import Network, Topic
    from webinars.factories import WebinarPageFactory, WebinarSpeakerFactory
    from webinars.models import Series, WebinarIndexPage

    index = WebinarIndexPage.objects.get(locale__language_code="en")
    series = list(Series.objects.filter(locale=index.locale))
    networks = list(Network.objects.filter(locale=index.locale))
    topics = list(Topic.objects.filter(locale=index.locale))
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    timer = Timer("webinars", count)

    def make(number):
        # Ten years of sessions, a tenth of them still to come.
        days = text.random.randint(-3300, 365)
        starts_at = now + timedelta(days=days, hours=text.random.randint(-4, 4))
        past = starts_at < now
        topic = text.random.choice(topics)
        WebinarPageFactory(
            parent=index,
            title=f"{topic.name}: {text.fake.catch_phrase()}",
            slug=f"bench-webinar-{number}",
            summary=text.sentence()[:250],
            starts_at=starts_at,
            duration=timedelta(minutes=text.random.choice([45, 60, 90])),
            webinar_series=text.random.choice(series) if series else None,
            body=text.body((2, 4)),
            recording_url=f"https://video.example.org/bench-{number}" if past else "",
            transcript=f"<p>{text.paragraph((6, 12))}</p>" if past else "",
            speakers=[
                WebinarSpeakerFactory.build(
                    page=None,
                    name=text.fake.name(),
                    role=text.fake.job()[:100],
                    organisation=text.fake.company(),
                    bio=text.sentence(),
                )
                for _ in range(text.random.randint(1, 3))
            ],
            topics=[topic],
            networks=text.random.sample(networks, text.random.randint(0, 1)),
            **published(text),
        )
        timer.step()

    batched(count, make)
    timings["webinars"] = timer.seconds


def main(argv=None) -> None:
    args = parse_args(argv)
    counts = {name: round(getattr(args, name) * args.scale) for name in FULL}
    setup_django(args.database_url)

    from contextlib import nullcontext

    from django.core.management import call_command

    from demo.indexing import deferred_indexing

    started = time.perf_counter()
    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    timings = {"migrate and demo": time.perf_counter() - started}
    print(f"Demo content loaded in {timings['migrate and demo']:,.1f} s", flush=True)

    text = Text(args.seed)
    indexing = nullcontext() if args.skip_index else deferred_indexing()
    if args.skip_index:
        from django.db.models.signals import post_save

        from adapters import modelsearch as modelsearch_adapter
        from adapters import wagtail as wagtail_adapter

        for handler, _task in [
            modelsearch_adapter.search_index_on_save(),
            wagtail_adapter.reference_index_on_save(),
        ]:
            for model in {
                *modelsearch_adapter.indexed_models(),
                *wagtail_adapter.reference_indexed_models(),
            }:
                post_save.disconnect(handler, sender=model)
    with indexing:
        members = build_members(counts["members"], text, timings)
        build_resources(counts["resources"], text, members, timings)
        build_webinars(counts["webinars"], text, timings)
        index_started = time.perf_counter()
    if not args.skip_index:
        timings["indexing"] = time.perf_counter() - index_started
    timings["total"] = time.perf_counter() - started

    from wagtail.models import Page

    problems = Page.find_problems()
    print(f"\nCorpus in {args.database_url}:")
    for name, count in counts.items():
        seconds = timings[name]
        per = 1000 * seconds / count if count else 0
        print(f"  {count:>7,} {name:<10} {seconds:>8,.1f} s  ({per:,.1f} s per 1,000)")
    if "indexing" in timings:
        print(f"  search and reference indexing {timings['indexing']:,.1f} s")
    print(f"  total {timings['total']:,.1f} s, {Page.objects.count():,} pages in the tree")
    print("  tree check (treebeard find_problems):", "clean" if not any(problems) else problems)


if __name__ == "__main__":
    main()
