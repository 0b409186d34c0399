"""Settings smoke tests: each settings module in a fresh process, as it would start."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import free_port

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "settings.production",
    "DJANGO_SECRET_KEY": "x" * 20 + "-not-a-real-secret-but-long-and-varied-0123456789",
    "ALLOWED_HOSTS": "www.example.org,127.0.0.1",
}


def clean_env(**extra):
    """The environment minus anything that would change the settings under test."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "AWS_", "ALLOWED_", "CSRF_"))
    }
    return env | extra


def run(args, **env):
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *args], cwd=ROOT, env=clean_env(**env), capture_output=True, text=True
    )


def settings_value(module, expression, **env):
    code = f"import sys; sys.path.insert(0, 'site'); import {module} as s; print({expression})"
    result = run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_refuses_to_start_without_a_secret_key():
    env = PRODUCTION_ENV | {"DJANGO_SECRET_KEY": ""}
    result = run(["manage.py", "check"], **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set in the environment for production" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = PRODUCTION_ENV | {"ALLOWED_HOSTS": ""}
    result = run(["manage.py", "check"], **env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_default_database_is_sqlite_under_var():
    assert settings_value("settings.base", "s.DATABASES['default']['NAME']") == str(
        ROOT / "var" / "db.sqlite3"
    )


def test_migrate_works_where_the_sqlite_folder_does_not_exist_yet(tmp_path):
    # A fresh clone has no var/: `manage.py migrate` must make the folder of its database.
    database = tmp_path / "not-yet" / "db.sqlite3"
    result = run(["manage.py", "migrate", "--noinput", "-v0"], DATABASE_URL=f"sqlite:///{database}")
    assert result.returncode == 0, result.stderr
    assert database.exists()


def test_static_root_defaults_under_var_and_can_be_moved(tmp_path):
    assert settings_value("settings.base", "s.STATIC_ROOT") == str(ROOT / "var" / "static")
    moved = settings_value("settings.base", "s.STATIC_ROOT", STATIC_ROOT=str(tmp_path))
    assert moved == str(tmp_path)


def test_database_url_selects_postgresql():
    url = "postgres://postgres@127.0.0.1:5432/partnership"
    engine = settings_value("settings.base", "s.DATABASES['default']['ENGINE']", DATABASE_URL=url)
    assert engine == "django.db.backends.postgresql"


def test_redis_url_selects_the_redis_cache():
    assert settings_value("settings.base", "s.CACHES['default']['BACKEND']") == (
        "django.core.cache.backends.locmem.LocMemCache"
    )
    backend = settings_value(
        "settings.base", "s.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/0"
    )
    assert backend == "operations.cache.ResilientRedisCache"  # Django's, run without Redis


def test_bucket_name_selects_s3_for_media_and_documents():
    expression = "s.STORAGES['default']['BACKEND'], s.STORAGES['documents']['OPTIONS']['location']"
    value = settings_value("settings.base", expression, AWS_STORAGE_BUCKET_NAME="media-bucket")
    assert value == "storages.backends.s3.S3Storage documents"


def test_production_runs_tasks_through_the_database_backend():
    backend = settings_value(
        "settings.production", "s.TASKS['default']['BACKEND']", **PRODUCTION_ENV
    )
    assert backend == "django_tasks_db.DatabaseBackend"


@pytest.fixture(scope="module")
def gunicorn_server(tmp_path_factory):
    """gunicorn with production settings on a free loopback port, as deployed."""
    tmp = tmp_path_factory.mktemp("gunicorn")
    # Static files of its own: under pytest-xdist each worker that runs a test of this
    # module starts its own server, and two collectstatic runs into one STATIC_ROOT delete
    # and rewrite each other's hashed files (CI failed on that once).
    env = PRODUCTION_ENV | {
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
    }
    collect = run(["manage.py", "collectstatic", "--noinput", "-v0"], **env)
    assert collect.returncode == 0, collect.stderr
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--pythonpath",
            "site",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "wsgi:application",
        ],
        cwd=ROOT,
        env=clean_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=2)  # noqa: S310 - loopback
            break
        except OSError:
            time.sleep(0.3)
    yield base
    process.terminate()
    process.wait(timeout=10)


def test_gunicorn_serves_health_check(gunicorn_server):
    with urllib.request.urlopen(f"{gunicorn_server}/healthz", timeout=5) as response:  # noqa: S310
        assert response.status == 200
        assert b'"status": "ok"' in response.read()


def test_gunicorn_serves_static_files_through_whitenoise(gunicorn_server):
    request = urllib.request.Request(  # noqa: S310
        f"{gunicorn_server}/static/css/site.css", headers={"X-Forwarded-Proto": "https"}
    )
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        assert response.status == 200
        assert b"--brand" in response.read()
