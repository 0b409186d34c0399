"""How a webinar's related objects appear in the content API.

Topics, networks and states use the shared serializers of taxonomy.serializers.
"""

from rest_framework import serializers
from wagtail.models import Page

from taxonomy.serializers import TermSerializer


class SeriesSerializer(TermSerializer):
    """The webinar's series, named in the webinar's own language (see taxonomy.serializers)."""

    # JSON Schema of the representation, for the API's OpenAPI document (content_api.schema).
    schema = {
        "anyOf": [
            {
                "type": "object",
                "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
                "required": ["slug", "name"],
            },
            {"type": "null"},
        ]
    }

    slug = serializers.SlugField()
    name = serializers.CharField()


class RelatedPagesField(serializers.Field):
    """Pages in the shape the v2 API nests pages everywhere else."""

    schema = {"type": "array", "items": {"$ref": "#/components/schemas/NestedPage"}}

    def to_representation(self, pages):
        # Imported here: the module loads a model at import, before apps are ready.
        from wagtail.api.v2.utils import get_object_detail_url

        request = self.context.get("request")
        router = self.context.get("router")
        return [
            {
                "id": page.pk,
                "meta": {
                    "type": f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}"
                    if page.specific_class
                    else "wagtailcore.Page",
                    "detail_url": get_object_detail_url(router, request, Page, page.pk)
                    if router
                    else None,
                    "html_url": page.get_full_url(request),
                },
                "title": page.title,
            }
            for page in pages
        ]
