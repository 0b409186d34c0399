"""The webinars section as the demo builds it: an index under the home page."""

import pytest

from home.factories import NetworkFactory, TopicFactory
from webinars.factories import SeriesFactory, WebinarIndexPageFactory


@pytest.fixture
def index_page(home_page):
    return WebinarIndexPageFactory(parent=home_page)


@pytest.fixture
def taxonomy(db):
    return {
        "child-health": TopicFactory(name="Child health", slug="child-health"),
        "child-welfare": TopicFactory(name="Child welfare", slug="child-welfare"),
        "partnership": NetworkFactory(name="Partnership", slug="partnership"),
        "sparc": NetworkFactory(name="SPARC", slug="sparc"),
        "peer-exchange": SeriesFactory(name="Partnership Peer Exchange", slug="peer-exchange"),
        "sparc-series": SeriesFactory(name="SPARC learning series", slug="sparc-series"),
    }
