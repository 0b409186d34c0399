"""Media and documents on S3, against moto's S3 server on a loopback port.

These go through Wagtail's own models and views, with the same storage options
production settings build (settings.storage.s3_storages).
"""

import urllib.error
import urllib.request

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail_factories import ImageFactory

from conftest import S3_TEST_BUCKET
from home.storage import document_storage

pytestmark = [pytest.mark.django_db, pytest.mark.s3]


def keys(client, prefix):
    listing = client.list_objects_v2(Bucket=S3_TEST_BUCKET, Prefix=prefix)
    return {item["Key"] for item in listing.get("Contents", [])}


def fetch(url):
    assert url.startswith("http://127.0.0.1:"), url  # never leaves this machine
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
        return response.status, response.read()


def test_image_upload_lands_in_bucket_and_reads_back_over_http(s3_storage):
    image = ImageFactory(title="Census rally", file__filename="census.jpg")
    assert image.file.name in {key.removeprefix("media/") for key in keys(s3_storage, "media/")}

    status, body = fetch(image.file.url)
    assert status == 200
    image.file.open("rb")
    assert body == image.file.read()
    image.file.close()


def test_image_rendition_is_generated_and_stored_in_bucket(s3_storage):
    image = ImageFactory(file__width=800, file__height=600, file__filename="hero.jpg")
    rendition = image.get_rendition("fill-400x300")
    assert (rendition.width, rendition.height) == (400, 300)
    assert f"media/{rendition.file.name}" in keys(s3_storage, "media/images/")
    status, body = fetch(rendition.url)
    assert status == 200 and body[:2] == b"\xff\xd8"  # a JPEG


def test_second_upload_with_same_name_does_not_replace_the_first(s3_storage):
    Image = get_image_model()
    first = ImageFactory(file__filename="photo.jpg", file__color="red")
    second = ImageFactory(file__filename="photo.jpg", file__color="blue")
    assert first.file.name != second.file.name
    assert Image.objects.count() == 2
    _, first_body = fetch(first.file.url)
    _, second_body = fetch(second.file.url)
    assert first_body != second_body


def test_document_goes_to_private_prefix_and_downloads_through_wagtail(s3_storage, client):
    Document = get_document_model()
    document = Document(title="Child nutrition brief")
    document.file.save("brief.pdf", ContentFile(b"%PDF-1.4 nutrition"), save=False)
    document.save()

    assert f"documents/{document.file.name}" in keys(s3_storage, "documents/")
    assert not keys(s3_storage, "media/documents/")
    acl = s3_storage.get_object_acl(Bucket=S3_TEST_BUCKET, Key=f"documents/{document.file.name}")
    assert not [g for g in acl["Grants"] if g["Grantee"].get("URI", "").endswith("AllUsers")]

    # The public URL is Wagtail's serve view (which checks privacy), not the bucket.
    assert document.url.startswith("/documents/")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 nutrition"


def test_document_storage_urls_are_signed_with_sigv4_and_expire_quickly(s3_storage):
    document_storage.save("signed.txt", ContentFile(b"members only"))
    url = document_storage.url("signed.txt")
    assert "X-Amz-Algorithm=AWS4-HMAC-SHA256" in url
    assert "X-Amz-Expires=60" in url
    status, body = fetch(url)
    assert (status, body) == (200, b"members only")


def test_public_image_urls_are_not_signed(s3_storage):
    default_storage.save("plain.txt", ContentFile(b"public"))
    assert "X-Amz-" not in default_storage.url("plain.txt")


def test_documents_cannot_be_read_from_the_bucket_without_a_signature(s3_storage):
    name = document_storage.save("private.pdf", ContentFile(b"%PDF members"))
    unsigned = document_storage.url(name).split("?")[0]
    with pytest.raises(urllib.error.HTTPError) as error:
        fetch(unsigned)
    assert error.value.code == 403


def test_s3_client_has_timeouts_and_retries(s3_storage):
    config = default_storage.connection.meta.client.meta.config
    assert config.connect_timeout == 2
    assert config.read_timeout == 5
    assert config.retries["mode"] == "standard"
    assert config.retries["total_max_attempts"] == 2  # the first try and one retry
    assert config.signature_version == "s3v4"


def test_health_check_reports_s3_storage(s3_storage, client, settings):
    assert client.get("/healthz").json()["checks"]["storage"] == {"ok": True}
