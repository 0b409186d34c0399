"""Site-wide navigation, built from the page tree of the current site and language, and
the site notices."""

from django import template
from wagtail.models import Site

from content_api.versioned import until_content_changes
from home.models import SiteNotice
from privacy.visibility import public_pages

register = template.Library()


def _language_root(request):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    # The site's root is the English home page; `localized` gives the one in the
    # active language when it exists.
    return site.root_page.localized


@register.inclusion_tag("components/navigation.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    root = _language_root(request)
    items = []
    if root is not None:
        items = until_content_changes(
            ("main-navigation", root.pk),
            lambda: list(public_pages(root.get_children()).in_menu()),
        )
    current = context.get("page")
    return {"root": root, "items": items, "current": current, "request": request}


@register.simple_tag(takes_context=True)
def language_root_url(context):
    root = _language_root(context.get("request"))
    return root.url if root is not None else "/"


@register.simple_tag
def site_notices():
    """The site-wide notices, in the active language where translated."""
    return SiteNotice.for_active_language()  # kept until the content changes (languages.terms)
