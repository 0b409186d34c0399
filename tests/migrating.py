"""For the tests of data migrations: go back to an app's old schema, then forward to the
latest migration of every app. Migrating one app back also unapplies the migrations of
other apps that depend on it (library 0004 takes webinars 0005 with it), so "forward"
means every leaf of the graph, never the app's own latest: a database left half-migrated
fails a later test on the same worker with a missing column."""

from contextlib import contextmanager

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def unapplied_migrations():
    executor = MigrationExecutor(connection)
    return [
        f"{migration.app_label}.{migration.name}"
        for migration, _backwards in executor.migration_plan(executor.loader.graph.leaf_nodes())
    ]


@contextmanager
def schema_at(targets):
    """Yields the old schema's apps (for its models); always leaves every app at its latest."""
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(targets)
        executor.loader.build_graph()
        yield executor.loader.project_state(targets).apps
    finally:
        migrate_to_latest()
