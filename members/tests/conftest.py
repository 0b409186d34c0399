"""Fixtures of the members' tests: a directory under the home page, and the vocabulary."""

import pytest
from wagtail.models import PageViewRestriction

from home.factories import NetworkFactory, TopicFactory
from members.factories import MemberDirectoryPageFactory, MemberProfilePageFactory


@pytest.fixture
def networks(db):
    return {
        "partnership": NetworkFactory(
            name="Partnership for America’s Children", slug="partnership"
        ),
        "sparc": NetworkFactory(
            name="State Policy Advocacy and Reform Center", slug="sparc", short_name="SPARC"
        ),
    }


@pytest.fixture
def topics(db):
    return {
        "child-welfare": TopicFactory(name="Child welfare", slug="child-welfare"),
        "child-health": TopicFactory(name="Child health", slug="child-health"),
    }


@pytest.fixture
def directory(home_page):
    return MemberDirectoryPageFactory(parent=home_page)


@pytest.fixture
def make_member(directory):
    def make(title, state="OH", **kwargs):
        return MemberProfilePageFactory(
            parent=kwargs.pop("parent", directory), title=title, home_state_id=state, **kwargs
        )

    return make


@pytest.fixture
def restrict():
    def restrict(page):
        return PageViewRestriction.objects.create(page=page, restriction_type="login")

    return restrict
