"""The search page's filters: the kind of content (`?type=webinar,resource`) and the
taxonomy, read like every listing's (taxonomy.filters)."""

from django.utils.translation import gettext_lazy as _

from search.facets import CONTENT_TYPES, OTHER_PAGES, OTHER_PAGES_LABEL, filter_by_type
from taxonomy.filters import TAXONOMY, ChoiceFilter, FilterState, TaxonomyFilters


class ContentTypeFilter(ChoiceFilter):
    """The site search's own `type`: a kind of content, not the API's page model."""

    def narrow(self, queryset, value):
        return filter_by_type(queryset, value)


CONTENT_TYPE = ContentTypeFilter(
    "type",
    lambda: (
        [(value, label) for value, (_a, _m, label) in CONTENT_TYPES.items()]
        + [(OTHER_PAGES, OTHER_PAGES_LABEL)]
    ),
    label=_("Content type"),
)


class SearchFilters(FilterState):
    filters = (CONTENT_TYPE, *TAXONOMY)

    def apply(self, queryset):
        # The taxonomy keeps the pages of every filed type; the kind of content narrows
        # the pages themselves (standard pages are of none).
        taxonomy = TaxonomyFilters({f.name: self.get(f.name) for f in TAXONOMY if f.name in self})
        queryset = taxonomy.apply(queryset)
        return filter_by_type(queryset, self.get("type")) if "type" in self else queryset
