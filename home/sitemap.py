"""The sitemap: every live, public page of the site in every language, each with its
translations as hreflang alternates and x-default (the default language's version), as
in the pages' own <link rel="alternate"> tags (languages.links.hreflang_alternates).

Wagtail's own sitemap lists the descendants of the site's root page, which is the
English home page; the Spanish tree is a sibling of it (the home page's translation),
so it would be missing.

`/sitemap.xml` is the sitemap itself while every page fits one file (`limit` URLs);
past that it is a sitemap index of the files `/sitemap-pages.xml`, `?p=2`, `?p=3`…
(Django's index and section views), so that no file passes what a search engine reads
(Google: 50,000 URLs or 50 MB) and no request builds more than `limit` URLs. robots.txt
names `/sitemap.xml` either way.
"""

from collections import defaultdict
from functools import cached_property

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import Max
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from privacy.visibility import public_pages

SECTION = "pages"

# Translation keys per query for the alternates: well under SQLite's limit on a query's
# parameters (32,766), whatever `limit` is.
ALTERNATES_CHUNK = 5_000


class MultilingualSitemap(Sitemap):
    # URLs per sitemap file. Google's limit is 50,000 (and 50 MB); a smaller file keeps
    # each request's time and memory low (bench/SCALE.md has the figures).
    limit = 10_000

    def pages(self):
        """Every live, public page of the site, in every language (not specific)."""
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_language = Page.objects.none()
        for home in homes:
            in_any_language |= Page.objects.descendant_of(home, inclusive=True)
        return public_pages(in_any_language)

    def items(self):
        return (
            self.pages().select_related("locale").order_by("path").defer_streamfields().specific()
        )

    @cached_property
    def paginator(self):
        # Once per request (Django's is a property that counts the pages on every use).
        return Paginator(self._items(), self.limit)

    def get_latest_lastmod(self):
        """The newest lastmod of any page, in one query (Django's reads every page)."""
        return self.pages().aggregate(
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
        )["latest"]

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        alternates = self._alternates({item.translation_key for item in items})
        urls = []
        for item in items:
            for url_info in item.get_sitemap_urls(self.request):
                versions = alternates.get(item.translation_key, [])
                if len(versions) > 1:
                    url_info["alternates"] = versions + [
                        {"lang_code": "x-default", "location": version["location"]}
                        for version in versions
                        if version["lang_code"] == settings.LANGUAGE_CODE
                    ]
                urls.append(url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _alternates(self, translation_keys) -> dict:
        """Every live, public language version of these pages, in a query per
        ALTERNATES_CHUNK pages."""
        versions = defaultdict(list)
        keys = sorted(translation_keys)
        for start in range(0, len(keys), ALTERNATES_CHUNK):
            versions = self._add_alternates(versions, keys[start : start + ALTERNATES_CHUNK])
        return versions

    def _add_alternates(self, versions, translation_keys) -> dict:
        pages = (
            public_pages(Page.objects.filter(translation_key__in=translation_keys))
            .select_related("locale")
            .order_by("locale__language_code")
        )
        for version in pages:
            versions[version.translation_key].append(
                {
                    "lang_code": version.locale.language_code,
                    "location": version.get_full_url(self.request),
                }
            )
        return versions


def sitemap(request):
    """`/sitemap.xml`: the sitemap while it fits one file, else the index of its files."""
    sitemaps = {SECTION: MultilingualSitemap(request)}
    if sitemaps[SECTION].paginator.num_pages > 1:
        return sitemap_views.index(request, sitemaps, sitemap_url_name="sitemap_section")
    return sitemap_views.sitemap(request, sitemaps)


def sitemap_section(request, section):
    """`/sitemap-pages.xml?p=N`: one file of the sitemap (a 404 past the last)."""
    return sitemap_views.sitemap(request, {SECTION: MultilingualSitemap(request)}, section=section)
