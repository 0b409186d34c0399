"""The member login page, in the site's own design (the login for view restrictions).

Wagtail sends a visitor who meets a members-only page or document here, via
`WAGTAIL_FRONTEND_LOGIN_URL`, with `?next=` set to where they were going.
"""

from django.contrib.auth import views as auth_views
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache


def safe_next_url(request, url: str) -> str:
    """`url` when it stays on this site (and not in the admin), else ""."""
    if not url or url.startswith("/admin"):
        return ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


class MemberLoginView(auth_views.LoginView):
    template_name = "library/login.html"
    # A member who is already logged in goes straight on (if they can: see the template
    # for someone who is logged in but not a member).
    redirect_authenticated_user = False

    def get_redirect_url(self):
        next_url = self.request.POST.get(
            self.redirect_field_name, self.request.GET.get(self.redirect_field_name, "")
        )
        return safe_next_url(self.request, next_url)

    def get_default_redirect_url(self):
        return "/"


class MemberLogoutView(auth_views.LogoutView):
    """Log out (POST only, as Django requires) and go back to where the member was."""

    def get_success_url(self):
        next_url = self.request.POST.get("next", "")
        return safe_next_url(self.request, next_url) or "/"


member_login = never_cache(MemberLoginView.as_view())
member_logout = MemberLogoutView.as_view()
