"""Who may submit a page or snippet for translation, or sync its translations.

Only someone who may edit a page (or change a snippet), and only they see
wagtail-localize's "Translate" and "Sync" buttons for it (languages/wagtail_hooks.py).
wagtail-localize checks only the global "submit translation" permission, so a translator
could otherwise create Spanish drafts of any page on the site.
"""

from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied
from django.urls import Resolver404, resolve
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import TranslationSource

from adapters.localize import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
    UpdateTranslationsView,
)


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
    URL names: our views answer those paths (languages/wagtail_hooks.py), so whatever the
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
