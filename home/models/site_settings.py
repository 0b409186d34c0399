"""Settings editors change per site in Settings → Site settings."""

from django.db import models
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from home.models.social import SocialLinksMixin


@register_setting(icon="cog")
class SiteSettings(SocialLinksMixin, BaseSiteSetting):
    """Contact details, social links and a site-wide notice, shown in the header and footer."""

    contact_email = models.EmailField(
        blank=True, help_text="Shown in the footer for questions from the public."
    )
    notice = models.TextField(
        blank=True,
        help_text="A short notice shown at the top of every page (e.g. during a redesign). "
        "Leave empty to show none.",
    )

    panels = [
        "contact_email",
        "notice",
        SocialLinksMixin.social_link_panel,
    ]

    class Meta:
        verbose_name = "site settings"
