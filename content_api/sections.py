"""How a section plugs into the content API: one declaration, returned by a hook.

    @hooks.register(API_SECTION_HOOK)                 # "register_content_api_section"
    def webinars_in_the_api():
        return APISection(
            name="webinars",
            filters=WebinarFilters,                   # its parameters on /pages/
            endpoints={"webinar-series": WebinarSeriesEndpoint},
            watched_models=[Series],                  # changes to these change responses
            time_states=[webinar_time_state],         # parts of responses the clock changes
            listing_prefetch={"series": ["webinar_series"]},
            prepare_listing=prepare_webinar_listing,
        )

From these the pages endpoint filters (content_api.filters), the router registers the
endpoints (content_api.router), the validators watch the models and the clock
(content_api.caching), listings load what they need at once (content_api.views) and the
OpenAPI document describes it all (content_api.schema). Nothing else is needed: no
setting, no model attribute, no edit here.
"""

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from home.hooks import declarations
from taxonomy.filters import FilterState

API_SECTION_HOOK = "register_content_api_section"


@dataclass(frozen=True)
class APISection:
    """What a section adds to the content API.

    - `filters`: the FilterState its listing uses; its parameters filter `/pages/` (all
      filed pages when it has no `model`, else pages of its `model`);
    - `endpoints`: {name: endpoint class} registered on the router at /api/v2/<name>/;
    - `watched_models`: models whose changes change responses (pages, images, documents,
      restrictions, sites and locales are always watched);
    - `time_states`: functions giving (value, time of the last change, time of the next)
      of something the clock changes (a webinar becoming past): see content_api.caching;
    - `listing_prefetch`: {API field: [lookups]} a listing of its page type prefetches
      when the field is asked for;
    - `prepare_listing(pages, fields)`: loads anything else a listing of its pages
      needs, once for all of them.
    """

    name: str
    filters: type[FilterState] | None = None
    endpoints: Mapping[str, type] = field(default_factory=dict)
    watched_models: Sequence = ()
    time_states: Sequence[Callable] = ()
    listing_prefetch: Mapping[str, Sequence[str]] = field(default_factory=dict)
    prepare_listing: Callable | None = None

    @property
    def page_model(self):
        return self.filters.page_model() if self.filters else None


@functools.cache
def api_sections() -> tuple[APISection, ...]:
    """Every registered section, in hook order (read once: hooks are registered at
    start-up)."""
    return tuple(declarations(API_SECTION_HOOK, APISection, "name", "content_api.sections"))


def section_of(model) -> APISection | None:
    """The section whose page type `model` is (or extends)."""
    for section in api_sections():
        page_model = section.page_model
        if page_model is not None and issubclass(model, page_model):
            return section
    return None


def filter_parameters() -> frozenset[str]:
    """Every parameter the sections' filters read on the pages endpoint."""
    return frozenset().union(
        *(section.filters.parameters() for section in api_sections() if section.filters)
    )
