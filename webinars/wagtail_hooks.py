"""Admin registration for webinar series, and the upcoming webinars shown on campaign
pages (a provider for campaigns.related: campaigns never imports webinars)."""

from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateformat import format as format_datetime
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Network, Topic
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
    heading = "Upcoming webinars"

    def items(self, campaign, limit):
        if not (campaign.network_ids or campaign.topic_ids):
            return []
        sharing = WebinarPage.objects.filter(
            Q(networks__in=campaign.network_ids) | Q(topics__in=campaign.topic_ids)
        ).values("pk")
        webinars = (
            WebinarPage.objects.live()
            .public()
            .upcoming()
            .filter(locale_id=campaign.locale_id, pk__in=sharing)
            # An alias is as private as its source, wherever it is placed.
            .exclude(alias_of__in=Page.objects.not_public().values("pk"))
            .order_by("starts_at", "pk")
        )
        return list(webinars[:limit])

    def describe(self, webinar):
        return format_datetime(timezone.localtime(webinar.starts_at), "l, F j, Y, g:i A T")

    def api_data(self, webinar):
        return {
            "starts_at": timezone.localtime(webinar.starts_at).isoformat(),
            "ends_at": timezone.localtime(webinar.ends_at).isoformat(),
        }

    def more_url(self, campaign):
        """The webinar listing, filtered by the campaign's networks (or else its topics)."""
        index = (
            WebinarIndexPage.objects.live().public().filter(locale_id=campaign.locale_id).first()
        )
        if index is None:
            return ""
        query = QueryDict(mutable=True)
        if campaign.network_ids:
            slugs = Network.objects.filter(pk__in=campaign.network_ids).values_list(
                "slug", flat=True
            )
            query["network"] = ",".join(sorted(slugs))
        else:
            slugs = Topic.objects.filter(pk__in=campaign.topic_ids).values_list("slug", flat=True)
            query["topic"] = ",".join(sorted(slugs))
        return f"{index.get_full_url()}?{query.urlencode(safe=',')}"


@hooks.register("register_campaign_related_content", order=10)
def campaign_upcoming_webinars():
    return UpcomingCampaignWebinars()
