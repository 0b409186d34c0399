"""The site search page and its suggestions endpoint.

Both search the same pages (`search.scope.searchable_pages`): live, public pages of the
current site in the current language. Neither varies by visitor, so either may be cached.
"""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, Site
from wagtail.search.utils import normalise_query_string

from content_api.versioned import until_content_changes
from search import facets, ranking
from search.excerpts import excerpt
from search.filters import SearchFilters
from search.query import MIN_SUGGEST_LENGTH, clean_query
from search.scope import searchable_pages, site_roots
from taxonomy.filters import FilterErrors

RESULTS_PER_PAGE = 10
MAX_SUGGESTIONS = 8
# Facets of a backend without a database query to count from (Elasticsearch,
# OpenSearch) are counted over at most this many best results.
MAX_FACET_RESULTS = 1000
MAX_LISTED_IDS = 20_000
SUGGEST_CACHE_SECONDS = 300


def _current_site(request):
    return Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()


def _current_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def result_ids(results):
    """The ids of every match, for facet counts: a list, or a subquery where a list would
    be slower or too long (see `ranking.RankedResults`)."""
    if isinstance(results, ranking.RankedResults):
        return results.matching_ids(MAX_LISTED_IDS)
    if not hasattr(results, "get_queryset"):
        return [page.pk for page in results[:MAX_FACET_RESULTS]]
    return results.get_queryset().order_by().values_list("pk", flat=True)


def _in_result_order(results) -> list[Page]:
    """The specific pages of one page of results, in rank order: one query per page type
    (none when they are specific already, as `ranking.RankedResults` gives them)."""
    results = list(results)
    if all(type(page) is not Page for page in results):
        return results
    ids = [page.pk for page in results]
    by_id = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [by_id[pk] for pk in ids if pk in by_id]


def _promoted(query_text: str, scope, request) -> list[dict]:
    """Editors' picks for the query: external links, and pages (in the visitor's language)
    only while they are live and public."""
    promotions = list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query_text)
        ).select_related("page")
    )
    if not promotions:
        return []
    keys = [promotion.page.translation_key for promotion in promotions if promotion.page]
    visible = {
        page.translation_key: page for page in scope.filter(translation_key__in=keys).specific()
    }
    picks = []
    for promotion in promotions:
        if promotion.page is None:
            if promotion.external_link_url:
                picks.append(
                    {
                        "title": promotion.external_link_text or promotion.external_link_url,
                        "url": promotion.external_link_url,
                        "description": promotion.description,
                    }
                )
            continue
        page = visible.get(promotion.page.translation_key)
        if page is not None:
            picks.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "description": promotion.description or getattr(page, "summary", ""),
                }
            )
    return picks


def context_language_url(request, language_code: str) -> str:
    """This search (query and filters, first page) on the site in another language."""
    with translation.override(language_code):
        return reverse("search:results") + _with_params(request)


def _with_params(request, **changes) -> str:
    """The current query string with some parameters changed (None removes one); any
    change other than the page number goes back to the first page."""
    params = request.GET.copy()
    if "page" not in changes:
        params.pop("page", None)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return f"?{params.urlencode()}"


def _toggle(request, name: str, value: str) -> str:
    """The query string with `value` added to, or removed from, the `name` filter."""
    current = [v for raw in request.GET.getlist(name) for v in raw.split(",") if v]
    current = [v for v in current if v != value] if value in current else [*current, value]
    return _with_params(request, **{name: ",".join(current) or None})


