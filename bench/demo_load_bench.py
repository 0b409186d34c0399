"""How long `manage.py load_demo_content` takes on a fresh database, and run again.

    .venv/bin/python bench/demo_load_bench.py [--runs 3]
    .venv/bin/python bench/demo_load_bench.py --postgres postgres://postgres@127.0.0.1:5432

Migrates a throw-away database once (SQLite in a temporary folder, or a PostgreSQL
database created for the run and dropped after it), then for each run copies it and
loads the demo into the copy twice: the first load builds everything, the second
finds everything there. Times the command itself (Django's start-up is left out) and
counts its queries. Test settings: files go under var/test-media. Figures depend on
the machine and on what else runs on it: compare runs on one machine only.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = Path(sys.executable)

# Run in a fresh interpreter per load, so nothing is cached from a previous one.
TIMED_LOAD = """
import io, json, sys, time
sys.path.insert(0, "site")
import django
django.setup()
from django.core.management import call_command
from django.db import connection
queries = 0
def count(execute, sql, params, many, context):
    global queries
    queries += 1
    return execute(sql, params, many, context)
with connection.execute_wrapper(count):
    start = time.perf_counter()
    call_command("load_demo_content", stdout=io.StringIO())
    seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "queries": queries}))
"""


def run(database_url: str, *args: str) -> str:
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "settings.test", "DATABASE_URL": database_url}
    result = subprocess.run(  # noqa: S603 - our own manage.py and code
        [str(PYTHON), *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout


def timed_load(database_url: str) -> dict:
    return json.loads(run(database_url, "-c", TIMED_LOAD).splitlines()[-1])


class SQLiteDatabases:
    def __init__(self, folder: Path):
        self.folder = folder
        self.template = folder / "migrated.sqlite3"

    def migrate(self) -> None:
        run(f"sqlite:///{self.template}", "manage.py", "migrate", "--noinput")

    def fresh(self, run_number: int) -> str:
        path = self.folder / f"run-{run_number}.sqlite3"
        shutil.copyfile(self.template, path)
        return f"sqlite:///{path}"

    def drop_all(self) -> None:
        pass  # the temporary folder goes


class PostgresDatabases:
    def __init__(self, server_url: str):
        self.server_url = server_url.rstrip("/")
        self.prefix = f"demo_bench_{uuid.uuid4().hex[:8]}"
        self.template = f"{self.prefix}_migrated"
        self.created: list[str] = []

    def sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as connection:
            connection.execute(statement)

    def create(self, name: str, template: str = "template1") -> str:
        self.sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self.created.append(name)
        return f"{self.server_url}/{name}"

    def migrate(self) -> None:
        run(self.create(self.template), "manage.py", "migrate", "--noinput")

    def fresh(self, run_number: int) -> str:
        return self.create(f"{self.prefix}_run_{run_number}", template=self.template)

    def drop_all(self) -> None:
        for name in reversed(self.created):
            self.sql(f'DROP DATABASE IF EXISTS "{name}"')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--postgres",
        metavar="SERVER_URL",
        help="a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432) to create the "
        "benchmark's databases on, instead of SQLite",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="demo-bench-") as tmp:
        if args.postgres:
            databases = PostgresDatabases(args.postgres)
        else:
            databases = SQLiteDatabases(Path(tmp))
        try:
            print("Migrating a fresh database…")
            databases.migrate()
            first, second = [], []
            for number in range(1, args.runs + 1):
                database_url = databases.fresh(number)
                first.append(timed_load(database_url))
                second.append(timed_load(database_url))
                print(
                    f"run {number}: first load {first[-1]['seconds']:.2f} s "
                    f"({first[-1]['queries']} queries), second load "
                    f"{second[-1]['seconds']:.2f} s ({second[-1]['queries']} queries)"
                )
        finally:
            databases.drop_all()
    for name, loads in [("first load", first), ("second load", second)]:
        print(f"{name}: median {statistics.median(load['seconds'] for load in loads):.2f} s")


if __name__ == "__main__":
    main()
