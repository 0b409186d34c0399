"""The library's page tree and people, shared by its tests."""

import pytest
from django.contrib.auth.models import Group

from home.factories import TopicFactory
from library.factories import LibraryIndexPageFactory

MEMBER_PASSWORD = "a-members-password"  # noqa: S105 - a test account


@pytest.fixture
def library(home_page):
    return LibraryIndexPageFactory(parent=home_page, title="Library", slug="library")


@pytest.fixture
def nutrition(db):
    return TopicFactory(name="Child nutrition", slug="child-nutrition")


@pytest.fixture
def health(db):
    return TopicFactory(name="Child health", slug="child-health")


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("member", password=MEMBER_PASSWORD)
    user.groups.add(Group.objects.get(name="Members"))
    return user


@pytest.fixture
def non_member(django_user_model):
    return django_user_model.objects.create_user("reader", password=MEMBER_PASSWORD)


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def non_member_client(client, non_member):
    client.force_login(non_member)
    return client
