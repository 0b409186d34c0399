"""Who may submit a page or snippet for translation, sync, publish or override its
translations, and see them in the translations report.

Only someone who may edit a page (or change a snippet), and only they see
wagtail-localize's "Translate" and "Sync" buttons for it (languages/wagtail_hooks.py).
wagtail-localize checks only the global "submit translation" permission, so a translator
could otherwise create Spanish drafts of any page on the site.

Publishing a translation takes the page's publish permission, as Wagtail's own Publish
button does: wagtail-localize's translation editor checks it, but its sync view's
"Publish immediately" and "Convert to alias page" (which puts the English page's content
live in the Spanish tree) did not. A user who may not publish sees "Publish immediately"
greyed out with the reason, and a request that asks for it anyway is refused as a whole
(form error, nothing synced): doing something else than what was asked, silently, would
let an editor believe a translation is live when it is waiting for a moderator.

A translator's override of a synchronised value (a link in rich text, a URL) must be a
safe link (home/rich_text.py), and a field the model declares not overridable
(`SynchronizedField(..., overridable=False)`) takes no override at all, even from a
translation source extracted before the field was declared so.
"""

from io import BytesIO
from urllib.parse import urlsplit

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db.models import Q
from django.http import JsonResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import Resolver404, resolve
from django.utils.functional import cached_property
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import DraftStateMixin, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import OverridableSegment, Translation, TranslationSource

from adapters import localize
from adapters.localize import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
    TranslationsReportView,
    UpdateTranslationsView,
)
from home.rich_text import validate_safe_link


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


def may_publish(user, instance) -> bool:
    """Whether `user` may publish this page or snippet (a snippet without drafts is saved
    at once: changing it is publishing it)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(instance)))
    return can_change(user, instance)


PUBLISH_REFUSED = (
    "Only someone who may publish every translation of this page may publish them "
    "here: sync without publishing, and a moderator publishes the translations."
)


class UpdateTranslationsForEditorsView(EditorsOnlyMixin, UpdateTranslationsView):
    """wagtail-localize's sync view: "Publish immediately" only for people who may
    publish every translation it would publish."""

    @cached_property
    def may_publish_translations(self) -> bool:
        for translation in self.object.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:
                continue
            if not may_publish(self.request.user, target):
                return False
        return True

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_translations:
            field = form.fields["publish_translations"]
            field.disabled = True  # shown greyed out, with the reason
            field.help_text = PUBLISH_REFUSED
            if form.is_bound and self.request.POST.get("publish_translations"):
                form.full_clean()
                form.add_error("publish_translations", PUBLISH_REFUSED)
        return form


def convert_to_alias_for_publishers(request, page_id):
    """ "Convert to alias page" replaces a translation by the source page's content, live
    or not as the source is: it takes the right to publish the translation."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return localize.convert_to_alias(request, page_id)


# -- Overrides of synchronised values -------------------------------------------------


def override_refusal(translation, segment, value) -> JsonResponse | None:
    """The answer refusing `value` as the override of `segment`, or None to let it be."""
    source_instance = translation.source.get_source_instance()
    try:
        is_link, overridable = localize.overridden_value(segment, source_instance)
    except (LookupError, ObjectDoesNotExist, AttributeError, ValueError):
        # The segment no longer matches the source's fields: check it as a link.
        is_link, overridable = True, True
    if not overridable:
        return JsonResponse(
            {"detail": "This value is the same in every language: it cannot be overridden."},
            status=403,
        )
    if is_link:
        try:
            validate_safe_link(value)
        except ValidationError as error:
            return JsonResponse({"value": error.messages}, status=400)
    return None


def _put_data(request) -> QueryDict:
    """The form data of a PUT (Django parses only POST's). Reading `request.body` keeps
    it for the view that reads it next."""
    body = request.body
    if request.content_type == "multipart/form-data":
        data, _files = request.parse_file_upload(request.META, BytesIO(body))
        return data
    return QueryDict(body, encoding=request.encoding)


@csrf_exempt  # as wagtail-localize's API view, which checks the CSRF token itself
def edit_override_for_editors(request, translation_id, overridable_segment_id):
    """wagtail-localize's override endpoint (the translation editor saves an overridden
    synchronised value there), refusing unsafe links and non-overridable fields."""
    if request.method == "PUT":
        translation = get_object_or_404(Translation, id=translation_id)
        segment = get_object_or_404(
            OverridableSegment.objects.select_related("context"), id=overridable_segment_id
        )
        if segment.context.object_id == translation.source.object_id and (
            localize.user_can_edit_instance(request.user, translation.get_target_instance())
        ):
            refusal = override_refusal(translation, segment, _put_data(request).get("value"))
            if refusal is not None:
                return refusal
    return localize.edit_override(
        request, translation_id=translation_id, overridable_segment_id=overridable_segment_id
    )


# -- The translations report ----------------------------------------------------------


def translations_visible_to(user, translations):
    """The translations whose source `user` may edit (a page) or change (a snippet): the
    report would otherwise list the titles of members-only and draft pages to anyone who
    may enter the admin."""
    if user.is_superuser:
        return translations
    editable_pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    visible = Q(source__object_id__in=editable_pages.values("translation_key"))
    for model in get_snippet_models():
        if user.has_perm(get_permission_name("change", model)):
            visible |= Q(
                source__specific_content_type__app_label=model._meta.app_label,
                source__specific_content_type__model=model._meta.model_name,
            )
    return translations.filter(visible)


class TranslationsReportForEditorsView(TranslationsReportView):
    def get_queryset(self):
        return translations_visible_to(self.request.user, super().get_queryset())


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
