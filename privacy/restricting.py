"""Restricting pages and collections: the Members group, logins and passwords.

What editors do in the admin's privacy settings, for the demo content, the tests and the
benchmarks. Each function is idempotent: a restriction that is there already is kept.
"""

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

MEMBERS_GROUP = "Members"


def members_group():
    from django.contrib.auth.models import Group

    return Group.objects.get(name=MEMBERS_GROUP)


def restrict_page_to_members(page) -> PageViewRestriction:
    existing = page.view_restrictions.filter(restriction_type=PageViewRestriction.GROUPS).first()
    if existing is not None:
        return existing
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([members_group()])
    return restriction


def restrict_page_to_logged_in(page) -> PageViewRestriction:
    restriction, _ = PageViewRestriction.objects.get_or_create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    return restriction


def restrict_page_with_password(page, password: str) -> PageViewRestriction:
    restriction, _ = PageViewRestriction.objects.get_or_create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, defaults={"password": password}
    )
    return restriction


def private_collection(name="Members-only library", parent=None) -> Collection:
    """A collection whose documents only members may see (created if missing). A child
    of another collection inherits its parent's restriction and gets none of its own."""
    parent = parent or Collection.get_first_root_node()
    collection = parent.get_children().filter(name=name).first()
    if collection is None:
        collection = parent.add_child(name=name)
    if (
        parent.depth == 1
        and not CollectionViewRestriction.objects.filter(collection=collection).exists()
    ):
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set([members_group()])
    return collection
