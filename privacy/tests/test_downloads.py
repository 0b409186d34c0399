"""Document downloads (privacy/downloads.py): members-only files are never cached
publicly, and each file's ETag is its own."""

import pytest
from django.contrib.auth.models import Group
from django.urls import resolve

from home.models import CustomDocument
from library.factories import DocumentFactory, private_collection
from privacy import downloads

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_client(client, django_user_model):
    member = django_user_model.objects.create_user("member", password="a-members-password")
    member.groups.add(Group.objects.get(name="Members"))
    client.force_login(member)
    return client


def test_document_urls_go_through_the_wrapped_serve_view():
    document = DocumentFactory(title="Public report")
    assert resolve(document.url).func is downloads.serve


def test_members_only_downloads_are_cache_control_private(member_client, client):
    document = DocumentFactory(title="Members' budget", collection=private_collection())

    response = member_client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "Cookie" in response["Vary"]

    revalidated = member_client.get(document.url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert revalidated.status_code == 304
    assert "private" in revalidated["Cache-Control"]

    member_client.logout()
    refused = client.get(document.url)
    assert refused.status_code == 302
    assert "private" in refused["Cache-Control"]


def test_a_child_of_a_restricted_collection_is_private_too(member_client):
    child = private_collection().add_child(name="Board papers")
    document = DocumentFactory(title="Minutes", collection=child)
    assert "private" in member_client.get(document.url)["Cache-Control"]


def test_public_downloads_keep_their_headers(client):
    document = DocumentFactory(title="Public report")
    response = client.get(document.url)
    assert response.status_code == 200
    assert not response.has_header("Cache-Control")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"]


def test_every_document_has_an_etag_of_its_own(client):
    first = DocumentFactory(title="Budget brief")
    second = DocumentFactory(title="Nutrition brief")
    assert first.file_hash and second.file_hash and first.file_hash != second.file_hash

    etags = [client.get(document.url)["ETag"] for document in (first, second)]
    assert '""' not in etags
    assert etags[0] != etags[1]
    assert client.get(first.url, HTTP_IF_NONE_MATCH=etags[0]).status_code == 304
    assert client.get(second.url, HTTP_IF_NONE_MATCH=etags[0]).status_code == 200


def test_an_empty_etag_matches_no_document(client):
    document = DocumentFactory(title="Public report")
    response = client.get(document.url, HTTP_IF_NONE_MATCH='""')
    assert response.status_code == 200


def test_a_document_saved_without_a_hash_gets_one_at_its_first_download(client):
    document = DocumentFactory(title="Old upload")
    expected = document.file_hash
    CustomDocument.objects.filter(pk=document.pk).update(file_hash="")  # as rows made before

    response = client.get(document.url, HTTP_IF_NONE_MATCH='""')
    assert response.status_code == 200
    assert response["ETag"] == f'"{expected}"'
    document.refresh_from_db()
    assert document.file_hash == expected
