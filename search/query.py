"""What a visitor typed, made safe to hand to any search backend.

Search backends parse their input: SQLite FTS5 fails on an unbalanced quote or a NUL,
and a query of thousands of terms overflows the query parser's recursion. So the query
is reduced to its words (letters and digits, Unicode-normalised), capped in length and
in number of terms, and every change is reported so the page can say what happened.
Operators and quotes are not supported: every word must match (AND).
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MIN_SUGGEST_LENGTH = 2

_WORD = re.compile(r"\w+")


@dataclass
class SearchQuery:
    """The cleaned query: `text` to search for, its `terms`, and `notices` for the visitor."""

    raw: str
    text: str = ""
    terms: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.raw.strip()

    @property
    def has_terms(self) -> bool:
        return bool(self.terms)


def clean_query(raw: str | None) -> SearchQuery:
    raw = raw or ""
    query = SearchQuery(raw=raw)
    text = unicodedata.normalize("NFKC", raw)
    # Control characters (NUL, escape sequences, bidi controls) never belong in a search.
    text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text)
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        query.notices.append(
            _("Your search was too long, so only its first %(limit)s characters were used.")
            % {"limit": MAX_QUERY_LENGTH}
        )
    terms = [word.lower() for word in _WORD.findall(text)]
    terms = list(dict.fromkeys(terms))  # repeated words add nothing
    if len(terms) > MAX_TERMS:
        terms = terms[:MAX_TERMS]
        query.notices.append(
            ngettext_lazy(
                "Your search had too many words, so only the first %(limit)s was used.",
                "Your search had too many words, so only the first %(limit)s were used.",
                MAX_TERMS,
            )
            % {"limit": MAX_TERMS}
        )
    query.terms = terms
    query.text = " ".join(terms)
    return query
