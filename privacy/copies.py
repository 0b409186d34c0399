"""Copies and aliases of members-only pages stay members-only.

Wagtail restricts a page by its place in the tree: a page in a members-only
section is private only while it is there. A copy or an alias created elsewhere
would be public (and Wagtail copies only the restriction set on the page itself, not
one inherited from a section). So after an editor copies or aliases a page, every
new page gets the restrictions its source had, wherever they came from (the
`after_copy_page` hook in privacy/wagtail_hooks.py), and an alias is also checked
against its source's restrictions (privacy.visibility).
Adding restrictions only ever hides more, so this is safe for public pages.
"""

from wagtail.models import Page, PageViewRestriction


def _signature(restriction) -> tuple:
    return (
        restriction.restriction_type,
        restriction.password,
        frozenset(group.pk for group in restriction.groups.all()),
    )


def _pairs(source: Page, copy: Page) -> list[tuple[Page, Page]]:
    """Each page of the source subtree with its counterpart in the copied subtree.

    Copies keep the order of the tree, so a recursive copy lines up path by path;
    when the copy was not recursive only the top pages pair up.
    """
    sources = list(Page.objects.descendant_of(source, inclusive=True).order_by("path"))
    copies = list(Page.objects.descendant_of(copy, inclusive=True).order_by("path"))
    if len(sources) != len(copies):
        return [(source, copy)]
    return list(zip(sources, copies, strict=True))


def carry_view_restrictions(source: Page, copy: Page, user=None) -> int:
    """Give `copy` (and its subtree) every view restriction that applies to `source`
    (and its subtree), wherever it was set. Returns how many restrictions were added."""
    added = 0
    for original, duplicate in _pairs(source, copy):
        required = list(original.get_view_restrictions().prefetch_related("groups"))
        if not required:
            continue
        present = {
            _signature(r) for r in duplicate.get_view_restrictions().prefetch_related("groups")
        }
        for restriction in required:
            signature = _signature(restriction)
            if signature in present:
                continue
            carried = PageViewRestriction(
                page=duplicate,
                restriction_type=restriction.restriction_type,
                password=restriction.password,
            )
            carried.save(user=user)
            carried.groups.set(restriction.groups.all())
            present.add(signature)
            added += 1
    return added
