"""Settings editors change per site in Settings → Site settings."""

from django.db import models
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from home.models.social import SocialLinksMixin


@register_setting(icon="cog")
class SiteSettings(SocialLinksMixin, BaseSiteSetting):
    """Contact details and social links, shown in the footer. (The site-wide notice is
    a translatable snippet: home/models/notice.py.)"""

    contact_email = models.EmailField(
        blank=True, help_text="Shown in the footer for questions from the public."
    )

    panels = [
        "contact_email",
        SocialLinksMixin.social_link_panel,
    ]

    class Meta:
        verbose_name = "site settings"

    @classmethod
    def for_site(cls, site):
        """The site's settings, read once per content version (their saves change it:
        response_cache.signals), not on every page."""
        from content_api.versioned import until_content_changes

        read = super().for_site
        return until_content_changes(("site-settings", site.pk), lambda: read(site))
