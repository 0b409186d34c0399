"""The library's faceted listing: filters, keyword search, sort and counts, all from the URL.

`?resource_type=policy-brief&topic=child-nutrition&year=2025&q=meals&sort=title&page=2`

The filters are the library's FilterState (library.filters), the API's too. The count
beside each value is the number of resources the visitor would get by adding it, with
every other filter applied, counted over the resources this visitor may see.
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from content_api.versioned import until_content_changes
from library.filters import LibraryFilters
from privacy.visibility import (
    failed_restrictions,
    pages_visible_to,
    passes_some_restriction,
    restricted_page_ids,
)
from search.query import clean_query
from taxonomy.filters import FilterErrors, Option

MAX_QUERY_LENGTH = 200
SORTS = {
    "date": (_("Newest first"), ["-published_on", "title"]),
    "title": (_("Title (A–Z)"), ["title", "-published_on"]),
}
DEFAULT_SORT = "date"
# The facets shown, in order. `year` and the others count; the dates are for links.
FACETS = ("resource_type", "topic", "network", "state", "year")
# `?type=` was the resource type's name on this page before it took the API's.
RENAMED = {"type": "resource_type"}


@dataclass
class FacetGroup:
    param: str
    legend: str
    options: list[Option] = field(default_factory=list)


def with_current_names(params):
    """`params` with the old names of parameters given their current ones."""
    if not any(old in params for old in RENAMED):
        return params
    params = params.copy()
    for old, new in RENAMED.items():
        for value in params.pop(old, []):
            params.appendlist(new, value)
    return params


class LibraryListing:
    """What a visitor asked for on a library index page, and what they may see of it."""

    def __init__(self, index_page, resources, request):
        """`resources`: the resource pages below the index, in its language."""
        self.index_page = index_page
        self.request = request
        self.errors: list[str] = []
        params = with_current_names(request.GET)

        failed = failed_restrictions(request)
        # A visitor who passes some restriction (a member, or someone who gave a page's
        # password) sees content that others don't.
        self.is_personal = request.user.is_authenticated or passes_some_restriction(failed)
        self.visible = pages_visible_to(request, resources, failed)

        self.query = params.get("q", "").strip()[:MAX_QUERY_LENGTH]
        # Searched as the site search does: words only (a NUL or a stray quote would
        # reach the search backend's parser otherwise).
        self.search_text = clean_query(self.query).text
        try:
            self.filters = LibraryFilters.from_params(params)
        except FilterErrors as errors:
            self.filters = LibraryFilters()
            self.errors = [str(error) for error in errors.errors]
        self.sort = params.get("sort", DEFAULT_SORT)
        if self.sort not in SORTS:
            self.errors.append(
                gettext("sort: choose one of %(values)s") % {"values": ", ".join(SORTS)}
            )
            self.sort = DEFAULT_SORT

    def _searched(self):
        if not self.search_text:
            return self.visible
        # Search the visible resources only, then keep the matches as a plain queryset
        # that facets and sorting can work on.
        if not hasattr(self, "_search_ids"):
            matches = self.visible.search(self.search_text, operator="and")
            self._search_ids = [page.pk for page in matches]
        return self.visible.filter(pk__in=self._search_ids)

    def results(self):
        if self.errors:
            return []
        return (
            self.filters.apply(self._searched())
            .order_by(*SORTS[self.sort][1])
            .prefetch_related("topics")
            .select_related("locale")
        )

    @property
    def facets(self) -> list[FacetGroup]:
        if not hasattr(self, "_facets"):
            self._facets = [] if self.errors else self._build_facets()
        return self._facets

    def _build_facets(self) -> list[FacetGroup]:
        if self.is_personal:
            return self._count_facets()
        # What everyone sees is counted once per content version (and language: the
        # labels), whatever the number of visitors.
        key = (
            "library-facets",
            self.index_page.pk,
            translation.get_language(),
            self.search_text,
            repr(sorted(self.filters.selected.items())),
        )
        return until_content_changes(key, self._count_facets)

    def _count_facets(self) -> list[FacetGroup]:
        searched = self._searched()
        return [
            FacetGroup(
                name,
                str(LibraryFilters.filter_named(name).label),  # kept: no lazy proxy
                self.filters.options(name, self.filters.facet_counts(searched, name)),
            )
            for name in FACETS
        ]

    @property
    def has_filters(self) -> bool:
        """Whether anything narrows the list ("Clear all" shows), bad filters included."""
        return bool(self.query or self.filters or self.errors)

    @property
    def sort_options(self):
        return [(value, label, value == self.sort) for value, (label, _order) in SORTS.items()]

    def mark_members_only(self, resources) -> None:
        """Flag the resources this visitor sees but others don't, for a "Members only" badge."""
        # Set for everyone: a template asking a page for a missing attribute costs a dir().
        restricted = restricted_page_ids(resources) if self.is_personal else set()
        for resource in resources:
            resource.is_members_only = resource.pk in restricted
