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

from django.db import models
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

# The views languages/permissions.py extends with its permission check: undocumented
# modules of wagtail-localize, imported here only.
from wagtail_localize.views.convert import convert_to_alias  # noqa: F401 - re-exported
from wagtail_localize.views.edit_translation import (  # noqa: F401 - re-exported
    edit_override,
    user_can_edit_instance,
)
from wagtail_localize.views.report import TranslationsReportView  # noqa: F401
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


# The others languages/ answers in place of wagtail-localize's (function views, and the
# report): an override of a synchronised value, "Convert to alias", the translations
# report and its results.
GUARDED_VIEW_URLS = [
    ("wagtail_localize:edit_override", [1, 1]),
    ("wagtail_localize:convert_to_alias", [1]),
    ("wagtail_localize:translations_report", []),
    ("wagtail_localize:translations_report_results", []),
]


def views_answering_guarded_urls() -> list[tuple[str, object]]:
    """(path, view function or class) answering each of GUARDED_VIEW_URLS (None when the
    name or the path no longer resolves)."""
    answers = []
    for name, args in GUARDED_VIEW_URLS:
        try:
            path = reverse(name, args=args)
            func = resolve(path).func
        except (NoReverseMatch, Resolver404):
            answers.append((name, None))
            continue
        answers.append((path, getattr(func, "view_class", func)))
    return answers


def overridden_value(segment, source_instance) -> tuple[bool, bool]:
    """(is it a link, may translators override it) for an OverridableSegment of
    `source_instance`: the segment's context path names the field (and, in a StreamField,
    the blocks) it comes from; a rich text link's href is a quoted last component
    (wagtail_localize.segments.extract.quote_path_component)."""
    context = segment.context
    field_path = context.get_field_path(source_instance).split(".")
    is_href = context.path.endswith("'")
    model = type(source_instance)
    field = model._meta.get_field(field_path[0])
    definition = _translatable_field(model, field_path[0])
    if isinstance(field, models.ManyToOneRel) and len(field_path) > 1:
        child_model = field.related_model
        field = child_model._meta.get_field(field_path[1])
        definition = _translatable_field(child_model, field_path[1])
    overridable = not isinstance(definition, SynchronizedField) or definition.overridable
    if isinstance(field, models.URLField):
        return True, overridable
    if isinstance(field, StreamField):
        block = field.stream_block
        for name in field_path[1:]:
            if isinstance(block, blocks.ListBlock):
                block = block.child_block
                if name == "item":
                    continue
            child = getattr(block, "child_blocks", {}).get(name)
            if child is None:
                break
            block = child
        return is_href or isinstance(block, blocks.URLBlock | EmbedBlock), overridable
    return is_href, overridable


def _translatable_field(model, name):
    for definition in get_translatable_fields(model):
        if definition.field_name == name:
            return definition
    return None


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
