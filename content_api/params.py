"""Validation of the content API's query parameters: every bad value is a 400 naming it.

Wagtail's v2 endpoints check some parameters and let others reach the database, where
a huge number, a null character or a malformed date becomes a server error. Every
public endpoint runs `validate_common_parameters` before its view (see
`content_api.views.ContentAPIMixin`), and the page listing's field filters and ordering go
through the stricter backends below.
"""

import re

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError, parse_boolean, parse_fields_parameter
from wagtail.coreutils import resolve_model_string
from wagtail.models import Page

from adapters.wagtail import mark_filtered_by_tag
from content_api.kept import locales, sites_named
from search.query import clean_query

MAX_ID = 2**31 - 1
MAX_OFFSET = 10_000
MAX_VALUE_LENGTH = 1_000
MAX_SEARCH_LENGTH = 200
MAX_FIELDS_DEPTH = 3
MAX_ORDER_FIELDS = 5
MAX_TYPES = 10
SEARCH_OPERATORS = ("and", "or")
ID_PARAMETERS = ("child_of", "descendant_of", "ancestor_of", "translation_of")
_TYPE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$")


def bad(name: str, message: str) -> BadRequestError:
    return BadRequestError(f"{name}: {message}")


def parse_int(name: str, raw: str, minimum: int, maximum: int) -> int:
    if not re.fullmatch(r"[0-9]{1,12}", raw or ""):
        raise bad(name, f"must be a whole number from {minimum} to {maximum}")
    value = int(raw)
    if not minimum <= value <= maximum:
        raise bad(name, f"must be a whole number from {minimum} to {maximum}")
    return value


def parse_id(name: str, raw: str, allow_root: bool = False) -> int | str:
    if allow_root and raw == "root":
        return raw
    if not re.fullmatch(r"[0-9]{1,12}", raw or "") or not 1 <= int(raw) <= MAX_ID:
        suffix = " or 'root'" if allow_root else ""
        raise bad(name, f"must be a page id (a positive whole number){suffix}")
    return int(raw)


def fields_depth(raw: str) -> int:
    depth = deepest = 0
    for char in raw:
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth -= 1
    return deepest


def validate_page_types(raw: str) -> None:
    names = raw.split(",")
    if len(names) > MAX_TYPES:
        raise bad("type", f"at most {MAX_TYPES} page types are allowed")
    for name in names:
        if not _TYPE.match(name):
            raise bad("type", f"{name[:100]!r} is not a page type (use app_label.ModelName)")
        try:
            model = resolve_model_string(name)
        except (LookupError, ValueError) as error:
            raise bad("type", f"{name[:100]!r} is not a page type") from error
        if not issubclass(model, Page):
            raise bad("type", f"{name[:100]!r} is not a page type")


def validate_site(raw: str) -> None:
    hostname, _, port = raw.partition(":")
    sites = sites_named(hostname, parse_int("site", port, 1, 65535) if port else None)
    if not sites:
        raise bad("site", f"no site is served at {raw[:100]!r}")
    if len(sites) > 1:
        raise bad("site", "several sites match; add the port, e.g. example.org:443")


def language_codes() -> set[str]:
    return {locale.language_code for locale in locales().values()}


def validate_common_parameters(params, allowed: frozenset | None) -> None:
    """Check the parameters every endpoint shares; `allowed` (if given) lists every
    parameter the endpoint accepts, so any other is an error."""
    for name, values in params.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise bad(name.replace("\x00", "")[:50], "null characters are not allowed")
        if len(name) > 100:
            raise BadRequestError("query parameter names are at most 100 characters")
        if any(len(value) > MAX_VALUE_LENGTH for value in values):
            raise bad(name, f"values are at most {MAX_VALUE_LENGTH} characters")
    if allowed is not None:
        unknown = sorted(set(params) - allowed)
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: "
                + ", ".join(name[:100] for name in unknown)
            )

    get = params.get
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    if "limit" in params:
        parse_int("limit", get("limit"), 0, limit_max)
    if "offset" in params:
        parse_int("offset", get("offset"), 0, MAX_OFFSET)
    for name in ID_PARAMETERS:
        if name in params:
            parse_id(name, get(name), allow_root=name != "ancestor_of")
    if "id" in params:
        parse_id("id", get("id"))
    if "search" in params:
        search = get("search")
        if len(search) > MAX_SEARCH_LENGTH:
            raise bad("search", f"at most {MAX_SEARCH_LENGTH} characters are allowed")
        if not clean_query(search).has_terms:  # only spaces, quotes, operators…
            raise bad("search", "give at least one word to search for")
    if "search_operator" in params:
        if get("search_operator") not in SEARCH_OPERATORS:
            raise bad("search_operator", "must be 'and' or 'or'")
        if "search" not in params:
            raise bad("search_operator", "only applies with search")
    if "order" in params:
        order = get("order")
        items = order.split(",")
        if len(items) > MAX_ORDER_FIELDS or not all(
            re.fullmatch(r"-?[A-Za-z_][A-Za-z0-9_]{0,60}", item) for item in items
        ):
            raise bad("order", f"give up to {MAX_ORDER_FIELDS} field names, e.g. -starts_at,title")
    if "fields" in params:
        fields = get("fields")
        if fields_depth(fields) > MAX_FIELDS_DEPTH:
            raise bad("fields", f"fields nest at most {MAX_FIELDS_DEPTH} levels deep")
        try:
            parse_fields_parameter(fields)
        except ValueError as error:
            raise bad("fields", str(error)) from error
    if "type" in params:
        validate_page_types(get("type"))
    if "locale" in params and get("locale") not in language_codes():
        known = ", ".join(sorted(language_codes()))
        raise bad("locale", f"{get('locale')[:20]!r} is not a language of the site ({known})")
    if "site" in params:
        validate_site(get("site"))
    if "format" in params and get("format") != "json":
        raise bad("format", "the API answers in JSON only (format=json)")


