"""Every public response of the demo site, as a file to compare before and after a change
that should change nothing anyone sees: rendered pages (with listing filters), calendars,
search, the sitemap and the content API (every endpoint, listing and detail).

    .venv/bin/python -m demo.snapshot before.jsonl     # on the old code
    .venv/bin/python -m demo.snapshot after.jsonl      # on the new code
    diff before.jsonl after.jsonl

Builds a fresh SQLite database and media folder, loads the demo at a fixed instant and
makes every request at that instant, so two runs of the same code give the same bytes
(block ids, which are random, and CSRF tokens are blanked). Needs the development
requirements (time-machine).
"""

import json
import os
import re
import sys
import tempfile
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

INSTANT = datetime(2026, 12, 2, 12, 0, tzinfo=ZoneInfo("America/New_York"))
API = "/api/v2"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')

LISTING_QUERIES = {
    "LibraryIndexPage": [
        "type=report",
        "type=policy-brief,fact-sheet",
        "resource_type=toolkit",
        "topic=child-health",
        "topic=child-nutrition&state=OH",
        "network=sparc",
        "state=OH,MI",
        "year=2025",
        "q=budget",
        "q=child&sort=title",
        "sort=title",
        "page=2",
        "type=nope",
        "topic=nope",
        "year=20x5",
    ],
    "WebinarIndexPage": [
        "topic=child-welfare",
        "network=sparc",
        "series=peer-exchange",
        "state=OH",
        "topic=nope",
        "page=2",
    ],
    "MemberDirectoryPage": [
        "state=CA",
        "state=CA,NY",
        "network=sparc",
        "topic=child-welfare",
        "state=ZZ",
    ],
}
SEARCHES = [
    "q=census",
    "q=child&type=resource",
    "q=child&topic=child-health",
    "q=child&network=sparc&page=2",
    "q=censo",
    "q=",
    "q=child&type=nope",
]
PAGE_QUERIES = [
    "type=webinars.WebinarPage&status=upcoming",
    "type=webinars.WebinarPage&status=past",
    "type=webinars.WebinarPage&series=peer-exchange&fields=series",
    "type=webinars.WebinarPage&starts_after=2026-12-01&starts_before=2027-03-01",
    "status=upcoming",
    "type=library.ResourcePage&resource_type=policy-brief",
    "type=library.ResourcePage&published_after=2025-01-01&published_before=2025-06-30",
    "resource_type=toolkit",
    "topic=child-nutrition&state=OH",
    "network=sparc",
    "type=members.MemberProfilePage&state=CA",
    "search=census",
    "search=child&type=library.ResourcePage",
    "child_of=3",
    "order=-first_published_at&limit=5",
    "topic=nope",
    "status=later",
    "resource_type=nope",
]


def load_demo(folder: Path):
    """Django set up on a new database in `folder`, with the demo loaded."""
    sys.path[:0] = [str(Path.cwd()), str(Path.cwd() / "site")]
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings, setup_test_environment

    # Fresh media and documents folders: file names get no collision suffixes.
    override_settings(
        MEDIA_ROOT=folder / "media",
        ALLOWED_HOSTS=["*"],
        STORAGES=settings.STORAGES
        | {
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(folder / "media"), "base_url": "/media/"},
            },
            "documents": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(folder / "documents"), "base_url": None},
            },
        },
    ).enable()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)


def demo_urls(client) -> list[str]:
    from wagtail.models import Page

    urls = []

    def add(url):
        if url not in urls:
            urls.append(url)

    pages = list(Page.objects.live().filter(depth__gt=1).specific().order_by("path"))
    for page in pages:
        url = page.get_url()
        if not url:
            continue
        add(url)
        if hasattr(page, "reverse_subpage"):
            with suppress(Exception):  # not every routable page has a calendar
                add(url + page.reverse_subpage("calendar"))
        for query in LISTING_QUERIES.get(type(page).__name__, []):
            add(f"{url}?{query}")
            if type(page).__name__ == "WebinarIndexPage":
                add(f"{url}calendar/?{query}")
    for prefix in ("", "/es"):
        for query in SEARCHES:
            add(f"{prefix}/search/?{query}")
        add(f"{prefix}/search/suggest/?q=chi")
        add(f"{prefix}/search/suggest/?q=cen")
    add("/sitemap.xml")
    add("/robots.txt")

    add(f"{API}/openapi.json")
    for offset in (0, 100):
        add(f"{API}/pages/?limit=100&offset={offset}")
        add(f"{API}/pages/?limit=100&offset={offset}&locale=es")
    for page_type in sorted({f"{type(p)._meta.app_label}.{type(p).__name__}" for p in pages}):
        add(f"{API}/pages/?type={page_type}&fields=*&limit=100")
        add(f"{API}/pages/?type={page_type}&fields=*&limit=100&locale=es")
    for query in PAGE_QUERIES:
        add(f"{API}/pages/?{query}")
    for page in pages:
        add(f"{API}/pages/{page.pk}/")
        if page.get_url():
            add(f"{API}/pages/find/?html_path={page.get_url()}")
    for endpoint in ("images", "documents"):
        add(f"{API}/{endpoint}/?limit=100")
        for item in client.get(f"{API}/{endpoint}/?limit=100").json().get("items", []):
            add(f"{API}/{endpoint}/{item['id']}/")
    for endpoint in ("topics", "networks", "states", "webinar-series", "resource-types"):
        add(f"{API}/{endpoint}/")
        add(f"{API}/{endpoint}/?locale=es")
        for item in client.get(f"{API}/{endpoint}/").json().get("items", [])[:6]:
            add(f"{API}/{endpoint}/{item.get('slug') or item.get('code')}/")
    for query in ("", "?network=sparc", "?locale=es", "CA/", "CA/?network=sparc"):
        add(f"{API}/member-states/{query}")
    return urls


def snapshot(client, urls, out) -> None:
    for url in urls:
        response = client.get(url)
        body = b"".join(response) if response.streaming else response.content
        try:
            text = body.decode()
        except UnicodeDecodeError:
            text = f"<{len(body)} bytes>"
        entry = {
            "url": url,
            "status": response.status_code,
            "type": response.get("Content-Type", ""),
            "location": response.get("Location", ""),
            "body": CSRF.sub('name="csrfmiddlewaretoken" value="…"', UUID.sub("<uuid>", text)),
        }
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")


def main(path: str) -> None:
    import time_machine

    with time_machine.travel(INSTANT, tick=False):
        load_demo(Path(tempfile.mkdtemp(prefix="demo-snapshot-")))
        from django.test import Client

        client = Client(SERVER_NAME="127.0.0.1", SERVER_PORT="8000")
        urls = demo_urls(client)
        with open(path, "w", encoding="utf-8") as out:
            snapshot(client, urls, out)
    sys.stdout.write(f"{len(urls)} responses written to {path}\n")


if __name__ == "__main__":
    main(sys.argv[1])
