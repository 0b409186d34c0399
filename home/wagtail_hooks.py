"""Admin registration for the taxonomy snippets, restrictions kept on copies, and who
may submit pages for translation (and sees the buttons for it)."""

from django.urls import path
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.admin.widgets.button import BaseDropdownMenuButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home import localize
from home.models import Network, SiteNotice, Topic
from home.restrictions import carry_view_restrictions


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class NetworkViewSet(SnippetViewSet):
    model = Network
    icon = "group"
    menu_label = "Networks"
    list_display = ["name", "short_name", "slug"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, NetworkViewSet)
    menu_icon = "tag"
    menu_label = "Taxonomy"
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)


class SiteNoticeViewSet(SnippetViewSet):
    model = SiteNotice
    icon = "warning"
    menu_label = "Site notices"
    menu_order = 700
    add_to_admin_menu = True
    list_display = ["text", "locale"]


register_snippet(SiteNoticeViewSet)


@hooks.register("after_copy_page")
def keep_copies_and_aliases_restricted(request, page, new_page):
    """Copies and aliases of members-only pages stay members-only (home/restrictions.py)."""
    carry_view_restrictions(page, new_page, user=request.user)


@hooks.register("register_admin_urls")
def translate_only_what_you_may_edit():
    """wagtail-localize's submit and sync views, for people who may edit the page or
    snippet (home/localize.py). Our hooks load before wagtail-localize's (home comes
    first in INSTALLED_APPS), so these paths answer before its own."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            localize.SubmitPageTranslationForEditorsView.as_view(),
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            localize.SubmitSnippetTranslationForEditorsView.as_view(),
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            localize.UpdateTranslationsForEditorsView.as_view(),
        ),
    ]


# -- Translation buttons only for people who may use them (home/localize.py) -----------


@hooks.register("construct_page_listing_buttons")
def translation_buttons_in_page_listings(buttons, page, user, context=None):
    """The explorer's rows: wagtail-localize's buttons sit in each row's "More" menu."""
    for button in list(buttons):
        if isinstance(button, BaseDropdownMenuButton):
            localize.remove_refused_translation_buttons(button.dropdown_buttons, user, page)
            if not button.dropdown_buttons:
                buttons.remove(button)  # nothing left to open
    localize.remove_refused_translation_buttons(buttons, user, page)


@hooks.register("construct_snippet_listing_buttons")
def translation_buttons_in_snippet_listings(buttons, snippet, user):
    localize.remove_refused_translation_buttons(buttons, user, snippet)


class TranslationButtonsForEditorsMixin:
    """For a page admin view: its header "More" menu offers wagtail-localize's buttons
    only to people who may use them (`translated_page` names the page it is about).

    Wagtail 8 has no construct_* hook for page header buttons (wagtail/wagtail#10637),
    so the filter goes in the views, through the PageViewSet Wagtail documents for
    customising the page explorer.
    """

    @property
    def translated_page(self):
        raise NotImplementedError

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        localize.remove_refused_translation_buttons(
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
