"""The shared response cache: anonymous GET and HEAD of rendered pages and the API.

Two middlewares, as Django's own cache middleware is built (UpdateCacheMiddleware and
FetchFromCacheMiddleware), so that each sees the request and the response where it needs
to:

- `FetchFromResponseCacheMiddleware`, near the end of MIDDLEWARE (after the session,
  locale, CSRF, authentication, messages and redirects), decides whether the request may
  be answered from the cache, computes the key prefix (response_cache.keys) and looks
  the response up. A hit is returned from there, so every middleware before it still
  runs on it: CORS, the Content-Security-Policy with this request's own nonce, the
  security headers, redirects for a stored 404.
- `UpdateResponseCacheMiddleware`, right after CorsMiddleware and before the session,
  sees the response once the session, CSRF and messages middlewares have set their
  cookies and Vary headers, decides whether it may be stored, sets its Cache-Control
  for a CDN and stores it. The CORS headers and the CSP header, added further out, are
  never stored: each request gets its own.

Never from the cache, and never stored:
- a request that is not GET or HEAD (HEAD is answered from the GET's entry, and a HEAD
  itself stores nothing);
- a request with a session cookie (a logged-in member or editor, or a session that may
  hold something a page shows), the messages cookie, or an Authorization header;
- the Wagtail admin (previews included) and `RESPONSE_CACHE_SKIP_PATHS`;
- a response other than a 200 or a 404 (a 400 for a query the view rejected, a 403,
  a 5xx, a redirect to the login page), a streamed one (documents), one that sets a
  cookie or used a CSRF token, one whose Cache-Control says private, no-store or
  no-cache (members-only documents, previews, never_cache views), or `Vary: *`.

The key ignores two headers a response may vary by, because the site reads them only
through what is already in the key: `Cookie` (the cookies it reads are the session and
messages, whose requests are never answered from the cache, CSRF, whose responses are
never stored, and the language, read by LocaleMiddleware) and `Accept-Language` (read
by LocaleMiddleware only, whose choice, `request.LANGUAGE_CODE`, is in Django's key).
Any other Vary header is honoured. The responses keep their Vary headers, for CDNs and
browsers.

CSP nonces: a response is stored with the nonce of the request that built it, and each
hit replaces it (in the body; the header is added afterwards by the CSP middleware)
with a fresh one of its own. The stored nonce is random and made after the content,
so no text of the page can contain it.

Conditional requests are answered from the stored response's ETag and Last-Modified
(the API's validators): a match is a 304, as the API view would have answered.

Every response says `X-Cache: hit` when it came from the cache, `X-Cache: miss`
otherwise. The middleware instances are shared by every thread of a process, so all
per-request state lives on the request (`request._response_cache`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.cache import (
    cc_delim_re,
    get_cache_key,
    get_conditional_response,
    get_max_age,
    has_vary_header,
    learn_cache_key,
    patch_cache_control,
)
from django.utils.deprecation import MiddlewareMixin
from django.utils.http import parse_http_date_safe

from response_cache.header_lists import HeaderLists
from response_cache.keys import key_prefix

# The default cache, with this process's copy of the header lists (see header_lists).
header_lists = HeaderLists(cache)

HEADER = "X-Cache"
STORED_STATUSES = frozenset({200, 404})
# Vary headers the key leaves out (see the module's docstring).
UNKEYED_VARY = frozenset({"cookie", "accept-language"})
# Cache-Control directives that keep a response out of a shared cache.
UNSHARED_DIRECTIVES = frozenset({"private", "no-store", "no-cache"})
# Attributes that outer middlewares read from a response (the API's language marker,
# django-csp's per-view decorators): a 304 made from a stored response keeps them.
RESPONSE_MARKERS = (
    "language_from_url",
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)
NONCE_ATTRIBUTE = "_response_cache_nonce"


@dataclass
class RequestState:
    """What the middlewares know about one request (on `request._response_cache`)."""

    key_prefix: str | None  # None: the cache is off
    hit: bool = False
    refused: str | None = None  # why the response must not be stored


def is_enabled() -> bool:
    return getattr(settings, "RESPONSE_CACHE_ENABLED", True)


def refusal_for_request(request) -> str | None:
    """Why this request may not be answered from the cache, or None."""
    if request.method not in ("GET", "HEAD"):
        return "method"
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return "session"
    if getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in request.COOKIES:
        return "messages"
    if "Authorization" in request.headers:
        return "authorization"
    if request.path_info.startswith(skipped_paths()):
        return "path"
    return None


def skipped_paths() -> tuple[str, ...]:
    try:
        admin = (reverse("wagtailadmin_home"),)
    except NoReverseMatch:  # a URLconf without the admin
        admin = ()
    return (*admin, *getattr(settings, "RESPONSE_CACHE_SKIP_PATHS", ()))


def cache_control(response) -> set[str]:
    """The directive names of the response's Cache-Control."""
    value = response.get("Cache-Control", "")
    return {part.split("=", 1)[0].strip().lower() for part in cc_delim_re.split(value) if part}


