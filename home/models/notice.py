"""Site-wide notices, in the reader's language."""

from django.db import models
from wagtail.models import TranslatableMixin

from languages.terms import in_language


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
        return list(in_language(cls).values())
