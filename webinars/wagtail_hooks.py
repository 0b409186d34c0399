"""Admin registration for webinar series."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from webinars.models import Series


class SeriesViewSet(SnippetViewSet):
    model = Series
    icon = "date"
    menu_label = "Webinar series"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    add_to_admin_menu = False


register_snippet(SeriesViewSet)
