"""The sitemap: every live, public page of the site in every language, each with its
translations as hreflang alternates and x-default (the default language's version), as
in the pages' own <link rel="alternate"> tags (languages.links.hreflang_alternates).

Wagtail's own sitemap lists the descendants of the site's root page, which is the
English home page; the Spanish tree is a sibling of it (the home page's translation),
so it would be missing.
"""

from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from privacy.visibility import public_pages


class MultilingualSitemap(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_language = Page.objects.none()
        for home in homes:
            in_any_language |= Page.objects.descendant_of(home, inclusive=True)
        return (
            public_pages(in_any_language)
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

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
        """Every live, public language version of these pages, in one query."""
        versions = defaultdict(list)
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
