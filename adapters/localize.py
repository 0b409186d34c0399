"""wagtail-localize internals we rely on, written against wagtail-localize 1.14.5.

Every function here reaches into something wagtail-localize does not document, so an
upgrade of wagtail-localize must run adapters/tests first: each assumption has a test
there that fails when it stops holding.

languages/ replaces its submit and sync views (which check only a global permission)
by registering the same admin paths in its own `register_admin_urls` hook: hooks run in
INSTALLED_APPS order and Django answers with the first matching pattern, so our views
answer only while "languages" comes before "wagtail_localize". `adapters.checks` checks
that at start-up.
"""

from django.urls import NoReverseMatch, Resolver404, resolve, reverse

# The views languages/permissions.py extends with its permission check: undocumented
# modules of wagtail-localize, imported here only.
from wagtail_localize.views.submit_translations import (  # noqa: F401 - re-exported
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView  # noqa: F401

# wagtail-localize's URL names (its buttons link to them) of the views languages/ replaces,
# with arguments of the right shape; a snippet's URL for home's Topic.
REPLACED_VIEW_URLS = [
    ("wagtail_localize:submit_page_translation", [1]),
    ("wagtail_localize:submit_snippet_translation", ["home", "topic", 1]),
    ("wagtail_localize:update_translations", [1]),
]


def views_answering_replaced_urls() -> list[tuple[str, type | None]]:
    """(path, view class) of each of wagtail-localize's submit and sync admin URLs
    (its `wagtail_localize:` URL names and paths): the class of the view Django resolves
    the path to, or None if the name or the path no longer resolves."""
    answers = []
    for name, args in REPLACED_VIEW_URLS:
        try:
            path = reverse(name, args=args)
        except NoReverseMatch:
            answers.append((name, None))
            continue
        try:
            view_class = getattr(resolve(path).func, "view_class", None)
        except Resolver404:
            view_class = None
        answers.append((path, view_class))
    return answers
