"""What every API response reads and only a content change alters, kept per content
version (content_api.versioned): the tree paths a site serves, the locales and the
vocabularies. Sites, locales, pages moved or published, and the vocabularies (watched
by their sections) all change the version, so none of these answers shows late.

Nothing here depends on who asks; which pages are public is still decided on every
request (privacy.visibility).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Locale, Page, Site

from content_api.versioned import until_content_changes


def site_scope(site) -> Q:
    """Pages at or below the site's root page or one of its translations (a Q on the
    tree path: what `descendant_of(root, inclusive=True)` says for each, in one)."""
    paths = until_content_changes(("api:site-roots", site.pk), lambda: _root_paths(site))
    scope = Q(pk__in=[])
    for path in paths:
        scope |= Q(path__startswith=path)
    return scope


def _root_paths(site) -> list[str]:
    # Every translation of the root page, drafts too (as `get_translations` gives them):
    # pages published below a draft home page change the version when they are published.
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    return list(Page.objects.filter(translation_key__in=root_key).values_list("path", flat=True))


def sites_named(hostname: str, port: int | None = None) -> list:
    """The sites served at `hostname` (and `port`, if given), as `?site=` names them."""
    query = {"hostname": hostname} | ({"port": port} if port else {})
    return until_content_changes(
        ("api:sites", hostname, port), lambda: list(Site.objects.filter(**query))
    )


def page_model(pk: int):
    """The specific model of the page with this id, or None if there is none. Kept per
    version: a page becomes public only through a change of the version."""
    content_type_id = until_content_changes(
        ("api:page-type", pk),
        lambda: Page.objects.filter(pk=pk).values_list("content_type_id", flat=True).first(),
    )
    if content_type_id is None:
        return None
    return ContentType.objects.get_for_id(content_type_id).model_class()


def locales() -> dict:
    """{pk: Locale} of every locale."""
    return until_content_changes(
        "api:locales", lambda: {loc.pk: loc for loc in Locale.objects.all()}
    )


def attach_locales(objects) -> None:
    """Give each object (a page, a term) its `locale` without a query."""
    by_pk = locales()
    for obj in objects:
        locale = by_pk.get(getattr(obj, "locale_id", None))
        if locale is not None:
            type(obj)._meta.get_field("locale").set_cached_value(obj, locale)


def vocabulary(model) -> dict:
    """{pk: row} of a vocabulary (topics, networks, states, series: all small, and
    watched by their sections), with their locales."""
    label = model._meta.label_lower

    def rows():
        terms = {term.pk: term for term in model.objects.all()}
        if hasattr(model, "locale_id"):
            attach_locales(terms.values())
        return terms

    return until_content_changes(("api:vocabulary", label), rows)
