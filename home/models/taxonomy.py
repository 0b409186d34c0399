"""The vocabulary every content type is filed under: topics, networks and US states.

Pages link to the default-language (English) topic and network rows; their
Spanish translations exist for display (`topic.localized`). Slugs are kept the
same in every language, so a filter such as `?topic=child-nutrition` means the
same thing on the English and the Spanish site and in the API.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, gettext
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from taxonomy.serializers import NetworkSerializer, StateSerializer, TopicSerializer
from taxonomy.states import DISTRICT, STATE, TERRITORY, name_sort_key


def default_language_only():
    """Choices for page taxonomy fields: the English rows, which every translation shares."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class SharedSlugMixin:
    """For a translatable term whose slug is its filters' value (`?topic=`, `?series=`):
    the slug is the same in every language. wagtail-localize copies it from the source
    and does not offer it to translators, and saving a translation with another slug
    through a form is a form error rather than a filter that silently finds nothing."""

    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    def clean(self):
        super().clean()
        source_slug = (
            type(self)
            .objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
            .first()
        )
        if source_slug is not None and self.slug != source_slug:
            raise ValidationError(
                {"slug": f"Keep the slug of the English version, “{source_slug}”."}
            )


class Vocabulary(SharedSlugMixin, TranslatableMixin, index.Indexed, models.Model):
    """Shared shape of a translatable term with a stable, language-independent slug."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(
        max_length=100,
        help_text="Used in web addresses and API filters (e.g. ?topic=child-nutrition). "
        "Keep it the same in every language.",
    )
    description = models.TextField(blank=True)

    panels = ["name", "slug", "description"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Topic(Vocabulary):
    """An issue area the network works on, such as child nutrition or the Census."""

    class Meta(Vocabulary.Meta):
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Network(Vocabulary):
    """A network of members: the Partnership itself, or a specialised one such as SPARC."""

    short_name = models.CharField(
        max_length=30, blank=True, help_text="Acronym shown in tight spaces, e.g. SPARC."
    )
    website = models.URLField(blank=True)

    panels = ["name", "short_name", "slug", "description", "website"]

    class Meta(Vocabulary.Meta):
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    @property
    def display_name(self):
        return self.short_name or self.name


class State(models.Model):
    """A US state, DC or a territory, keyed by its USPS code. Fixed reference data.

    `name` is the English name, as stored (and sorted) in the database; show
    `localized_name`, which the interface catalogue gives in the active language
    (see taxonomy.states).
    """

    KIND_CHOICES = [(STATE, "State"), (DISTRICT, "District"), (TERRITORY, "Territory")]

    code = models.CharField(max_length=2, primary_key=True, help_text="USPS code, e.g. OH.")
    name = models.CharField(max_length=60)
    kind = models.CharField(max_length=10, choices=KIND_CHOICES, default=STATE)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.localized_name

    @property
    def localized_name(self) -> str:
        """“Nueva York” in Spanish, “New York” in English."""
        return gettext(self.name)

    @staticmethod
    def in_name_order(states) -> list["State"]:
        """`states` sorted by their names in the active language."""
        return sorted(states, key=lambda state: name_sort_key(state.localized_name))

    @classmethod
    def all_in_name_order(cls) -> list["State"]:
        """Every state, sorted by its name in the active language: kept per language (and
        content version, though the states are fixed data), as every listing's filters
        and the member map ask for them."""
        from content_api.versioned import until_content_changes

        return until_content_changes(
            ("states-in-name-order", get_language()),
            lambda: cls.in_name_order(cls.objects.all()),
        )


class TaxonomyMixin(models.Model):
    """Topics, networks and states for a page type; every content type uses it.

    `taxonomy_filters` maps the public filter names (listing query string and API)
    to ORM lookups, so a type with a single state can override one entry.
    """

    topics = ParentalManyToManyField(
        Topic, blank=True, related_name="+", limit_choices_to=default_language_only
    )
    networks = ParentalManyToManyField(
        Network, blank=True, related_name="+", limit_choices_to=default_language_only
    )
    states = ParentalManyToManyField(
        State, blank=True, related_name="+", help_text="Leave empty for national content."
    )

    # Translations share the source page's filing (the English rows, shown localised),
    # which translators are not offered to override.
    override_translatable_fields = [
        SynchronizedField("topics", overridable=False),
        SynchronizedField("networks", overridable=False),
        SynchronizedField("states", overridable=False),
    ]
    taxonomy_filters = {
        "topic": "topics__slug",
        "network": "networks__slug",
        "state": "states__code",
    }
    taxonomy_api_fields = [
        APIField("topics", serializer=TopicSerializer(many=True, read_only=True)),
        APIField("networks", serializer=NetworkSerializer(many=True, read_only=True)),
        APIField("states", serializer=StateSerializer(many=True, read_only=True)),
    ]
    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("networks", widget=forms.CheckboxSelectMultiple),
                FieldPanel("states", widget=forms.SelectMultiple(attrs={"size": 8})),
            ],
            heading="Filing",
        )
    ]

    class Meta:
        abstract = True
