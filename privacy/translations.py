"""A translation is exactly as private as its source.

Restricting (or opening) a source page does the same to its translations at once.
wagtail-localize copies restrictions only when a translation is created or synced, so
without this a members-only page restricted after it was translated stayed public in
Spanish.
"""

from django.db import transaction
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import TranslationSource


def translations_following(page: Page) -> list[Page]:
    """The pages whose privacy follows `page`'s: its translations, when `page` is their
    source (with wagtail-localize, the page they were translated from; otherwise the
    default-language page)."""
    sources = TranslationSource.objects.filter(object_id=page.translation_key)
    if sources.exists():
        source = sources.filter(locale_id=page.locale_id).first()
        if source is None:
            return []  # `page` is itself a translation
        # Stopping a translation's sync ("enabled" off) frees its text, not its privacy.
        targets = source.translations.values("target_locale")
        return list(page.get_translations().filter(locale__in=targets))
    if page.locale_id == Locale.get_default().pk:
        return list(page.get_translations())
    return []


def mirror_view_restriction(source: Page, translation: Page) -> None:
    """Give `translation` the restriction set on `source` itself (or none, if it has none),
    changing only what differs: each save of a restriction is an entry in the page's
    history.

    Not wagtail-localize's `TranslationSource.sync_view_restrictions`: it runs only on
    translate or sync, and a restriction it creates loses its groups (it copies no
    many-to-many field)."""
    original = source.view_restrictions.first()
    existing = list(translation.view_restrictions.all())
    if original is None:
        for restriction in existing:
            restriction.delete()
        return
    mirrored = existing[0] if existing else PageViewRestriction(page=translation)
    for extra in existing[1:]:
        extra.delete()
    fields = ("restriction_type", "password")
    if mirrored.pk is None or any(
        getattr(mirrored, name) != getattr(original, name) for name in fields
    ):
        for name in fields:
            setattr(mirrored, name, getattr(original, name))
        mirrored.save()
    groups = set(original.groups.values_list("pk", flat=True))
    if set(mirrored.groups.values_list("pk", flat=True)) != groups:
        mirrored.groups.set(groups)


def sync_restrictions_to_translations(page_id: int) -> None:
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    for translation in translations_following(page):
        mirror_view_restriction(page, translation)


def restriction_changed(sender, instance, **kwargs) -> None:
    """A restriction was saved or deleted, or its groups changed. The mirror runs after
    the commit, once the admin has saved the groups as well as the restriction."""
    if kwargs.get("reverse"):
        return  # groups changed from the group's side: not something the admin does
    if kwargs.get("action", "post_").startswith("post_"):
        # One change sends several signals (the restriction's save, then its groups');
        # the mirror changes only what differs, so the later runs write nothing.
        page_id = instance.page_id
        transaction.on_commit(lambda: sync_restrictions_to_translations(page_id))


def connect_signals() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed, sender=PageViewRestriction, dispatch_uid="localize-privacy"
        )
    m2m_changed.connect(
        restriction_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="localize-privacy-groups",
    )
