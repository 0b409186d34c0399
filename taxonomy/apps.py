from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    """Filing and filtering: the topic, network and state filters every listing and the
    API share, and how terms appear in the API. (The models are home's.)"""

    name = "taxonomy"
    verbose_name = "Taxonomy"
