"""Library pages: tree rules, an editor's round trip through the admin, rendering, API."""

import datetime

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.factories import NetworkFactory
from home.models import HomePage, State
from library.factories import DocumentFactory, ImageFactory, ResourcePageFactory
from library.models import LibraryIndexPage, ResourceFile, ResourcePage
from library.pdf import minimal_pdf


class TestTreeRules(WagtailPageTestCase):
    def test_library_index_goes_under_home_or_another_library_index(self):
        self.assertAllowedParentPageTypes(LibraryIndexPage, {HomePage, LibraryIndexPage})

    def test_library_index_holds_resources_and_sections(self):
        self.assertAllowedSubpageTypes(LibraryIndexPage, {ResourcePage, LibraryIndexPage})

    def test_resource_goes_only_in_a_library_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ResourcePage, {LibraryIndexPage})
        self.assertAllowedSubpageTypes(ResourcePage, set())


@pytest.mark.django_db
def test_editor_creates_resource_with_a_file_through_the_admin(library, nutrition, admin_client):
    document = DocumentFactory(title="School meals brief")
    data = nested_form_data(
        {
            "title": "School meals for all",
            "slug": "school-meals",
            "summary": "Why universal school meals work.",
            "resource_type": "policy-brief",
            "published_on": "2025-04-22",
            "last_reviewed_on": "",
            "authoring_organisations": "Partnership for America's Children\nOhio advocates",
            "body": streamfield([]),
            "external_url": "",
            "files": inline_formset([{"document": document.pk, "label": "The brief"}]),
            "related_resource_links": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data["topics"] = [nutrition.pk]
    response = admin_client.post(
        f"/admin/pages/add/library/resourcepage/{library.pk}/", data, follow=True
    )
    assert response.status_code == 200
    page = ResourcePage.objects.get(slug="school-meals")
    assert page.live
    assert page.published_on == datetime.date(2025, 4, 22)
    assert [item.document for item in page.files.all()] == [document]
    assert list(page.topics.all()) == [nutrition]

    html = admin_client.get(page.url).content.decode()
    assert "<h1>School meals for all</h1>" in html
    assert f'<a href="{document.url}">The brief</a>' in html
    assert "(PDF, " in html
    assert "Partnership for America&#x27;s Children, Ohio advocates" in html


@pytest.mark.django_db
def test_resource_page_shows_its_files_in_order_with_type_and_size(library, client):
    resource = ResourcePageFactory(
        parent=library, title="Budget toolkit", external_url="https://example.org/toolkit"
    )
    first = DocumentFactory(title="Workbook")
    second = DocumentFactory(title="Slides")
    ResourceFile.objects.create(page=resource, document=second, sort_order=1)
    ResourceFile.objects.create(page=resource, document=first, sort_order=0, label="Start here")
    html = client.get(resource.url).content.decode()
    assert html.index("Start here") < html.index("Slides")
    size = len(minimal_pdf("Workbook"))
    assert f"(PDF, {size}\xa0bytes)" in html
    assert 'href="https://example.org/toolkit"' in html


@pytest.mark.django_db
def test_resource_in_api_has_every_field(library, nutrition, client):
    network = NetworkFactory(name="SPARC", slug="sparc")
    cover = ImageFactory(title="Cover")
    other = ResourcePageFactory(
        parent=library, title="Companion fact sheet", resource_type="fact-sheet"
    )
    resource = ResourcePageFactory(
        parent=library,
        title="School meals for all",
        resource_type="policy-brief",
        published_on=datetime.date(2025, 4, 22),
        last_reviewed_on=datetime.date(2025, 9, 1),
        authoring_organisations="Partnership\nOhio advocates",
        external_url="https://example.org/brief",
        cover_image=cover,
        topics=[nutrition],
        networks=[network],
        states=list(State.objects.filter(code__in=["OH"])),
    )
    document = DocumentFactory(title="The brief")
    ResourceFile.objects.create(page=resource, document=document)
    resource.related_resource_links.model.objects.create(page=resource, resource=other)

    data = client.get(f"/api/v2/pages/{resource.pk}/?type=library.ResourcePage").json()
    assert data["meta"]["type"] == "library.ResourcePage"
    assert data["resource_type"] == {"slug": "policy-brief", "label": "Policy brief"}
    assert data["published_on"] == "2025-04-22"
    assert data["last_reviewed_on"] == "2025-09-01"
    assert data["authoring_organisations"] == ["Partnership", "Ohio advocates"]
    assert data["topics"] == [{"slug": "child-nutrition", "name": "Child nutrition"}]
    assert data["networks"] == [{"slug": "sparc", "name": "SPARC", "short_name": ""}]
    assert data["states"] == [{"code": "OH", "name": "Ohio", "kind": "state"}]
    assert data["external_url"] == "https://example.org/brief"
    assert data["files"] == [
        {
            "title": "The brief",
            "label": "The brief",
            "download_url": f"http://localhost{document.url}",  # the site's host
            "file_type": "pdf",
            "file_size": document.file_size,
        }
    ]
    assert set(data["cover_image"]) >= {"url", "width", "height", "alt"}
    assert "fill-800x450" in data["cover_image"]["url"]
    assert data["related_resources"] == [
        {
            "id": other.pk,
            "title": "Companion fact sheet",
            "resource_type": "fact-sheet",
            "html_url": other.full_url,
        }
    ]
    assert "body" in data and "summary" in data


@pytest.mark.django_db
def test_resource_type_vocabulary_lists_every_type(home_page, client):
    data = client.get("/api/v2/resource-types/").json()
    slugs = [item["slug"] for item in data["items"]]
    assert slugs[:4] == ["report", "toolkit", "fact-sheet", "policy-brief"]
    assert data["meta"]["total_count"] == 7
