"""The kinds of library resource. The values are a public contract: listing URLs
(`?resource_type=policy-brief`), API filters and the `/api/v2/resource-types/` vocabulary."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class ResourceType(models.TextChoices):
    REPORT = "report", _("Report")
    TOOLKIT = "toolkit", _("Toolkit")
    FACT_SHEET = "fact-sheet", _("Fact sheet")
    POLICY_BRIEF = "policy-brief", _("Policy brief")
    SLIDE_DECK = "slide-deck", _("Slide deck")
    TEMPLATE = "template", _("Template")
    DATA = "data", _("Data")


def resource_type_vocabulary() -> list[dict]:
    """Every resource type in the active language, for the API's vocabulary endpoint."""
    return [{"slug": value, "label": gettext(str(label))} for value, label in ResourceType.choices]
