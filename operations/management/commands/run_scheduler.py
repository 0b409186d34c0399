"""`manage.py run_scheduler`: scheduled publishing, every minute, until SIGTERM."""

import logging

from django.core.management.base import BaseCommand

from operations import scheduling


class Command(BaseCommand):
    help = (
        "Publish and unpublish scheduled pages and snippets every minute (Wagtail's "
        "publish_scheduled), logging what changed, until SIGTERM or SIGINT. Run one."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=60.0,
            help="seconds between ticks (default 60)",
        )
        parser.add_argument(
            "--once", action="store_true", help="run one tick and exit (1 if it failed)"
        )

    def handle(self, *args, interval, once, verbosity, **options):
        # What the scheduler did is worth reading at the default verbosity, while the
        # settings log only warnings: its own logger says INFO, through the root handler.
        logging.getLogger(scheduling.__name__).setLevel(
            logging.INFO if verbosity >= 1 else logging.WARNING
        )
        if once:
            if scheduling.safe_tick() is None:
                raise SystemExit(1)
            return
        scheduling.run_forever(interval=interval)
