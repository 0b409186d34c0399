"""The library's demo content: enough to explore, members-only files, idempotent."""

import io

import pytest
from django.contrib.auth import authenticate
from django.test import Client
from wagtail.models import Locale, Page, PageViewRestriction

from home.models import CustomDocument, HomePage
from library import demo
from library.models import ResourcePage
from library.pdf import minimal_pdf


@pytest.fixture
def loaded(demo_tree):
    """The lines `load_demo_content` printed."""
    return demo_tree.splitlines()


@pytest.mark.django_db
def test_demo_has_public_resources_across_the_topics_and_members_only_ones(loaded):
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


@pytest.mark.django_db
def test_demo_logs_the_member_credentials_and_the_member_can_log_in(loaded):
    line = next(message for message in loaded if "demo member" in message)
    assert demo.DEMO_MEMBER_USERNAME in line and demo.DEMO_MEMBER_PASSWORD in line
    user = authenticate(username=demo.DEMO_MEMBER_USERNAME, password=demo.DEMO_MEMBER_PASSWORD)
    assert user.groups.filter(name="Members").exists()

    client = Client()
    client.force_login(user)
    resource = ResourcePage.objects.live().not_public().first()
    assert client.get(resource.url).status_code == 200
    assert client.get(resource.files.get().document.url).status_code == 200
    assert Client().get(resource.files.get().document.url).status_code == 302


@pytest.mark.django_db
def test_demo_loaded_twice_changes_nothing(loaded):
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


def test_generated_pdf_has_a_valid_cross_reference_table():
    data = minimal_pdf("Grant report (2025)", ["Line one"])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    startxref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[startxref:].startswith(b"xref")
    table = data[startxref:].split(b"\n")
    for number, row in enumerate(table[3:9], start=1):
        offset = int(row.split()[0])
        assert data[offset:].startswith(b"%d 0 obj" % number)
    assert io.BytesIO(data).read().count(b"endobj") == 6
