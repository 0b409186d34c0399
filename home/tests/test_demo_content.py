"""`load_demo_content`: builds the site from the organisation's text, and is idempotent."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from home.models import HomePage, Network, Topic

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "topics": Topic.objects.count(),
        "networks": Network.objects.count(),
        "users": User.objects.count(),
        "sites": Site.objects.count(),
    }


@pytest.fixture
def demo_site(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_home_page_carries_the_organisations_text(demo_site, client):
    html = client.get("/").content.decode()
    assert "Building a Future Where All Our Children Can Thrive." in html
    assert "formed in 2013 by the executive directors" in html
    assert (
        "State Policy Advocacy and Reform Center"
        in client.get("/specialized-networks/").content.decode()
    )
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage


def test_demo_content_loads_the_taxonomy(demo_site):
    assert Topic.objects.filter(slug="child-nutrition").exists()
    assert Network.objects.get(slug="sparc", locale__language_code="en").short_name == "SPARC"


def test_demo_admin_can_log_in_to_the_admin(demo_site, client):
    assert client.login(username="admin", password="partnership-demo")
    assert client.get("/admin/").status_code == 200


def test_running_demo_content_twice_changes_nothing(demo_site, django_capture_on_commit_callbacks):
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == before
