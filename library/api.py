"""The library's part of the content API: a filter backend for resources and the
resource-type vocabulary.

`/api/v2/pages/?type=library.ResourcePage&resource_type=policy-brief,fact-sheet
&topic=child-nutrition&published_after=2025-01-01&published_before=2025-12-31`

The resource type filter is `resource_type` (not `type`, which Wagtail uses for the
page model). The topic, network and state filters come from `content_api.filters.TaxonomyFilter`.
"""

from datetime import date

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from content_api.vocabularies import VocabularyEndpoint
from library.serializers import resource_type_vocabulary

MAX_TYPES = 10


def _parse_date(params, name) -> date | None:
    raw = params.get(name)
    if raw is None or raw == "":
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError as error:
        raise BadRequestError(f"{name}: {raw[:40]!r} is not a date (use YYYY-MM-DD)") from error


class ResourceFilter(BaseFilterBackend):
    """`?resource_type=` (comma-separated alternatives) and `?published_after=` /
    `?published_before=` (inclusive dates) on library resources.

    Other page types have neither field, so asking for these filters without
    `?type=library.ResourcePage` leaves only resources.
    """

    query_parameters = frozenset({"resource_type", "published_after", "published_before"})

    def filter_queryset(self, request, queryset, view):
        from library.models import ResourcePage, ResourceType

        params = request.GET
        types = [value.strip() for value in params.get("resource_type", "").split(",")]
        types = [value for value in types if value]
        after = _parse_date(params, "published_after")
        before = _parse_date(params, "published_before")
        if not (types or after or before):
            return queryset

        if len(types) > MAX_TYPES:
            raise BadRequestError(f"resource_type: at most {MAX_TYPES} values are allowed")
        unknown = sorted(set(types) - set(ResourceType.values))
        if unknown:
            raise BadRequestError(
                f"resource_type: unknown resource type {', '.join(unknown)[:100]} "
                f"(one of {', '.join(ResourceType.values)})"
            )
        if after and before and after > before:
            raise BadRequestError("published_after: must not be later than published_before")

        resources = ResourcePage.objects.all()
        if types:
            resources = resources.filter(resource_type__in=types)
        if after:
            resources = resources.filter(published_on__gte=after)
        if before:
            resources = resources.filter(published_on__lte=before)
        return queryset.filter(pk__in=resources.values("pk"))


class ResourceTypesAPIView(VocabularyEndpoint):
    """`/api/v2/resource-types/`: the kinds of resource, as a vocabulary like topics
    (filter with `?type=library.ResourcePage&resource_type=<slug>`)."""

    name = "resource-types"
    filter_parameter = "resource_type"
    filter_type = "library.ResourcePage"

    def items(self):
        return resource_type_vocabulary()
