"""Wagtail's rich text rendering, extended with a rewriter of our own (written against
wagtail 8.0.1).

Wagtail has no hook for a rewriter: its feature registry takes link handlers by
`linktype`, and its LinkRewriter leaves an `<a href>` whose scheme it does not recognise
(`javascript:`) untouched. `expand_db_html` (used by the `richtext` filter, RichText and
the API's display HTML) asks `wagtail.rich_text.get_rewriter()` for the rewriter on every
call, so wrapping that function adds ours after Wagtail's own. adapters/tests checks both
assumptions.
"""

from functools import cache

import wagtail.rich_text
from wagtail.rich_text.rewriters import MultiRuleRewriter


def add_rich_text_rewriter(rewriter) -> None:
    """Run `rewriter` (a callable on HTML with an `extract_references(html)` method) after
    Wagtail's rewriters whenever rich text is expanded. Idempotent."""
    wagtail_get_rewriter = wagtail.rich_text.get_rewriter
    if getattr(wagtail_get_rewriter, "extra_rewriter", None) is rewriter:
        return
    original = getattr(wagtail_get_rewriter, "wagtail_get_rewriter", wagtail_get_rewriter)

    @cache
    def get_rewriter():
        return MultiRuleRewriter([original(), rewriter])

    get_rewriter.wagtail_get_rewriter = original
    get_rewriter.extra_rewriter = rewriter
    wagtail.rich_text.get_rewriter = get_rewriter
