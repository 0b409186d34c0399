"""The taxonomy in the content API: `?topic=`, `?network=`, `?state=` on every filed
page type, and the vocabularies a partner site builds its filter menus from
(`/api/v2/topics/`, `/networks/`, `/states/`). Registered in taxonomy/wagtail_hooks.py."""

from content_api.sections import APISection
from content_api.vocabularies import TranslatableVocabularyEndpoint, VocabularyEndpoint
from home.models import Network, State, Topic
from taxonomy.filters import TaxonomyFilters


class TopicsEndpoint(TranslatableVocabularyEndpoint):
    """`/api/v2/topics/`: the issue areas (filter with `?topic=<slug>`)."""

    name = "topics"
    filter_parameter = "topic"
    term_model = Topic
    openapi_component = "Topic"
    openapi_summary = "Issue areas. Filter pages with ?topic=<slug>."


class NetworksEndpoint(TranslatableVocabularyEndpoint):
    """`/api/v2/networks/`: the Partnership and its specialised networks (`?network=`)."""

    name = "networks"
    filter_parameter = "network"
    term_model = Network
    fields = ("slug", "name", "short_name", "description", "website")
    openapi_component = "Network"
    openapi_summary = "The Partnership and its networks (e.g. SPARC). Filter with ?network=<slug>."
    openapi_fields = {
        "name": {"type": "string"},
        "short_name": {"type": "string"},
        "description": {"type": "string"},
        "website": {"type": "string"},
        "locale": TranslatableVocabularyEndpoint.openapi_fields["locale"],
    }


class StatesEndpoint(VocabularyEndpoint):
    """`/api/v2/states/`: states, DC and territories by USPS code (`?state=OH`), named
    in the language of `?locale=` (the interface catalogue translates them)."""

    name = "states"
    key_field = "code"
    filter_parameter = "state"
    openapi_component = "State"
    openapi_summary = "US states, DC and territories by USPS code. Filter with ?state=OH."
    openapi_fields = {
        "name": {"type": "string", "description": "In the language of ?locale=."},
        "kind": {"enum": ["state", "district", "territory"]},
    }

    def items(self):
        # In the order of their English names, the same in every language, like the
        # other vocabularies.
        return [
            {"code": state.code, "name": state.localized_name, "kind": state.kind}
            for state in State.objects.order_by("name")
        ]

    def detail_view(self, request, key):
        return super().detail_view(request, key.upper())


def taxonomy_api_section() -> APISection:
    return APISection(
        name="taxonomy",
        filters=TaxonomyFilters,
        endpoints={
            "topics": TopicsEndpoint,
            "networks": NetworksEndpoint,
            "states": StatesEndpoint,
        },
        watched_models=[Topic, Network, State],
    )
