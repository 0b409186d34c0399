"""URLs of the site. Page URLs come from Wagtail's tree, in English at / and Spanish at /es/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from content_api.router import api_router
from content_api.views import UnknownPathEndpoint
from home import sitemap
from home.views import robots_txt
from operations.health import healthz
from privacy import downloads

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document URLs, its serve view wrapped (privacy.downloads: Cache-Control:
    # private for members-only files, ETags that are the file's hash).
    path(
        "documents/",
        include(
            [
                re_path(r"^(\d+)/(.*)$", downloads.serve, name="wagtaildocs_serve"),
                path("", include(wagtaildocs_urls)),
            ]
        ),
    ),
    path("api/v2/", api_router.urls),
    # Anything else under an API version (/api/v1/, /api/v2/nope/) is a JSON 404 too; /api/
    # itself stays free for a page. Only paths ending in a slash, so that APPEND_SLASH
    # still redirects /api/v2/pages to /api/v2/pages/.
    re_path(r"^api/v\d+/(?:.*/)?$", UnknownPathEndpoint.as_view(), name="api_unknown_path"),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The sitemap, or past one file's worth of URLs an index of its files (home.sitemap).
    path("sitemap.xml", sitemap.sitemap, name="sitemap"),
    path("sitemap-<section>.xml", sitemap.sitemap_section, name="sitemap_section"),
    path("login/", include("library.urls")),
]

if settings.DEBUG:
    # In production media come from S3 (or a CDN) and static files from whitenoise.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
