"""Local development: debugging on, a fixed non-secret key, the site at 127.0.0.1:8000."""

from .base import *  # noqa: F403
from .base import STORAGES, envvars

DEBUG = True
SECRET_KEY = envvars.SECRET_KEY or "dev-only-key-not-secret-9f3c1e7a2b5d8c4e6a1f0b3d7e9c2a5f"
ALLOWED_HOSTS = envvars.ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]

# No collectstatic needed while developing.
STORAGES = STORAGES | {
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
}

# Dev machines may be offline: show video embeds as links instead of asking the provider.
WAGTAILEMBEDS_FINDERS = [{"class": "home.embeds.LinkOnlyFinder"}]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Serve static files straight from the app folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
