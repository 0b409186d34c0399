"""How other sections plug content and figures into campaign pages.

Campaigns never import the webinars, library or members apps. Each of those registers
a provider in its own `wagtail_hooks.py`, and a campaign page asks every registered
provider for its part, so a new section plugs in without a change here.

Related content (“Upcoming webinars”, “Recent library resources”, “Members”)::

    @hooks.register(RELATED_CONTENT_HOOK, order=10)   # "register_campaign_related_content"
    def upcoming_webinars():
        return UpcomingWebinars()                     # see RelatedContentProvider

Computed figures (“46 members in 37 states and localities”)::

    @hooks.register(FIGURES_HOOK)                     # "register_campaign_figures"
    def network_membership():
        return NetworkMembershipFigures()             # see FigureProvider

A hook function returns one provider, or None to stay out. Hooks run in their
`order`. Providers filter on `campaign.network_ids` and `campaign.topic_ids` (primary
keys, computed once per page and shared by every provider), so each provider costs a
fixed number of queries however many pages it finds.
"""

from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from django.db.models import Q
from django.http import QueryDict

from content_api.versioned import until_content_changes
from home.hooks import declarations
from privacy.visibility import public_pages

RELATED_CONTENT_HOOK = "register_campaign_related_content"
FIGURES_HOOK = "register_campaign_figures"

# How many items a provider lists unless it sets its own `limit`.
RELATED_ITEMS_LIMIT = 6


def public_pages_filed_with(model, campaign, *, by_topic: bool = True):
    """Live, public pages of `model` in the campaign's language that share one of its
    networks (or, with `by_topic`, one of its topics): the base of every provider.

    Campaign pages and the API are public and may be cached: privacy's door decides.
    """
    sharing = Q(networks__in=campaign.network_ids)
    if by_topic:
        sharing |= Q(topics__in=campaign.topic_ids)
    if not (campaign.network_ids or (by_topic and campaign.topic_ids)):
        return model.objects.none()
    filed = model.objects.filter(sharing).values("pk")
    return public_pages(model.objects.filter(locale_id=campaign.locale_id, pk__in=filed))


def section_listing(model, locale_id):
    """The public listing page of a section (`model`, its index page type) in a language,
    the highest in the tree; kept until the content changes (a listing published,
    unpublished or restricted changes the content version)."""
    return until_content_changes(
        ("section-listing", model._meta.label, locale_id),
        lambda: (
            public_pages(model.objects.filter(locale_id=locale_id))
            .order_by("depth", "path")
            .first()
        ),
    )


def listing_url(listing, campaign) -> str:
    """The full URL of a section's listing page filtered as the campaign is filed: by its
    networks, or else its topics (a provider's `more_url`); "" without a listing."""
    if listing is None:
        return ""
    if campaign.network_ids:
        name, terms = "network", campaign.filed_networks
    else:
        name, terms = "topic", campaign.filed_topics
    query = QueryDict(mutable=True)
    query[name] = ",".join(sorted(term.slug for term in terms))
    return f"{listing.get_full_url()}?{query.urlencode(safe=',')}"


@runtime_checkable
class RelatedContentProvider(Protocol):
    """Pages of a section that go with a campaign.

    Required:
    - `key`: a stable identifier (used in the API and as an HTML id), e.g. "upcoming_webinars";
    - `heading`: the section heading shown on the page, e.g. "Upcoming webinars";
    - `items(campaign, limit)`: at most `limit` pages, in display order. They must be
      ones anyone may see (`privacy.visibility.public_pages`): the page and the API may be cached
      and shared. A fixed number of queries, whatever the number of pages.

    Optional (looked up with getattr):
    - `limit`: how many items to list instead of RELATED_ITEMS_LIMIT;
    - `describe(item) -> str`: a short line shown under the item's title (a date, a place);
    - `api_data(item) -> dict`: JSON-ready extra fields for the item in the API;
    - `more_url(campaign) -> str`: the full URL of the complete list (e.g. a filtered
      listing), for the page and the API.
    """

    key: str
    heading: str

    def items(self, campaign, limit: int) -> list: ...


@runtime_checkable
class FigureProvider(Protocol):
    """Figures computed from the site's data, never typed by hand.

    `figures(campaign)` returns a list of dicts, each with at least `key` (stable),
    `text` (the figure as a sentence, e.g. "46 members in 37 states and localities")
    and `source` (where it comes from, for readers); any other JSON-ready entries
    (e.g. `member_count`) go into the API as they are.
    """

    key: str

    def figures(self, campaign) -> list[dict[str, Any]]: ...


@dataclass
class RelatedSection:
    """One provider's items for one campaign, ready to render or serialise."""

    key: str
    heading: str
    items: list
    provider: Any = field(repr=False)
    more_url: str = ""

    def describe(self, item) -> str:
        describe = getattr(self.provider, "describe", None)
        return describe(item) if describe else ""

    def api_data(self, item) -> dict:
        api_data = getattr(self.provider, "api_data", None)
        return api_data(item) if api_data else {}

    @property
    def entries(self) -> list[tuple[Any, str]]:
        """(item, description) pairs, for templates."""
        return [(item, self.describe(item)) for item in self.items]


def related_content_providers() -> list[RelatedContentProvider]:
    return declarations(RELATED_CONTENT_HOOK, RelatedContentProvider, "key", "campaigns.related")


def figure_providers() -> list[FigureProvider]:
    return declarations(FIGURES_HOOK, FigureProvider, "key", "campaigns.related")


def related_sections(campaign, exclude_ids=frozenset()) -> list[RelatedSection]:
    """Every provider's items for `campaign`, leaving out the pages in `exclude_ids`
    (the editors' own picks, already shown) and providers that found nothing."""
    sections = []
    for provider in related_content_providers():
        limit = getattr(provider, "limit", RELATED_ITEMS_LIMIT)
        # Ask for enough to fill the list after dropping the editors' picks.
        found = provider.items(campaign, limit + len(exclude_ids))
        items = [item for item in found if item.pk not in exclude_ids][:limit]
        if not items:
            continue
        more_url = getattr(provider, "more_url", None)
        sections.append(
            RelatedSection(
                key=provider.key,
                heading=str(provider.heading),
                items=items,
                provider=provider,
                more_url=more_url(campaign) if more_url else "",
            )
        )
    return sections


def computed_figures(campaign) -> list[dict[str, Any]]:
    return [figure for provider in figure_providers() for figure in provider.figures(campaign)]
