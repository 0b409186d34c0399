"""wagtail-headless-preview internals we rely on, written against wagtail-headless-preview 0.9.0.

Its README documents `HeadlessPreviewMixin`, `PagePreview` and the
WAGTAIL_HEADLESS_PREVIEW setting. Every function here reaches into something it does not
document (its token signer, its settings object, a module function, which class's
`serve_preview` comes after its own), so an upgrade of wagtail-headless-preview must run
adapters/tests first: each assumption has a test there that fails when it stops holding.
"""

from django.core.signing import TimestampSigner
from wagtail_headless_preview.models import HeadlessPreviewMixin, get_client_root_url_from_site
from wagtail_headless_preview.settings import headless_preview_settings


def preview_signer() -> TimestampSigner:
    """HeadlessPreviewMixin.get_preview_signer(): the signer of the tokens its
    create_page_preview makes (and stores drafts under)."""
    return HeadlessPreviewMixin.get_preview_signer()


def client_urls() -> dict:
    """headless_preview_settings.CLIENT_URLS: WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"] with
    the package's default ({}), kept up to date under override_settings."""
    return headless_preview_settings.CLIENT_URLS


def client_root_url(site) -> str:
    """wagtail_headless_preview.models.get_client_root_url_from_site: the front end's root
    URL for `site` (its hostname's CLIENT_URLS entry, else "default")."""
    return get_client_root_url_from_site(site)


def store_draft_and_redirect(page, request, mode_name: str):
    """HeadlessPreviewMixin.serve_preview: store the draft under a new token, and send the
    editor to page.get_preview_url(request, token) (a redirect or an iframe)."""
    return HeadlessPreviewMixin.serve_preview(page, request, mode_name)


def serve_site_preview(page, request, mode_name: str):
    """The serve_preview after HeadlessPreviewMixin's in the page's MRO (Wagtail's Page
    one): the site's own rendering of the draft, without the package's."""
    return super(HeadlessPreviewMixin, page).serve_preview(request, mode_name)
