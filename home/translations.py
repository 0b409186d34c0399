"""Where each page is in the other language: the language switcher, hreflang and the sitemap.

A visitor may only be sent to a translation that is live, and public unless the page they
are on is restricted too (then its translation, equally restricted, is theirs to open).
A page that has not been translated (or whose translation is a draft) sends the switcher
to the home page of the other language instead, and has no hreflang alternates.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

from home.states import name_sort_key

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

    def public(self) -> dict[str, Page]:
        return {code: p for code, p in self.by_language.items() if code in self.public_languages}

    def language_of(self, page: Page) -> str:
        for code, version in self.by_language.items():
            if version.pk == page.pk:
                return code
        return page.locale.language_code  # a draft being previewed


def page_versions(request, page: Page) -> PageVersions:
    """Two queries, made once per request however many tags ask (switcher, hreflang)."""
    cache = getattr(request, "_page_versions", None) if request else None
    if cache is not None and cache[0] == page.pk:
        return cache[1]
    live = page.get_translations(inclusive=True).live()
    by_language = {p.locale.language_code: p for p in live.select_related("locale")}
    public_pks = set(live.public().values_list("pk", flat=True))
    versions = PageVersions(
        by_language=by_language,
        public_languages=frozenset(code for code, p in by_language.items() if p.pk in public_pks),
    )
    if request is not None:
        request._page_versions = (page.pk, versions)
    return versions


def language_home_pages(request) -> dict[str, Page]:
    """The live home page of each language of the request's site, by language code."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


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
    translations = versions.public() if is_public else dict(versions.by_language)
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
    public = versions.public()
    if len(public) < 2:
        return []
    alternates = [(code, p.get_full_url(request)) for code, p in sorted(public.items())]
    if settings.LANGUAGE_CODE in public:
        alternates.append(("x-default", public[settings.LANGUAGE_CODE].get_full_url(request)))
    return alternates


def in_language(model, language_code: str | None = None) -> dict:
    """Every default-language row of a translatable vocabulary (topics, networks, webinar
    series, site notices) in the language, by translation key and in the order of their
    ids: the translation where there is one, else the row itself. A row that exists only
    in another language is left out (no page links to it). One query."""
    language_code = language_code or translation.get_language()
    rows = list(
        model.objects.filter(locale__language_code__in={settings.LANGUAGE_CODE, language_code})
        .select_related("locale")
        .order_by("pk")
    )
    terms = {
        row.translation_key: row
        for row in rows
        if row.locale.language_code == settings.LANGUAGE_CODE
    }
    for row in rows:
        if row.locale.language_code == language_code and row.translation_key in terms:
            terms[row.translation_key] = row
    return terms


def term_in_language(term, language_code: str | None = None, *, memo: dict | None = None):
    """`term`, a default-language row as pages link to it, in the language: its
    translation there, else `term` itself. `memo`, a dict kept as long as one response
    (a request's, a serializer context's), holds each vocabulary's rows by language, so
    that any number of terms costs one query per vocabulary and language (none in the
    default language)."""
    language_code = language_code or translation.get_language()
    if term is None or language_code == settings.LANGUAGE_CODE:
        return term
    memo = {} if memo is None else memo
    key = (type(term), language_code)
    if key not in memo:
        memo[key] = in_language(type(term), language_code)
    return memo[key].get(term.translation_key, term)


def choices_in_language(model) -> list[tuple[str, str]]:
    """(slug, name) choices of a vocabulary in the active language, sorted by name.
    Slugs are the same in every language, so filters mean the same thing in both."""
    terms = in_language(model).values()
    return sorted(
        ((term.slug, term.name) for term in terms), key=lambda choice: name_sort_key(choice[1])
    )
