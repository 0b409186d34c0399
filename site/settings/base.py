"""Base settings: safe for production by default (no DEBUG, no secrets).

Environment variables are read in `settings.environment`; this module only uses them.
"""

from settings import environment as envvars
from settings.storage import local_storages, s3_storages

BASE_DIR = envvars.BASE_DIR
PROJECT_DIR = BASE_DIR / "site"
VAR_DIR = BASE_DIR / "var"

DEBUG = False
SECRET_KEY = envvars.SECRET_KEY
ALLOWED_HOSTS = envvars.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = envvars.CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    # Our apps first, so their templates override those of Wagtail and Django, and
    # languages' admin URLs answer before wagtail_localize's (languages/wagtail_hooks.py;
    # checked at start-up by adapters/checks.py).
    "home",
    "webinars",
    "library",
    "campaigns",
    "members",
    "search",
    # Rooms shared by the sections (docs/architecture.md)
    "content_api",
    "privacy",
    "languages",
    "taxonomy",
    "demo",
    "operations",
    "adapters",
    # Wagtail and its contrib modules
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail_headless_preview",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "urls"
WSGI_APPLICATION = "wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database
DATABASES = {
    "default": envvars.env.db_url_config(envvars.DATABASE_URL)
    | {"CONN_MAX_AGE": envvars.DATABASE_CONN_MAX_AGE, "CONN_HEALTH_CHECKS": True}
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, else this process's memory.
if envvars.REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": envvars.REDIS_URL,
            "KEY_PREFIX": "partnership",
            "TIMEOUT": 300,
            # Fail fast rather than hang a web worker when Redis is away.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Passwords
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# Languages: English at /, Spanish at /es/.
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
FORMAT_MODULE_PATH = ["formats"]  # site/formats/<language>/formats.py
USE_I18N = True
WAGTAIL_I18N_ENABLED = True
# A page that has not been translated is never published in Spanish with English text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Editors work in US Eastern time; the database stores UTC.
TIME_ZONE = "America/New_York"
USE_TZ = True

# Static files: served by whitenoise, no build step.
STATIC_URL = "/static/"
STATIC_ROOT = envvars.STATIC_ROOT
STATICFILES_DIRS = [BASE_DIR / "static"]

# Media and documents: see settings/storage.py for why documents have their own storage.
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
if envvars.AWS_STORAGE_BUCKET_NAME:
    STORAGES = s3_storages(
        bucket_name=envvars.AWS_STORAGE_BUCKET_NAME,
        endpoint_url=envvars.AWS_S3_ENDPOINT_URL,
        region_name=envvars.AWS_S3_REGION_NAME,
        access_key=envvars.AWS_ACCESS_KEY_ID,
        secret_key=envvars.AWS_SECRET_ACCESS_KEY,
        addressing_style=envvars.AWS_S3_ADDRESSING_STYLE,
        custom_domain=envvars.AWS_S3_CUSTOM_DOMAIN,
    )
else:
    STORAGES = local_storages(VAR_DIR / "documents")
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

# Wagtail
WAGTAIL_SITE_NAME = "Partnership for America's Children"
WAGTAILADMIN_BASE_URL = envvars.WAGTAILADMIN_BASE_URL
WAGTAILIMAGES_IMAGE_MODEL = "home.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "home.CustomDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_FRONTEND_LOGIN_URL = "/login/"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Wagtail's database backend; on PostgreSQL each language's pages are stemmed with its own
# text search configuration (search/backends.py, search/README.md).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "SEARCH_CONFIGS": {"en": "english", "es": "spanish"},
    }
}
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILAPI_LIMIT_MAX = 100
# Rich text in the API as display HTML (links resolved), not Wagtail's database format.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background tasks: run at once in-process by default; production uses the database
# backend and `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Content API CORS: an allow-list of partner origins, never credentials.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOWED_ORIGINS = envvars.CORS_ALLOWED_ORIGINS
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# Warnings and errors to the console; Django's own loggers (runserver's request log,
# django.request errors) keep their defaults.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# ---------------------------------------------------------------------------------------
# Content API (/api/v2/; content_api/, docs/api.md)
# ---------------------------------------------------------------------------------------
# Browser clients may send conditional requests and read the validators.
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]
CORS_PREFLIGHT_MAX_AGE = 86400
# Cache-Control of every public API response: browsers keep it a minute, a CDN five,
# and either may serve a stale copy while it revalidates (cheaply, with a 304).
CONTENT_API_CACHE_MAX_AGE = 60
CONTENT_API_CACHE_S_MAXAGE = 300
CONTENT_API_STALE_WHILE_REVALIDATE = 300
# With a CDN (WAGTAILFRONTENDCACHE) and WAGTAILAPI_USE_FRONTENDCACHE = True, each content
# change purges these paths (a CloudFront-style wildcard; list exact URLs for others).
CONTENT_API_PURGE_PATHS = ["/api/v2/*"]
CONTENT_API_BLOCK_IMAGE_RENDITION = "max-1600x1600"
# The content API's responses depend on ?locale=, never on Accept-Language: drop the Vary
# that LocaleMiddleware adds (the middleware must come before, i.e. outside, it).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.locale.LocaleMiddleware"),
    "content_api.middleware.LanguageFromURLMiddleware",
)
# Headless preview (content_api/headless_preview.py, content_api/preview.py): editors'
# "Headless front end" preview mode redirects to the front end with a signed token
# (Wagtail 7.1+ handles the cross-origin redirect in its preview panel); the front end
# reads the draft from /api/v2/page_preview/ until the token is
# CONTENT_API_PREVIEW_MAX_AGE seconds old.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": (
        {"default": envvars.HEADLESS_PREVIEW_CLIENT_URL}
        if envvars.HEADLESS_PREVIEW_CLIENT_URL
        else {}
    ),
    "REDIRECT_ON_PREVIEW": True,
}
CONTENT_API_PREVIEW_MAX_AGE = 15 * 60
# How many web processes share the content version (see content_api/checks.py).
WEB_CONCURRENCY = envvars.WEB_CONCURRENCY
