"""Site-wide navigation, built from the page tree of the current site and language,
and the links between the languages of a page."""

from django import template
from wagtail.models import Page, Site

from home.models import SiteNotice
from home.translations import hreflang_alternates, language_links

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
        items = list(root.get_children().live().public().in_menu())
    current = context.get("page")
    return {"root": root, "items": items, "current": current, "request": request}


@register.simple_tag(takes_context=True)
def language_root_url(context):
    root = _language_root(context.get("request"))
    return root.url if root is not None else "/"


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in each language (home/translations.py says where
    they go when the page has no translation)."""
    request = context.get("request")
    page = context.get("page")
    return {"links": language_links(request, page if isinstance(page, Page) else None)}


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context):
    """`<link rel="alternate" hreflang>` for each published translation of a public page,
    plus x-default (the default language), so search engines pair the languages."""
    page = context.get("page")
    if not isinstance(page, Page):
        return {"alternates": []}
    return {"alternates": hreflang_alternates(context.get("request"), page)}


@register.simple_tag
def site_notices():
    """The site-wide notices, in the active language where translated."""
    return SiteNotice.for_active_language()
