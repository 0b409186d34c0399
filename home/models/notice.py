"""Site-wide notices, in the reader's language."""

from django.conf import settings
from django.db import models
from django.utils import translation
from wagtail.models import TranslatableMixin


class SiteNotice(TranslatableMixin, models.Model):
    """A short notice at the top of every page (e.g. during a redesign).

    A translatable snippet rather than a site setting, because site settings have one
    row per site and cannot be translated: this way a Spanish reader gets the Spanish
    text once a translator has written it, and the English one until then.
    """

    text = models.TextField(
        max_length=500,
        help_text="One or two sentences. Delete the notice to stop showing it.",
    )

    panels = ["text"]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "site notice"

    def __str__(self):
        return self.text[:60]

    @classmethod
    def for_active_language(cls) -> list["SiteNotice"]:
        """Every notice, each in the active language when it has been translated (one query)."""
        default, active = settings.LANGUAGE_CODE, translation.get_language()
        notices = (
            cls.objects.filter(locale__language_code__in={default, active})
            .select_related("locale")
            .order_by("pk")
        )
        originals, translated = [], {}
        for notice in notices:
            if notice.locale.language_code == default:
                originals.append(notice)
            if notice.locale.language_code == active:
                translated[notice.translation_key] = notice
        return [translated.get(notice.translation_key, notice) for notice in originals]
