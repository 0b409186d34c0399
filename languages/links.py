"""Where each page is in the other language: the language switcher, hreflang and the sitemap.

A visitor may only be sent to a translation that is live, and public unless the page they
are on is restricted too (then its translation, equally restricted, is theirs to open).
A page that has not been translated (or whose translation is a draft) sends the switcher
to the home page of the other language instead, and has no hreflang alternates.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

from content_api.versioned import until_content_changes
from privacy.visibility import public_pages

# Query parameters the switcher carries to the same view in the other language (the
# search box's query); anything else, such as a login's `next`, is left behind.
KEPT_PARAMETERS = ("q",)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in its own language ("English", "Español"): a reader looks for their own
    url: str
    is_current: bool
    is_translation: bool  # False when the link falls back to that language's home page


@dataclass(frozen=True)
class PageVersions:
    """The live language versions of one page, and which of them are public."""

    by_language: dict[str, Page]
    public_languages: frozenset[str]

    def open_to_all(self) -> dict[str, Page]:
        return {code: p for code, p in self.by_language.items() if code in self.public_languages}

    def language_of(self, page: Page) -> str:
        for code, version in self.by_language.items():
            if version.pk == page.pk:
                return code
        return page.locale.language_code  # a draft being previewed


def page_versions(request, page: Page) -> PageVersions:
    """One query per content version, read once per request however many tags ask
    (switcher, hreflang)."""
    cache = getattr(request, "_page_versions", None) if request else None
    if cache is not None and cache[0] == page.pk:
        return cache[1]
    # Kept per content version: publishing, unpublishing, moving or restricting a public
    # page changes it. A members-only page that an unversioned move made public is left
    # out of its translation's alternates until then, never shown too early.
    versions = until_content_changes(("page-versions", page.pk), lambda: _page_versions(page))
    if request is not None:
        request._page_versions = (page.pk, versions)
    return versions


def _page_versions(page: Page) -> PageVersions:
    # Whether each version is public, in the same query: privacy's own rule, as a subquery.
    is_public = Exists(public_pages(Page.objects.filter(pk=OuterRef("pk"))))
    live = page.get_translations(inclusive=True).live().select_related("locale")
    by_language = {p.locale.language_code: p for p in live.annotate(is_public=is_public)}
    return PageVersions(
        by_language=by_language,
        public_languages=frozenset(code for code, p in by_language.items() if p.is_public),
    )


def language_home_pages(request) -> dict[str, Page]:
    """The live home page of each language of the request's site, by language code."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}

    def homes():
        pages = site.root_page.get_translations(inclusive=True).live().select_related("locale")
        return {home.locale.language_code: home for home in pages}

    # Publishing or unpublishing a home page changes the content version.
    return until_content_changes(("language-homes", site.pk), homes)


def language_links(request, page: Page | None) -> list[LanguageLink]:
    """One link per language of the site: to the translation of `page` when there is a
    published one, otherwise to that language's home page (or, for views that are not
    pages, such as search, to the same view in that language)."""
    current = translation.get_language()
    if page is None or not page.pk:
        return [
            LanguageLink(code, name, _same_view_in(request, code), code == current, True)
            for code, name in settings.LANGUAGES
        ]

    versions = page_versions(request, page)
    own_language = versions.language_of(page)
    is_public = own_language in versions.public_languages
    # Someone reading a members-only page may follow it to its (equally restricted)
    # translation; everyone else is only ever sent to public pages.
    translations = versions.open_to_all() if is_public else dict(versions.by_language)
    translations[own_language] = page
    homes = None
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            links.append(
                LanguageLink(code, name, translations[code].get_url(request), code == current, True)
            )
            continue
        if homes is None:
            homes = language_home_pages(request)
        if code in homes:
            links.append(
                LanguageLink(code, name, homes[code].get_url(request), code == current, False)
            )
    return links


def _same_view_in(request, language_code: str) -> str:
    if request is None:
        return "/"
    url = translate_url(request.path, language_code)
    kept = request.GET.copy()
    for name in list(kept):
        if name not in KEPT_PARAMETERS:
            del kept[name]
    return f"{url}?{kept.urlencode()}" if kept else url


def hreflang_alternates(request, page: Page) -> list[tuple[str, str]]:
    """(hreflang, full URL) for each public language version of a public page, and
    x-default for the default language; none for a page in one language only."""
    versions = page_versions(request, page)
    if versions.language_of(page) not in versions.public_languages:
        return []
    public = versions.open_to_all()
    if len(public) < 2:
        return []
    alternates = [(code, p.get_full_url(request)) for code, p in sorted(public.items())]
    if settings.LANGUAGE_CODE in public:
        alternates.append(("x-default", public[settings.LANGUAGE_CODE].get_full_url(request)))
    return alternates


def public_versions_in(model, ids, locale_id) -> dict:
    """{id: the page to show for it on a page in `locale_id`} for pages of `model` that
    another page links to (a resource's member authors): the link's live, public
    translation in that language where there is one, else the page itself while anyone
    may open it; a page neither way is left out. Two queries for any number of ids."""
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return {}
    linked = {page.pk: page for page in public_pages(model.objects.filter(pk__in=ids))}
    keys = {page.translation_key for page in linked.values()}
    translated = {
        page.translation_key: page
        for page in public_pages(
            model.objects.filter(translation_key__in=keys, locale_id=locale_id)
        )
    }
    return {pk: translated.get(page.translation_key, page) for pk, page in linked.items()}
