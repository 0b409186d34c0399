"""What the members section gives campaign pages (providers for campaigns.related:
campaigns never imports members): a network campaign lists the network's member
organisations and states its membership, counted from the profiles themselves. And the
members' demo content."""

from django.http import QueryDict
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from campaigns.related import public_pages_filed_with
from content_api.sections import API_SECTION_HOOK
from demo.registry import DEMO_CONTENT_HOOK, DemoSection
from home.models import Network
from members.api import members_api_section
from members.models import MemberDirectoryPage, MemberProfilePage
from members.stats import network_membership
from privacy.visibility import public_pages


def _membership_sentence(member_count: int, place_count: int) -> str:
    # Two plurals in one sentence: each half agrees with its own number.
    members = ngettext("%(count)s member", "%(count)s members", member_count) % {
        "count": member_count
    }
    places = ngettext(
        "%(count)s state or locality", "%(count)s states and localities", place_count
    ) % {"count": place_count}
    return gettext("%(members)s in %(places)s") % {"members": members, "places": places}


class CampaignNetworkMembers:
    """The live, public member profiles in a campaign's networks (none for a campaign
    without a network), by state. A fixed number of queries, however many members."""

    key = "members"
    heading = _("Member organizations")
    limit = 100  # a network's members are listed in full; the directory has the rest

    def items(self, campaign, limit):
        # A network campaign lists its network's members, not everyone on its topics.
        members = public_pages_filed_with(MemberProfilePage, campaign, by_topic=False)
        members = members.select_related("home_state").order_by(
            "home_state__name", "locality", "title"
        )
        return list(members[:limit])

    def describe(self, member):
        return member.place_name

    def api_data(self, member):
        return {"state": member.home_state_id, "locality": member.locality}

    def more_url(self, campaign):
        """The member directory, filtered by the campaign's networks."""
        directories = MemberDirectoryPage.objects.filter(locale_id=campaign.locale_id)
        directory = public_pages(directories).first()
        if directory is None:
            return ""
        slugs = Network.objects.filter(pk__in=campaign.network_ids).values_list("slug", flat=True)
        query = QueryDict(mutable=True)
        query.setlist("network", sorted(slugs))
        return f"{directory.get_full_url()}?{query.urlencode()}"


class CampaignNetworkMembership:
    """“46 members in 37 states and localities” for each of a campaign's networks,
    counted live by members.stats.network_membership."""

    key = "network_membership"

    def figures(self, campaign):
        if not campaign.network_ids:
            return []
        figures = []
        for network in Network.objects.filter(pk__in=campaign.network_ids).order_by("name"):
            membership = network_membership(network)
            figures.append(
                {
                    "key": f"membership-{network.slug}",
                    "kind": "network_membership",
                    "text": _membership_sentence(membership.member_count, membership.place_count),
                    "source": gettext("Counted from the member profiles of %(network)s.")
                    % {"network": network.display_name},
                    "network": {
                        "slug": network.slug,
                        "name": network.name,
                        "short_name": network.short_name,
                    },
                    "member_count": membership.member_count,
                    "place_count": membership.place_count,
                }
            )
        return figures


@hooks.register("register_campaign_related_content", order=30)
def campaign_network_members():
    return CampaignNetworkMembers()


@hooks.register("register_campaign_figures")
def campaign_network_membership():
    return CampaignNetworkMembership()


@hooks.register(DEMO_CONTENT_HOOK, order=10)  # first: campaigns count the members
def members_demo_content():
    from members import demo  # only the demo command loads the demo and its factories

    return DemoSection("Members", load=demo.load)


@hooks.register(DEMO_CONTENT_HOOK, order=50)
def member_directory_in_spanish_demo_content():
    """The Spanish directory and profiles come after every other section's Spanish, so
    that the Spanish pages made before them keep the ids they had."""
    from members import demo

    return DemoSection("Member directory", load_spanish=demo.load_spanish)


@hooks.register(API_SECTION_HOOK, order=30)
def members_in_the_api():
    return members_api_section()
