"""Counts of member organisations that other sections quote (e.g. “46 members in 37
states and localities” on the SPARC campaign page)."""

from dataclasses import dataclass

from wagtail.models import Locale

from home.models import Network
from members.filters import MemberFilters
from members.models import MemberProfilePage
from privacy.visibility import public_pages


def public_member_profiles(site=None):
    """Every live, public member profile, once per organisation.

    Only the default-language pages count: each member has one, and its translations
    share its state, locality and networks, so counting them too would count it twice.
    Unpublished and view-restricted profiles never count. With `site`, only that site's.
    """
    queryset = public_pages(MemberProfilePage.objects.filter(locale=Locale.get_default()))
    if site is not None:
        queryset = queryset.descendant_of(site.root_page)
    return queryset


@dataclass(frozen=True)
class NetworkMembership:
    member_count: int
    place_count: int  # distinct (state, locality) pairs: see MemberProfileQuerySet.place_count


def network_membership(network: Network | str, site=None) -> NetworkMembership:
    """How many members a network has, and how many states and localities they represent."""
    slug = network.slug if isinstance(network, Network) else network
    members = MemberFilters({"network": [slug]}).apply(public_member_profiles(site))
    return NetworkMembership(member_count=members.count(), place_count=members.place_count())
