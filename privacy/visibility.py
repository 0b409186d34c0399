"""May this viewer see this page, or these files? The one door every entry point uses.

Wagtail's view restrictions decide it (login, groups, password), on a page or on a
section above it, never a field of our own. Three rules of ours close what Wagtail
leaves open:

- an alias is as private as its source, wherever the alias sits (Wagtail checks only
  the source page's own restrictions when serving one, and `.public()` looks only at
  the alias's own place in the tree);
- a translation is as private as its source (the page in the default language), wherever
  each sits: moving an English page into the members section hides its Spanish page too;
- copies and translations carry their source's restrictions (privacy/copies.py,
  privacy/translations.py), so they are restricted in their own right;
- a file in a restricted collection, or in a child of one, is never listed publicly.

Shared responses (anything cached or seen by the anonymous API, feeds, sitemaps,
search) use `public_pages` and `public_media`: the answer is the same for everyone.
Only a listing made for one visitor (the library, for a logged-in member) uses
`pages_visible_to`.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from operations.memo import for_request


def public_pages(queryset=None):
    """The live pages of `queryset` (all pages by default) that anyone may open."""
    queryset = Page.objects.all() if queryset is None else queryset
    restricted = _restricted_q(_restricted_paths())
    if restricted is None:
        return queryset.live()
    # By id, not `alias_of` or `translation_key`: search backends can filter on `id` only.
    return queryset.live().exclude(restricted).exclude(id__in=_showing(restricted))


def _restricted_paths() -> list[str]:
    """The paths of the pages with a view restriction: one query per request, however
    many listings, links and menus of the page ask (never kept longer: moving a
    members-only page changes its path without changing any public content)."""
    return [restriction.page.path for restriction in _restrictions()]


def _restrictions() -> list[PageViewRestriction]:
    """Every view restriction, with its page (once per request; its groups are read
    only for a visitor who is logged in)."""
    return for_request(
        "privacy:restrictions",
        lambda: list(PageViewRestriction.objects.select_related("page")),
    )


def _default_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _showing(restricted: Q):
    """Ids of the pages that show a restricted page: its aliases, and the translations of
    a restricted page in the default language (their source). A subquery, no query."""
    pages = Page.objects.filter(restricted)
    sources = pages.filter(locale__language_code=_default_language())
    translations = Q(translation_key__in=sources.values("translation_key"))
    return Page.objects.filter(Q(alias_of__in=pages.values("pk")) | translations).values("pk")


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
    restrictions = _restrictions()
    if request is None:
        return list(restrictions)
    user = getattr(request, "user", None)
    logged_in = bool(user is not None and user.is_authenticated)
    group_ids = set(user.groups.values_list("pk", flat=True)) if logged_in else set()
    if logged_in:
        prefetch_related_objects(restrictions, "groups")
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
    see is not what everyone sees (no query once the restrictions are read)."""
    return len(failed) < len(_restrictions())


def pages_visible_to(request, queryset, failed=None):
    """The live pages of `queryset` this visitor may open: those outside every
    restriction they fail, and not aliases of pages inside one. Pass `failed` when it is
    known already. A response built from this is personal: never share it."""
    if failed is None:
        failed = failed_restrictions(request)
    hidden = _restricted_q(restriction.page.path for restriction in failed)
    if hidden is None:
        return queryset.live()
    return queryset.live().exclude(hidden).exclude(id__in=_showing(hidden))


def restricted_page_ids(pages) -> set[int]:
    """Those of `pages` that some restriction applies to, an alias or a translation by
    its source's (for a "Members only" badge). Two queries, however many pages."""
    paths = _restricted_paths()
    if not paths:
        return set()

    def restricted(path):
        return any(path.startswith(prefix) for prefix in paths)

    sources = Page.objects.filter(
        Q(pk__in={page.alias_of_id for page in pages if page.alias_of_id})
        | Q(
            translation_key__in={page.translation_key for page in pages},
            locale__language_code=_default_language(),
        )
    ).values_list("pk", "translation_key", "path")
    restricted_ids, restricted_keys = set(), set()
    for pk, key, path in sources:
        if restricted(path):
            restricted_ids.add(pk)
            restricted_keys.add(key)
    return {
        page.pk
        for page in pages
        if restricted(page.path)
        or page.alias_of_id in restricted_ids
        or page.translation_key in restricted_keys
    }


def restrictions_applying_to(page, wagtails_own):
    """Every view restriction that applies to `page`, given those Wagtail finds
    (`wagtails_own`: on the page and the sections above it, an alias resolved to its
    source page). Add those on the pages `page` shows and the sections above them: an
    alias's source, a translation's source in the default language. And any restriction
    carried onto an alias itself when it was made (privacy/copies.py): Wagtail looks at
    none of these. BasePage.get_view_restrictions, so this is what serving the page
    checks; one query, when Wagtail reads it."""
    shown = Page.objects.filter(
        Q(pk=page.alias_of_id)
        | Q(translation_key=page.translation_key, locale__language_code=_default_language())
    ).exclude(pk=page.pk)
    # A restriction applies if its page is a shown page or a section above one.
    above_shown = Exists(shown.filter(path__startswith=OuterRef("page__path")))
    return PageViewRestriction.objects.filter(
        Q(pk__in=wagtails_own.values("pk")) | Q(page=page) | above_shown
    )


# Files ------------------------------------------------------------------------------


def private_collection_ids() -> list[int]:
    """Collections with a view restriction, and every collection below one (once per
    request)."""
    # Collections and their restrictions always change the content version.
    from content_api.versioned import until_content_changes

    return until_content_changes("privacy:private-collections", _private_collection_ids)


def _private_collection_ids() -> list[int]:
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


def public_media_items(items) -> list:
    """Those of these images or documents (already loaded) that are in no restricted
    collection: what a page anyone may open names and links to. No query once the
    private collections are known (kept per content version)."""
    private = set(private_collection_ids())
    return [item for item in items if item is not None and item.collection_id not in private]
