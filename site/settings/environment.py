"""Every environment variable the platform reads, in one place, with its type and default.

`.env.example` and the README list the same variables; keep the three in step.
A `.env` file at the project root is read if present (values already in the
environment win). An empty value counts as unset, so the default applies.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parents[2]

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


def _str(name: str, default: str = "") -> str:
    return env.str(name, default="") or default


def _list(name: str) -> list[str]:
    return [item.strip() for item in _str(name).split(",") if item.strip()]


# Core
SECRET_KEY = _str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = _list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = _list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = _str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

# Database: SQLite under var/ unless DATABASE_URL names another (PostgreSQL in production).
DATABASE_URL = _str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
DATABASE_CONN_MAX_AGE = int(_str("DATABASE_CONN_MAX_AGE", "0"))

# Static files: where collectstatic writes them (whitenoise serves them from there).
STATIC_ROOT = _str("STATIC_ROOT", str(BASE_DIR / "var" / "static"))

# Cache: local memory unless REDIS_URL is set.
REDIS_URL = _str("REDIS_URL")

# Media and documents: local files under var/ unless a bucket is named.
AWS_STORAGE_BUCKET_NAME = _str("AWS_STORAGE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = _str("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = _str("AWS_S3_REGION_NAME", "us-east-1")
AWS_ACCESS_KEY_ID = _str("AWS_ACCESS_KEY_ID") or None
AWS_SECRET_ACCESS_KEY = _str("AWS_SECRET_ACCESS_KEY") or None
AWS_S3_ADDRESSING_STYLE = _str("AWS_S3_ADDRESSING_STYLE", "auto")
AWS_S3_CUSTOM_DOMAIN = _str("AWS_S3_CUSTOM_DOMAIN") or None

# Content API: partner origins allowed to call /api/ from a browser.
CORS_ALLOWED_ORIGINS = _list("CORS_ALLOWED_ORIGINS")
# Headless preview: the front end's preview URL, where editors' "Headless front end"
# preview mode sends them (with content_type, token and locale in the query), e.g.
# https://front.example.org/preview. `{SITE_ROOT_URL}` stands for the page's site.
# Empty (the default): no such preview mode.
HEADLESS_PREVIEW_CLIENT_URL = _str("HEADLESS_PREVIEW_CLIENT_URL")
