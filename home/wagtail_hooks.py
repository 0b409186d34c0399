"""The site-wide notice in the admin."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import SiteNotice


class SiteNoticeViewSet(SnippetViewSet):
    model = SiteNotice
    icon = "warning"
    menu_label = "Site notices"
    menu_order = 700
    add_to_admin_menu = True
    list_display = ["text", "locale"]


register_snippet(SiteNoticeViewSet)
