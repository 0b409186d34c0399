"""Wagtail's database search backend, with each language stemmed by its own rules on PostgreSQL.

Wagtail's backend (the `modelsearch` package) has one text search configuration
(`SEARCH_CONFIG`) for everything it indexes and queries. Here `SEARCH_CONFIGS` maps
language codes to configurations, and:

- an object is indexed with its own language's configuration (its `locale`, for pages and
  translatable snippets; `SEARCH_CONFIG` for objects without a language, such as images);
- a query for one language (`config_for_language`, as the site search does) is stemmed
  with that language's configuration;
- any other query (the admin, the API, Wagtail's own views) is stemmed with every
  configuration and matches a page in any of them, so each page is found through its
  own language's stems, whichever language the caller speaks.

Indexing on publish (signals), `update_index` and search promotions need nothing else:
there is still one backend and one index table.

Other databases get Wagtail's backend unchanged: SQLite FTS5 has no per-language
stemming (its tokenizer folds case and accents, and does not stem).

The overridden methods (`PostgresIndex.add_items`, the compiler's `get_config` and
`build_tsquery`) and the indexer's reading of `backend.config` are modelsearch's, not
documented: adapters/tests checks that they still work as this module expects.

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "SEARCH_CONFIGS": {"en": "english", "es": "spanish"},
        }
    }
"""

import copy
from collections import defaultdict

from django.db import connection
from wagtail.models import Locale
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.utils import OR


class MultilingualQueryCompiler(PostgresSearchQueryCompiler):
    """Wagtail's query, stemmed with every language's configuration (for callers that
    search all languages at once; the site search passes its own language)."""

    def get_config(self, backend):
        return backend.all_configs()

    def build_tsquery(self, query, config=None):
        """The query stemmed with `config`, or with each of a tuple of configurations
        (matching a document that any of them matches)."""
        if not isinstance(config, tuple):
            return super().build_tsquery(query, config=config)
        tsqueries = []
        for each in config:
            tsquery = super().build_tsquery(query, config=each)
            if tsquery is not None:
                tsqueries.append(tsquery)
        return OR(tsqueries) if tsqueries else None


class MultilingualIndex(PostgresIndex):
    """Indexes each object with its own language's configuration."""

    def add_items(self, model, objs):
        by_config = defaultdict(list)
        language_codes = dict(Locale.objects.values_list("pk", "language_code"))
        for obj in objs:
            language_code = language_codes.get(getattr(obj, "locale_id", None))
            by_config[self.backend.config_for_language(language_code)].append(obj)
        for config, group in by_config.items():
            # Wagtail's indexer reads the configuration from the backend.
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class MultilingualPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = MultilingualQueryCompiler
    index_class = MultilingualIndex

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = dict(params.get("SEARCH_CONFIGS", {}))

    def config_for_language(self, language_code: str | None):
        """The text search configuration for `language_code` ("es", "es-mx"), or
        `SEARCH_CONFIG` (None: the server's default) for another language or none."""
        if language_code:
            for code in (language_code.lower(), language_code.split("-")[0].lower()):
                if code in self.language_configs:
                    return self.language_configs[code]
        return self.config

    def all_configs(self) -> tuple:
        return tuple(dict.fromkeys([*self.language_configs.values(), self.config]))

    def with_config(self, config):
        """This backend with one configuration, for Wagtail's indexer."""
        backend = copy.copy(self)
        backend.config = config
        return backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail's backend loader looks up
    """The multilingual backend on PostgreSQL; Wagtail's database backend elsewhere."""
    if connection.vendor == "postgresql":
        return MultilingualPostgresSearchBackend(params)
    return DatabaseSearchBackend(params)
