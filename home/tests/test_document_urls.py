"""Every absolute URL the API gives uses the site's own host (its Site's root URL), the
download URLs of files too, whatever Host header the request came with."""

import pytest

from library.factories import (
    DocumentFactory,
    LibraryIndexPageFactory,
    ResourceFileFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

OTHER_HOST = "127.0.0.1"  # in ALLOWED_HOSTS, but not the site's hostname ("localhost")


def test_file_download_urls_use_the_sites_host_not_the_requests(home_page, client):
    library = LibraryIndexPageFactory(parent=home_page)
    resource = ResourcePageFactory(parent=library, title="School meals brief")
    document = DocumentFactory(title="The brief")
    ResourceFileFactory(page=resource, document=document)

    data = client.get(f"/api/v2/pages/{resource.pk}/", HTTP_HOST=OTHER_HOST).json()

    assert data["meta"]["html_url"].startswith("http://localhost/")
    assert [item["download_url"] for item in data["files"]] == [f"http://localhost{document.url}"]


def test_the_documents_endpoint_uses_the_sites_host_too(home_page, client):
    document = DocumentFactory(title="Public report")
    data = client.get(f"/api/v2/documents/{document.pk}/", HTTP_HOST=OTHER_HOST).json()
    assert data["meta"]["download_url"] == f"http://localhost{document.url}"
