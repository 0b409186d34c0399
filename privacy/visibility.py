"""May this viewer see this page, or these files? The one door every entry point uses.

Wagtail's view restrictions decide it (login, groups, password), on a page or on a
section above it, never a field of our own. Three rules of ours close what Wagtail
leaves open:

- an alias is as private as its source, wherever the alias sits (Wagtail checks only
  the source page's own restrictions when serving one, and `.public()` looks only at
  the alias's own place in the tree);
- copies and translations carry their source's restrictions (privacy/copies.py,
  privacy/translations.py), so they are restricted in their own right;
- a file in a restricted collection, or in a child of one, is never listed publicly.

Shared responses (anything cached or seen by the anonymous API, feeds, sitemaps,
search) use `public_pages` and `public_media`: the answer is the same for everyone.
Only a listing made for one visitor (the library, for a logged-in member) uses
`pages_visible_to`.
"""

from django.db.models import Q
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)


def public_pages(queryset=None):
    """The live pages of `queryset` (all pages by default) that anyone may open."""
    queryset = Page.objects.all() if queryset is None else queryset
    restricted = _restricted_q(PageViewRestriction.objects.values_list("page__path", flat=True))
    if restricted is None:
        return queryset.live()
    # Aliases by id, not `alias_of`: search backends can filter on `id` only.
    aliases = Page.objects.filter(alias_of__in=Page.objects.filter(restricted).values("pk"))
    return queryset.live().exclude(restricted).exclude(id__in=aliases.values("pk"))


def _restricted_q(paths) -> Q | None:
    """Pages at or below any of these tree paths (restricted pages), or None for none.
    One query, for the paths."""
    restricted = None
    for path in paths:
        below = Q(path__startswith=path)
        restricted = below if restricted is None else restricted | below
    return restricted


def public_pages_by_id(model, ids) -> dict:
    """{id: page} of the pages of `model` with these ids that anyone may open, in one
    query (the related pages a page links to)."""
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return {}
    return {page.pk: page for page in public_pages(model.objects.filter(pk__in=ids))}


def failed_restrictions(request) -> list[PageViewRestriction]:
    """The view restrictions this request does not pass (all of them without a request).

    A few queries per restriction, never per page: restrictions sit on sections and on
    the odd page, so there are few of them.
    """
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    if request is None:
        return list(restrictions)
    user = getattr(request, "user", None)
    logged_in = bool(user is not None and user.is_authenticated)
    group_ids = set(user.groups.values_list("pk", flat=True)) if logged_in else set()
    failed = []
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.GROUPS:
            passes = logged_in and (
                user.is_superuser or any(g.pk in group_ids for g in restriction.groups.all())
            )
        else:
            passes = restriction.accept_request(request)
        if not passes:
            failed.append(restriction)
    return failed


def passes_some_restriction(failed: list) -> bool:
    """Whether a visitor who fails `failed` passes any restriction at all: then what they
    see is not what everyone sees (one query)."""
    return len(failed) < PageViewRestriction.objects.count()


def pages_visible_to(request, queryset, failed=None):
    """The live pages of `queryset` this visitor may open: those outside every
    restriction they fail, and not aliases of pages inside one. Pass `failed` when it is
    known already. A response built from this is personal: never share it."""
    if failed is None:
        failed = failed_restrictions(request)
    hidden = _restricted_q(restriction.page.path for restriction in failed)
    if hidden is None:
        return queryset.live()
    aliases = Page.objects.filter(alias_of__in=Page.objects.filter(hidden).values("pk"))
    return queryset.live().exclude(hidden).exclude(id__in=aliases.values("pk"))


def restricted_page_ids(pages) -> set[int]:
    """Those of `pages` that some restriction applies to, an alias by its source's (for
    a "Members only" badge). Two queries, however many pages."""
    paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))

    def restricted(path):
        return any(path.startswith(prefix) for prefix in paths)

    source_ids = {page.alias_of_id for page in pages if page.alias_of_id}
    sources = Page.objects.filter(pk__in=source_ids).values_list("pk", "path") if paths else []
    restricted_sources = {pk for pk, path in sources if restricted(path)}
    return {
        page.pk for page in pages if restricted(page.path) or page.alias_of_id in restricted_sources
    }


def restrictions_applying_to(page, wagtails_own):
    """Every view restriction that applies to `page`, given those Wagtail finds
    (`wagtails_own`: on the page and the sections above it, an alias resolved to its
    source page). For an alias, add the sections above its source, and any restriction
    carried onto the alias itself when it was made (privacy/copies.py): Wagtail looks at
    neither. BasePage.get_view_restrictions, so this is what serving the page checks."""
    if not page.alias_of_id:
        return wagtails_own
    source = Page.objects.get(pk=page.alias_of_id)
    return PageViewRestriction.objects.filter(
        Q(pk__in=wagtails_own.values("pk"))
        | Q(page__in=source.get_ancestors(inclusive=True).values("pk"))
        | Q(page=page)
    )


# Files ------------------------------------------------------------------------------


def private_collection_ids() -> list[int]:
    """Collections with a view restriction, and every collection below one."""
    paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    private = Q(pk__in=[])
    for path in paths:
        private |= Q(path__startswith=path)
    return list(Collection.objects.filter(private).values_list("pk", flat=True))


def public_media(queryset):
    """The images or documents of `queryset` outside every restricted collection (and
    its children), whoever asks. Filtered by collection id, which search backends can
    filter on too."""
    return queryset.exclude(collection__in=private_collection_ids())


def public_media_by_id(model, ids) -> dict:
    """{id: item} of the images or documents of `model` with these ids that are in no
    restricted collection: what a public page may name and link to (one query)."""
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return {}
    return {item.pk: item for item in public_media(model.objects.filter(pk__in=ids))}


def media_shown_on(pages, model, ids) -> dict:
    """{page id: {id: item}}: which of these images or documents each page may name and
    link to. A page anyone may open names only files in no restricted collection; a
    restricted page (seen only by those who pass its restriction) names its own files,
    members-only ones included. Two queries for any number of pages."""
    restricted = restricted_page_ids(pages)
    public = public_media_by_id(model, ids)
    every = (
        public if not restricted else {item.pk: item for item in model.objects.filter(pk__in=ids)}
    )
    return {page.pk: every if page.pk in restricted else public for page in pages}


# Changes ----------------------------------------------------------------------------


def restriction_models() -> tuple:
    """The models whose rows change who may see what (for caches to watch)."""
    return (
        PageViewRestriction,
        CollectionViewRestriction,
        PageViewRestriction.groups.through,
        CollectionViewRestriction.groups.through,
    )
