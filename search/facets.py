"""Facets of the search results: content type, topic, network and language.

Counts are computed over the pages that match the query and can be shown (see
`search.scope`), from their ids: a fixed number of queries per facet, whatever the
number of results (on PostgreSQL, none of them runs the search again). Wagtail's
database backend can facet only on plain filter fields, not on the many-to-many topics
and networks, so those are counted through each page type's own link tables in one
UNION query.
"""

from collections import Counter
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, F, Lookup, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.models import Network, Topic
from taxonomy.filters import taxonomy_page_models

# The `type` filter's values: a public contract (search URLs). Every other page type
# (sections, standard pages) counts as "page".
CONTENT_TYPES = {
    "webinar": ("webinars", "WebinarPage", _("Webinars")),
    "resource": ("library", "ResourcePage", _("Resources")),
    "campaign": ("campaigns", "CampaignPage", _("Campaigns")),
    "member": ("members", "MemberProfilePage", _("Member organizations")),
}
OTHER_PAGES = "page"
OTHER_PAGES_LABEL = _("Other pages")
TYPE_SINGULAR = {
    "webinar": _("Webinar"),
    "resource": _("Resource"),
    "campaign": _("Campaign"),
    "member": _("Member organization"),
    OTHER_PAGES: _("Page"),
}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = ""


def content_type_ids() -> dict[str, int]:
    """{type value: content type id} for the page types that exist in this project."""
    ids = {}
    for value, (app_label, model_name, _label) in CONTENT_TYPES.items():
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        ids[value] = ContentType.objects.get_for_model(model).pk
    return ids


def type_of(content_type_id: int, ids: dict[str, int] | None = None) -> str:
    ids = content_type_ids() if ids is None else ids
    for value, pk in ids.items():
        if pk == content_type_id:
            return value
    return OTHER_PAGES


def filter_by_type(queryset, types: list[str]):
    if not types:
        return queryset
    ids = content_type_ids()
    matching = Q(content_type_id__in=[ids[value] for value in types if value in ids])
    if OTHER_PAGES in types:
        matching |= ~Q(content_type_id__in=list(ids.values()))
    return queryset.filter(matching)


class _InArray(Lookup):
    """`column IN (SELECT unnest('{1,2,…}'::integer[]))` (PostgreSQL): a list of integers
    as one parameter, written out at once.

    `IN (1, 2, …)` with thousands of ids costs more to build, send and plan than the count
    itself; so does converting each id through Django's field and psycopg's array
    adapter; and `= ANY(array)` makes the planner look at every element."""

    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        array = "{%s}" % ",".join(str(int(value)) for value in self.rhs)  # noqa: UP031
        return f"{lhs} IN (SELECT unnest(%s::integer[]))", [*lhs_params, array]


def _id_in(field_name: str, ids) -> Q:
    """`field_name` is one of `ids`: a list, or a subquery."""
    if isinstance(ids, list) and connection.vendor == "postgresql":
        return Q(_InArray(F(field_name), ids))
    return Q(**{f"{field_name}__in": ids})


def type_facet(page_ids, selected: list[str]) -> list[FacetValue]:
    ids = content_type_ids()
    counts = Counter()
    rows = (
        Page.objects.filter(_id_in("pk", page_ids))
        .order_by()
        .values("content_type_id")
        .annotate(count=Count("pk"))
    )
    for row in rows:
        counts[type_of(row["content_type_id"], ids)] += row["count"]
    labels = {value: label for value, (_a, _m, label) in CONTENT_TYPES.items()}
    labels[OTHER_PAGES] = OTHER_PAGES_LABEL
    return [
        FacetValue(value, str(labels[value]), counts[value], value in selected)
        for value in [*CONTENT_TYPES, OTHER_PAGES]
        if counts[value] or value in selected
    ]


def _taxonomy_counts(page_ids, field_name: str) -> Counter:
    """{term id: number of matching pages filed under it}, one query for every page type."""
    queries = []
    for model in taxonomy_page_models():
        field = model._meta.get_field(field_name)
        through = field.remote_field.through
        page_column = field.m2m_field_name()
        term_column = field.m2m_reverse_field_name()
        queries.append(
            through.objects.filter(_id_in(f"{page_column}_id", page_ids))
            .order_by()
            .values(term_column)
            .annotate(count=Count("pk"))
            .values_list(term_column, "count")
        )
    if not queries:
        return Counter()
    rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    counts = Counter()
    for term_id, count in rows:
        counts[term_id] += count
    return counts


def taxonomy_facet(
    page_ids, model, field_name: str, selected: list[str], locale
) -> list[FacetValue]:
    """Topics or networks of the matching pages, with counts, named in `locale`."""
    counts = _taxonomy_counts(page_ids, field_name)
    default_language = Q(locale__language_code=settings.LANGUAGE_CODE)
    terms = list(model.objects.filter(Q(pk__in=counts) | (Q(slug__in=selected) & default_language)))
    names = {term.translation_key: term.name for term in terms}
    if locale is not None and locale.language_code != settings.LANGUAGE_CODE:
        translated = model.objects.filter(
            translation_key__in=[term.translation_key for term in terms], locale=locale
        )
        names.update({term.translation_key: term.name for term in translated})
    values = [
        FacetValue(
            term.slug,
            names[term.translation_key],
            counts.get(term.pk, 0),
            term.slug in selected,
        )
        for term in terms
    ]
    return sorted(values, key=lambda facet: (-facet.count, facet.label.lower()))


def topic_facet(page_ids, selected, locale):
    return taxonomy_facet(page_ids, Topic, "topics", selected, locale)


def network_facet(page_ids, selected, locale):
    return taxonomy_facet(page_ids, Network, "networks", selected, locale)


def language_facet(counts: dict[str, int], current_locale) -> list[FacetValue]:
    """How many results the same search has in each language of the site, from
    {language code: count} (each language is searched with its own stemming)."""
    return [
        FacetValue(code, str(name), counts.get(code, 0), code == current_locale.language_code)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]
