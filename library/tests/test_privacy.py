"""Members-only resources and documents never show to anyone else, at any entry point.

The matrix: a resource restricted to logged-in users, to the Members group, or through
a members-only section above it; seen by an anonymous visitor, a logged-in non-member
and a member; at the resource page, the listing and its facet counts, the library's
keyword search, the API (list, detail, find) and the sitemap.
"""

import pytest
from django.test import Client

from library.factories import (
    DocumentFactory,
    LibraryIndexPageFactory,
    ResourcePageFactory,
    private_collection,
    restrict_page_to_logged_in,
    restrict_page_to_members,
)
from library.models import RelatedResource, ResourceFile
from privacy.restricting import restrict_page_with_password

SECRET_WORD = "zanzibarite"  # noqa: S105 - a search term, not a password

# Who passes which restriction.
CAN_SEE = {
    "login": {"anonymous": False, "non_member": True, "member": True},
    "group": {"anonymous": False, "non_member": False, "member": True},
    "section": {"anonymous": False, "non_member": False, "member": True},
}


@pytest.fixture(params=["login", "group", "section"])
def restricted(request, library, nutrition, health):
    """A public resource and a restricted one (the only one filed under child health)."""
    ResourcePageFactory(parent=library, title="Open brief", topics=[nutrition])
    if request.param == "section":
        section = LibraryIndexPageFactory(parent=library, title="Members library", slug="members")
        restrict_page_to_members(section)
        parent = section
    else:
        parent = library
    secret = ResourcePageFactory(
        parent=parent,
        title="Secret playbook",
        slug="secret-playbook",
        summary=f"Strategy notes on {SECRET_WORD}.",
        topics=[health],
    )
    if request.param == "login":
        restrict_page_to_logged_in(secret)
    elif request.param == "group":
        restrict_page_to_members(secret)
    return request.param, secret


@pytest.fixture(params=["anonymous", "non_member", "member"])
def visitor(request, django_user_model):
    client = Client()
    if request.param != "anonymous":
        from django.contrib.auth.models import Group

        user = django_user_model.objects.create_user(request.param, password="x-password-1")
        if request.param == "member":
            user.groups.add(Group.objects.get(name="Members"))
        client.force_login(user)
    return request.param, client


def test_restricted_resource_page_asks_others_to_log_in(restricted, visitor):
    kind, secret = restricted
    who, client = visitor
    response = client.get(secret.url)
    if CAN_SEE[kind][who]:
        assert response.status_code == 200
        assert "Secret playbook" in response.content.decode()
        assert "private" in response["Cache-Control"]
    else:
        assert response.status_code == 302
        assert response["Location"] == f"/login/?next={secret.url}"


def test_restricted_resource_is_in_listing_and_counts_only_for_those_who_may_see_it(
    restricted, visitor, library
):
    kind, _secret = restricted
    who, client = visitor
    html = client.get(library.url).content.decode()
    if CAN_SEE[kind][who]:
        assert "Secret playbook" in html
        assert "2 resources" in html
        assert 'value="child-health"' in html
        assert "Members only" in html
    else:
        assert "Secret playbook" not in html
        assert "1 resource" in html
        # Not even the facet value that only the restricted resource has.
        assert "child-health" not in html
        assert "Child health" not in html


def test_restricted_resource_facet_filter_reveals_nothing(restricted, visitor, library):
    kind, _secret = restricted
    who, client = visitor
    html = client.get(library.url, {"topic": "child-health"}).content.decode()
    assert ("Secret playbook" in html) == CAN_SEE[kind][who]
    if not CAN_SEE[kind][who]:
        assert "0 resources" in html


def test_restricted_resource_is_found_by_library_search_only_for_those_who_may_see_it(
    restricted, visitor, library
):
    kind, _secret = restricted
    who, client = visitor
    html = client.get(library.url, {"q": SECRET_WORD}).content.decode()
    assert ("Secret playbook" in html) == CAN_SEE[kind][who]
    assert ("1 resource" in html) == CAN_SEE[kind][who]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/",
        "/api/v2/pages/?type=library.ResourcePage",
        "/api/v2/pages/?type=library.ResourcePage&topic=child-health",
        f"/api/v2/pages/?search={SECRET_WORD}",
    ],
)
def test_restricted_resource_is_never_in_the_api_listing(restricted, visitor, path):
    # The API is anonymous: a member's session does not open it either.
    _kind, _secret = restricted
    _who, client = visitor
    response = client.get(path)
    assert response.status_code == 200
    assert "Secret playbook" not in response.content.decode()


