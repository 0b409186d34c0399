"""With S3 unreachable, pages and the API still answer (images degrade) and an upload in
the admin is a form error that saves nothing.

Each test runs its own moto S3 server on a loopback port and stops it mid-test, or
points the storages at a closed port on 127.0.0.1: real connection failures, no mocks.
"""

import io
import json
import logging
from types import SimpleNamespace

import boto3
import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage

from conftest import free_port
from home.factories import StandardPageFactory
from home.forms import STORE_UNAVAILABLE
from home.models import CustomDocument, CustomImage, CustomRendition
from library.factories import DocumentFactory, ImageFactory
from settings.storage import public_media_bucket_policy, s3_storages

pytestmark = [pytest.mark.django_db, pytest.mark.s3]

BUCKET = "partnership-faults"  # moto's state is per process: not the session's bucket
MESSAGE = str(STORE_UNAVAILABLE)


def point_storages_at(settings, endpoint):
    settings.STORAGES = s3_storages(
        bucket_name=BUCKET,
        endpoint_url=endpoint,
        access_key="testing",
        secret_key="testing",  # noqa: S106 - moto accepts any credentials
        addressing_style="path",
    ) | {"staticfiles": django_settings.STORAGES["staticfiles"]}


@pytest.fixture
def own_s3(settings):
    """A moto S3 server of this test's own, with the media and documents on it; the test
    stops it with `.stop()`."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106
    )
    if BUCKET not in {b["Name"] for b in client.list_buckets()["Buckets"]}:
        client.create_bucket(Bucket=BUCKET)
        client.put_bucket_policy(
            Bucket=BUCKET, Policy=json.dumps(public_media_bucket_policy(BUCKET))
        )
    point_storages_at(settings, endpoint)
    state = SimpleNamespace(client=client, endpoint=endpoint, running=True)

    def stop():
        if state.running:
            server.stop()
            state.running = False

    state.stop = stop
    yield state
    stop()


@pytest.fixture
def dead_s3(settings):
    """Media and documents on S3 at a loopback port nothing listens on."""
    point_storages_at(settings, f"http://127.0.0.1:{free_port()}")


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "pw"))
    return client


def png(name="upload.png", color="red") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), color).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name="brief.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 a brief\n%%EOF", content_type="application/pdf")


# Pages and the API --------------------------------------------------------------------


@pytest.fixture
def page_with_images(own_s3, home_page):
    """A page with a social image and an image block, and a home page with a hero image
    whose rendition was made while S3 answered; then S3 goes down."""
    hero = ImageFactory(title="Hero", file__width=1000, file__height=800)
    hero.get_rendition("fill-800x600")  # made before: the page needs no S3 for it
    photo = ImageFactory(title="Children at a fair")
    page = StandardPageFactory(
        parent=home_page,
        title="About us",
        slug="about",
        social_image=photo,
        body=[("image", {"image": photo, "alt_text": "Children playing", "decorative": False})],
    )
    home_page.hero_image = hero
    home_page.save_revision().publish()
    own_s3.stop()
    return SimpleNamespace(page=page, photo=photo, hero=hero)


def test_pages_render_with_image_fallbacks_when_s3_stops(page_with_images, client):
    response = client.get(page_with_images.page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "not-found" in html  # Wagtail's fallback for an image it cannot render
    assert not CustomRendition.objects.filter(image=page_with_images.photo).exists()

    response = client.get("/")
    assert response.status_code == 200
    made_before = CustomRendition.objects.get(
        image=page_with_images.hero, filter_spec="fill-800x600"
    )
    assert made_before.url in response.content.decode()  # still shown, from its URL


def test_api_image_fields_are_null_when_s3_stops(page_with_images, client):
    response = client.get(f"/api/v2/pages/{page_with_images.page.pk}/")
    assert response.status_code == 200, response.content[:300]
    data = response.json()
    assert data["social_image"] is None  # an ImageRenditionField
    (block,) = [b for b in data["body"] if b["type"] == "image"]
    assert block["value"] is None  # an image in a block

    listing = client.get("/api/v2/pages/", {"type": "home.StandardPage", "fields": "social_image"})
    assert listing.status_code == 200
    assert [item["social_image"] for item in listing.json()["items"]] == [None]


def test_unreachable_store_is_logged_once_and_not_retried_for_every_image(
    own_s3, home_page, client, caplog
):
    images = [ImageFactory(title=f"Photo {n}") for n in range(3)]
    page = StandardPageFactory(
        parent=home_page,
        slug="gallery",
        body=[("image", {"image": image, "alt_text": "", "decorative": True}) for image in images],
    )
    own_s3.stop()
    with caplog.at_level(logging.WARNING, logger="home.models.media"):
        assert client.get(page.url).status_code == 200
        assert client.get(page.url).status_code == 200
    unreachable = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(unreachable) == 1, [r.getMessage() for r in caplog.records]
    assert not CustomRendition.objects.exists()


def test_document_download_is_a_503_when_s3_stops(own_s3, client):
    document = DocumentFactory(title="Public report")
    own_s3.stop()
    response = client.get(document.url)
    assert response.status_code == 503
    assert response["Retry-After"]


# Uploads ---------------------------------------------------------------------------------


def test_image_upload_is_a_form_error_and_saves_nothing_when_s3_is_down(dead_s3, admin_client):
    response = admin_client.post("/admin/images/add/", {"title": "Rally", "file": png()})
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert response.context["form"].errors["file"] == [MESSAGE]
    assert not CustomImage.objects.exists()


def test_document_upload_is_a_form_error_and_saves_nothing_when_s3_is_down(dead_s3, admin_client):
    response = admin_client.post("/admin/documents/add/", {"title": "Brief", "file": pdf()})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [MESSAGE]
    assert not CustomDocument.objects.exists()


@pytest.mark.parametrize(
    ("url", "upload", "model"),
    [
        ("/admin/images/multiple/add/", png, CustomImage),
        ("/admin/documents/multiple/add/", pdf, CustomDocument),
    ],
)
def test_add_multiple_reports_the_store_and_saves_nothing_when_s3_is_down(
    dead_s3, admin_client, url, upload, model
):
    response = admin_client.post(url, {"files[]": upload()})
    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": MESSAGE}
    assert not model.objects.exists()


def test_replacing_a_documents_file_when_s3_stops_keeps_the_old_one(own_s3, admin_client):
    document = DocumentFactory(title="Brief")
    original = (document.file.name, document.file_hash)
    own_s3.stop()
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": "Brief", "collection": document.collection_id, "file": pdf("new.pdf")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [MESSAGE]
    document.refresh_from_db()
    assert (document.file.name, document.file_hash) == original


def test_uploads_with_s3_up_are_stored_once_with_their_size_and_hash(own_s3, admin_client):
    upload = png("stored-once.png")
    response = admin_client.post("/admin/images/add/", {"title": "Rally", "file": upload})
    assert response.status_code == 302, response.context["form"].errors
    image = CustomImage.objects.get()
    assert image.file_size == upload.size and len(image.file_hash) == 40
    listing = own_s3.client.list_objects_v2(Bucket=BUCKET, Prefix="media/original_images/stored")
    assert [item["Key"] for item in listing["Contents"]] == [f"media/{image.file.name}"]

    response = admin_client.post("/admin/documents/multiple/add/", {"files[]": pdf()})
    assert response.json()["success"] is True
    document = CustomDocument.objects.get()
    assert document.file_size > 0 and len(document.file_hash) == 40
    listing = own_s3.client.list_objects_v2(Bucket=BUCKET, Prefix="documents/")
    assert f"documents/{document.file.name}" in [item["Key"] for item in listing["Contents"]]
