"""Who may see which page (moved from the library; becomes the one door).

Every query of the library (listing, facet counts, keyword search, related resources)
starts from `visible_pages`, so a members-only resource is counted, found or linked
only for a visitor who passes every restriction on it and on the sections above it.
"""

from wagtail.models import PageViewRestriction


def failed_restrictions(request) -> list[PageViewRestriction]:
    """The view restrictions this request does not pass (all of them without a request).

    A few queries per restriction, never per page: restrictions sit on sections and
    on the odd resource, so there are few of them.
    """
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    if request is None:
        return list(restrictions)
    user = getattr(request, "user", None)
    user_group_ids = (
        set(user.groups.values_list("pk", flat=True))
        if user is not None and user.is_authenticated
        else set()
    )
    failed = []
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.GROUPS:
            passes = bool(user is not None and user.is_authenticated) and (
                user.is_superuser or any(g.pk in user_group_ids for g in restriction.groups.all())
            )
        else:
            passes = restriction.accept_request(request)
        if not passes:
            failed.append(restriction)
    return failed


def visible_pages(queryset, request, failed=None):
    """`queryset` without the pages this request may not see (restricted, or under a
    restricted section). Pass `failed` when it is already known."""
    if failed is None:
        failed = failed_restrictions(request)
    for restriction in failed:
        queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset


def restricted_paths() -> list[str]:
    """Tree paths of every restricted page: a page at or below one is members-only."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def is_restricted_path(path: str, paths: list[str]) -> bool:
    return any(path.startswith(prefix) for prefix in paths)