def test_restricted_resource_api_detail_and_find_are_404(restricted, visitor):
    _kind, secret = restricted
    _who, client = visitor
    assert client.get(f"/api/v2/pages/{secret.pk}/").status_code == 404
    response = client.get("/api/v2/pages/find/", {"html_path": secret.url})
    assert response.status_code == 404


def test_restricted_resource_is_not_in_the_sitemap(restricted, visitor):
    _kind, secret = restricted
    _who, client = visitor
    xml = client.get("/sitemap.xml").content.decode()
    assert "open-brief" in xml
    assert "secret-playbook" not in xml


def test_public_resource_does_not_name_a_restricted_related_resource(restricted, visitor, library):
    kind, secret = restricted
    who, client = visitor
    public = ResourcePageFactory(parent=library, title="Public guide")
    RelatedResource.objects.create(page=public, resource=secret)
    html = client.get(public.url).content.decode()
    assert ("Secret playbook" in html) == CAN_SEE[kind][who]
    api = client.get(f"/api/v2/pages/{public.pk}/?type=library.ResourcePage").json()
    assert api["related_resources"] == []


# Documents in the private collection, and in a child of it


@pytest.fixture(params=["private collection", "child of private collection"])
def private_document(request, db):
    collection = private_collection()
    if request.param == "child of private collection":
        collection = collection.add_child(name="2025 grants")
    return DocumentFactory(title="Grant report template", collection=collection)


def test_private_document_is_not_in_the_documents_api(private_document, visitor):
    public = DocumentFactory(title="Public fact sheet")
    _who, client = visitor
    listing = client.get("/api/v2/documents/").json()
    titles = [item["title"] for item in listing["items"]]
    assert titles == [public.title]
    assert client.get(f"/api/v2/documents/{private_document.pk}/").status_code == 404
    search = client.get("/api/v2/documents/", {"search": "grant"}).json()
    assert search["items"] == []


def test_private_document_downloads_only_for_members(private_document, visitor):
    who, client = visitor
    response = client.get(private_document.url)
    if who == "member":
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    else:
        assert response.status_code == 302
        assert response["Location"].startswith("/login/?next=/documents/")


def test_private_document_of_a_public_resource_is_neither_named_nor_opened(
    private_document, library, client
):
    # An editor's slip (a private file on a public resource) names and opens nothing.
    resource = ResourcePageFactory(parent=library, title="Open brief")
    ResourceFile.objects.create(page=resource, document=private_document)
    html = client.get(resource.url).content.decode()
    assert private_document.url not in html and private_document.title not in html
    assert client.get(private_document.url).status_code == 302


def test_public_document_downloads_for_anyone(client, db):
    document = DocumentFactory(title="Public fact sheet")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_image_in_private_collection_is_not_in_the_images_api(client, db):
    from library.factories import ImageFactory

    ImageFactory(title="Public cover")
    ImageFactory(title="Members cover", collection=private_collection())
    titles = [item["title"] for item in client.get("/api/v2/images/").json()["items"]]
    assert titles == ["Public cover"]


# A member logs in, sees and downloads


def test_member_logs_in_through_the_site_and_downloads_the_file(library, member, client):
    from library.tests.conftest import MEMBER_PASSWORD

    section = LibraryIndexPageFactory(parent=library, title="Members library", slug="members")
    restrict_page_to_members(section)
    document = DocumentFactory(title="Playbook", collection=private_collection())
    secret = ResourcePageFactory(parent=section, title="Secret playbook")
    ResourceFile.objects.create(page=secret, document=document)

    response = client.get(secret.url)
    assert response["Location"] == f"/login/?next={secret.url}"
    response = client.post(
        "/login/", {"username": "member", "password": MEMBER_PASSWORD, "next": secret.url}
    )
    assert response.status_code == 302
    assert response["Location"] == secret.url

    html = client.get(secret.url).content.decode()
    assert "Secret playbook" in html
    assert document.url in html
    assert "(PDF, " in html
    download = client.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


