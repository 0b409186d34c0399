"""A small site of every public page type, and the people who use it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from home.factories import StandardPageFactory
from library.factories import LibraryIndexPageFactory, ResourcePageFactory
from members.factories import MemberDirectoryPageFactory, MemberProfilePageFactory
from privacy.restricting import MEMBERS_GROUP
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory

PASSWORD = "correct-horse-battery-staple"  # noqa: S105


@pytest.fixture
def site_pages(home_page):
    webinars = WebinarIndexPageFactory(parent=home_page)
    library = LibraryIndexPageFactory(parent=home_page)
    campaigns = CampaignIndexPageFactory(parent=home_page)
    directory = MemberDirectoryPageFactory(parent=home_page)
    return {
        "home": home_page,
        "standard": StandardPageFactory(parent=home_page),
        "webinar index": webinars,
        "webinar": WebinarPageFactory(parent=webinars),
        "library": library,
        "resource": ResourcePageFactory(parent=library),
        "campaign index": campaigns,
        "campaign": CampaignPageFactory(parent=campaigns),
        "member directory": directory,
        "member profile": MemberProfilePageFactory(parent=directory),
    }


@pytest.fixture
def member(db):
    user = get_user_model().objects.create_user("member", password=PASSWORD)
    group, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    user.groups.add(group)
    return user


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("boss", password=PASSWORD)
