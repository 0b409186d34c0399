"""Links to social media accounts, for the organisation (site settings) and its members."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

SOCIAL_LINK_FIELDS = (
    "bluesky_url",
    "facebook_url",
    "instagram_url",
    "linkedin_url",
    "x_url",
    "youtube_url",
)


class SocialLinksMixin(models.Model):
    bluesky_url = models.URLField(blank=True, verbose_name="Bluesky")
    facebook_url = models.URLField(blank=True, verbose_name="Facebook")
    instagram_url = models.URLField(blank=True, verbose_name="Instagram")
    linkedin_url = models.URLField(blank=True, verbose_name="LinkedIn")
    x_url = models.URLField(blank=True, verbose_name="X (Twitter)")
    youtube_url = models.URLField(blank=True, verbose_name="YouTube")

    social_link_panel = MultiFieldPanel(
        [FieldPanel(name) for name in SOCIAL_LINK_FIELDS], heading="Social links"
    )

    class Meta:
        abstract = True

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(name, url) of each social account that is set, in display order."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in SOCIAL_LINK_FIELDS
            if getattr(self, name)
        ]
