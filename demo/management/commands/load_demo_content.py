"""Build the demo site: `python manage.py load_demo_content`. Safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.indexing import deferred_indexing
from demo.registry import demo_sections
from home import demo as home_demo


class Command(BaseCommand):
    help = "Load the demo content (idempotent: running it twice changes nothing)."

    def handle(self, *args, **options):
        def log(message):
            self.stdout.write(message)
            self.stdout.flush()

        sections = demo_sections()  # each section's, registered in its wagtail_hooks.py
        log("Loading demo content…")
        # Search and reference indexes once per object at the end, not on every save.
        with transaction.atomic(), deferred_indexing():
            log("Site")
            home = home_demo.load(log)
            for section in sections:
                if section.load is not None:
                    log(section.name)
                    section.load(home, log)
            # Then the Spanish (through wagtail-localize), in the same order: parents
            # before children. What is left untranslated shows the fallback.
            log("Site in Spanish")
            home_demo.load_spanish(home, log)
            for section in sections:
                if section.load_spanish is not None:
                    log(f"{section.name} in Spanish")
                    section.load_spanish(home, log)
        log(self.style.SUCCESS("Demo content loaded."))
        log(
            f"Admin: http://127.0.0.1:8000/admin/  user {home_demo.DEMO_ADMIN_USERNAME!r} "
            f"password {home_demo.DEMO_ADMIN_PASSWORD!r}"
        )
