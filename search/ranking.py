"""Relevance-ranked search that the database can run fast at scale.

Wagtail 8's database backend (modelsearch) starts from the pages and reaches the index
through a join on `object_id = page.id::text`, then:

- on SQLite, ranks each match with a correlated subquery that runs the FTS5 match again
  for that page: fine for a few hundred matches, about 40 seconds for 11,000;
- on PostgreSQL, matches `title || body`, an expression that has no index and no
  statistics, so the planner expects one match, loops over every page for each of them,
  and a search takes seconds (see bench/search_bench.py).

Here the search starts from the index table instead: the match runs once, on the
indexed columns (FTS5's table; PostgreSQL's GIN-indexed `title` and `body` tsvectors,
whose statistics the planner knows), restricted to the visible pages by a subquery,
scored with the backend's own rank expression, ordered and sliced in the database.
Then one page of results is loaded. Other backends (Elasticsearch, OpenSearch) are
used as they are.
"""

import re

from django.db.models import CharField, F, Func, IntegerField, Q
from django.db.models.functions import Cast
from django.db.models.lookups import Exact
from modelsearch.query import MatchAll, Not, PlainText
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database.postgres.postgres import IndexEntry, PostgresSearchBackend

SQLITE_BACKEND_MODULE = "modelsearch.backends.database.sqlite.sqlite"


class RankedResults:
    """Search results for a Paginator: `count()`, and slices of pages in rank order.

    `matching_ids()` gives the ids of every match for facet counts. Where the database
    reads a list of ids faster than it runs the match again (PostgreSQL, `list_ids`),
    that is one query for the whole ranked list, which then also serves `count()` and
    every page of results.
    """

    def __init__(self, queryset, index_query, object_id_field="object_id", list_ids=False):
        self.queryset = queryset
        self.index_query = index_query
        self.object_id_field = object_id_field
        self.list_ids = list_ids
        self._ranked_ids = None

    def count(self) -> int:
        if self._ranked_ids is not None:
            return len(self._ranked_ids)
        return self.index_query.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        if self._ranked_ids is not None:
            ids = self._ranked_ids[key]
        else:
            ids = [
                int(pk) for pk in self.index_query.values_list(self.object_id_field, flat=True)[key]
            ]
        objects = self.queryset.model._default_manager.all()
        if hasattr(objects, "specific"):  # pages: each as its own type, as a listing shows it
            objects = objects.specific()
        by_id = objects.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]

    def matching_ids(self, max_listed: int):
        """The ids of every match: a list in rank order (up to `max_listed` of them, when
        `list_ids`), or else a subquery."""
        if self.list_ids:
            ids = self.index_query.values_list(self.object_id_field, flat=True)[: max_listed + 1]
            ids = [int(pk) for pk in ids]
            if len(ids) <= max_listed:
                self._ranked_ids = ids
                return ids
        object_ids = self.index_query.order_by().annotate(
            object_pk=Cast(self.object_id_field, IntegerField())
        )
        return object_ids.values("object_pk")


def search(queryset, text: str, operator: str = "and", autocomplete: bool = False, language=None):
    """`queryset.search(text, operator=operator)` (or `.autocomplete(…)`), ranked by
    relevance; `language` (a language code) picks PostgreSQL's stemming for it."""
    backend = get_search_backend()
    if type(backend).__module__ == SQLITE_BACKEND_MODULE:
        return _sqlite_search(backend, queryset, text, operator, autocomplete)
    if isinstance(backend, PostgresSearchBackend):
        results = _postgres_search(backend, queryset, text, operator, autocomplete, language)
        if results is not None:
            return results
    if autocomplete:
        return queryset.autocomplete(text, operator=operator)
    return queryset.search(text, operator=operator)


def _compiler(backend, queryset, text, operator, autocomplete):
    compiler_class = (
        backend.autocomplete_query_compiler_class if autocomplete else backend.query_compiler_class
    )
    compiler = compiler_class(queryset, text, operator=operator)
    compiler.check()
    return compiler


