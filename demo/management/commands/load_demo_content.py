"""Build the demo site: `python manage.py load_demo_content`. Safe to run again."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.indexing import deferred_indexing
from home import demo as home_demo

# Each section's demo module, in the order they depend on each other. Each has
# `load(home_page, log)` and, like home.demo, creates only what is missing.
SECTION_DEMO_MODULES: list[str] = [
    "members.demo",
    "library.demo",
    "webinars.demo",
    "campaigns.demo",
]

# Then the Spanish translations (through wagtail-localize) of part of the demo, parents
# before children; what is left untranslated shows the fallback. Each has
# `load(home_page, log)` and translates only what has no Spanish yet.
SPANISH_DEMO_MODULES: list[str] = [
    "home.demo_es",
    "library.demo_es",
    "webinars.demo_es",
    "campaigns.demo_es",
]


class Command(BaseCommand):
    help = "Load the demo content (idempotent: running it twice changes nothing)."

    def handle(self, *args, **options):
        def log(message):
            self.stdout.write(message)
            self.stdout.flush()

        log("Loading demo content…")
        # Search and reference indexes once per object at the end, not on every save.
        with transaction.atomic(), deferred_indexing():
            log("Site")
            home = home_demo.load(log)
            for module_name in SECTION_DEMO_MODULES:
                log(module_name.split(".")[0].capitalize())
                import_module(module_name).load(home, log)
            log("Spanish")
            for module_name in SPANISH_DEMO_MODULES:
                import_module(module_name).load(home, log)
        log(self.style.SUCCESS("Demo content loaded."))
        log(
            f"Admin: http://127.0.0.1:8000/admin/  user {home_demo.DEMO_ADMIN_USERNAME!r} "
            f"password {home_demo.DEMO_ADMIN_PASSWORD!r}"
        )
