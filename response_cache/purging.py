"""CDN purges on publish: the page's listing, besides what Wagtail and the API purge.

With a frontend cache configured (`WAGTAILFRONTENDCACHE`), Wagtail's frontend_cache app
purges a page's own URLs when it is published or unpublished, and the content API purges
its URLs once per transaction (`CONTENT_API_PURGE_PATHS`, with
`WAGTAILAPI_USE_FRONTENDCACHE`: content_api.caching). The listing a page appears in, its
parent (the library, the webinars, the member directory), changes too: it is purged here,
once the transaction has committed, so that a CDN fetching it again gets the new
content. Other pages that show it (the home page, a campaign's related content, search)
keep their copy until their `s-maxage` (RESPONSE_CACHE_S_MAXAGE) runs out.
"""

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache
from wagtail.signals import page_published, page_unpublished


def purge_listing(instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    parent = instance.get_parent()
    if parent is None or parent.is_root():
        return
    transaction.on_commit(lambda: _purge(parent))


def _purge(page):
    purge_page_from_cache(page.specific_deferred)


def connect_signals() -> None:
    page_published.connect(purge_listing, dispatch_uid="response-cache-purge-published")
    page_unpublished.connect(purge_listing, dispatch_uid="response-cache-purge-unpublished")
