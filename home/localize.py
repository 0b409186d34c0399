"""Rules wagtail-localize leaves to the project (hooked up in home/wagtail_hooks.py and
home/apps.py).

1. Only someone who may edit a page (or change a snippet) may submit it for
   translation or sync its translations, and only they see wagtail-localize's
   "Translate" and "Sync" buttons for it. wagtail-localize checks only the global
   "submit translation" permission, so a translator could otherwise create Spanish
   drafts of any page on the site.
2. When a source page is published, its translation source is brought up to date,
   so translators see the new and changed strings in the translation editor at
   once, without waiting for someone to press "Sync translated pages". The Spanish
   page stays as it was until a translator publishes the translation: it never
   shows English text.
3. A translation is exactly as private as its source: restricting (or opening) a
   source page does the same to its translations at once. wagtail-localize copies
   restrictions only when a translation is created or synced, so without this a
   members-only page restricted after it was translated stayed public in Spanish.
"""

from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import Resolver404, resolve
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

# -- 1. Who may submit translations -------------------------------------------------


def can_change(user, instance) -> bool:
    """Whether `user` may edit this page or change this snippet."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user.has_perm(get_permission_name("change", type(instance)))


def may_translate(user, instance) -> bool:
    """Whether `user` may submit `instance` (a page or snippet, or the translation source
    of one) for translation or sync its translations: the rule, for views and buttons."""
    if isinstance(instance, TranslationSource):
        instance = instance.get_source_instance()
    return can_change(user, instance)


class EditorsOnlyMixin:
    """Refuse the view unless the user may change the page or snippet it is about
    (for the sync view, the source of the translations)."""

    def get_object(self):
        instance = super().get_object()
        if not may_translate(self.request.user, instance):
            raise PermissionDenied
        return instance


class SubmitPageTranslationForEditorsView(EditorsOnlyMixin, SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationForEditorsView(EditorsOnlyMixin, SubmitSnippetTranslationView):
    pass


class UpdateTranslationsForEditorsView(EditorsOnlyMixin, UpdateTranslationsView):
    pass


def remove_refused_translation_buttons(buttons: list, user, instance) -> None:
    """Take out of `buttons` (in place) those that lead to one of the views above for
    `instance` when that view would refuse `user`. wagtail-localize offers its buttons
    to anyone with the global permission; a button that ends in a refusal is a dead end.

    A button is recognised by where it leads, not by its label or wagtail-localize's
    URL names: our views answer those paths (home/wagtail_hooks.py), so whatever the
    view refuses, the button hides.
    """
    allowed = {}
    for button in list(buttons):
        target = _guarded_target(getattr(button, "url", None), instance)
        if target is None:
            continue
        if target.pk not in allowed:
            allowed[target.pk] = may_translate(user, target)
        if not allowed[target.pk]:
            buttons.remove(button)


def _guarded_target(url: str | None, instance):
    """The page or snippet whose permission decides the view `url` leads to, if that is
    one of our editors-only views: `instance` itself (for the sync view, its translation
    source is `instance`), except that wagtail-localize translates an alias page's
    original page, named in the URL."""
    if not url:
        return None
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not issubclass(view_class, EditorsOnlyMixin):
        return None
    page_id = match.kwargs.get("page_id")
    if isinstance(instance, Page) and page_id not in (None, instance.pk):
        return Page.objects.get(pk=page_id)
    return instance


# -- 2. Translators see source changes as soon as they are published -----------------


def refresh_translation_source(sender, instance, **kwargs) -> None:
    """On publish: re-extract the strings of a source page that has translations."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is not None and source.translations.filter(enabled=True).exists():
        source.update_from_db()


# -- 3. Translations follow the privacy of their source ------------------------------


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
    from wagtail.signals import page_published

    page_published.connect(refresh_translation_source, dispatch_uid="localize-refresh-source")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed, sender=PageViewRestriction, dispatch_uid="localize-privacy"
        )
    m2m_changed.connect(
        restriction_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="localize-privacy-groups",
    )