def _visible_object_ids(queryset):
    """The index's `object_id` (text) of every page in `queryset`, as a subquery."""
    return queryset.order_by().annotate(object_id=Cast("pk", CharField())).values("object_id")


def _sqlite_search(backend, queryset, text, operator, autocomplete):
    # Only importable when the database is SQLite with FTS5.
    from modelsearch.backends.database.sqlite.query import MatchExpression
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    compiler = _compiler(backend, queryset, text, operator, autocomplete)
    if isinstance(compiler.query, (MatchAll, Not)):
        return queryset.none()
    match = MatchExpression(
        compiler.FTS_TABLE_FIELDS,
        compiler.build_search_query(compiler.query, config=compiler.get_config(backend)),
    )
    rank = compiler._build_rank_expression(
        compiler.get_search_vectors(), compiler.get_config(backend)
    )
    index_query = (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(
            index_entry__content_type__in=get_descendants_content_types_pks(queryset.model),
            index_entry__object_id__in=_visible_object_ids(queryset),
        )
        .annotate(score=rank)
        # BM25 scores are negative: the best match has the lowest.
        .order_by("score", "-index_entry__object_id")
    )
    return RankedResults(queryset, index_query, "index_entry__object_id")


_TERM_SEPARATOR = re.compile(r"[\s\-]+")  # as Wagtail's PostgreSQL query compiler splits


class NumNode(Func):
    """The number of terms of a tsquery: 0 when the configuration drops every word
    (stop words). Constant for a constant query, so PostgreSQL folds it when planning."""

    function = "numnode"
    output_field = IntegerField()


def _title_or_body_match(compiler, query: PlainText, config) -> Q:
    """Pages whose title or body match every word (or any, for "or"), on the two
    GIN-indexed columns: the same pages as Wagtail's `(title || body) @@ query`."""
    if isinstance(config, tuple):  # several languages: a match in any one of them
        matches = [_title_or_body_match(compiler, query, each) for each in config]
        return Q(*matches, _connector=Q.OR)
    words = []
    for term in _TERM_SEPARATOR.split(query.query_string):
        if not term:
            continue
        tsquery = compiler.build_tsquery(PlainText(term), config=config)
        word = Q(title=tsquery) | Q(body=tsquery)
        if query.operator == "and":
            # PostgreSQL leaves this language's stop words out of a query: so does this.
            word |= Q(Exact(NumNode(tsquery), 0))
        words.append(word)
    # A query of nothing but stop words matches nothing, as in Wagtail's query.
    whole_query = compiler.build_tsquery(query, config=config)
    return ~Q(Exact(NumNode(whole_query), 0)) & Q(
        *words, _connector=Q.AND if query.operator == "and" else Q.OR
    )


def _postgres_search(backend, queryset, text, operator, autocomplete, language):
    """Ranked results on PostgreSQL, or None for a query this does not handle."""
    compiler = _compiler(backend, queryset, text, operator, autocomplete)
    query = compiler.query
    if not isinstance(query, PlainText) or compiler.fields is not None:
        return None
    if not autocomplete and language and hasattr(backend, "config_for_language"):
        config = backend.config_for_language(language)
    else:
        config = compiler.get_config(backend)
    tsquery = compiler.build_tsquery(query, config=config)
    if tsquery is None:
        return queryset.none()
    if autocomplete:
        match = Q(autocomplete=tsquery)
        vectors = [(F("autocomplete"), 1.0)]
    else:
        match = _title_or_body_match(compiler, query, config)
        vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
    index_query = (
        IndexEntry.objects.filter(match)
        .filter(
            content_type__in=get_descendants_content_types_pks(queryset.model),
            object_id__in=_visible_object_ids(queryset),
        )
        .annotate(score=compiler._build_rank_expression(vectors, config))
        .order_by("-score", "-object_id")
    )
    return RankedResults(queryset, index_query, list_ids=True)
