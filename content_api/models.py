"""The content version's home in the database (content_api.caching)."""

from django.db import models


class ContentVersion(models.Model):
    """The version of the public content: one row, which every process reads, so that all
    of them agree on the API's validators with or without a shared cache (a shared cache
    keeps a copy). Set when a transaction that changed public content commits."""

    ROW = 1

    token = models.CharField(max_length=32)
    at = models.BigIntegerField(help_text="Unix time (seconds) of the change.")

    def __str__(self):
        return f"{self.token} at {self.at}"
