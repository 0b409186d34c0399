"""A small site to search: sections of every kind, filed under topics and networks."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import Locale

from home.factories import NetworkFactory, StandardPageFactory, TopicFactory
from library.factories import LibraryIndexPageFactory, ResourcePageFactory
from members.factories import MemberDirectoryPageFactory, MemberProfilePageFactory
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory

MEMBER_PASSWORD = "a-members-password"  # noqa: S105 - a test account


@pytest.fixture(autouse=True)
def _clear_cache():
    # Site root paths are cached; each test builds its own tree.
    cache.clear()


@pytest.fixture
def tax_credits(db):
    return TopicFactory(name="Child tax credits", slug="child-tax-credits")


@pytest.fixture
def nutrition(db):
    return TopicFactory(name="Child nutrition", slug="child-nutrition")


@pytest.fixture
def sparc(db):
    return NetworkFactory(name="State Policy Advocacy and Reform Center", slug="sparc")


@pytest.fixture
def spanish(db):
    return Locale.objects.get(language_code="es")


@pytest.fixture
def library(home_page):
    return LibraryIndexPageFactory(parent=home_page, title="Library", slug="library")


@pytest.fixture
def webinars(home_page):
    return WebinarIndexPageFactory(parent=home_page)


@pytest.fixture
def directory(home_page):
    return MemberDirectoryPageFactory(parent=home_page)


@pytest.fixture
def resource(library):
    """Factory for resources in the public library: resource(title=..., summary=...)."""

    def make(**kwargs):
        return ResourcePageFactory(parent=kwargs.pop("parent", library), **kwargs)

    return make


@pytest.fixture
def webinar(webinars):
    def make(**kwargs):
        return WebinarPageFactory(parent=kwargs.pop("parent", webinars), **kwargs)

    return make


@pytest.fixture
def member_profile(directory):
    def make(**kwargs):
        return MemberProfilePageFactory(parent=kwargs.pop("parent", directory), **kwargs)

    return make


@pytest.fixture
def standard_page(home_page):
    def make(**kwargs):
        return StandardPageFactory(parent=kwargs.pop("parent", home_page), **kwargs)

    return make


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("member", password=MEMBER_PASSWORD)
    user.groups.add(Group.objects.get(name="Members"))
    return user


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client
