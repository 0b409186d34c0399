"""Listing filters, declared once per listing and shared by its rendered page and the API.

A listing declares a `FilterState`: the filters it takes, each of which reads its query
parameter (comma-separated values are alternatives), says what is wrong with a bad value
(one message, the same on the page and in the API's 400), narrows a queryset, counts its
facet and writes itself back into a query string. Different filters must all match:
`?topic=child-health,child-nutrition&state=OH` is (child health OR child nutrition) AND
Ohio. Topic, network and series values are slugs (the same in every language), states
USPS codes.

    class WebinarFilters(FilterState):
        model = "webinars.WebinarPage"
        filters = (*TAXONOMY, SeriesFilter(), StatusFilter(), ...)

    state = WebinarFilters.from_params(request.GET)   # FilterErrors if a value is bad
    webinars = state.apply(index.webinars())
    state.query_string()                              # "?series=peer-exchange&topic=…"

docs/architecture.md says how a section adds one.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from types import MappingProxyType
from typing import Any, ClassVar

from django import forms
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from home.models import TaxonomyMixin
from languages.terms import choices_in_language

MAX_VALUES = 20
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,99}$")
_STATE = re.compile(r"^[A-Za-z]{2}$")
_YEAR = re.compile(r"^\d{4}$")


class FilterError(ValueError):
    """A value that cannot be used; `param` names the query parameter."""

    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message

    @property
    def named_message(self) -> str:
        """The message, naming its parameter (`starts_after: '…' is not an ISO date`),
        for a page that shows it alone."""
        return self.message if self.param in self.message else f"{self.param}: {self.message}"


class FilterErrors(ValueError):
    """Every bad value of a query string: a page lists them all, the API names the first."""

    def __init__(self, errors: list[FilterError]):
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors

    @property
    def first(self) -> FilterError:
        return self.errors[0]


@dataclass(frozen=True)
class Option:
    """One value of a filter, for a form: a select's option or a checkbox."""

    value: str
    label: str
    selected: bool
    count: int | None = None


class Filter:
    """One query parameter of a listing. `lookup` is the ORM path its values match
    (`topics__slug`); a page model may map the parameter to another one in its
    `taxonomy_filters` (a member's single `home_state`)."""

    many = True  # comma-separated alternatives
    schema: ClassVar[dict] = {"type": "string"}

    def __init__(self, name, *, lookup="", label="", all_label="", description=""):
        self.name = name
        self.lookup = lookup
        self.label = label
        self.all_label = all_label
        self.description = description  # for the API's OpenAPI document

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"

    # Reading

    def raw_values(self, params) -> list[str]:
        raw = params.getlist(self.name) if hasattr(params, "getlist") else [params.get(self.name)]
        # A comma separates alternatives; a single value keeps its commas (an ISO time
        # may have one: 10:00:00,5).
        values = [item.split(",") if self.many else [item] for item in raw if item]
        return [value.strip() for parts in values for value in parts if value.strip()]

    def parse(self, params):
        """The value asked for (None when not asked); raises FilterError."""
        values = self.raw_values(params)
        if not values:
            return None
        if not self.many and len(values) > 1:
            raise FilterError(self.name, _("give one value"))
        if len(values) > MAX_VALUES:
            raise FilterError(
                self.name, _("at most %(count)s values are allowed") % {"count": MAX_VALUES}
            )
        values = list(dict.fromkeys(self.clean(value) for value in values))
        return values if self.many else values[0]

    def clean(self, value: str):
        return value

    # Using

    def lookup_for(self, model) -> str | None:
        """The lookup on `model`, or None when the model has no such field (a standard
        page filtered by topic finds nothing). A filed type may map a taxonomy filter to
        another field (TaxonomyMixin.taxonomy_filters: a member's single state)."""
        lookup = self.lookup
        if issubclass(model, TaxonomyMixin):
            lookup = model.taxonomy_filters.get(self.name, lookup)
        try:
            model._meta.get_field(lookup.split("__")[0])
        except FieldDoesNotExist:
            return None
        return lookup

    def narrow(self, queryset, value):
        lookup = self.lookup_for(queryset.model)
        if lookup is None:
            return queryset.none()
        # A subquery: alternatives of a many-to-many give each page once.
        matching = queryset.model.objects.filter(**{f"{lookup}__in": value})
        return queryset.filter(pk__in=matching.values("pk"))

    def counts(self, queryset) -> dict[str, int]:
        """{value: number of pages of `queryset` with it}."""
        lookup = self.lookup_for(queryset.model)
        if lookup is None:
            return {}
        rows = queryset.order_by().values(lookup).annotate(n=Count("pk", distinct=True))
        return {str(row[lookup]): row["n"] for row in rows if row[lookup] is not None}

    def encode(self, value) -> str:
        return ",".join(str(item) for item in value) if self.many else str(value)

    def choices(self, counts=None) -> list[tuple[str, str]]:
        """(value, label) of every value, for a form; for a free-form filter, the values
        in `counts` (or none)."""
        return []


