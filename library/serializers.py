"""API representations of the library's fields (Wagtail API v2 `api_fields` serializers)."""

from rest_framework import serializers
from wagtail.api.utils import get_full_url

from library.resource_types import ResourceType


class ResourceTypeField(serializers.Field):
    """`{"slug": "policy-brief", "label": "Policy brief"}`: the slug is what filters take."""

    # JSON Schemas of the representations, for the API's OpenAPI document (content_api.schema).
    schema = {
        "type": "object",
        "properties": {"slug": {"type": "string"}, "label": {"type": "string"}},
        "required": ["slug", "label"],
    }

    def to_representation(self, value):
        return {"slug": value, "label": str(ResourceType(value).label)}


class OrganisationListField(serializers.Field):
    """Every author's name: the member authors' (see `authors`), then the others'."""

    schema = {"type": "array", "items": {"type": "string"}}

    def to_representation(self, page):
        return page.organisation_names


class ResourceFilesField(serializers.Field):
    """The resource's files, in order, each with its download URL, file type and size.

    The download URL is Wagtail's document serve view, which checks the collection's
    privacy on every request; a storage URL is never given out. Absolute on the site's
    own host (its Site's root URL), like every other URL of the API, whatever Host the
    request came with.
    """

    schema = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "title": {"type": "string"},
                "label": {"type": "string"},
                "download_url": {"type": "string"},
                "file_type": {"type": "string"},
                "file_size": {"type": ["integer", "null"]},
            },
            "required": ["title", "label", "download_url", "file_type", "file_size"],
        },
    }

    def to_representation(self, page):
        request = self.context.get("request")
        return [
            {
                "title": item.document.title,
                "label": item.display_label,
                "download_url": get_full_url(request, item.document.url),
                "file_type": item.document.file_extension.lower(),
                "file_size": item.document.file_size,
            }
            for item in _files(page)
        ]


class RelatedResourcesField(serializers.Field):
    """Related resources the public may see (the API is anonymous)."""

    schema = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "resource_type": {"type": "string"},
                "html_url": {"type": ["string", "null"]},
            },
            "required": ["id", "title", "resource_type", "html_url"],
        },
    }

    def to_representation(self, page):
        request = self.context.get("request")
        return [
            {
                "id": resource.pk,
                "title": resource.title,
                "resource_type": resource.resource_type,
                "html_url": resource.get_full_url(request),
            }
            for resource in _public_related_resources(page)
        ]


def _files(page):
    return page.public_files


def _public_related_resources(page):
    prepared = getattr(page, "_api_related_resources", None)
    return prepared if prepared is not None else page.visible_related_resources(None)
