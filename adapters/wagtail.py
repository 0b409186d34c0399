"""Wagtail internals we rely on, written against wagtail 8.0.1.

Every function here reaches into something Wagtail does not document (a private
attribute, an undocumented module or behaviour), so an upgrade of Wagtail must run
adapters/tests first: each assumption has a test there that fails when it stops holding.
"""

from wagtail.blocks import StreamValue
from wagtail.models import Locale, ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.tasks import update_reference_index_task

# StreamField values ------------------------------------------------------------------


def unconverted_blocks(stream: StreamValue) -> list[tuple[int, dict]]:
    """StreamValue._raw_data and _bound_blocks: (index, stored block) of each block that is
    not yet converted to Python (its _bound_blocks entry is None)."""
    return [
        (index, raw)
        for index, raw in enumerate(stream._raw_data)
        if stream._bound_blocks[index] is None
    ]


def blocks_to_python(block, raw_values: list) -> list:
    """Block.bulk_to_python: the Python values of many stored values of one block type,
    with one query for all of them (what StreamValue._prefetch_blocks uses)."""
    return block.bulk_to_python(raw_values)


def set_converted_block(stream: StreamValue, index: int, block, value, block_id) -> None:
    """StreamValue._bound_blocks and StreamValue.StreamChild: store a block converted
    elsewhere, as StreamValue._prefetch_blocks does, so the stream does not convert it again."""
    stream._bound_blocks[index] = StreamValue.StreamChild(block, value, id=block_id)


# The API -----------------------------------------------------------------------------


def mark_filtered_by_tag(queryset) -> None:
    """QuerySet._filtered_by_tag: what wagtail.api.v2.filters.SearchFilter reads to refuse
    a search of a listing filtered by tag (Wagtail's FieldsFilter sets it; ours replaces it)."""
    queryset._filtered_by_tag = True


# The reference index -----------------------------------------------------------------


def reference_index_on_save() -> tuple:
    """wagtail.signal_handlers.update_reference_index_on_save, the `post_save` receiver that
    enqueues wagtail.tasks.update_reference_index_task(app_label, model_name, str(pk))."""
    return update_reference_index_on_save, update_reference_index_task


def reference_indexed_models() -> set:
    """ReferenceIndex.tracked_models: the models whose saves the reference index follows."""
    return set(ReferenceIndex.tracked_models)


# Locales -----------------------------------------------------------------------------


def memoise_locale_lookups(for_request) -> None:
    """LocaleManager.get_for_language, which Locale.get_active and get_default (and with
    them every `localized` of a page or term) call with a query each time: once per
    language per request through `for_request` (operations.memo), which asks again
    outside GET and HEAD requests. The same Locale instance for the whole request."""
    from wagtail.models.i18n import LocaleManager

    if getattr(LocaleManager.get_for_language, "memoised", False):
        return
    original = LocaleManager.get_for_language

    def get_for_language(self, language_code):
        if self.model is not Locale:
            return original(self, language_code)
        return for_request(("locale", language_code), lambda: original(self, language_code))

    get_for_language.memoised = True
    LocaleManager.get_for_language = get_for_language


# Sites -------------------------------------------------------------------------------


def memoise_site_lookups(memo) -> None:
    """wagtail.models.sites.get_site_for_hostname, which Site.find_for_request calls with
    a query on every request: through `memo(key, compute)` instead, keyed by host and
    port (Site._find_for_request looks the function up in its module at each call), with
    the site's root page already specific."""
    from wagtail.models import sites

    if getattr(sites.get_site_for_hostname, "memoised", False):
        return
    original = sites.get_site_for_hostname

    def find(hostname, port):
        site = original(hostname, port)
        # Its home page of its own type, as every request routes from it (Page.route_for_request
        # asks for `site.root_page.localized.specific`: a query each time otherwise).
        site.root_page = site.root_page.specific
        return site

    def get_site_for_hostname(hostname, port):
        return memo(("site", hostname, port), lambda: find(hostname, port))

    get_site_for_hostname.memoised = True
    sites.get_site_for_hostname = get_site_for_hostname


def memoise_site_root_paths(memo) -> None:
    """Site.get_site_root_paths, which Page.get_url_parts reads from the default cache for
    every page it links without a request (Wagtail keeps the answer on the request when it
    has one, on the page itself when not: the API's `html_url` of each listed page is one
    cache read otherwise): through `memo(key, compute)` instead."""
    from wagtail.models import Site

    original = Site.__dict__["get_site_root_paths"].__func__
    if getattr(original, "memoised", False):
        return

    def get_site_root_paths():
        return memo("site-root-paths", original)

    get_site_root_paths.memoised = True
    Site.get_site_root_paths = staticmethod(get_site_root_paths)
