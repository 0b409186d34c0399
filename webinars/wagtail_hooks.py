"""Admin registration for webinar series, the upcoming webinars shown on campaign
pages (a provider for campaigns.related: campaigns never imports webinars), and the
webinars' demo content."""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.related import listing_url, public_pages_filed_with, section_listing
from content_api.sections import API_SECTION_HOOK
from demo.registry import DEMO_CONTENT_HOOK, DemoSection
from webinars.api import webinars_api_section
from webinars.models import Series, WebinarIndexPage, WebinarPage


class SeriesViewSet(SnippetViewSet):
    model = Series
    icon = "date"
    menu_label = "Webinar series"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    add_to_admin_menu = False


register_snippet(SeriesViewSet)


class UpcomingCampaignWebinars:
    """Upcoming live, public webinars that share a campaign's networks or topics, soonest
    first, in the campaign's language. A fixed number of queries, however many match."""

    key = "upcoming_webinars"
    heading = _("Upcoming webinars")

    def items(self, campaign, limit):
        webinars = public_pages_filed_with(WebinarPage, campaign).upcoming()
        return list(webinars.order_by("starts_at", "pk")[:limit])

    def describe(self, webinar):
        return formats.date_format(timezone.localtime(webinar.starts_at), "DATETIME_FORMAT")

    def api_data(self, webinar):
        return {
            "starts_at": timezone.localtime(webinar.starts_at).isoformat(),
            "ends_at": timezone.localtime(webinar.ends_at).isoformat(),
        }

    def more_url(self, campaign):
        """The webinar listing, filtered by the campaign's networks (or else its topics)."""
        return listing_url(section_listing(WebinarIndexPage, campaign.locale_id), campaign)


@hooks.register("register_campaign_related_content", order=10)
def campaign_upcoming_webinars():
    return UpcomingCampaignWebinars()


@hooks.register(DEMO_CONTENT_HOOK, order=30)  # after the library
def webinars_demo_content():
    from webinars import demo  # only the demo command loads the demo and its factories

    return DemoSection("Webinars", load=demo.load, load_spanish=demo.load_spanish)


@hooks.register(API_SECTION_HOOK, order=20)
def webinars_in_the_api():
    return webinars_api_section()