class TermFilter(Filter):
    """Slugs of a vocabulary (topics, networks, webinar series), known ones only."""

    pattern = _SLUG

    def __init__(self, name, model: str, **kwargs):
        super().__init__(name, **kwargs)
        self.model = model

    @property
    def term_model(self):
        return apps.get_model(self.model)

    def clean(self, value):
        if not self.pattern.match(value):
            raise FilterError(
                self.name,
                _("%(value)s is not a valid %(param)s")
                % {"value": repr(value[:100]), "param": self.name},
            )
        return self.normalise(value)

    @staticmethod
    def normalise(value):
        return value.lower()

    def parse(self, params):
        values = super().parse(params)
        if values:
            known = self.known(values)
            unknown = [value for value in values if value not in known]
            if unknown:
                raise FilterError(
                    self.name,
                    _("unknown %(param)s: %(values)s")
                    % {"param": self.name, "values": ", ".join(unknown)},
                )
        return values

    def known(self, values) -> set[str]:
        return set(self.term_model.objects.filter(slug__in=values).values_list("slug", flat=True))

    def choices(self, counts=None):
        return choices_in_language(self.term_model)


class StateFilter(TermFilter):
    """USPS codes of states, DC and territories."""

    pattern = _STATE

    def __init__(self, **kwargs):
        super().__init__("state", "home.State", lookup="states__code", **kwargs)

    @staticmethod
    def normalise(value):
        return value.upper()

    def known(self, values):
        return set(self.term_model.objects.filter(code__in=values).values_list("code", flat=True))

    def choices(self, counts=None):
        states = self.term_model.all_in_name_order()
        return [(state.code, state.localized_name) for state in states]


class ChoiceFilter(Filter):
    """One of a fixed set of values (a resource type, a webinar's status)."""

    def __init__(self, name, choices, **kwargs):
        super().__init__(name, **kwargs)
        self._choices = choices  # [(value, label)], or a callable giving them

    def choices(self, counts=None):
        choices = self._choices() if callable(self._choices) else self._choices
        return [(value, str(label)) for value, label in choices]

    @property
    def schema(self):
        values = [value for value, _label in self.choices()]
        return {"type": "string", "enum": values} if not self.many else {"type": "string"}

    def clean(self, value):
        return value.lower()[:40]

    def parse(self, params):
        value = super().parse(params)
        asked = [] if value is None else value if self.many else [value]
        known = [choice for choice, _label in self.choices()]
        unknown = [item for item in asked if item not in known]
        if unknown:
            raise FilterError(
                self.name,
                _("unknown %(param)s: %(values)s (one of %(choices)s)")
                % {"param": self.name, "values": ", ".join(unknown), "choices": ", ".join(known)},
            )
        return value


