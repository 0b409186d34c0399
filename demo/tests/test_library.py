"""The library's demo content: enough to explore, members-only files, idempotent."""

import pytest
from django.contrib.auth import authenticate
from django.test import Client
from wagtail.models import Locale, Page, PageViewRestriction

from home.models import CustomDocument, HomePage
from library import demo
from library.models import ResourcePage

pytestmark = pytest.mark.django_db


def test_demo_has_public_resources_across_the_topics_and_members_only_ones():
    public = ResourcePage.objects.live().public()
    assert public.count() >= 12
    topics = set(public.values_list("topics__slug", flat=True))
    assert {"child-health", "child-nutrition", "state-budgets", "child-tax-credits"} <= topics
    assert {"income-supports", "early-childhood", "child-welfare", "census-and-data"} <= topics
    members_only = ResourcePage.objects.live().not_public()
    assert members_only.count() >= 3
    for resource in members_only:
        document = resource.files.get().document
        assert document.collection.get_view_restrictions().exists()
        assert document.file.read(5) == b"%PDF-"


def test_demo_logs_the_member_credentials_and_the_member_can_log_in(demo_output):
    line = next(message for message in demo_output.splitlines() if "demo member" in message)
    assert demo.DEMO_MEMBER_USERNAME in line and demo.DEMO_MEMBER_PASSWORD in line
    user = authenticate(username=demo.DEMO_MEMBER_USERNAME, password=demo.DEMO_MEMBER_PASSWORD)
    assert user.groups.filter(name="Members").exists()

    client = Client()
    client.force_login(user)
    resource = ResourcePage.objects.live().not_public().first()
    assert client.get(resource.url).status_code == 200
    assert client.get(resource.files.get().document.url).status_code == 200
    assert Client().get(resource.files.get().document.url).status_code == 302


def test_demo_library_loaded_twice_changes_nothing():
    home_page = HomePage.objects.get(locale=Locale.get_default())
    before = (
        Page.objects.count(),
        CustomDocument.objects.count(),
        PageViewRestriction.objects.count(),
    )
    demo.load(home_page, lambda message: None)
    after = (
        Page.objects.count(),
        CustomDocument.objects.count(),
        PageViewRestriction.objects.count(),
    )
    assert before == after
