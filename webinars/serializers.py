"""How a webinar's related objects appear in the content API.

Topics, networks and states use the shared serializers of taxonomy.serializers.
"""

from rest_framework import serializers

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
