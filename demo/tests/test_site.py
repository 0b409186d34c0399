"""`load_demo_content`: builds the site from the organisation's text, and is idempotent;
what every section's pages share (search, references, the editor)."""

import pytest
from django.contrib.auth.models import User
from wagtail.models import Page, ReferenceIndex, Revision, Site
from wagtail.search.backends import get_search_backend

from campaigns.models import CampaignPage
from demo.tests.helpers import load_demo
from home.models import HomePage, Network, Topic
from members.models import MemberProfilePage
from webinars.models import WebinarPage

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


def test_demo_home_page_carries_the_organisations_text(client):
    html = client.get("/").content.decode()
    assert "Building a Future Where All Our Children Can Thrive." in html
    assert "formed in 2013 by the executive directors" in html
    assert (
        "State Policy Advocacy and Reform Center"
        in client.get("/specialized-networks/").content.decode()
    )
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage


def test_demo_content_loads_the_taxonomy():
    assert Topic.objects.filter(slug="child-nutrition").exists()
    assert Network.objects.get(slug="sparc", locale__language_code="en").short_name == "SPARC"


def test_demo_admin_can_log_in_to_the_admin(client):
    assert client.login(username="admin", password="partnership-demo")
    assert client.get("/admin/").status_code == 200


def test_running_demo_content_twice_changes_nothing(django_capture_on_commit_callbacks):
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    assert snapshot() == before


def test_demo_pages_are_searchable_in_both_languages_and_their_links_are_tracked():
    # The loader indexes each object once at the end (demo/indexing.py): every page,
    # in its final state, must be there.
    search = get_search_backend().search
    live = Page.objects.live()
    census = CampaignPage.objects.get(slug="count-all-kids")
    spanish_census = CampaignPage.objects.get(slug="cuenten-a-todos-los-ninos")
    kinship = WebinarPage.objects.get(slug="sparc-kinship-care")

    assert kinship.page_ptr in search("kinship caregivers", live)
    assert spanish_census.page_ptr in search("Cuenten a todos los niños", live)
    members = MemberProfilePage.objects.live()
    assert len(search("demo", members)) == members.count() == 62 + 5  # 5 also in Spanish
    # "Used by": the Census campaign links to "About us".
    about = Page.objects.get(slug="about", locale__language_code="en")
    assert str(census.pk) in {ref.object_id for ref in ReferenceIndex.get_references_to(about)}


def test_every_demo_page_type_opens_in_the_editor_and_previews_in_both_languages(client):
    """What an editor does first with each kind of page: open it, preview its draft."""
    assert client.login(username="admin", password="partnership-demo")
    checked = set()
    for page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        kind = (type(page).__name__, page.locale_id)
        if kind in checked:
            continue
        checked.add(kind)
        for url in (f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/view_draft/"):
            response = client.get(url)
            assert response.status_code == 200, (url, kind, response.content[:300])
    assert len({name for name, _ in checked}) >= 10  # every page type of the demo
