"""Webinars in the content API (registered in webinars/wagtail_hooks.py).

`/api/v2/pages/?type=webinars.WebinarPage&status=upcoming&network=sparc` is "upcoming
SPARC webinars" in one request: the filters are the listing's (webinars.filters), and
a webinar's `status` and `is_upcoming` change with the clock, so its validators do too
(`webinar_time_state`).
"""

from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from content_api.sections import APISection
from content_api.vocabularies import TranslatableVocabularyEndpoint
from privacy.visibility import public_media_items, public_pages
from webinars.filters import WebinarFilters
from webinars.models import SESSION_END, Series, WebinarPage


class WebinarSeriesEndpoint(TranslatableVocabularyEndpoint):
    """`/api/v2/webinar-series/`: the runs of webinars, for a filter menu
    (`?type=webinars.WebinarPage&series=<slug>`), named in the language of `?locale=`
    like topics. One item per series: its translations share its slug."""

    name = "webinar-series"
    filter_parameter = "series"
    filter_type = "webinars.WebinarPage"
    term_model = Series
    openapi_component = "WebinarSeries"
    openapi_summary = "Runs of webinars. Filter with ?type=webinars.WebinarPage&series=<slug>."


def webinar_time_state():
    """How many public webinars have ended, when the last one did, and when the next one
    will: a webinar's `status` and `is_upcoming` change then, with no edit. (Members-only
    sessions are in no public response: their end changes none.)"""
    now = timezone.now()
    ended = Q(session_end__lte=now)
    row = (
        public_pages(WebinarPage.objects.all())
        .annotate(session_end=SESSION_END)
        .aggregate(
            count=Count("pk", filter=ended),
            last=Max("session_end", filter=ended),
            next=Min("session_end", filter=~ended),
        )
    )
    return row["count"], row["last"], row["next"]


def prepare_api_listing(pages, fields):
    """The webinars' related resources, speakers and slides, once for all of them. The
    API shows only pages anyone may open, so their slides are checked by collection
    alone (the slides are joined to the listing's query)."""
    WebinarPage.prepare_api_listing(pages, fields - {"slides"})
    if "slides" in fields:
        public = {slides.pk for slides in public_media_items(page.slides for page in pages)}
        for page in pages:
            page.__dict__["public_slides"] = page.slides if page.slides_id in public else None


def webinars_api_section() -> APISection:
    return APISection(
        name="webinars",
        filters=WebinarFilters,
        endpoints={"webinar-series": WebinarSeriesEndpoint},
        watched_models=[Series],
        time_states=[webinar_time_state],
        listing_prefetch={
            "series": ["webinar_series"],
            "related_resources": ["related_resource_links"],
            "slides": ["slides"],
        },
        prepare_listing=prepare_api_listing,
    )
