"""Relevance-ranked search on SQLite without a per-row subquery.

Wagtail 8's SQLite backend (modelsearch) ranks by annotating each matching page with
a correlated subquery that runs the FTS5 match again for that page: fine for a few
hundred matches, about 40 seconds for 11,000 (see bench/search_bench.py). This runs
the same FTS5 match and BM25 score once, ordered and sliced in the database, limited
to the visible pages by a subquery, and then loads one page of results.

The same goes for autocomplete. Other backends (PostgreSQL, Elasticsearch/OpenSearch)
are used as they are.
"""

from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.backends import get_search_backend


class RankedResults:
    """Search results for a Paginator: `count()`, and slices of pages in rank order."""

    def __init__(self, queryset, index_query):
        self.queryset = queryset
        self.index_query = index_query

    def count(self) -> int:
        return self.index_query.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        ids = [
            int(pk) for pk in self.index_query.values_list("index_entry__object_id", flat=True)[key]
        ]
        by_id = self.queryset.model._default_manager.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]

    def get_queryset(self):
        """Every match, as a queryset of the searched model (for facet counts)."""
        object_ids = self.index_query.order_by().annotate(
            object_pk=Cast("index_entry__object_id", IntegerField())
        )
        return self.queryset.filter(pk__in=object_ids.values("object_pk"))


def search(queryset, text: str, operator: str = "and", autocomplete: bool = False):
    """`queryset.search(text, operator=operator)` (or `.autocomplete(…)`), ranked by relevance."""
    backend = get_search_backend()
    if type(backend).__module__ != "modelsearch.backends.database.sqlite.sqlite":
        if autocomplete:
            return queryset.autocomplete(text, operator=operator)
        return queryset.search(text, operator=operator)
    # Only importable when the database is SQLite with FTS5.
    from modelsearch.backends.database.sqlite.query import MatchExpression
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    compiler_class = (
        backend.autocomplete_query_compiler_class if autocomplete else backend.query_compiler_class
    )
    compiler = compiler_class(queryset, text, operator=operator)
    compiler.check()
    if isinstance(compiler.query, (MatchAll, Not)):
        return queryset.none()
    match = MatchExpression(
        compiler.FTS_TABLE_FIELDS,
        compiler.build_search_query(compiler.query, config=compiler.get_config(backend)),
    )
    rank = compiler._build_rank_expression(
        compiler.get_search_vectors(), compiler.get_config(backend)
    )
    visible_ids = (
        queryset.order_by().annotate(object_id=Cast("pk", CharField())).values("object_id")
    )
    index_query = (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(
            index_entry__content_type__in=get_descendants_content_types_pks(queryset.model),
            index_entry__object_id__in=visible_ids,
        )
        .annotate(score=rank)
        # BM25 scores are negative: the best match has the lowest.
        .order_by("score", "-index_entry__object_id")
    )
    return RankedResults(queryset, index_query)
