"""Fixtures of the campaigns' tests: a campaigns section under the home page, the
vocabulary, and SPARC filed under its network."""

import pytest
from wagtail.models import PageViewRestriction

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from home.factories import NetworkFactory, TopicFactory


@pytest.fixture
def taxonomy(db):
    return {
        "child-welfare": TopicFactory(name="Child welfare", slug="child-welfare"),
        "census-and-data": TopicFactory(name="Census and data", slug="census-and-data"),
        "child-health": TopicFactory(name="Child health", slug="child-health"),
        "partnership": NetworkFactory(
            name="Partnership for America’s Children", slug="partnership"
        ),
        "sparc": NetworkFactory(
            name="State Policy Advocacy and Reform Center", slug="sparc", short_name="SPARC"
        ),
    }


@pytest.fixture
def index_page(home_page):
    return CampaignIndexPageFactory(parent=home_page)


@pytest.fixture
def sparc_campaign(index_page, taxonomy):
    return CampaignPageFactory(
        parent=index_page,
        title="SPARC",
        slug="sparc",
        networks=[taxonomy["sparc"]],
        topics=[taxonomy["child-welfare"]],
    )


@pytest.fixture
def restrict():
    def restrict(page):
        return PageViewRestriction.objects.create(page=page, restriction_type="login")

    return restrict
