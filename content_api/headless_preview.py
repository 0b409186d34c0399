"""Previews of drafts in the headless front end (wagtail-headless-preview).

Every page type gets a second preview mode, "Headless front end", beside the site's
own rendering (the package alone would send every preview to the front end). In that
mode the package stores the draft as a `PagePreview` under a token and sends the
editor to the front end's preview URL (`WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]`) with
`content_type`, `token` and, added here, `locale`. The front end reads the draft from
`/api/v2/page_preview/` (`content_api.preview`), anonymously: the token is the key.

The token is the package's: `TimestampSigner(salt="headlesspreview.token")` over the
page's identifier ("id=42"), so it is signed with SECRET_KEY and carries the time it
was made. The package never checks its age; `page_from_preview_token` does, against
`CONTENT_API_PREVIEW_MAX_AGE` (15 minutes by default), and every new preview deletes
the stored drafts whose token has expired.
"""

from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from adapters import headless_preview as headless_preview_adapter

HEADLESS_PREVIEW_MODE = "headless"


def headless_preview_enabled() -> bool:
    """A front end is configured (HEADLESS_PREVIEW_CLIENT_URL in the environment)."""
    return bool(headless_preview_adapter.client_urls())


def preview_max_age() -> int:
    return settings.CONTENT_API_PREVIEW_MAX_AGE


class PreviewTokenError(Exception):
    """Why a token gives no draft; `status` is the HTTP status the API answers with."""

    status = 403


class PreviewTokenInvalid(PreviewTokenError):
    pass


class PreviewTokenExpired(PreviewTokenError):
    pass


class PreviewNotFound(PreviewTokenError):
    status = 404


def page_from_preview_token(token: str, content_type: str = "") -> Page:
    """The draft stored under `token`, as a page object of its specific type.

    Raises PreviewTokenInvalid for a token not signed by this site (tampered, made up,
    signed with another key), PreviewTokenExpired for one older than the max age, and
    PreviewNotFound when no draft is stored under it (already collected) or when
    `content_type` ("app_label.model", optional) names another type.
    """
    signer = headless_preview_adapter.preview_signer()
    try:
        signer.unsign(token, max_age=preview_max_age())
    except SignatureExpired as error:
        PagePreview.objects.filter(token=token).delete()
        raise PreviewTokenExpired("token: expired; preview the page again in the admin") from error
    except BadSignature as error:
        raise PreviewTokenInvalid("token: not a valid preview token") from error
    preview = PagePreview.objects.select_related("content_type").filter(token=token).first()
    if preview is None:
        raise PreviewNotFound("token: no preview is stored under this token")
    stored_type = f"{preview.content_type.app_label}.{preview.content_type.model}"
    model = preview.content_type.model_class()
    if (content_type and content_type != stored_type) or model is None:
        raise PreviewNotFound("content_type: no preview of this type under this token")
    # The draft stored under a token is the one it was signed for: only the package's
    # create_page_preview stores drafts, each under the token it signs for it.
    return preview.as_page()


def collect_expired_previews() -> None:
    """Delete stored drafts whose token has expired (or no longer verifies, e.g. after
    SECRET_KEY changed). The package's own collector, which goes by day, runs as well
    when the draft is stored (in its serve_preview)."""
    signer = headless_preview_adapter.preview_signer()
    expired = []
    for pk, token in PagePreview.objects.values_list("pk", "token"):
        try:
            signer.unsign(token, max_age=preview_max_age())
        except BadSignature:  # SignatureExpired is one too
            expired.append(pk)
    if expired:
        PagePreview.objects.filter(pk__in=expired).delete()


class HeadlessPreviewModeMixin(HeadlessPreviewMixin):
    """The "Headless front end" preview mode, for BasePage (so for every page type)."""

    @property
    def preview_modes(self):
        modes = list(super().preview_modes)
        if headless_preview_enabled():
            modes.append((HEADLESS_PREVIEW_MODE, _("Headless front end")))
        return modes

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        # Every admin preview comes through here, so this mode works even for a page type
        # whose own serve_preview ignores modes (RoutablePageMixin's, for webinars).
        if preview_mode == HEADLESS_PREVIEW_MODE and headless_preview_enabled():
            response = self.serve_headless_preview(original_request)
            # The response holds a fresh token: no cache may keep it.
            patch_cache_control(response, private=True, no_store=True)
            return response
        return super().make_preview_request(original_request, preview_mode, extra_request_attrs)

    def serve_preview(self, request, mode_name):
        # The headless mode never gets here (make_preview_request takes it): every other
        # mode is the site's own rendering, so skip the package's serve_preview.
        return headless_preview_adapter.serve_site_preview(self, request, mode_name)

    def serve_headless_preview(self, request):
        """Store the draft under a new token and send the editor to the front end
        (a redirect, or an iframe when WAGTAIL_HEADLESS_PREVIEW["REDIRECT_ON_PREVIEW"]
        is off)."""
        collect_expired_previews()
        return headless_preview_adapter.store_draft_and_redirect(
            self, request, HEADLESS_PREVIEW_MODE
        )

    def get_client_root_url(self, request) -> str:
        # The front end of the page's own site (the package uses the admin's site).
        site = self.get_site() if self.pk else None
        if site is None:
            site = Site.find_for_request(request) if request else Site.objects.first()
        return headless_preview_adapter.client_root_url(site)

    def get_preview_url(self, request, token: str) -> str:
        query = {"content_type": self.get_content_type_str(), "token": token}
        if self.locale_id:
            # So that the front end can pick its language before it fetches the draft.
            query["locale"] = self.locale.language_code
        return f"{self.get_client_root_url(request)}?{urlencode(query)}"
