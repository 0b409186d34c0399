"""The webinars' filters: the listing, its calendar feed and the API, one declaration.

`/api/v2/pages/?type=webinars.WebinarPage&status=upcoming&network=sparc` is "upcoming
SPARC webinars"; the listing and the calendar take the same parameters.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from taxonomy.filters import (
    TAXONOMY,
    ChoiceFilter,
    DateFilter,
    FilterError,
    FilterState,
    TermFilter,
)

SERIES = TermFilter(
    "series",
    "webinars.Series",
    lookup="webinar_series__slug",
    label=gettext_lazy("Series"),
    all_label=gettext_lazy("All series"),
    description="Webinars: series slug(s), comma-separated (see /webinar-series/).",
)


class StatusFilter(ChoiceFilter):
    """Upcoming until the session ends, then past: computed from the clock."""

    many = False

    def narrow(self, queryset, value):
        return queryset.upcoming() if value == "upcoming" else queryset.past()


STATUS = StatusFilter(
    "status",
    [("upcoming", gettext_lazy("Upcoming")), ("past", gettext_lazy("Past"))],
    description="Webinars: `upcoming` (until the session ends, soonest first) or `past` "
    "(newest first).",
)
STARTS_AFTER = DateFilter(
    "starts_after",
    bound="after",
    moments=True,
    lookup="starts_at",
    description="Webinars starting on or after this date (YYYY-MM-DD, US Eastern) or ISO "
    "date-time.",
)
STARTS_BEFORE = DateFilter(
    "starts_before",
    bound="before",
    moments=True,
    inclusive=False,
    lookup="starts_at",
    description="Webinars starting before this date or ISO date-time.",
)


class WebinarFilters(FilterState):
    model = "webinars.WebinarPage"
    filters = (*TAXONOMY, SERIES, STATUS, STARTS_AFTER, STARTS_BEFORE)
    # The listing's form, in this order.
    form_filters = ("topic", "network", "series", "state")

    @classmethod
    def check(cls, selected):
        after, before = selected.get("starts_after"), selected.get("starts_before")
        if after and before and before <= after:
            return [FilterError("starts_before", _("must be later than starts_after"))]
        return []

    def api_ordering(self) -> list[str] | None:
        """Upcoming soonest first, past newest first, unless the API call says `order`."""
        if "status" not in self:
            return None
        return ["starts_at", "pk"] if self.get("status") == "upcoming" else ["-starts_at", "pk"]