def _integer_range(field) -> tuple[int, int]:
    # The portable ranges (PostgreSQL's), so a value is valid on every database alike.
    ranges = BaseDatabaseOperations.integer_field_ranges
    return ranges.get(field.get_internal_type(), ranges["BigIntegerField"])


def clean_filter_value(field, name: str, raw: str):
    """The Python value of `?name=raw` for a model field, or a 400 naming it."""
    target = field
    if field.is_relation:
        target = field.target_field
    try:
        if isinstance(target, models.BooleanField):
            return parse_boolean(raw)
        value = target.to_python(raw)
        if isinstance(target, models.IntegerField | models.AutoField):
            low, high = _integer_range(target)
            if not low <= value <= high:
                raise ValueError(f"out of range ({low} to {high})")
        if isinstance(target, models.DateTimeField) and timezone.is_naive(value):
            value = timezone.make_aware(value)
        target.get_prep_value(value)
        return value
    except (ValidationError, ValueError, TypeError, OverflowError) as error:
        message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        raise bad(name, f"{raw[:60]!r} is not a valid value ({message[:200]})") from error


class FieldsFilter(BaseFilterBackend):
    """Wagtail's exact-match field filters (`?slug=about`), with every value checked
    against its field first (Wagtail's own lets a bad date or a huge number through)."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        fields.discard("locale")  # its own filter
        # A section's filter of the same name (`resource_type`) means more than equality.
        fields -= set(getattr(view, "section_filter_parameters", ()))
        for name, raw in request.GET.items():
            if name not in fields:
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if isinstance(field, TaggableManager):
                for tag in raw.split(","):
                    queryset = queryset.filter(**{f"{name}__name": tag})
                mark_filtered_by_tag(queryset)  # Wagtail's search filter refuses it then
                continue
            queryset = queryset.filter(**{name: clean_filter_value(field, name, raw)})
        return queryset


def naming(parameter: str, error: BadRequestError) -> BadRequestError:
    """`error` with its message prefixed by the parameter's name, unless it names it."""
    message = str(error.args[0] if error.args else error)
    if message.startswith(f"{parameter}:"):
        return error
    return bad(parameter, message)


def named(backend: type, parameter: str) -> type:
    """Wagtail's filter `backend`, whose 400s name `parameter` as every other 400 does
    (Wagtail says "parent page doesn't exist" for `?child_of=999`)."""

    class Named(backend):
        def filter_queryset(self, request, queryset, view):
            try:
                return super().filter_queryset(request, queryset, view)
            except BadRequestError as error:
                raise naming(parameter, error) from error

    Named.__name__ = Named.__qualname__ = f"Named{backend.__name__}"
    return Named


class SafeOrderingFilter(OrderingFilter):
    """Ordering by a field of the object itself only: ordering by a many-to-many field
    would repeat items."""

    def filter_queryset(self, request, queryset, view):
        try:
            return self._filter_queryset(request, queryset, view)
        except BadRequestError as error:
            raise naming("order", error) from error

    def _filter_queryset(self, request, queryset, view):
        for item in (request.GET.get("order") or "").split(","):
            name = item.lstrip("-")
            if not name or name == "random":
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.many_to_many or field.one_to_many:
                raise bad("order", f"cannot order by {name!r} (it has several values)")
        return super().filter_queryset(request, queryset, view)


class WordsSearchFilter(SearchFilter):
    """Wagtail's `?search=`, given the words of the text only, as the site search is
    (search.query.clean_query): SQLite FTS5 and PostgreSQL's tsquery parse quotes,
    parentheses and operators, and an unbalanced quote was a server error. A text with no
    word at all is a 400 (validate_common_parameters)."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        params = request.GET.copy()
        params["search"] = clean_query(request.GET["search"]).text
        return super().filter_queryset(_WithParams(request, params), queryset, view)


class _WithParams:
    """`request` with other query parameters (Wagtail's filter reads `request.GET`)."""

    def __init__(self, request, params):
        self._wrapped = request
        self.GET = params

    def __getattr__(self, name):
        return getattr(self._wrapped, name)