def search(request):
    site = _current_site(request)
    locale = _current_locale()
    query = clean_query(request.GET.get("q"))
    context = {"query": query, "errors": [], "results": None}
    status = 200

    try:
        filters = SearchFilters.from_params(request.GET)
    except FilterErrors as errors:
        filters = SearchFilters()
        context["errors"] = [str(error) for error in errors.errors]
        status = 400
    types = filters.get("type", [])
    selected = filters.without("type").selected
    context["selected"] = {"type": types, **selected}

    if query.has_terms and not context["errors"]:
        roots = site_roots(site)
        scope = searchable_pages(site, locale, roots=roots)

        def narrowed(pages):
            return filters.apply(pages)

        results = ranking.search(narrowed(scope), query.text, language=locale.language_code)
        # On PostgreSQL one query lists every match in rank order, and the count, the page
        # and the facets all come from that list (ranking.RankedResults): list it first.
        ranked_ids = result_ids(results) if isinstance(results, ranking.RankedResults) else None
        paginator = Paginator(results, RESULTS_PER_PAGE)
        results_page = paginator.get_page(request.GET.get("page"))
        pages = _in_result_order(results_page.object_list)
        ct_ids = facets.content_type_ids()
        context["results"] = results_page
        context["items"] = [
            {
                "page": page,
                "url": page.get_url(request),
                "type": facets.TYPE_SINGULAR[facets.type_of(page.content_type_id, ct_ids)],
                "excerpt": excerpt(page, query.terms),
            }
            for page in pages
        ]

        def count_facets():
            ids = ranked_ids if ranked_ids is not None else result_ids(results)
            language_counts = {locale.language_code: paginator.count}
            for root in roots:
                if root.locale_id != locale.pk:  # the same search in the other languages
                    language = root.locale.language_code
                    language_counts[language] = ranking.search(
                        narrowed(searchable_pages(site, root.locale, roots=roots)),
                        query.text,
                        language=language,
                    ).count()
            return {
                "type": facets.type_facet(ids, types),
                "topic": facets.topic_facet(ids, selected.get("topic", []), locale),
                "network": facets.network_facet(ids, selected.get("network", []), locale),
                "language": facets.language_facet(language_counts, locale),
            }

        # The search shows public pages only, the same for everyone: its facets are
        # counted once per content version for each query, filters and language.
        context["facets"] = until_content_changes(
            (
                "search-facets",
                site.pk,
                locale.pk,
                translation.get_language(),
                query.text,
                repr(sorted(filters.selected.items())),
            ),
            count_facets,
        )
        for name, values in context["facets"].items():
            for facet in values:
                facet.url = (
                    _toggle(request, name, facet.value)
                    if name != "language"
                    else context_language_url(request, facet.value)
                )
        if results_page.has_previous():
            context["previous_url"] = _with_params(
                request, page=results_page.previous_page_number()
            )
        if results_page.has_next():
            context["next_url"] = _with_params(request, page=results_page.next_page_number())
        first_page = results_page.number == 1
        context["promoted"] = (
            _promoted(query.text, scope, request)
            if first_page and not any(selected.values()) and not types
            else []
        )
        if not request.GET.get("page"):  # a new search, not the next page of one
            Query.get(query.text).add_hit()

    return TemplateResponse(request, "search/search.html", context, status=status)


def suggest(request):
    """`?q=chil` → {"query": "chil", "suggestions": [{"title", "url", "type"}, …]}."""
    query = clean_query(request.GET.get("q"))
    data = {"query": query.text, "suggestions": []}
    if query.notices:
        data["message"] = " ".join(str(notice) for notice in query.notices)
    if len(query.text) >= MIN_SUGGEST_LENGTH:
        scope = searchable_pages(_current_site(request), _current_locale())
        ct_ids = facets.content_type_ids()
        data["suggestions"] = [
            {
                "title": page.title,
                "url": page.get_url(request),
                "type": str(facets.TYPE_SINGULAR[facets.type_of(page.content_type_id, ct_ids)]),
            }
            for page in ranking.search(scope, query.text, autocomplete=True)[:MAX_SUGGESTIONS]
        ]
    elif not data.get("message"):
        data["message"] = _("Type at least %(count)s letters for suggestions.") % {
            "count": MIN_SUGGEST_LENGTH
        }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=SUGGEST_CACHE_SECONDS)
    return response
