"""Filters of the webinars listing, calendar feed and API.

Topic, network and state come from `taxonomy.filters` (the same on every listing);
this adds what only webinars have: the series, whether a session is upcoming or
past, and a range of start dates. A bad value raises `WebinarFilterError`, a
`TaxonomyFilterError` that names the parameter, so callers catch one exception.
"""

import re
from datetime import date, datetime, time

from django import forms
from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.models import Network, State, Topic
from languages.terms import choices_in_language
from taxonomy.filters import (
    FACETS,
    MAX_VALUES_PER_FACET,
    TaxonomyFilterError,
    filter_by_taxonomy,
    parse_taxonomy_params,
)

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,99}$")
STATUSES = ("upcoming", "past")
# The query parameters only webinars understand (the API backend declares these).
WEBINAR_PARAMETERS = frozenset({"series", "status", "starts_after", "starts_before"})


class WebinarFilterError(TaxonomyFilterError):
    pass


def _series_model():
    return apps.get_model("webinars", "Series")


def _values(params, name) -> list[str]:
    raw_values = params.getlist(name) if hasattr(params, "getlist") else [params.get(name)]
    return [value.strip() for raw in raw_values if raw for value in raw.split(",") if value.strip()]


def parse_series(params) -> list[str]:
    """`?series=peer-exchange,sparc`: any of these series. Unknown slugs are an error."""
    values = _values(params, "series")
    if len(values) > MAX_VALUES_PER_FACET:
        raise WebinarFilterError(
            "series", _("at most %(count)s values are allowed") % {"count": MAX_VALUES_PER_FACET}
        )
    for value in values:
        if not _SLUG.match(value):
            raise WebinarFilterError(
                "series",
                _("%(value)s is not a valid %(param)s")
                % {"value": repr(value[:100]), "param": "series"},
            )
    values = list(dict.fromkeys(value.lower() for value in values))
    known = set(_series_model().objects.filter(slug__in=values).values_list("slug", flat=True))
    unknown = [value for value in values if value not in known]
    if unknown:
        raise WebinarFilterError(
            "series",
            _("unknown %(param)s: %(values)s") % {"param": "series", "values": ", ".join(unknown)},
        )
    return values


def parse_listing_params(params) -> dict[str, list[str]]:
    """Topic, network, state and series, as the listing and the calendar feed take them."""
    selected = parse_taxonomy_params(params)
    series = parse_series(params)
    if series:
        selected["series"] = series
    return selected


def parse_status(params) -> str | None:
    value = (params.get("status") or "").strip().lower()
    if not value:
        return None
    if value not in STATUSES:
        raise WebinarFilterError(
            "status", _("%(value)s is not 'upcoming' or 'past'") % {"value": repr(value[:40])}
        )
    return value


def parse_moment(params, name) -> datetime | None:
    """An ISO 8601 date (YYYY-MM-DD, midnight US Eastern) or date and time.

    A time without an offset is taken as site time (US Eastern), like the admin.
    """
    value = (params.get(name) or "").strip()
    if not value:
        return None
    message = _("%(value)s is not an ISO date (YYYY-MM-DD) or date and time") % {
        "value": repr(value[:40])
    }
    if len(value) > 40:
        raise WebinarFilterError(name, message)
    try:
        if len(value) == 10:
            moment = datetime.combine(date.fromisoformat(value), time.min)
        else:
            moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise WebinarFilterError(name, message) from error
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def parse_api_params(params) -> dict:
    """The webinar-only API filters: series, status, starts_after, starts_before."""
    selected = {}
    if series := parse_series(params):
        selected["series"] = series
    if status := parse_status(params):
        selected["status"] = status
    starts_after = parse_moment(params, "starts_after")
    starts_before = parse_moment(params, "starts_before")
    if starts_after and starts_before and starts_before <= starts_after:
        raise WebinarFilterError("starts_before", _("must be later than starts_after"))
    if starts_after:
        selected["starts_after"] = starts_after
    if starts_before:
        selected["starts_before"] = starts_before
    return selected


def filter_webinars(queryset, selected: dict):
    """Narrow a webinar queryset by the filters of `parse_listing_params` or
    `parse_api_params`: AND across filters, OR within one."""
    facets = {name: values for name, values in selected.items() if name in FACETS}
    queryset = filter_by_taxonomy(queryset, facets)
    if series := selected.get("series"):
        queryset = queryset.filter(webinar_series__slug__in=series)
    if status := selected.get("status"):
        queryset = queryset.upcoming() if status == "upcoming" else queryset.past()
    if starts_after := selected.get("starts_after"):
        queryset = queryset.filter(starts_at__gte=starts_after)
    if starts_before := selected.get("starts_before"):
        queryset = queryset.filter(starts_at__lt=starts_before)
    return queryset


class WebinarFilterForm(forms.Form):
    """The listing's filter form: plain selects in a GET form, no JavaScript."""

    topic = forms.ChoiceField(label=gettext_lazy("Topic"), required=False)
    network = forms.ChoiceField(label=gettext_lazy("Network"), required=False)
    series = forms.ChoiceField(label=gettext_lazy("Series"), required=False)
    state = forms.ChoiceField(label=gettext_lazy("State"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = {
            "topic": choices_in_language(Topic),
            "network": choices_in_language(Network),
            "series": choices_in_language(_series_model()),
            "state": [(s.code, s.localized_name) for s in State.in_name_order(State.objects.all())],
        }
        # "All topics" rather than "All": in Spanish the word agrees with the noun.
        everything = {
            "topic": _("All topics"),
            "network": _("All networks"),
            "series": _("All series"),
            "state": _("All states"),
        }
        for name, rows in choices.items():
            self.fields[name].choices = [("", everything[name])] + list(rows)
