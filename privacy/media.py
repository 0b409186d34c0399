"""Moving a file out of a restricted collection.

A document in a members-only collection becomes downloadable by anyone the moment it
sits in a public one. So a file may leave a collection's view restriction behind only in
the hands of someone who could lift that restriction anyway: a superuser, or whoever may
change the restricted collection (Wagtail's own test for its privacy setting, "change"
on the collection). Anyone else (Editors, Moderators) may move it only to a collection
at least as restricted:

- a login restriction is kept by any login or group restriction;
- a group restriction by a group restriction to the same groups or fewer of them;
- a password restriction only by itself or one with the same password.

Checked in the image and document forms (home.forms, an error on `collection`) and in
the admin's bulk "Add to collection" (privacy/wagtail_hooks.py).
"""

from wagtail.models import Collection, CollectionViewRestriction
from wagtail.permissions import policy_registry


def _keeps(restriction, other) -> bool:
    """Whether `other` lets through no one that `restriction` keeps out."""
    kind = restriction.restriction_type
    if kind == CollectionViewRestriction.LOGIN:
        return other.restriction_type in (
            CollectionViewRestriction.LOGIN,
            CollectionViewRestriction.GROUPS,
        )
    if kind == CollectionViewRestriction.GROUPS:
        return other.restriction_type == CollectionViewRestriction.GROUPS and {
            group.pk for group in other.groups.all()
        } <= {group.pk for group in restriction.groups.all()}
    if kind == CollectionViewRestriction.PASSWORD:
        return other.pk == restriction.pk or (
            other.restriction_type == CollectionViewRestriction.PASSWORD
            and other.password == restriction.password
        )
    return False


def restrictions_lost(source: Collection, target: Collection) -> list:
    """The view restrictions on `source` (or above it) that nothing on `target` (or above
    it) keeps: what a file moved from one to the other would no longer be behind."""
    if source.pk == target.pk:
        return []
    kept_by = list(target.get_view_restrictions().prefetch_related("groups"))
    return [
        restriction
        for restriction in source.get_view_restrictions().select_related("collection")
        if not any(_keeps(restriction, other) for other in kept_by)
    ]


def may_lift(user, restriction) -> bool:
    """Whether `user` may remove this restriction in the admin (Wagtail's privacy
    setting asks for "change" on the collection)."""
    if user.is_superuser:
        return True
    policy = policy_registry.get_by_type(Collection)
    return policy.user_has_permission_for_instance(user, "change", restriction.collection)


def collection_move_refusal(user, item, target: Collection) -> str | None:
    """Why `user` may not move `item` (an image or document, as saved) into `target`, or
    None if they may."""
    source = Collection.objects.get(pk=item.collection_id)
    lost = [r for r in restrictions_lost(source, target) if not may_lift(user, r)]
    if not lost:
        return None
    names = ", ".join(f"“{restriction.collection.name}”" for restriction in lost)
    return (
        f"“{item.title}” is in {names}, whose files not everyone may see; “{target.name}” "
        "would show it to more people. Only someone who may change the privacy of "
        f"{names} can move it there."
    )
