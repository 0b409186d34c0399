"""Brute-force protection, with django-axes and its database handler (the cache may be
down; the database is what every process shares).

What is counted, by user name and client address together (AXES_LOCKOUT_PARAMETERS):
- the member login (/login/) and Wagtail's admin login (/admin/login/), through Django's
  authentication signals (`ThrottledBackend` refuses a locked-out pair before any
  password is checked);
- the password forms of password-restricted pages and collections, which are no login:
  `PasswordFormThrottleMiddleware` counts each wrong password against the restriction
  ("page-restriction:<id>") as axes counts a login.

A locked-out visitor gets the form again, with status 429 and a message saying when to
try again (`lockout_response`), not a bare error page.
"""

from datetime import timedelta

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.forms.forms import NON_FIELD_ERRORS
from django.shortcuts import render
from django.utils.translation import ngettext

# Wagtail's password forms: URL name -> what the restriction is called in the counter.
PASSWORD_FORMS = {
    "wagtailcore_authenticate_with_password": "page-restriction",
    "wagtaildocs_authenticate_with_password": "collection-restriction",
}


class ThrottledBackend(AxesStandaloneBackend):
    """Axes' backend, for logins that come with a request (every login form does).

    A call without one (the test client's `login()`, a shell) has no client to count
    against; axes would raise, so it is left to the next backend, which checks the
    password as usual."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME / timedelta(minutes=1))
    return ngettext(
        "Too many failed attempts. For your security, please wait %(minutes)d minute "
        "and try again.",
        "Too many failed attempts. For your security, please wait %(minutes)d minutes "
        "and try again.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the form the visitor sent, shown again (same headers) with
    the lockout message as its only error. The member login, Wagtail's admin login and
    the password forms all answer with a TemplateResponse that has a `form`; anything
    else gets a page of its own."""
    status = settings.AXES_HTTP_RESPONSE_CODE
    form = (getattr(original_response, "context_data", None) or {}).get("form")
    if form is None:
        return render(
            request, "security/locked_out.html", {"message": lockout_message()}, status=status
        )
    form.errors.clear()
    form.errors[NON_FIELD_ERRORS] = form.error_class([lockout_message()], error_class="nonfield")
    original_response.content = original_response.rendered_content
    original_response.status_code = status
    return original_response


class PasswordFormThrottleMiddleware:
    """Counts wrong passwords on Wagtail's page and collection password forms.

    While a restriction is locked for this client, the password is withheld from
    Wagtail's check (so even the right one does not get in) and the form comes back with
    the lockout message. Must come after (inside) axes' middleware, which turns a lockout
    into that response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        credentials = getattr(request, "_password_form_credentials", None)
        if credentials is None or not settings.AXES_ENABLED:
            return response
        if response.status_code in (301, 302, 303):  # Wagtail lets the visitor in
            AxesProxyHandler.reset_attempts(
                ip_address=request.axes_ip_address, username=credentials["username"]
            )
        elif response.status_code == 200:  # the form again: a wrong password
            AxesProxyHandler.user_login_failed(
                sender=PasswordFormThrottleMiddleware, credentials=credentials, request=request
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        kind = PASSWORD_FORMS.get(match.url_name if match else None)
        if request.method != "POST" or kind is None or not settings.AXES_ENABLED:
            return None
        restriction_id = view_kwargs.get("page_view_restriction_id") or view_kwargs.get(
            "restriction_id"
        )
        credentials = {"username": f"{kind}:{restriction_id}"}
        request._password_form_credentials = credentials
        if not AxesProxyHandler.is_allowed(request, credentials):
            post = request.POST.copy()
            post.pop("password", None)
            request.POST = post
            request.axes_locked_out = True
            request.axes_credentials = credentials
        return None
