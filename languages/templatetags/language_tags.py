"""The links between the languages of a page: the switcher and hreflang alternates."""

from django import template
from wagtail.models import Page

from languages.links import hreflang_alternates, language_links

register = template.Library()


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in each language (languages/links.py says where
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
