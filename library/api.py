"""The library in the content API (registered in library/wagtail_hooks.py).

`/api/v2/pages/?type=library.ResourcePage&resource_type=policy-brief,fact-sheet
&topic=child-nutrition&published_after=2025-01-01`: the listing's filters
(library.filters), and the resource types as a vocabulary.
"""

from django.db.models import Prefetch

from content_api.sections import APISection
from content_api.vocabularies import VocabularyEndpoint
from library.filters import LibraryFilters
from library.models import ResourceFile, ResourcePage
from library.resource_types import resource_type_vocabulary


class ResourceTypesEndpoint(VocabularyEndpoint):
    """`/api/v2/resource-types/`: the kinds of resource, as a vocabulary like topics
    (filter with `?type=library.ResourcePage&resource_type=<slug>`)."""

    name = "resource-types"
    filter_parameter = "resource_type"
    filter_type = "library.ResourcePage"
    openapi_component = "ResourceType"
    openapi_summary = (
        "Kinds of library resource. Filter with ?type=library.ResourcePage&resource_type=<slug>."
    )
    openapi_fields = {"label": {"type": "string"}}

    def items(self):
        return resource_type_vocabulary()


def prepare_api_listing(pages, fields):
    """The resources' files, related resources and authors, once for all of them. The
    API shows only pages anyone may open, so their files are checked by collection
    alone."""
    ResourcePage.prepare_api_listing(pages, fields - {"files"})
    if "files" in fields:
        ResourcePage.check_files(pages, all_public=True)


def library_api_section() -> APISection:
    return APISection(
        name="library",
        filters=LibraryFilters,
        endpoints={"resource-types": ResourceTypesEndpoint},
        listing_prefetch={
            "authors": ["authors"],
            "authoring_organisations": ["authors"],
            "files": [Prefetch("files", queryset=ResourceFile.objects.select_related("document"))],
            "related_resources": ["related_resource_links"],
        },
        prepare_listing=prepare_api_listing,
    )
