"""API representations of the library's fields (Wagtail API v2 `api_fields` serializers)."""

from django.utils.translation import gettext
from rest_framework import serializers


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


class ResourceTypeField(serializers.Field):
    """`{"slug": "policy-brief", "label": "Policy brief"}`: the slug is what filters take."""

    def to_representation(self, value):
        from library.models import ResourceType

        return {"slug": value, "label": str(ResourceType(value).label)}


class OrganisationListField(serializers.Field):
    """The authoring organisations as a list of names (entered one per line)."""

    def to_representation(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class ResourceFilesField(serializers.Field):
    """The resource's files, in order, each with its download URL, file type and size.

    The download URL is Wagtail's document serve view, which checks the collection's
    privacy on every request; a storage URL is never given out.
    """

    def to_representation(self, page):
        request = self.context.get("request")
        return [
            {
                "title": item.document.title,
                "label": item.display_label,
                "download_url": _absolute(request, item.document.url),
                "file_type": item.document.file_extension.lower(),
                "file_size": item.document.file_size,
            }
            for item in page.files.select_related("document")
        ]


class RelatedResourcesField(serializers.Field):
    """Related resources the public may see (the API is anonymous)."""

    def to_representation(self, page):
        request = self.context.get("request")
        return [
            {
                "id": resource.pk,
                "title": resource.title,
                "resource_type": resource.kind,
                "html_url": resource.get_full_url(request),
            }
            for resource in page.visible_related_resources(None)
        ]


def resource_type_vocabulary():
    """Every resource type, for the API's vocabulary endpoint and the listing's facets."""
    from library.models import ResourceType

    return [{"slug": value, "label": gettext(str(label))} for value, label in ResourceType.choices]
