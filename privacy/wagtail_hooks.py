"""Copies and aliases of members-only pages stay members-only (privacy/copies.py); files
leave a restricted collection only as privacy/media.py allows."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

from privacy.copies import carry_view_restrictions
from privacy.media import collection_move_refusal


@hooks.register("after_copy_page")
def keep_copies_and_aliases_restricted(request, page, new_page):
    """Copies and aliases of members-only pages stay members-only."""
    carry_view_restrictions(page, new_page, user=request.user)


@hooks.register("before_bulk_action")
def keep_files_in_restricted_collections(request, action_type, objects, action_class_instance):
    """The bulk "Add to collection" of images and documents follows the same rule as
    their edit forms (privacy.media): a file leaves a restricted collection for a less
    restricted one only in the hands of someone who may change that collection's
    privacy. Otherwise nothing is moved, and the message says why."""
    if action_type != "add_to_collection":
        return None
    form = getattr(action_class_instance, "cleaned_form", None)
    target = form.cleaned_data.get("collection") if form is not None else None
    if target is None:
        return None
    refusals = [
        refusal
        for item in objects
        if (refusal := collection_move_refusal(request.user, item, target)) is not None
    ]
    if not refusals:
        return None
    messages.error(request, "Nothing was moved. " + " ".join(refusals))
    return redirect(action_class_instance.next_url)