class DateFilter(Filter):
    """A date (YYYY-MM-DD), or with `moments` a date and time: on or after it
    (`bound="after"`), or before it (`bound="before"`: on or before a date when
    `inclusive`, else strictly before)."""

    many = False

    def __init__(self, name, *, bound, moments=False, inclusive=True, **kwargs):
        super().__init__(name, **kwargs)
        self.bound = bound
        self.moments = moments
        self.inclusive = inclusive

    @property
    def schema(self):
        return {"type": "string"} if self.moments else {"type": "string", "format": "date"}

    def clean(self, value):
        try:
            if len(value) > 40:
                raise ValueError(value)
            if not self.moments:
                return date.fromisoformat(value)
            moment = datetime.fromisoformat(value)
            if len(value) == 10:  # a day: from its midnight, in the site's time zone
                moment = datetime.combine(moment.date(), time.min)
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            moment.astimezone(timezone.get_fixed_timezone(0))  # in range in UTC too
            return moment
        except (ValueError, OverflowError) as error:
            message = (
                _("%(value)s is not an ISO date (YYYY-MM-DD) or date and time")
                if self.moments
                else _("%(value)s is not a date (use YYYY-MM-DD)")
            )
            raise FilterError(self.name, message % {"value": repr(value[:40])}) from error

    def narrow(self, queryset, value):
        lookup = self.lookup_for(queryset.model)
        if lookup is None:
            return queryset.none()
        if self.bound == "after":
            return queryset.filter(**{f"{lookup}__gte": value})
        return queryset.filter(**{f"{lookup}__{'lte' if self.inclusive else 'lt'}": value})

    def encode(self, value):
        return value.isoformat()


class YearFilter(Filter):
    """Years of a date field (`?year=2024,2025`)."""

    def clean(self, value):
        if not _YEAR.match(value):
            raise FilterError(self.name, _("a year is four digits, such as 2025"))
        return int(value)

    def narrow(self, queryset, value):
        return queryset.filter(**{f"{self.lookup}__year__in": value})

    def choices(self, counts=None):
        return [(year, year) for year in sorted(counts or (), reverse=True)]

    def counts(self, queryset):
        rows = (
            queryset.order_by()
            .annotate(year=ExtractYear(self.lookup))
            .values("year")
            .annotate(n=Count("pk", distinct=True))
        )
        return {str(row["year"]): row["n"] for row in rows}


# The filters every filed page type takes.
TOPIC = TermFilter(
    "topic",
    "home.Topic",
    lookup="topics__slug",
    label=gettext_lazy("Topic"),
    all_label=gettext_lazy("All topics"),
    description="Topic slug(s), comma-separated: any of them (see /topics/).",
)
NETWORK = TermFilter(
    "network",
    "home.Network",
    lookup="networks__slug",
    label=gettext_lazy("Network"),
    all_label=gettext_lazy("All networks"),
    description="Network slug(s), comma-separated (see /networks/).",
)
STATE = StateFilter(
    label=gettext_lazy("State"),
    all_label=gettext_lazy("All states"),
    description="USPS code(s), comma-separated, e.g. `OH,AZ` (see /states/).",
)
TAXONOMY = (TOPIC, NETWORK, STATE)


