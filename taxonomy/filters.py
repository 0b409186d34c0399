"""Taxonomy filters shared by every listing page and the API.

`?topic=child-health,child-nutrition&state=OH` means: (child health OR child
nutrition) AND Ohio. Values are slugs (topics, networks) or USPS codes (states).
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.models import Network, State, TaxonomyMixin, Topic

MAX_VALUES_PER_FACET = 20
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,99}$")
_STATE = re.compile(r"^[A-Za-z]{2}$")


class TaxonomyFilterError(ValueError):
    """A filter value that cannot be used; `param` names the query parameter."""

    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


@dataclass(frozen=True)
class Facet:
    param: str
    pattern: re.Pattern
    known_values: callable  # () -> set of valid values
    normalise: callable = str.lower


FACETS = {
    "topic": Facet(
        "topic", _SLUG, lambda: set(Topic.objects.values_list("slug", flat=True).distinct())
    ),
    "network": Facet(
        "network", _SLUG, lambda: set(Network.objects.values_list("slug", flat=True).distinct())
    ),
    "state": Facet(
        "state",
        _STATE,
        lambda: set(State.objects.values_list("code", flat=True)),
        normalise=str.upper,
    ),
}


def parse_taxonomy_params(params) -> dict[str, list[str]]:
    """The taxonomy filters asked for in a query dict, validated.

    Raises TaxonomyFilterError naming the parameter when a value is malformed or unknown.
    """
    selected = {}
    for name, facet in FACETS.items():
        raw_values = params.getlist(name) if hasattr(params, "getlist") else [params.get(name)]
        values = [
            value.strip() for raw in raw_values if raw for value in raw.split(",") if value.strip()
        ]
        if not values:
            continue
        if len(values) > MAX_VALUES_PER_FACET:
            raise TaxonomyFilterError(
                name, _("at most %(count)s values are allowed") % {"count": MAX_VALUES_PER_FACET}
            )
        for value in values:
            if not facet.pattern.match(value):
                raise TaxonomyFilterError(
                    name,
                    _("%(value)s is not a valid %(param)s")
                    % {"value": repr(value[:100]), "param": name},
                )
        values = [facet.normalise(value) for value in values]
        unknown = sorted(set(values) - facet.known_values())
        if unknown:
            raise TaxonomyFilterError(
                name,
                _("unknown %(param)s: %(values)s") % {"param": name, "values": ", ".join(unknown)},
            )
        selected[name] = list(dict.fromkeys(values))
    return selected


def taxonomy_page_models() -> list[type[Page]]:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and issubclass(model, TaxonomyMixin)
    ]


def _filter_model(queryset, model, selected):
    # One subquery per facet: AND across facets, OR within one, and no duplicate rows.
    for name, values in selected.items():
        lookup = model.taxonomy_filters.get(name)
        if lookup is None:
            return queryset.none()
        queryset = queryset.filter(
            pk__in=model.objects.filter(**{f"{lookup}__in": values}).values("pk")
        )
    return queryset


def filter_by_taxonomy(queryset, selected: dict[str, list[str]]):
    """Narrow a page queryset to the selected topics, networks and states.

    A queryset of one filed page type is filtered directly; a generic Page queryset
    keeps the pages of every filed type that match (other types have no filing, so
    they drop out).
    """
    if not selected:
        return queryset
    model = queryset.model
    if issubclass(model, TaxonomyMixin):
        return _filter_model(queryset, model, selected)
    matching = Q(pk__in=[])
    for page_model in taxonomy_page_models():
        ids = _filter_model(page_model.objects.all(), page_model, selected).values("pk")
        matching |= Q(pk__in=ids)
    return queryset.filter(matching)
