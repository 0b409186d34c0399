"""Topics, networks and series in the reader's language.

Pages link to the English rows; their translations carry the same translation key. The
first lookup of a vocabulary in a request loads it whole (it is small), so a listing of
fifty cards costs one query per vocabulary, not one per card.
"""

from django import template
from django.utils import translation

from languages.terms import term_in_language

register = template.Library()


@register.simple_tag(takes_context=True)
def translated(context, term):
    """`{% translated topic as topic %}`: the term in the active language (itself when
    it has not been translated)."""
    if term is None:
        return None
    request = context.get("request")
    memo = getattr(request, "_terms_in_language", None) if request else None
    if memo is None:
        memo = {}
        if request is not None:
            request._terms_in_language = memo
    return term_in_language(term, translation.get_language(), memo=memo)
