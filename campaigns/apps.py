from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    """National campaigns such as Count All Kids (the Census) and SPARC."""

    name = "campaigns"
