"""Members-only pages and files: the restrictions the demo content and the tests set up.

Kept apart from library/factories.py so that the demo loader (`make run`, which installs
only the runtime requirements) does not need factory_boy.
"""

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction


def members_group():
    from django.contrib.auth.models import Group

    return Group.objects.get(name="Members")


def restrict_page_to_members(page) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([members_group()])
    return restriction


def restrict_page_to_logged_in(page) -> PageViewRestriction:
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def private_collection(name="Members-only library", parent=None) -> Collection:
    """A collection whose documents only members may see (created if missing)."""
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
