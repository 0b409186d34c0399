"""Who may submit, sync, publish and override translations, and sees the buttons for it
(languages/permissions.py): wagtail-localize's views replaced, its buttons filtered."""

from django.urls import path
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.admin.widgets.button import BaseDropdownMenuButton

from languages import permissions


@hooks.register("register_admin_urls")
def translate_only_what_you_may_edit():
    """wagtail-localize's submit and sync views, for people who may edit the page or
    snippet (languages/permissions.py). Our hooks load before wagtail-localize's (languages comes
    before wagtail_localize in INSTALLED_APPS), so these paths answer before its own; a
    start-up check (adapters/checks.py) fails if they no longer do."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            permissions.SubmitPageTranslationForEditorsView.as_view(),
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            permissions.SubmitSnippetTranslationForEditorsView.as_view(),
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            permissions.UpdateTranslationsForEditorsView.as_view(),
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            permissions.edit_override_for_editors,
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            permissions.convert_to_alias_for_publishers,
        ),
        path(
            "localize/reports/translations/",
            permissions.TranslationsReportForEditorsView.as_view(),
        ),
        path(
            "localize/reports/translations/results/",
            permissions.TranslationsReportForEditorsView.as_view(results_only=True),
        ),
    ]


@hooks.register("construct_page_action_menu")
def convert_to_alias_only_for_publishers(menu_items, request, context):
    """wagtail-localize's "Convert to alias page" (languages/permissions.py) is offered
    only to people who may publish the page."""
    page = context.get("page")
    if page is None or page.pk is None or page.permissions_for_user(request.user).can_publish():
        return
    menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


# -- Translation buttons only for people who may use them (languages/permissions.py) -----------


@hooks.register("construct_page_listing_buttons")
def translation_buttons_in_page_listings(buttons, page, user, context=None):
    """The explorer's rows: wagtail-localize's buttons sit in each row's "More" menu."""
    for button in list(buttons):
        if isinstance(button, BaseDropdownMenuButton):
            permissions.remove_refused_translation_buttons(button.dropdown_buttons, user, page)
            if not button.dropdown_buttons:
                buttons.remove(button)  # nothing left to open
    permissions.remove_refused_translation_buttons(buttons, user, page)


@hooks.register("construct_snippet_listing_buttons")
def translation_buttons_in_snippet_listings(buttons, snippet, user):
    permissions.remove_refused_translation_buttons(buttons, user, snippet)


class TranslationButtonsForEditorsMixin:
    """For a page admin view: its header "More" menu offers wagtail-localize's buttons
    only to people who may use them (`translated_page` names the page it is about).

    Wagtail 8 has no construct_* hook for page header buttons (wagtail/wagtail#10637),
    so the filter goes in the views, through the PageViewSet Wagtail documents for
    customising the page explorer. `header_more_buttons` itself is not documented: that it
    is a cached_property giving a list is checked in adapters/tests.
    """

    @property
    def translated_page(self):
        raise NotImplementedError

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        permissions.remove_refused_translation_buttons(
            buttons, self.request.user, self.translated_page
        )
        return buttons


class ExplorerForEditorsIndexView(TranslationButtonsForEditorsMixin, ExplorableIndexView):
    """The explorer, for the page being explored."""

    @property
    def translated_page(self):
        return self.parent_page


class EditForEditorsView(TranslationButtonsForEditorsMixin, EditView):
    """The page editor. Only someone who may edit the page opens it, but on an alias
    wagtail-localize's "Translate" button submits the alias's original, which they may
    not be allowed to edit."""

    @property
    def translated_page(self):
        return self.page


class EditorsTranslatePageViewSet(PageViewSet):
    """The views for every page type (registered for `Page`, it replaces Wagtail's
    default). A PageViewSet for a particular page type must extend this one, or its
    explorer shows the translation buttons to everyone again."""

    index_view_class = ExplorerForEditorsIndexView
    edit_view_class = EditForEditorsView


@hooks.register("register_admin_viewset")
def register_page_viewset():
    return EditorsTranslatePageViewSet()
