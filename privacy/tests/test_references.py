"""What an editor chooses on a public page (a featured page, the hero's link, slides, a
resource's files, a document block) names nothing the public may not open: a draft or
members-only page, a file in a members-only collection. The files and pages themselves
stay protected (test_privacy_matrix.py); here, their titles and links do not show."""

import pytest
from django.test import Client

from home.factories import StandardPageFactory
from library.factories import (
    DocumentFactory,
    LibraryIndexPageFactory,
    ResourceFileFactory,
    ResourcePageFactory,
)
from privacy.restricting import private_collection, restrict_page_to_members
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory

pytestmark = pytest.mark.django_db
API = "/api/v2/pages"


@pytest.fixture
def hidden(home_page):
    """A members-only page, a draft, and a file in a child of the members' collection."""
    secret = StandardPageFactory(parent=home_page, title="Members plan", summary="Secret plan")
    restrict_page_to_members(secret)
    draft = StandardPageFactory(parent=home_page, title="Draft plan", live=False)
    file = DocumentFactory(
        title="Members budget", collection=private_collection().add_child(name="2026")
    )
    shown = StandardPageFactory(parent=home_page, title="Open plan")
    return {"secret": secret, "draft": draft, "file": file, "shown": shown}


def test_home_page_features_and_links_only_pages_anyone_may_open(home_page, hidden):
    home_page.featured = [("page", hidden[name]) for name in ("secret", "draft", "shown")]
    home_page.hero_link = hidden["secret"]
    home_page.hero_link_label = ""
    home_page.save_revision().publish()

    html = Client().get(home_page.url).text
    data = Client().get(f"{API}/{home_page.pk}/").json()

    assert "Open plan" in html
    for title in ("Members plan", "Secret plan", "Draft plan"):
        assert title not in html
    assert [block["value"] for block in data["featured"]] == [None, None, hidden["shown"].pk]
    assert data["hero_link"] is None


def test_a_document_block_names_no_members_only_file(home_page, hidden):
    page = StandardPageFactory(
        parent=home_page,
        title="Budget news",
        body=[("document", {"document": hidden["file"], "label": ""})],
    )

    html = Client().get(page.url).text
    (block,) = Client().get(f"{API}/{page.pk}/").json()["body"]

    assert "Members budget" not in html and hidden["file"].url not in html
    assert block["value"]["document"] is None


def test_a_webinar_names_no_members_only_slides(home_page, hidden):
    webinar = WebinarPageFactory(
        parent=WebinarIndexPageFactory(parent=home_page), slides=hidden["file"]
    )

    html = Client().get(webinar.url).text
    listed = Client().get(f"{API}/?type=webinars.WebinarPage&fields=slides").json()

    assert hidden["file"].url not in html
    assert Client().get(f"{API}/{webinar.pk}/").json()["slides"] is None
    assert listed["items"][0]["slides"] is None


def test_a_public_resource_names_no_members_only_file(home_page, hidden):
    resource = ResourcePageFactory(parent=LibraryIndexPageFactory(parent=home_page))
    ResourceFileFactory(page=resource, document=hidden["file"])
    ResourceFileFactory(page=resource, document=DocumentFactory(title="Open budget"))

    html = Client().get(resource.url).text
    detail = Client().get(f"{API}/{resource.pk}/").json()
    listed = Client().get(f"{API}/?type=library.ResourcePage&fields=files").json()

    assert "Open budget" in html and "Members budget" not in html
    assert [item["title"] for item in detail["files"]] == ["Open budget"]
    assert [item["title"] for item in listed["items"][0]["files"]] == ["Open budget"]
