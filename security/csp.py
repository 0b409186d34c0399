"""The Content-Security-Policy: strict on the public site, looser in the Wagtail admin.

The public site runs only its own files and the scripts the server gave a nonce (the
JSON-LD blocks, `nonce="{{ request.csp_nonce }}"`): an injected `<script>`, inline event
handler or `javascript:` link does not run, although the site shares its origin with
/admin/. Its policy is `CONTENT_SECURITY_POLICY` in settings.

The admin is Wagtail's and wagtail-localize's own pages, which put inline `<script>`
blocks in their templates (inline panels, date pickers, the translation editor) and
style attributes everywhere, none with a nonce; so there scripts and styles may be
inline (`ADMIN_DIRECTIVES`). Everything else stays as strict as the public site.

Two things depend on the response rather than the path:
- framing follows X-Frame-Options: `frame-ancestors 'self'` only where the view opted in
  to same-origin framing (Wagtail's preview, shown in an iframe in the editor), else
  `'none'` (X_FRAME_OPTIONS = "DENY" says the same to older browsers);
- the media host: when images are on S3 or a CDN, its origin is allowed for images.
"""

from functools import cache
from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse

ADMIN_DIRECTIVES = {
    # Wagtail's templates have inline scripts and style attributes without nonces.
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    # Images being cropped or uploaded are previewed from blob: URLs; avatars may come
    # from Gravatar (Wagtail's default avatar provider, linked without a scheme).
    "img-src": [SELF, "data:", "blob:", "www.gravatar.com"],
    "font-src": [SELF, "data:"],
    # Wagtail's dashboard asks releases.wagtail.org whether an upgrade is out.
    "connect-src": [SELF, "https://releases.wagtail.org"],
}


def is_admin_request(request) -> bool:
    return request.path_info.startswith(reverse("wagtailadmin_home"))


@cache
def media_origins() -> tuple[str, ...]:
    """The origin of image URLs when the default storage is on another host (S3, a CDN),
    read from the storage itself so that a custom domain or an endpoint is right too."""
    url = urlsplit(storages["default"].url("csp-origin-probe.png"))
    if url.scheme in ("http", "https") and url.netloc:
        return (f"{url.scheme}://{url.netloc}",)
    return ()


@receiver(setting_changed)
def _forget_media_origins(*, setting, **kwargs):
    if setting in ("STORAGES", "MEDIA_URL"):
        media_origins.cache_clear()


def directives_for(request, response) -> dict:
    config = default_config(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
    if is_admin_request(request):
        config |= ADMIN_DIRECTIVES
    same_origin_framing = response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
    config["frame-ancestors"] = [SELF] if same_origin_framing else [NONE]
    if media := media_origins():
        for directive in ("img-src", "media-src"):
            config[directive] = [*(config[directive] or [SELF]), *media]
    return config


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy chosen for the path and response above
    (a view's own csp_replace/csp_update decorators still apply on top)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            parts.config = directives_for(request, response)
        return parts
