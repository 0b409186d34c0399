"""The sections' filters on the pages endpoint: the FilterState each section's listing
uses (content_api.sections), read once per request, with the listing's messages.

`?topic=…&network=…&state=…` narrow every filed page type (the taxonomy's state);
a section's own parameters (`status`, `resource_type`…) keep the pages of its type:
without `type` they leave only those, with another `type` they are a 400.
"""

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from content_api.sections import api_sections
from taxonomy.filters import TAXONOMY, FilterErrors


class SectionFilters(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        params, model = request.GET, queryset.model
        for section in api_sections():
            states = section.filters
            if states is None:
                continue
            # The taxonomy's own section reads topic, network and state for every type.
            own = [f for f in states.filters if states.model is None or f not in TAXONOMY]
            asked = [f.name for f in own if f.name in params]
            if not asked:
                continue
            page_model = states.page_model()
            if page_model is not None and model is not Page and not issubclass(model, page_model):
                plural = page_model._meta.verbose_name_plural
                raise BadRequestError(f"{asked[0]}: only {plural} can be filtered by {asked[0]}")
            try:
                state = states.from_params(params, own)
            except FilterErrors as errors:
                raise BadRequestError(str(errors.first)) from errors
            queryset = state.apply(queryset)
            ordering = getattr(state, "api_ordering", lambda: None)()
            if ordering and "order" not in params and model is not Page:
                queryset = queryset.order_by(*ordering)
        return queryset
