"""Admin registration for the taxonomy snippets, and restrictions kept on copies."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import Network, Topic
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


@hooks.register("after_copy_page")
def keep_copies_and_aliases_restricted(request, page, new_page):
    """Copies and aliases of members-only pages stay members-only (home/restrictions.py)."""
    carry_view_restrictions(page, new_page, user=request.user)
