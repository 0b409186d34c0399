"""Topics and networks in the admin, under Taxonomy; the taxonomy in the content API."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from content_api.sections import API_SECTION_HOOK
from home.models import Network, Topic
from taxonomy.api import taxonomy_api_section


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


@hooks.register(API_SECTION_HOOK, order=0)
def taxonomy_in_the_api():
    return taxonomy_api_section()
