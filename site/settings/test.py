"""Test settings: fast hashing, predictable storage, no traffic off this machine."""

from settings.storage import local_storages

from .base import *  # noqa: F403
from .base import STORAGES, envvars

SECRET_KEY = "test-only-key-not-secret-4b8e2d6f1a3c5e7b9d0f2a4c6e8b1d3f"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

STORAGES = STORAGES | {
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
}
if not envvars.AWS_STORAGE_BUCKET_NAME:
    # Each test run writes files under var/test-media, never into the demo site's media.
    MEDIA_ROOT = envvars.BASE_DIR / "var" / "test-media"
    STORAGES |= local_storages(envvars.BASE_DIR / "var" / "test-documents")

WAGTAILEMBEDS_FINDERS = [{"class": "home.embeds.LinkOnlyFinder"}]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING = {"version": 1, "disable_existing_loggers": False}

# Serve static files straight from the app folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
