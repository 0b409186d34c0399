"""Finding 5: an Editor moved a members-only document into a public collection, and it was
downloadable at once. A file now leaves a restricted collection for a less restricted
one only in the hands of someone who may change that collection's privacy
(privacy/media.py), in the edit form and in the bulk "Add to collection" alike."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission

from library.factories import DocumentFactory, ImageFactory, private_collection
from privacy.media import collection_move_refusal

pytestmark = pytest.mark.django_db


def user_in(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, password="a-password-for-tests")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    return user_in(django_user_model, "Editors", "editor")


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def superuser_client(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "pw"))
    return client


@pytest.fixture
def collections(db):
    root = Collection.get_first_root_node()
    return {
        "root": root,
        "public": root.add_child(name="Fact sheets"),
        "members": private_collection(),
    }


def edit(client, document, collection):
    return client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": document.title, "collection": collection.pk},
    )


def test_an_editor_cannot_move_a_members_only_document_into_a_public_collection(
    editor_client, collections
):
    document = DocumentFactory(title="Members' budget", collection=collections["members"])

    response = edit(editor_client, document, collections["public"])

    assert response.status_code == 200
    errors = response.context["form"].errors["collection"]
    assert "Members-only library" in errors[0]
    document.refresh_from_db()
    assert document.collection == collections["members"]
    assert Client().get(document.url).status_code == 302  # still behind the login


def test_an_editor_may_move_documents_into_or_within_restricted_collections(
    editor_client, collections
):
    public = DocumentFactory(title="Fact sheet", collection=collections["public"])
    assert edit(editor_client, public, collections["members"]).status_code == 302
    public.refresh_from_db()
    assert public.collection == collections["members"]

    child = collections["members"].add_child(name="Board papers")
    assert edit(editor_client, public, child).status_code == 302  # just as restricted
    public.refresh_from_db()
    assert public.collection == child
    # Back up to the restricted parent, and a title change in place: no move out.
    assert edit(editor_client, public, collections["members"]).status_code == 302
    public.title = "Renamed"
    assert edit(editor_client, public, collections["members"]).status_code == 302


def test_a_superuser_may_move_a_document_out_of_a_restricted_collection(
    superuser_client, collections
):
    document = DocumentFactory(title="Annual report", collection=collections["members"])
    assert edit(superuser_client, document, collections["public"]).status_code == 302
    document.refresh_from_db()
    assert document.collection == collections["public"]


def bulk_move(client, model_name, items, collection):
    ids = "&".join(f"id={item.pk}" for item in items)
    return client.post(
        f"/admin/bulk/home/{model_name}/add_to_collection/?next=/admin/documents/&{ids}",
        {"collection": collection.pk},
    )


def test_the_bulk_move_moves_nothing_out_of_a_restricted_collection_for_an_editor(
    editor_client, collections
):
    secret = DocumentFactory(title="Members' budget", collection=collections["members"])
    open_one = DocumentFactory(title="Fact sheet", collection=collections["root"])

    response = bulk_move(editor_client, "customdocument", [secret, open_one], collections["public"])

    assert response.status_code == 302
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Nothing was moved" in m and "Members' budget" in m for m in messages), messages
    for document, collection in [(secret, "members"), (open_one, "root")]:
        document.refresh_from_db()
        assert document.collection == collections[collection]


def test_the_bulk_move_into_a_restricted_collection_works_for_an_editor(editor_client, collections):
    document = DocumentFactory(title="Fact sheet", collection=collections["root"])
    assert (
        bulk_move(editor_client, "customdocument", [document], collections["members"]).status_code
        == 302
    )
    document.refresh_from_db()
    assert document.collection == collections["members"]


def test_the_bulk_move_out_of_a_restricted_collection_works_for_a_superuser(
    superuser_client, collections
):
    document = DocumentFactory(title="Annual report", collection=collections["members"])
    bulk_move(superuser_client, "customdocument", [document], collections["public"])
    document.refresh_from_db()
    assert document.collection == collections["public"]


def test_images_follow_the_same_rule_in_the_bulk_move(editor_client, collections):
    image = ImageFactory(title="Board photo", collection=collections["members"])
    bulk_move(editor_client, "customimage", [image], collections["public"])
    image.refresh_from_db()
    assert image.collection == collections["members"]


def test_who_may_lift_a_restriction_may_move_files_out_from_under_it(
    editor, django_user_model, collections
):
    document = DocumentFactory(title="Members' budget", collection=collections["members"])
    assert collection_move_refusal(editor, document, collections["public"])

    # "Change" on the collection is what Wagtail asks of whoever edits its privacy.
    managers = Group.objects.create(name="Collection managers")
    GroupCollectionPermission.objects.create(
        group=managers,
        collection=collections["root"],
        permission=Permission.objects.get(codename="change_collection"),
    )
    manager = user_in(django_user_model, "Collection managers", "manager")
    assert collection_move_refusal(manager, document, collections["public"]) is None


def test_a_wider_restriction_counts_as_less_restricted(editor, collections):
    members_only = DocumentFactory(title="Members' budget", collection=collections["members"])
    logged_in = collections["root"].add_child(name="Any logged-in reader")
    CollectionViewRestriction.objects.create(
        collection=logged_in, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert collection_move_refusal(editor, members_only, logged_in)  # groups -> any login

    members = Collection.objects.get(pk=collections["members"].pk)  # its path moved (by name)
    for_logins = DocumentFactory(title="Workshop notes", collection=logged_in)
    assert collection_move_refusal(editor, for_logins, members) is None  # login -> members
