"""The rendered site's own dependencies, declared to the content version.

A stored page is fresh as long as the content version has not changed
(response_cache.keys). Pages, images, documents, restrictions, sites, locales and the
sections' vocabularies already change it (content_api.caching, content_api.sections);
the rendered pages also show the site notices (every page), answer old URLs with
redirects and put editors' picks first in search, so their changes change the version
too, declared through the contract the sections use. (The site settings are watched in
response_cache.signals: Wagtail creates their row when a page first reads it.)
"""

from wagtail import hooks
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import SearchPromotion

from content_api.sections import API_SECTION_HOOK, APISection
from home.models import SiteNotice


@hooks.register(API_SECTION_HOOK, order=100)
def rendered_site_dependencies():
    return APISection(name="rendered-site", watched_models=[SiteNotice, Redirect, SearchPromotion])
