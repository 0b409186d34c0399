"""How a campaign's timeline, figures and related pages appear in the content API.

Related pages have the shape the v2 API gives nested pages everywhere else
(`id`, `meta.type`, `meta.detail_url`, `meta.html_url`, `title`), so a partner site
can follow them without special cases.
"""

from rest_framework import serializers


class MilestoneSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text="Always set, also for a milestone with a date.")
    date = serializers.DateField(allow_null=True, help_text="The exact day, or null.")
    label = serializers.CharField()
    text = serializers.CharField()


def page_summary(page, context) -> dict:
    # Imported here: wagtail.api.v2.utils loads models at import time.
    from wagtail.api.v2.utils import get_object_detail_url
    from wagtail.models import Page

    request = context.get("request")
    router = context.get("router")
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


class RelatedPagesField(serializers.Field):
    """The editors' picks."""

    def to_representation(self, pages):
        return [page_summary(page, self.context) for page in pages]


class RelatedContentField(serializers.Field):
    """Each provider's section: key, heading, link to the full list, and its pages."""

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

    def to_representation(self, figures):
        return list(figures)
