from django.apps import AppConfig


class DemoConfig(AppConfig):
    """`manage.py load_demo_content`: the sections' demo content, in both languages."""

    name = "demo"
    verbose_name = "Demo content"
