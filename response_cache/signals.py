"""Site settings changes change the content version (response_cache.wagtail_hooks says
why the rendered site needs it), except the row Wagtail creates when a page first reads
the settings of a site (`SiteSettings.for_site` gets or creates it): with every field
at its default, it shows what no row showed, and bumping the version for it would make
every page's first rendering end the cache it was about to fill."""

from django.db.models.signals import post_delete, post_save

from content_api.version import bump_content_version
from home.models import SiteSettings


def _has_only_defaults(instance) -> bool:
    for field in instance._meta.concrete_fields:
        if field.primary_key or field.name == "site":
            continue
        if getattr(instance, field.attname) != field.get_default():
            return False
    return True


def _settings_saved(sender, instance, created, **kwargs):
    if created and _has_only_defaults(instance):
        return
    bump_content_version()


def _settings_deleted(sender, instance, **kwargs):
    bump_content_version()


def connect_signals() -> None:
    post_save.connect(_settings_saved, sender=SiteSettings, dispatch_uid="response-cache-settings")
    post_delete.connect(
        _settings_deleted, sender=SiteSettings, dispatch_uid="response-cache-settings-deleted"
    )
