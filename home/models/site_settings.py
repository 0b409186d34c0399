"""Settings editors change per site in Settings → Site settings."""

from django.db import models
from wagtail.admin.panels import MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details, social links and a site-wide notice, shown in the header and footer."""

    contact_email = models.EmailField(
        blank=True, help_text="Shown in the footer for questions from the public."
    )
    notice = models.TextField(
        blank=True,
        help_text="A short notice shown at the top of every page (e.g. during a redesign). "
        "Leave empty to show none.",
    )
    # Social links
    bluesky_url = models.URLField(blank=True, verbose_name="Bluesky")
    facebook_url = models.URLField(blank=True, verbose_name="Facebook")
    instagram_url = models.URLField(blank=True, verbose_name="Instagram")
    linkedin_url = models.URLField(blank=True, verbose_name="LinkedIn")
    x_url = models.URLField(blank=True, verbose_name="X (Twitter)")
    youtube_url = models.URLField(blank=True, verbose_name="YouTube")

    panels = [
        "contact_email",
        "notice",
        MultiFieldPanel(
            [
                "bluesky_url",
                "facebook_url",
                "instagram_url",
                "linkedin_url",
                "x_url",
                "youtube_url",
            ],
            heading="Social links",
        ),
    ]

    class Meta:
        verbose_name = "site settings"

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(name, url) of each social account that is set, in display order."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in (
                "bluesky_url",
                "facebook_url",
                "instagram_url",
                "linkedin_url",
                "x_url",
                "youtube_url",
            )
            if getattr(self, name)
        ]