# Aliases and copies made by editors stay members-only


@pytest.fixture
def secret_in_section(library):
    section = LibraryIndexPageFactory(parent=library, title="Members library", slug="members")
    restrict_page_to_members(section)
    return ResourcePageFactory(parent=section, title="Secret playbook", slug="secret-playbook")


@pytest.mark.parametrize("alias", [True, False], ids=["alias", "copy"])
def test_alias_or_copy_of_a_members_only_resource_in_a_public_section_stays_members_only(
    secret_in_section, library, admin_client, alias
):
    data = {
        "new_title": "Secret playbook",
        "new_slug": "secret-playbook-copy",
        "new_parent_page": library.pk,
        "publish_copies": "on",
    }
    if alias:
        data["alias"] = "on"
    response = admin_client.post(f"/admin/pages/{secret_in_section.pk}/copy/", data)
    assert response.status_code == 302
    new_page = library.get_children().get(slug="secret-playbook-copy").specific
    assert new_page.live
    assert (new_page.alias_of_id == secret_in_section.pk) is alias

    anonymous = Client()
    assert anonymous.get(new_page.url).status_code == 302
    assert "Secret playbook" not in anonymous.get(library.url).content.decode()
    api = anonymous.get("/api/v2/pages/?type=library.ResourcePage").json()
    assert api["meta"]["total_count"] == 0
    assert "secret-playbook" not in anonymous.get("/sitemap.xml").content.decode()


def test_copy_of_a_members_only_section_keeps_its_resources_members_only(
    secret_in_section, home_page, admin_client
):
    section = secret_in_section.get_parent()
    response = admin_client.post(
        f"/admin/pages/{section.pk}/copy/",
        {
            "new_title": "Members library copy",
            "new_slug": "members-copy",
            "new_parent_page": home_page.pk,
            "copy_subpages": "on",
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    copied = home_page.get_children().get(slug="members-copy")
    resource_copy = copied.get_children().get()
    assert resource_copy.live
    assert Client().get(resource_copy.url).status_code == 302


def test_copy_of_a_public_resource_gets_no_restriction(library, admin_client):
    resource = ResourcePageFactory(parent=library, title="Open brief", slug="open-brief")
    admin_client.post(
        f"/admin/pages/{resource.pk}/copy/",
        {
            "new_title": "Open brief",
            "new_slug": "open-brief-2",
            "new_parent_page": library.pk,
            "publish_copies": "on",
        },
    )
    copy = library.get_children().get(slug="open-brief-2")
    assert not copy.get_view_restrictions().exists()
    assert Client().get(copy.url).status_code == 200


def test_listing_for_a_member_is_never_kept_by_a_shared_cache(library, member_client):
    response = member_client.get(library.url)
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_listing_for_someone_who_gave_a_page_password_is_never_kept_by_a_shared_cache(
    library, client
):
    secret = ResourcePageFactory(parent=library, title="Password brief")
    restriction = restrict_page_with_password(secret, "open-sesame")
    assert "Password brief" not in client.get(library.url).text
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{secret.pk}/",
        {"password": "open-sesame", "return_url": secret.url},
    )

    response = client.get(library.url)

    assert "Password brief" in response.text
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("first", ["anonymous", "member"])
def test_counts_kept_for_everyone_never_reach_a_member_nor_a_members_count_anyone(
    restricted, library, member, first, settings
):
    # What everyone sees is counted once per content version (library.listing); a
    # member's own counts are not, whoever asked first.
    settings.RESPONSE_CACHE_ENABLED = False
    anonymous, member_client = Client(), Client()
    member_client.force_login(member)
    order = [anonymous, member_client] if first == "anonymous" else [member_client, anonymous]
    for _round in range(2):
        for client in order:
            html = client.get(library.url).content.decode()
            if client is member_client:
                assert 'value="child-health"' in html and "2 resources" in html
            else:
                assert "child-health" not in html and "1 resource" in html
