"""modelsearch internals we rely on, written against modelsearch 1.3.2 (the version
wagtail 8.0.1 installs: its search backends are modelsearch's).

Every function here reaches into something modelsearch does not document (its query
compilers, index tables, signal handlers and tasks), so an upgrade of modelsearch (or of
Wagtail, which pins it) must run adapters/tests first: each assumption has a test there
that fails when it stops holding.
"""

from django.db.models import F
from modelsearch import index
from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresSearchBackend
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from modelsearch.utils import get_descendants_content_types_pks

# The SQLite FTS5 backend's module only imports on SQLite with FTS5, hence a name.
SQLITE_FTS_BACKEND_MODULE = "modelsearch.backends.database.sqlite.sqlite"

# Backends and their query compilers ----------------------------------------------------


def is_sqlite_fts_backend(backend) -> bool:
    """modelsearch.backends.database.sqlite.sqlite: the module of the SQLite FTS5 backend."""
    return type(backend).__module__ == SQLITE_FTS_BACKEND_MODULE


def is_postgres_backend(backend) -> bool:
    """modelsearch.backends.database.postgres.postgres.PostgresSearchBackend (Wagtail's
    wagtail.search.backends.database.postgres re-exports it; search.backends extends it)."""
    return isinstance(backend, PostgresSearchBackend)


def query_compiler(backend, queryset, text: str, operator: str, autocomplete: bool):
    """backend.query_compiler_class (autocomplete_query_compiler_class) and its check():
    the compiler that queryset.search() (.autocomplete()) builds for `text`."""
    compiler_class = (
        backend.autocomplete_query_compiler_class if autocomplete else backend.query_compiler_class
    )
    compiler = compiler_class(queryset, text, operator=operator)
    compiler.check()
    return compiler


def parsed_query(compiler):
    """compiler.query: the text as a modelsearch.query object (PlainText, MatchAll, Not…)."""
    return compiler.query


def searches_every_field(compiler) -> bool:
    """compiler.fields: None unless the search is limited to some fields."""
    return compiler.fields is None


def query_config(compiler, backend):
    """compiler.get_config(backend): the text search configuration the query is stemmed
    with (search.backends' compiler overrides it)."""
    return compiler.get_config(backend)


# SQLite FTS5 ---------------------------------------------------------------------------


def sqlite_match_and_rank(backend, compiler) -> tuple:
    """MatchExpression over compiler.FTS_TABLE_FIELDS, of compiler.build_search_query(), and
    compiler._build_rank_expression() over get_search_vectors(): the FTS5 MATCH condition
    and the BM25 score (lower is better) of modelsearch's own SQLite search."""
    from modelsearch.backends.database.sqlite.query import MatchExpression

    config = compiler.get_config(backend)
    search_query = compiler.build_search_query(compiler.query, config=config)
    match = MatchExpression(compiler.FTS_TABLE_FIELDS, search_query)
    rank = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    return match, rank


def sqlite_index_entries(model, object_ids):
    """SQLiteFTSIndexEntry (the FTS5 table, joined to the index through `index_entry`): the
    rows of `model` and its subclasses whose object id (text) is in `object_ids`, with
    that id as `object_id`."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    return SQLiteFTSIndexEntry.objects.filter(
        index_entry__content_type__in=get_descendants_content_types_pks(model),
        index_entry__object_id__in=object_ids,
    ).annotate(object_id=F("index_entry__object_id"))


# PostgreSQL ----------------------------------------------------------------------------


def postgres_index_entries(model, object_ids):
    """IndexEntry (the index table: tsvector columns `title`, `body`, `autocomplete`, and
    `title_norm`): the rows of `model` and its subclasses whose `object_id` (text) is in
    `object_ids`."""
    return IndexEntry.objects.filter(
        content_type__in=get_descendants_content_types_pks(model),
        object_id__in=object_ids,
    )


def postgres_tsquery(compiler, query, config):
    """compiler.build_tsquery(query, config=config): the query as a tsquery, or None when
    it has no terms (search.backends' compiler overrides it)."""
    return compiler.build_tsquery(query, config=config)


def postgres_rank_expression(compiler, vectors: list, config):
    """compiler._build_rank_expression(vectors, config): modelsearch's relevance of the
    compiled query against (tsvector, weight) pairs, higher is better."""
    return compiler._build_rank_expression(vectors, config)


# Indexing on save ----------------------------------------------------------------------


def search_index_on_save() -> tuple:
    """modelsearch.signal_handlers.post_save_signal_handler, the `post_save` receiver that
    enqueues modelsearch.tasks.insert_or_update_object_task(app_label, model_name, str(pk))."""
    return post_save_signal_handler, insert_or_update_object_task


def indexed_models() -> list:
    """modelsearch.index.get_indexed_models(): the models whose saves the index follows."""
    return index.get_indexed_models()
