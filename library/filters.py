"""The library's filters: its listing's facets and the API's, one declaration.

`?resource_type=policy-brief,fact-sheet&topic=child-nutrition&year=2025` on the listing,
and `?type=library.ResourcePage&resource_type=…&published_after=2025-01-01` in the API.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from library.resource_types import ResourceType
from taxonomy.filters import (
    TAXONOMY,
    ChoiceFilter,
    DateFilter,
    FilterError,
    FilterState,
    YearFilter,
)

RESOURCE_TYPE = ChoiceFilter(
    "resource_type",
    ResourceType.choices,
    lookup="resource_type",
    label=gettext_lazy("Type"),
    description="Library: resource type slug(s), comma-separated (see /resource-types/).",
)
YEAR = YearFilter(
    "year",
    lookup="published_on",
    label=gettext_lazy("Year"),
    description="Library: year(s) of publication, comma-separated, e.g. `2024,2025`.",
)
PUBLISHED_AFTER = DateFilter(
    "published_after",
    bound="after",
    lookup="published_on",
    description="Library: published on or after (YYYY-MM-DD).",
)
PUBLISHED_BEFORE = DateFilter(
    "published_before",
    bound="before",
    lookup="published_on",
    description="Library: published on or before (YYYY-MM-DD).",
)


class LibraryFilters(FilterState):
    model = "library.ResourcePage"
    filters = (RESOURCE_TYPE, *TAXONOMY, YEAR, PUBLISHED_AFTER, PUBLISHED_BEFORE)

    @classmethod
    def check(cls, selected):
        after, before = selected.get("published_after"), selected.get("published_before")
        if after and before and after > before:
            return [FilterError("published_after", _("must not be later than published_before"))]
        return []
