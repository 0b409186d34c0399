"""The library's faceted listing: filters, keyword search, sort and counts, all from the URL.

`?type=policy-brief&topic=child-nutrition&year=2025&q=meals&sort=title&page=2`

Within a facet the values are alternatives (OR); facets combine with AND. The count
beside each value is the number of resources the visitor would get by adding it,
with every other facet applied, computed only over the resources this visitor may see.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.models import Network, State, Topic
from languages.terms import in_language
from privacy.visibility import failed_restrictions, pages_visible_to, restricted_page_ids
from taxonomy.filters import TaxonomyFilterError, filter_by_taxonomy, parse_taxonomy_params

MAX_QUERY_LENGTH = 200
SORTS = {
    "date": (_("Newest first"), ["-published_on", "title"]),
    "title": (_("Title (A–Z)"), ["title", "-published_on"]),
}
DEFAULT_SORT = "date"
_YEAR = re.compile(r"^\d{4}$")


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    param: str
    legend: str
    options: list[FacetOption] = field(default_factory=list)


def _values(params, name) -> list[str]:
    return [
        value.strip()
        for raw in params.getlist(name)
        if raw
        for value in raw.split(",")
        if value.strip()
    ]


class LibraryListing:
    """What a visitor asked for on a library index page, and what they may see of it."""

    def __init__(self, index_page, request):
        from library.models import ResourcePage, ResourceType

        self.index_page = index_page
        self.request = request
        self.errors: list[str] = []
        params = request.GET

        self._failed = failed_restrictions(request)
        # A visitor who passes some restriction sees content that others don't.
        self.is_personal = bool(request.user.is_authenticated)

        base = (
            ResourcePage.objects.live()
            .descendant_of(index_page)
            .filter(locale_id=index_page.locale_id)
        )
        self.visible = pages_visible_to(request, base, self._failed)

        # Keyword
        self.query = params.get("q", "").strip()[:MAX_QUERY_LENGTH]

        # Facets
        self.types = list(dict.fromkeys(_values(params, "type")))
        unknown = sorted(set(self.types) - set(ResourceType.values))
        if unknown:
            self.errors.append(
                gettext("type: unknown resource type %(values)s")
                % {"values": ", ".join(unknown)[:100]}
            )
        try:
            self.taxonomy = parse_taxonomy_params(params)
        except TaxonomyFilterError as error:
            self.taxonomy = {}
            self.errors.append(str(error))
        self.years = list(dict.fromkeys(_values(params, "year")))
        if any(not _YEAR.match(year) for year in self.years):
            self.errors.append(gettext("year: a year is four digits, such as 2025"))
            self.years = []

        self.sort = params.get("sort", DEFAULT_SORT)
        if self.sort not in SORTS:
            self.errors.append(
                gettext("sort: choose one of %(values)s") % {"values": ", ".join(SORTS)}
            )
            self.sort = DEFAULT_SORT

    # Querysets

    def _searched(self):
        if not self.query:
            return self.visible
        # Search the visible resources only, then keep the matches as a plain queryset
        # that facets and sorting can work on.
        if not hasattr(self, "_search_ids"):
            self._search_ids = [page.pk for page in self.visible.search(self.query, operator="and")]
        return self.visible.filter(pk__in=self._search_ids)

    def _filtered(self, *, skip: str | None = None):
        queryset = self._searched()
        if self.types and skip != "type":
            queryset = queryset.filter(resource_type__in=self.types)
        taxonomy = {name: values for name, values in self.taxonomy.items() if name != skip}
        queryset = filter_by_taxonomy(queryset, taxonomy)
        if self.years and skip != "year":
            queryset = queryset.filter(published_on__year__in=[int(y) for y in self.years])
        return queryset

    def results(self):
        if self.errors:
            return []
        return (
            self._filtered()
            .order_by(*SORTS[self.sort][1])
            .prefetch_related("topics")
            .select_related("locale")
        )

    def count_by(self, queryset, lookup) -> dict:
        rows = queryset.order_by().values(lookup).annotate(n=Count("pk", distinct=True))
        return {row[lookup]: row["n"] for row in rows if row[lookup] is not None}

    # Facets for the template

    @property
    def facets(self) -> list[FacetGroup]:
        if not hasattr(self, "_facets"):
            self._facets = [] if self.errors else self._build_facets()
        return self._facets

    def _build_facets(self) -> list[FacetGroup]:
        from library.models import ResourceType

        groups = []

        counts = self.count_by(self._filtered(skip="type"), "resource_type")
        groups.append(
            FacetGroup(
                "type",
                _("Type"),
                [
                    FacetOption(value, label, counts.get(value, 0), value in self.types)
                    for value, label in ResourceType.choices
                    if counts.get(value) or value in self.types
                ],
            )
        )

        for param, legend, model, lookup in (
            ("topic", _("Topic"), Topic, "topics__slug"),
            ("network", _("Network"), Network, "networks__slug"),
        ):
            counts = self.count_by(self._filtered(skip=param), lookup)
            selected = set(self.taxonomy.get(param, []))
            names = self._term_names(model, set(counts) | selected)
            groups.append(
                FacetGroup(
                    param,
                    legend,
                    [
                        FacetOption(slug, name, counts.get(slug, 0), slug in selected)
                        for slug, name in sorted(names.items(), key=lambda item: item[1])
                        if counts.get(slug) or slug in selected
                    ],
                )
            )

        counts = self.count_by(self._filtered(skip="state"), "states__code")
        selected = set(self.taxonomy.get("state", []))
        states = State.in_name_order(State.objects.filter(code__in=set(counts) | selected))
        groups.append(
            FacetGroup(
                "state",
                _("State"),
                [
                    FacetOption(s.code, s.localized_name, counts.get(s.code, 0), s.code in selected)
                    for s in states
                ],
            )
        )

        rows = (
            self._filtered(skip="year")
            .order_by()
            .annotate(year=ExtractYear("published_on"))
            .values("year")
            .annotate(n=Count("pk", distinct=True))
        )
        counts = {str(row["year"]): row["n"] for row in rows}
        groups.append(
            FacetGroup(
                "year",
                _("Year"),
                [
                    FacetOption(year, year, counts.get(year, 0), year in self.years)
                    for year in sorted(set(counts) | set(self.years), reverse=True)
                ],
            )
        )
        return groups

    def _term_names(self, model, slugs) -> dict[str, str]:
        """Names of topics or networks in the page's language, by slug (the English rows
        carry the slugs; a term not yet translated keeps its English name)."""
        if not slugs:
            return {}
        terms = in_language(model, self.index_page.locale.language_code)
        return {term.slug: term.name for term in terms.values() if term.slug in slugs}

    # State of the form, for the template

    @property
    def has_filters(self) -> bool:
        return bool(self.query or self.types or self.taxonomy or self.years)

    @property
    def sort_options(self):
        return [(value, label, value == self.sort) for value, (label, _order) in SORTS.items()]

    def mark_members_only(self, resources) -> None:
        """Flag the resources this visitor sees but others don't, for a "Members only" badge."""
        if not self.is_personal:
            return
        restricted = restricted_page_ids(resources)
        for resource in resources:
            resource.is_members_only = resource.pk in restricted
