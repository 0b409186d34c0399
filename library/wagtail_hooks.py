"""What the library gives campaign pages: its recent resources (a provider for
campaigns.related: campaigns never imports the library); and its demo content."""

from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from campaigns.related import listing_url, public_pages_filed_with, section_listing
from content_api.sections import API_SECTION_HOOK
from demo.registry import DEMO_CONTENT_HOOK, DemoSection
from library.api import library_api_section
from library.models import LibraryIndexPage, ResourcePage


class RecentCampaignResources:
    """The newest live, public resources that share a campaign's networks or topics, in
    the campaign's language. A members-only resource (restricted, under a restricted
    section, or an alias of one) is never listed: the campaign page and the API are
    public and may be cached. A fixed number of queries, however many resources match."""

    key = "library_resources"
    heading = _("Recent library resources")

    def items(self, campaign, limit):
        resources = public_pages_filed_with(ResourcePage, campaign)
        return list(resources.order_by("-published_on", "-pk")[:limit])

    def describe(self, resource):
        published_on = formats.date_format(resource.published_on)
        return f"{resource.get_resource_type_display()}, {published_on}"

    def api_data(self, resource):
        return {
            "resource_type": resource.resource_type,
            "published_on": resource.published_on.isoformat(),
        }

    def more_url(self, campaign):
        """The library, filtered by the campaign's networks (or else its topics)."""
        return listing_url(section_listing(LibraryIndexPage, campaign.locale_id), campaign)


@hooks.register("register_campaign_related_content", order=20)
def campaign_library_resources():
    return RecentCampaignResources()


@hooks.register(DEMO_CONTENT_HOOK, order=20)  # after members, before webinars
def library_demo_content():
    from library import demo  # only the demo command loads the demo and its factories

    return DemoSection("Library", load=demo.load, load_spanish=demo.load_spanish)


@hooks.register(API_SECTION_HOOK, order=10)
def library_in_the_api():
    return library_api_section()
