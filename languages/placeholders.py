"""Nothing is live in Spanish with English text, parents included.

Translating a page whose parent sections have no Spanish version yet makes
wagtail-localize (through Wagtail's `copy_for_translation(copy_parents=True)`) put an
*alias* of each English parent in the Spanish tree, and Wagtail keeps an alias live
whenever its original is published (`Page.update_aliases` publishes every alias). So
submitting /members/board/ for translation put /es/members/ live, in English.

An alias in another language than its original is such a placeholder: it is saved as a
draft, always (whoever saves it: the copy, the source's next publish, "Convert to alias
page"). The Spanish pages under it are served as usual (Wagtail routes through a draft
parent), and translating the placeholder turns it into a page of its own, published when
a translator publishes it.
"""

from wagtail.models import Page
from wagtail.signals import page_unpublished


def is_placeholder(page: Page) -> bool:
    """Whether `page` is an alias of a page in another language."""
    if not page.alias_of_id:
        return False
    original_locale = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True)
    return original_locale.first() not in (None, page.locale_id)


def keep_placeholder_in_draft(sender, instance, update_fields=None, **kwargs) -> None:
    if not isinstance(instance, Page) or not instance.live:
        return
    if update_fields is not None and "live" not in update_fields:
        return
    if not is_placeholder(instance):
        return
    instance.live = False
    instance.has_unpublished_changes = True
    instance._placeholder_taken_offline = (
        instance.pk is not None and Page.objects.filter(pk=instance.pk, live=True).exists()
    )


def announce_placeholder_taken_offline(sender, instance, **kwargs) -> None:
    """A placeholder that was live (before this rule) is unpublished: caches hear of it."""
    if getattr(instance, "_placeholder_taken_offline", False):
        instance._placeholder_taken_offline = False
        page_unpublished.send(sender=type(instance), instance=instance)


def connect_signals() -> None:
    from django.db.models.signals import post_save, pre_save

    pre_save.connect(keep_placeholder_in_draft, dispatch_uid="localize-placeholder-draft")
    post_save.connect(
        announce_placeholder_taken_offline, dispatch_uid="localize-placeholder-offline"
    )