def refusal_for_response(request, response) -> str | None:
    """Why this response to a cacheable request may not be stored, or None (a HEAD's
    is not stored either, but is public like its GET's)."""
    if response.status_code not in STORED_STATUSES:
        return "status"
    if response.streaming:
        return "streaming"
    if response.cookies:
        return "cookie"
    directives = cache_control(response)
    if directives & UNSHARED_DIRECTIVES:
        return "cache-control"
    if get_max_age(response) == 0:
        return "cache-control"
    if has_vary_header(response, "*"):
        return "vary"
    return None


def _keyed_vary(response) -> HttpResponse:
    """A stand-in with the Vary headers the key honours, for learn_cache_key."""
    stand_in = HttpResponse()
    if response.has_header("Vary"):
        vary = [
            header
            for header in cc_delim_re.split(response["Vary"])
            if header and header.lower() not in UNKEYED_VARY
        ]
        if vary:
            stand_in["Vary"] = ", ".join(vary)
    return stand_in


def _timeout() -> int:
    return getattr(settings, "RESPONSE_CACHE_TIMEOUT", 300)


class FetchFromResponseCacheMiddleware(MiddlewareMixin):
    """Answer a cacheable request from the cache (see the module's docstring)."""

    def process_request(self, request):
        if refusal_for_request(request):
            return None
        # Without the cache (RESPONSE_CACHE_ENABLED = False, e.g. to measure the uncached
        # path) responses still get the Cache-Control of what would be stored.
        state = RequestState(key_prefix=key_prefix() if is_enabled() else None)
        request._response_cache = state
        if state.key_prefix is None:
            return None
        key = get_cache_key(request, state.key_prefix, "GET", cache=header_lists)
        if key is None:
            return None
        response = cache.get(key)
        if response is None:
            return None
        state.hit = True
        return self.serve_hit(request, response)

    def process_response(self, request, response):
        state = getattr(request, "_response_cache", None)
        # Seen here, before CsrfViewMiddleware turns it into a cookie: the response
        # carries a CSRF token (a form), which belongs to this visitor only.
        if state is not None and not state.hit and request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            state.refused = "csrf"
        return response

    def serve_hit(self, request, response):
        stored_nonce = getattr(response, NONCE_ATTRIBUTE, None)
        fresh_nonce = getattr(request, "csp_nonce", None)
        if stored_nonce and fresh_nonce is not None:
            # Reading request.csp_nonce makes it, so the CSP header will name it too.
            response.content = response.content.replace(
                stored_nonce.encode(), str(fresh_nonce).encode()
            )
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        if response.status_code == 200 and (
            response.has_header("ETag") or response.has_header("Last-Modified")
        ):
            answer = get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified")),
                response=response,
            )
            if answer is not response:
                for name in RESPONSE_MARKERS:
                    if hasattr(response, name):
                        setattr(answer, name, getattr(response, name))
                response = answer
        response[HEADER] = "hit"
        return response


class UpdateResponseCacheMiddleware(MiddlewareMixin):
    """Store what may be stored, and say who may keep it (see the module's docstring)."""

    def process_response(self, request, response):
        state = getattr(request, "_response_cache", None)
        if state is not None and state.hit:
            # A middleware between the two may have answered instead (a redirect for
            # a stored 404): that answer was not stored.
            response.headers.setdefault(HEADER, "miss")
            return response
        if state is None:
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                self.keep_logged_in_views_private(request, response)
        else:
            refusal = state.refused or refusal_for_response(request, response)
            if refusal is None:
                self.make_public(response)
                if state.key_prefix is not None and request.method == "GET":
                    self.store(request, response, state.key_prefix)
            elif refusal in ("cookie", "csrf") and not cache_control(response):
                # Made for this visitor alone.
                patch_cache_control(response, private=True)
        response[HEADER] = "miss"
        return response

    def make_public(self, response):
        """Cache-Control for browsers (short) and CDNs (longer: publishing purges them),
        unless the view chose its own (the API's, a calendar feed's)."""
        if response.has_header("Cache-Control"):
            return
        max_age = getattr(settings, "RESPONSE_CACHE_MAX_AGE", 60)
        patch_cache_control(
            response,
            public=True,
            max_age=max_age,
            s_maxage=getattr(settings, "RESPONSE_CACHE_S_MAXAGE", max_age),
        )

    def store(self, request, response, prefix):
        nonce = getattr(request, "_csp_nonce", None)
        if isinstance(nonce, str):  # made for this response (django-csp makes it lazily)
            setattr(response, NONCE_ATTRIBUTE, nonce)
        timeout = _timeout()
        key = learn_cache_key(request, _keyed_vary(response), timeout, prefix, cache=header_lists)
        cache.set(key, response, timeout)

    def keep_logged_in_views_private(self, request, response):
        """A logged-in member's or editor's page is for them alone (the API, public for
        everyone, keeps its own Cache-Control)."""
        if cache_control(response) & {"public", "private", "no-store"}:
            return
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