class FilterState:
    """What a visitor (or a partner site) asked a listing for, validated. Immutable:
    `without()` and the like give a new state."""

    filters: ClassVar[tuple[Filter, ...]] = TAXONOMY
    # The page type this state filters ("app_label.Model"); None: any page type filed
    # under the taxonomy.
    model: ClassVar[str | None] = None

    def __init__(self, selected: dict | None = None):
        self.selected = MappingProxyType(dict(selected or {}))

    def __repr__(self):
        return f"<{type(self).__name__} {dict(self.selected)}>"

    def __eq__(self, other):
        return type(other) is type(self) and other.selected == self.selected

    def __bool__(self):
        return bool(self.selected)

    def __contains__(self, name):
        return name in self.selected

    def get(self, name, default=None) -> Any:
        return self.selected.get(name, default)

    @classmethod
    def parameters(cls) -> frozenset[str]:
        """Every query parameter this state reads."""
        return frozenset(each.name for each in cls.filters)

    @classmethod
    def filter_named(cls, name) -> Filter:
        return next(f for f in cls.filters if f.name == name)

    @classmethod
    def page_model(cls):
        return apps.get_model(cls.model) if cls.model else None

    @classmethod
    def from_params(cls, params, filters=None) -> "FilterState":
        """The state of a query dict, with every filter (or those in `filters`) read.
        Raises FilterErrors naming each bad parameter."""
        selected, errors = {}, []
        for each in filters or cls.filters:
            try:
                value = each.parse(params)
            except FilterError as error:
                errors.append(error)
                continue
            if value is not None:
                selected[each.name] = value
        errors = errors or cls.check(selected)
        if errors:
            raise FilterErrors(errors)
        return cls(selected)

    @classmethod
    def check(cls, selected: dict) -> list[FilterError]:
        """Errors of values that are fine alone but not together (a range backwards)."""
        return []

    def without(self, *names) -> "FilterState":
        return type(self)({k: v for k, v in self.selected.items() if k not in names})

    # Querysets

    def apply(self, queryset):
        """`queryset` narrowed by every selected filter. A generic page queryset keeps
        the pages of this state's page type (of every filed type, for the taxonomy)."""
        if not self.selected:
            return queryset
        model, own = queryset.model, self.page_model()
        if own is not None and model is Page:
            return queryset.filter(pk__in=self.apply(own.objects.all()).values("pk"))
        if own is None and model is Page:
            matching = Q(pk__in=[])
            for filed in taxonomy_page_models():
                matching |= Q(pk__in=self.apply(filed.objects.all()).values("pk"))
            return queryset.filter(matching)
        for each in self.filters:
            if each.name in self.selected:
                queryset = each.narrow(queryset, self.selected[each.name])
        return queryset

    def facet_counts(self, queryset, name) -> dict[str, int]:
        """How many pages of `queryset` each value of filter `name` would give, with
        every other filter applied: the count beside a facet's checkbox."""
        return self.filter_named(name).counts(self.without(name).apply(queryset))

    # For pages

    def options(self, name, counts: dict | None = None) -> list[Option]:
        """The values of filter `name` for a form; with `counts`, only those that would
        find something, and the selected ones."""
        chosen = self.get(name) or []
        chosen = [str(value) for value in (chosen if isinstance(chosen, list) else [chosen])]
        choices = self.filter_named(name).choices(counts)
        choices += [(value, value) for value in chosen if value not in dict(choices)]
        options = [
            Option(value, label, value in chosen, None if counts is None else counts.get(value, 0))
            for value, label in choices
        ]
        if counts is not None:
            options = [option for option in options if option.count or option.selected]
        return options

    @classmethod
    def form(cls, data=None, names=None) -> forms.Form:
        """The no-JavaScript form of the filters in `names` (in that order): a select
        each, "All …" first."""
        fields = {}
        for name in names or [each.name for each in cls.filters if each.choices()]:
            each = cls.filter_named(name)
            fields[name] = forms.ChoiceField(
                label=each.label, required=False, choices=[("", each.all_label), *each.choices()]
            )
        return type(f"{cls.__name__}Form", (forms.Form,), fields)(data)

    def to_querydict(self) -> QueryDict:
        query = QueryDict(mutable=True)
        for each in self.filters:
            if each.name in self.selected:
                query[each.name] = each.encode(self.selected[each.name])
        return query

    def query_string(self) -> str:
        """`?topic=a,b&series=c` for the selected filters, or ""."""
        query = self.to_querydict()
        return f"?{query.urlencode()}" if query else ""


class TaxonomyFilters(FilterState):
    """Topic, network and state: every filed page type, every listing."""


def taxonomy_page_models() -> list[type[Page]]:
    """The page types filed under topics, networks and states."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and issubclass(model, TaxonomyMixin)
    ]
