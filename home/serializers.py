"""How the shared vocabulary appears in the content API, the same for every page type.

Terms are given by the value the filters take (a slug, or a USPS code for states)
and by name, so a partner site can show a term and link to a filtered list
without a second request.
"""

from rest_framework import serializers


class TopicSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="Use in ?topic= filters.")
    name = serializers.CharField()


class NetworkSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="Use in ?network= filters.")
    name = serializers.CharField()
    short_name = serializers.CharField()


class StateSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="USPS code, e.g. OH; use in ?state= filters.")
    name = serializers.CharField()
    kind = serializers.CharField(help_text="state, district or territory.")
