"""A campaign page costs the same few queries whatever the number of its milestones,
partners and related pages (issue 14: no per-item queries)."""

import pytest

from campaigns.factories import (
    CampaignMilestoneFactory,
    CampaignPartnerFactory,
    CampaignRelatedPageFactory,
)
from home.factories import StandardPageFactory
from tests.query_budget import get, uncached, warm, warm_queries

# Reached, on SQLite and PostgreSQL: within PAGE_BUDGET (12, tests/query_budget.py).
CAMPAIGN_BUDGET = 10


@pytest.fixture(autouse=True)
def _uncached(settings):
    uncached(settings)


def add_items(campaign, home_page, count, start=0):
    for n in range(start, start + count):
        CampaignMilestoneFactory(page=campaign, year=2030 + n)
        CampaignPartnerFactory(page=campaign)
        related = StandardPageFactory(parent=home_page, title=f"Related {n}", slug=f"related-{n}")
        CampaignRelatedPageFactory(page=campaign, related_page=related)
    campaign.save()


@pytest.mark.django_db
def test_campaign_page_queries_stay_within_budget_whatever_the_number_of_items(
    client, home_page, sparc_campaign, django_assert_max_num_queries
):
    add_items(sparc_campaign, home_page, 3)
    few = warm_queries(client, sparc_campaign.url)
    add_items(sparc_campaign, home_page, 17, start=3)
    warm(client, sparc_campaign.url)
    with django_assert_max_num_queries(CAMPAIGN_BUDGET) as many:
        get(client, sparc_campaign.url)

    assert len(many) <= few  # more items, no more queries
