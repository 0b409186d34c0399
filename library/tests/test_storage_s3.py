"""Members-only files on S3: served through the privacy check, never by a storage URL."""

import pytest
import requests

from conftest import S3_TEST_BUCKET
from library.factories import DocumentFactory, private_collection


@pytest.mark.s3
@pytest.mark.django_db
def test_private_document_on_s3_is_streamed_to_members_and_closed_to_everyone_else(
    s3_storage, member_client, client
):
    document = DocumentFactory(title="Grant report", collection=private_collection())
    key = f"documents/{document.file.name}"
    assert s3_storage.head_object(Bucket=S3_TEST_BUCKET, Key=key)["ContentLength"] > 0

    response = member_client.get(document.url)
    assert response.status_code == 200  # streamed by the serve view, not a redirect
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

    member_client.logout()
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")

    # The object itself is not readable without a signature.
    endpoint = s3_storage.meta.endpoint_url
    assert requests.get(f"{endpoint}/{S3_TEST_BUCKET}/{key}", timeout=5).status_code == 403
