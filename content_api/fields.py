"""Serializer fields for links between pages, in the shape the v2 API nests pages
everywhere else (`id`, `meta.type`, `meta.detail_url`, `meta.html_url`, `title`), so a
partner site follows them without special cases. Callers pass only pages anyone may
see (privacy.visibility): these fields show what they are given."""

from rest_framework import serializers
from wagtail.models import Page


def nullable(schema: dict) -> dict:
    """A JSON Schema that also allows null."""
    return {"anyOf": [schema, {"type": "null"}]}


PAGE_SUMMARY_PROPERTIES = {
    "id": {"type": "integer"},
    "meta": {
        "type": "object",
        "properties": {
            "type": {"type": "string", "description": "The page type, e.g. webinars.WebinarPage."},
            "detail_url": nullable({"type": "string"}),
            "html_url": nullable({"type": "string"}),
        },
        "required": ["type", "detail_url", "html_url"],
        "additionalProperties": False,
    },
    "title": {"type": "string"},
}
PAGE_SUMMARY = {
    "type": "object",
    "properties": PAGE_SUMMARY_PROPERTIES,
    "required": list(PAGE_SUMMARY_PROPERTIES),
    "additionalProperties": False,
}


def page_summary(page, context) -> dict:
    # Imported here: wagtail.api.v2.utils loads a model at import, and page models
    # import this module before the apps are ready.
    from wagtail.api.v2.utils import get_object_detail_url

    request, router = context.get("request"), context.get("router")
    model = page.specific_class
    return {
        "id": page.pk,
        "meta": {
            "type": f"{model._meta.app_label}.{model.__name__}" if model else "wagtailcore.Page",
            "detail_url": get_object_detail_url(router, request, Page, page.pk) if router else None,
            "html_url": page.get_full_url(request),
        },
        "title": page.title,
    }


class PageSummariesField(serializers.Field):
    """A list of pages (the attribute gives them, already checked)."""

    schema = {"type": "array", "items": PAGE_SUMMARY}

    def to_representation(self, pages):
        return [page_summary(page, self.context) for page in pages]


class PageSummaryField(serializers.Field):
    """One page, or null."""

    schema = nullable(PAGE_SUMMARY)

    def to_representation(self, page):
        return page_summary(page, self.context) if page is not None else None


def document_summary(document, context) -> dict:
    """A document as the v2 API nests one: `id`, `meta` (`type`, `detail_url`,
    `download_url`), `title`. Give only documents anyone may download the page of."""
    from wagtail.api.utils import get_full_url
    from wagtail.api.v2.utils import get_object_detail_url

    request, router = context.get("request"), context.get("router")
    model = type(document)
    return {
        "id": document.pk,
        "meta": {
            "type": f"{model._meta.app_label}.{model.__name__}",
            "detail_url": get_object_detail_url(router, request, model, document.pk)
            if router
            else None,
            "download_url": get_full_url(request, document.url),
        },
        "title": document.title,
    }


class DocumentSummaryField(serializers.Field):
    """One document (in no members-only collection: the attribute checks), or null."""

    schema = {"anyOf": [{"$ref": "#/components/schemas/NestedObject"}, {"type": "null"}]}

    def to_representation(self, document):
        return document_summary(document, self.context) if document is not None else None
