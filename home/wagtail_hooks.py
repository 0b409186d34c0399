"""Admin registration for the taxonomy snippets, restrictions kept on copies, and who
may submit pages for translation."""

from django.urls import path
from wagtail import hooks
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
