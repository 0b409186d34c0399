"""Base settings: safe for production by default (no DEBUG, no secrets).

Environment variables are read in `settings.environment`; this module only uses them.
"""

from datetime import timedelta
from pathlib import Path

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
    "security",
    "response_cache",
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
    "axes",
]

MIDDLEWARE = [
    "security.methods.AllowedMethodsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "security.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Stores what may be shared, once the middlewares below have set their cookies and
    # Vary; the CORS and CSP headers (above) are added to every response, hits included.
    "response_cache.middleware.UpdateResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Answers from the cache, after everything a hit still needs (response_cache/).
    "response_cache.middleware.FetchFromResponseCacheMiddleware",
    # Last, as axes requires; the password-form counter inside it (security/throttling.py).
    "axes.middleware.AxesMiddleware",
    "security.throttling.PasswordFormThrottleMiddleware",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite makes its file but not its folder: `migrate` on a fresh clone needs var/.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, else this process's memory. Only a cache: while
# Redis fails, the site runs without it (operations.cache) and tries it again every
# RETRY_AFTER seconds.
if envvars.REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "operations.cache.ResilientRedisCache",
            "LOCATION": envvars.REDIS_URL,
            "KEY_PREFIX": "partnership",
            "TIMEOUT": 300,
            "RETRY_AFTER": 5,
            # Fail fast rather than hang a web worker when Redis is away.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
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
# Uploads are stored while the form is checked, and files keep their collection's privacy
# (home/forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.forms.DocumentForm"
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

# ---------------------------------------------------------------------------------------
# Response cache (response_cache/, README "Response cache")
# ---------------------------------------------------------------------------------------
# Anonymous GET/HEAD responses of pages and the API are kept in the default cache, keyed
# by the content version, so that any public change makes the next request fresh.
# False serves every request uncached (Cache-Control stays the same), e.g. to measure.
RESPONSE_CACHE_ENABLED = True
# Seconds a stored response is kept at most (a content change ends it at once).
RESPONSE_CACHE_TIMEOUT = 300
# Cache-Control of public pages: browsers keep them a minute, a CDN five (publishing
# purges the page and its listing when WAGTAILFRONTENDCACHE is set).
RESPONSE_CACHE_MAX_AGE = 60
RESPONSE_CACHE_S_MAXAGE = 300
# Paths never answered from the cache, besides the Wagtail admin.
RESPONSE_CACHE_SKIP_PATHS = ["/healthz", "/login/"]

# ---------------------------------------------------------------------------------------
# Security (security/, README "Security")
# ---------------------------------------------------------------------------------------
from csp.constants import NONCE, NONE, SELF  # noqa: E402

# The public site's Content-Security-Policy; the admin's looser one, framing and the media
# host are chosen per response in security/csp.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        # Video embeds (Wagtail's oEmbed finders) play in the providers' iframes.
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
TEMPLATES[0]["OPTIONS"]["context_processors"].append("csp.context_processors.nonce")
# Partner sites see that a visitor came from here, never from which (maybe members-only) page.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Powerful features no page here uses; video players keep autoplay, fullscreen and the like.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "hid",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
}

# Login throttling (django-axes, database handler): 5 failures for one user name from one
# address lock that pair out for 15 minutes; a success resets the count.
AUTHENTICATION_BACKENDS = [
    "security.throttling.ThrottledBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "security.throttling.lockout_response"
# Count failures only: no diary of every successful login and its address.
AXES_DISABLE_ACCESS_LOG = True

# Sessions: a working day at most, and gone when the browser closes (Wagtail's "remember
# me" keeps an admin's session for the full 12 hours).
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# No shared-password restrictions: who may see a page or a collection is decided by
# login and groups (privacy/), not by a password passed around.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
