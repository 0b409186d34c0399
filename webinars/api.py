"""Content API filters for webinars (registered in content_api/router.py PAGE_FILTER_BACKENDS).

`/api/v2/pages/?type=webinars.WebinarPage&status=upcoming&network=sparc` is
"upcoming SPARC webinars" in one request. The filters:

- `status=upcoming|past`: upcoming until the session ends; upcoming sessions come
  soonest first and past ones newest first unless `order` says otherwise;
- `starts_after=YYYY-MM-DD` (on or after that day, US Eastern) and
  `starts_before=YYYY-MM-DD` (before that day); a full ISO date and time also works;
- `series=peer-exchange,sparc`: any of these series.

Without `type`, they narrow the pages to webinars. Any bad value is a 400 that names
the parameter.
"""

from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from content_api.vocabularies import TranslatableVocabularyEndpoint
from webinars.filters import (
    WEBINAR_PARAMETERS,
    WebinarFilterError,
    filter_webinars,
    parse_api_params,
)
from webinars.models import SESSION_END, Series, WebinarPage


class WebinarFilter(BaseFilterBackend):
    query_parameters = WEBINAR_PARAMETERS

    def filter_queryset(self, request, queryset, view):
        if not WEBINAR_PARAMETERS.intersection(request.GET):
            return queryset
        try:
            selected = parse_api_params(request.GET)
        except WebinarFilterError as error:
            raise BadRequestError(str(error)) from error
        if not selected:
            return queryset

        model = queryset.model
        if issubclass(model, WebinarPage):
            queryset = filter_webinars(queryset, selected)
            if "status" in selected and "order" not in request.GET:
                queryset = queryset.order_by(
                    "starts_at" if selected["status"] == "upcoming" else "-starts_at", "pk"
                )
            return queryset
        if model is Page:
            return queryset.filter(
                pk__in=filter_webinars(WebinarPage.objects.all(), selected).values("pk")
            )
        name = sorted(WEBINAR_PARAMETERS.intersection(request.GET))[0]
        raise BadRequestError(f"{name}: only webinars can be filtered by {name}")


class WebinarSeriesAPIEndpoint(TranslatableVocabularyEndpoint):
    """`/api/v2/webinar-series/`: the runs of webinars, for a filter menu
    (`?type=webinars.WebinarPage&series=<slug>`), named in the language of `?locale=`
    like topics. One item per series: its translations share its slug."""

    name = "webinar-series"
    filter_parameter = "series"
    filter_type = "webinars.WebinarPage"
    term_model = Series


def webinar_time_state():
    """How many live webinars have ended, when the last one did, and when the next one
    will: a webinar's `status` and `is_upcoming` change then, with no edit (see
    content_api.caching)."""
    now = timezone.now()
    ended = Q(session_end__lte=now)
    row = (
        WebinarPage.objects.live()
        .annotate(session_end=SESSION_END)
        .aggregate(
            count=Count("pk", filter=ended),
            last=Max("session_end", filter=ended),
            next=Min("session_end", filter=~ended),
        )
    )
    return row["count"], row["last"], row["next"]
