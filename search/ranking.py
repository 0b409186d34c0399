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
used as they are. The query compilers and index tables are modelsearch's internals, so
they are reached through `adapters.modelsearch` (tested in adapters/tests).
"""

import re

from django.db.models import CharField, F, Func, IntegerField, Q
from django.db.models.functions import Cast
from django.db.models.lookups import Exact
from modelsearch.query import MatchAll, Not, PlainText
from wagtail.search.backends import get_search_backend

from adapters import modelsearch as modelsearch_adapter


class RankedResults:
    """Search results for a Paginator: `count()`, and slices of pages in rank order.

    `matching_ids()` gives the ids of every match for facet counts. Where the database
    reads a list of ids faster than it runs the match again (PostgreSQL, `list_ids`),
    that is one query for the whole ranked list, which then also serves `count()` and
    every page of results.
    """

    def __init__(self, queryset, index_query, list_ids=False):
        """`index_query`: index entries in rank order, each with its object's id (text)
        as `object_id`."""
        self.queryset = queryset
        self.index_query = index_query
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
            ids = [int(pk) for pk in self.index_query.values_list("object_id", flat=True)[key]]
        objects = self.queryset.model._default_manager.all()
        if hasattr(objects, "specific"):  # pages: each as its own type, as a listing shows it
            objects = objects.specific()
        by_id = objects.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]

    def matching_ids(self, max_listed: int):
        """The ids of every match: a list in rank order (up to `max_listed` of them, when
        `list_ids`), or else a subquery."""
        if self.list_ids:
            ids = self.index_query.values_list("object_id", flat=True)[: max_listed + 1]
            ids = [int(pk) for pk in ids]
            if len(ids) <= max_listed:
                self._ranked_ids = ids
                return ids
        object_ids = self.index_query.order_by().annotate(
            object_pk=Cast("object_id", IntegerField())
        )
        return object_ids.values("object_pk")


def search(queryset, text: str, operator: str = "and", autocomplete: bool = False, language=None):
    """`queryset.search(text, operator=operator)` (or `.autocomplete(…)`), ranked by
    relevance; `language` (a language code) picks PostgreSQL's stemming for it."""
    backend = get_search_backend()
    if modelsearch_adapter.is_sqlite_fts_backend(backend):
        return _sqlite_search(backend, queryset, text, operator, autocomplete)
    if modelsearch_adapter.is_postgres_backend(backend):
        results = _postgres_search(backend, queryset, text, operator, autocomplete, language)
        if results is not None:
            return results
    if autocomplete:
        return queryset.autocomplete(text, operator=operator)
    return queryset.search(text, operator=operator)


def _visible_object_ids(queryset):
    """The index's `object_id` (text) of every page in `queryset`, as a subquery."""
    return queryset.order_by().annotate(object_id=Cast("pk", CharField())).values("object_id")


def _sqlite_search(backend, queryset, text, operator, autocomplete):
    compiler = modelsearch_adapter.query_compiler(backend, queryset, text, operator, autocomplete)
    if isinstance(modelsearch_adapter.parsed_query(compiler), MatchAll | Not):
        return queryset.none()
    match, rank = modelsearch_adapter.sqlite_match_and_rank(backend, compiler)
    index_query = (
        modelsearch_adapter.sqlite_index_entries(queryset.model, _visible_object_ids(queryset))
        .filter(match)
        .annotate(score=rank)
        # BM25 scores are negative: the best match has the lowest.
        .order_by("score", "-object_id")
    )
    return RankedResults(queryset, index_query)


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
        tsquery = modelsearch_adapter.postgres_tsquery(compiler, PlainText(term), config)
        word = Q(title=tsquery) | Q(body=tsquery)
        if query.operator == "and":
            # PostgreSQL leaves this language's stop words out of a query: so does this.
            word |= Q(Exact(NumNode(tsquery), 0))
        words.append(word)
    # A query of nothing but stop words matches nothing, as in Wagtail's query.
    whole_query = modelsearch_adapter.postgres_tsquery(compiler, query, config)
    return ~Q(Exact(NumNode(whole_query), 0)) & Q(
        *words, _connector=Q.AND if query.operator == "and" else Q.OR
    )


def _postgres_search(backend, queryset, text, operator, autocomplete, language):
    """Ranked results on PostgreSQL, or None for a query this does not handle."""
    compiler = modelsearch_adapter.query_compiler(backend, queryset, text, operator, autocomplete)
    query = modelsearch_adapter.parsed_query(compiler)
    if not isinstance(query, PlainText) or not modelsearch_adapter.searches_every_field(compiler):
        return None
    if not autocomplete and language and hasattr(backend, "config_for_language"):
        config = backend.config_for_language(language)
    else:
        config = modelsearch_adapter.query_config(compiler, backend)
    tsquery = modelsearch_adapter.postgres_tsquery(compiler, query, config)
    if tsquery is None:
        return queryset.none()
    if autocomplete:
        match = Q(autocomplete=tsquery)
        vectors = [(F("autocomplete"), 1.0)]
    else:
        match = _title_or_body_match(compiler, query, config)
        vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
    rank = modelsearch_adapter.postgres_rank_expression(compiler, vectors, config)
    index_query = (
        modelsearch_adapter.postgres_index_entries(queryset.model, _visible_object_ids(queryset))
        .filter(match)
        .annotate(score=rank)
        .order_by("-score", "-object_id")
    )
    return RankedResults(queryset, index_query, list_ids=True)
