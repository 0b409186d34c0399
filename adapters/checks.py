"""Start-up checks of the assumptions about third-party internals that settings can break
(run by runserver, migrate and `manage.py check`; the rest are in adapters/tests)."""

from django.core.checks import Error, register

from adapters import localize

EDITORS_ONLY_HINT = (
    'Put "languages" before "wagtail_localize" in INSTALLED_APPS, so that its '
    "register_admin_urls hook (languages/wagtail_hooks.py) registers these paths first."
)


@register()
def check_translation_views_are_editors_only(app_configs=None, **kwargs):
    """wagtail-localize's submit and sync URLs lead to languages' editors-only views."""
    from languages.permissions import EditorsOnlyMixin

    errors = []
    for path, view_class in localize.views_answering_replaced_urls():
        if view_class is not None and issubclass(view_class, EditorsOnlyMixin):
            continue
        if view_class is None:
            # wagtail-localize renamed or moved the URL: languages' path may no longer be
            # the one its buttons lead to.
            answer = "does not resolve to a view class"
        else:
            answer = f"is answered by {view_class.__module__}.{view_class.__qualname__}"
        errors.append(
            Error(
                f"wagtail-localize's {path} {answer}, not by an editors-only view of "
                "languages.permissions: anyone with the global permission could submit or "
                "sync translations of pages and snippets they may not edit.",
                hint=EDITORS_ONLY_HINT,
                id="adapters.E001",
            )
        )
    return errors
