"""Which pages the site search may ever show: those of the site and language that anyone
may open (privacy.visibility.public_pages), the same for every visitor, so a search page
or a suggestion can be cached and shared; members find their content in the library.

Aliases are left out too: an alias repeats a page that is already indexed in its own
place (and in another language it would show the source language's text).
"""

from django.db.models import Q
from wagtail.models import Locale, Page

from privacy.visibility import public_pages


def site_roots(site) -> list[Page]:
    """The site's root page in every language it has been translated into."""
    return list(
        Page.objects.filter(translation_key=site.root_page.translation_key).select_related("locale")
    )


def searchable_pages(site, locale: Locale | None = None, roots: list[Page] | None = None):
    """Live, public, non-alias pages of `site`, in `locale` (or in every language)."""
    roots = site_roots(site) if roots is None else roots
    if locale is not None:
        roots = [root for root in roots if root.locale_id == locale.pk]
    if not roots:
        return Page.objects.none()
    in_site = Q()
    for root in roots:
        in_site |= Q(path__startswith=root.path)
    pages = public_pages(Page.objects.filter(in_site))
    if locale is not None:
        pages = pages.filter(locale=locale)
    # `alias_of` is not an indexed filter field; `id` is.
    return pages.exclude(id__in=Page.objects.filter(alias_of__isnull=False).values("id"))
