"""Filter backends of the pages endpoint that the sections share."""

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from taxonomy.filters import FACETS, TaxonomyFilterError, filter_by_taxonomy, parse_taxonomy_params


class TaxonomyFilter(BaseFilterBackend):
    """`?topic=`, `?network=`, `?state=` on every page type that is filed under them.

    Comma-separated values are alternatives (OR); different facets must all match (AND).
    """

    query_parameters = frozenset(FACETS)

    def filter_queryset(self, request, queryset, view):
        try:
            selected = parse_taxonomy_params(request.GET)
        except TaxonomyFilterError as error:
            raise BadRequestError(str(error)) from error
        return filter_by_taxonomy(queryset, selected)
