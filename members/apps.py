from django.apps import AppConfig


class MembersConfig(AppConfig):
    """Profiles of member organisations and the directory by state."""

    name = "members"
