"""An embed finder that never leaves this machine.

Development and test machines have no route to YouTube or Vimeo, and tests must not
call outside services, so there the embed block renders a plain link to the media
instead of the provider's player. Production uses Wagtail's oEmbed finders.
"""

from urllib.parse import urlparse

from django.utils.html import format_html
from wagtail.embeds.finders.base import EmbedFinder


class LinkOnlyFinder(EmbedFinder):
    def accept(self, url):
        return urlparse(url).scheme in ("http", "https")

    def find_embed(self, url, max_width=None, max_height=None, **kwargs):
        host = urlparse(url).hostname or url
        return {
            "title": f"Media on {host}",
            "author_name": "",
            "provider_name": host,
            "type": "link",
            "thumbnail_url": None,
            "width": None,
            "height": None,
            "html": format_html('<a class="embed-link" href="{}">Watch on {}</a>', url, host),
        }
