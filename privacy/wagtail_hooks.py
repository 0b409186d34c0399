"""Copies and aliases of members-only pages stay members-only (privacy/copies.py)."""

from wagtail import hooks

from privacy.copies import carry_view_restrictions


@hooks.register("after_copy_page")
def keep_copies_and_aliases_restricted(request, page, new_page):
    """Copies and aliases of members-only pages stay members-only."""
    carry_view_restrictions(page, new_page, user=request.user)
