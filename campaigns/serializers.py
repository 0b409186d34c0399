"""How a campaign's timeline, figures and related pages appear in the content API.

Related pages have the shape the v2 API gives nested pages everywhere else
(`id`, `meta.type`, `meta.detail_url`, `meta.html_url`, `title`), so a partner site
can follow them without special cases.
"""

from rest_framework import serializers

from content_api.fields import PAGE_SUMMARY_PROPERTIES, PageSummariesField, nullable, page_summary


class MilestoneSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text="Always set, also for a milestone with a date.")
    date = serializers.DateField(allow_null=True, help_text="The exact day, or null.")
    label = serializers.CharField()
    text = serializers.CharField()


class RelatedPagesField(PageSummariesField):
    """The editors' picks."""

    schema = PageSummariesField.schema | {
        "description": "Pages the editors picked, in their order; only live, public ones.",
    }


class RelatedContentField(serializers.Field):
    """Each provider's section: key, heading, link to the full list, and its pages."""

    schema = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "key": {"type": "string", "description": "Stable, e.g. upcoming_webinars."},
                "heading": {"type": "string"},
                "more_url": nullable({"type": "string", "description": "The full list."}),
                "items": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": PAGE_SUMMARY_PROPERTIES
                        | {"description": {"type": "string", "description": "A date, a place."}},
                        "required": [*PAGE_SUMMARY_PROPERTIES, "description"],
                        "description": "A live, public page; each section adds its own "
                        "fields (webinars: starts_at, ends_at; resources: resource_type, "
                        "published_on; members: state, locality).",
                    },
                },
            },
            "required": ["key", "heading", "more_url", "items"],
            "additionalProperties": False,
        },
        "description": "Pages of other sections that share the campaign's networks or "
        "topics (upcoming webinars, recent resources, members), without the editors' picks.",
    }

    def to_representation(self, sections):
        return [
            {
                "key": section.key,
                "heading": section.heading,
                "more_url": section.more_url or None,
                "items": [
                    page_summary(item, self.context)
                    | {"description": section.describe(item)}
                    | section.api_data(item)
                    for item in section.items
                ],
            }
            for section in sections
        ]


class ComputedFiguresField(serializers.Field):
    """Figures computed from the data (the providers return JSON-ready dicts)."""

    schema = {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "key": {"type": "string", "description": "Stable, e.g. membership-sparc."},
                "text": {"type": "string", "description": "The figure as a sentence."},
                "source": {"type": "string", "description": "Where it comes from."},
            },
            "required": ["key", "text", "source"],
            "description": "Each kind of figure may add its data (network membership: "
            "kind, network, member_count, place_count).",
        },
        "description": "Figures counted from the site's data, e.g. a network's membership.",
    }

    def to_representation(self, figures):
        return list(figures)
