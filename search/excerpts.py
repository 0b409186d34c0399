"""Excerpts of a result with the search terms highlighted.

Built from the page's own text (its summary first, then the text fields it is indexed
on), HTML-escaped, with each word that starts with a search term wrapped in <mark>.
Only ever called for pages that came out of `search.scope.searchable_pages`.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from modelsearch.index import RelatedFields, SearchField

EXCERPT_LENGTH = 240
_SPACE = re.compile(r"\s+")


def page_texts(page) -> list[str]:
    """The page's searchable text, summary and search description first.

    Only fields of the page itself: related objects (speakers, partners) would cost a
    query per result.
    """
    texts = [getattr(page, "summary", ""), page.search_description]
    for search_field in page.get_search_fields():
        if not isinstance(search_field, SearchField) or isinstance(search_field, RelatedFields):
            continue
        if search_field.field_name in {"title", "summary", "search_description"}:
            continue
        value = search_field.get_value(page)
        if isinstance(value, (list, tuple)):
            texts.extend(str(item) for item in value)
        elif value:
            texts.append(str(value))
    return [_SPACE.sub(" ", text).strip() for text in texts if text and str(text).strip()]


def _term_pattern(terms: list[str]) -> re.Pattern | None:
    if not terms:
        return None
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    # A term matches the start of a word, so "credit" also marks "credits".
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def _window(text: str, start: int, length: int) -> tuple[str, bool, bool]:
    """About `length` characters of `text` around `start`, cut at spaces."""
    if len(text) <= length:
        return text, False, False
    begin = max(0, start - length // 3)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    end = min(len(text), begin + length)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > start else end
    return text[begin:end], begin > 0, end < len(text)


def highlight(text: str, terms: list[str], length: int = EXCERPT_LENGTH) -> SafeString:
    """`text` (plain text) cut around the first match, escaped, with the terms marked."""
    pattern = _term_pattern(terms)
    match = pattern.search(text) if pattern else None
    fragment, cut_before, cut_after = _window(text, match.start() if match else 0, length)
    parts = []
    position = 0
    for found in pattern.finditer(fragment) if pattern else []:
        parts.append(escape(fragment[position : found.start()]))
        parts.append(f"<mark>{escape(found.group())}</mark>")
        position = found.end()
    parts.append(escape(fragment[position:]))
    return mark_safe(("… " if cut_before else "") + "".join(parts) + (" …" if cut_after else ""))  # noqa: S308 - every part is escaped


def excerpt(page, terms: list[str]) -> SafeString:
    """The best excerpt of `page` for `terms`: the first text that mentions one of them,
    or the summary (shortened) when none does."""
    texts = page_texts(page)
    if not texts:
        return mark_safe("")  # noqa: S308 - empty
    pattern = _term_pattern(terms)
    for text in texts:
        if pattern and pattern.search(text):
            return highlight(text, terms)
    return escape(Truncator(texts[0]).chars(EXCERPT_LENGTH))
