"""Campaigns: national efforts the network leads, such as Count All Kids (the Census) and
SPARC.

A campaign page shows what editors write (goals, statistics, timeline, partners) next to
what the site already knows: upcoming webinars, recent library resources and, for a
network campaign, its members and membership figures. Those come from the other
sections through the hooks of campaigns.related, so they stay current without anyone
maintaining them and campaigns never imports the other sections.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import formats, timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_noop
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from campaigns.blocks import GoalBlock
from campaigns.related import computed_figures, related_sections
from campaigns.serializers import (
    ComputedFiguresField,
    MilestoneSerializer,
    RelatedContentField,
    RelatedPagesField,
)
from content_api.caching import time_states
from content_api.versioned import until_content_changes
from home.blocks import BodyBlock, CallToActionBlock, StatisticBlock
from home.models import BasePage, CustomRendition, TaxonomyMixin
from privacy.visibility import public_pages

HERO_SPEC = "fill-1600x700"
CARD_IMAGE_SPEC = "fill-640x360"
# Partner logos: the page and the API use the same rendition, made once.
LOGO_SPEC = "max-240x120"

# Marked for the catalogue, translated when shown (it is also quoted in a help text).
DEFAULT_ARCHIVED_NOTICE = gettext_noop(
    "This campaign has ended. The page is kept as a record of its work and is no longer updated."
)


class CampaignStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    ARCHIVED = "archived", "Archived"


class PartnerRole(models.TextChoices):
    PARTNER = "partner", "Partner"
    FUNDER = "funder", "Funder"


class CampaignIndexPage(BasePage):
    """The campaigns section: active campaigns first, then the archive."""

    introduction = models.TextField(blank=True, help_text="Shown above the list of campaigns.")

    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    content_panels = BasePage.content_panels + ["introduction"]
    api_fields = BasePage.api_fields + [APIField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "campaign index page"

    def campaigns(self):
        """Live, public campaigns of this section (a members-only one never shows here)."""
        campaigns = public_pages(CampaignPage.objects.child_of(self))
        return campaigns.select_related("hero_image").order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = list(self.campaigns())
        context["active_campaigns"] = [c for c in campaigns if not c.is_archived]
        context["archived_campaigns"] = [c for c in campaigns if c.is_archived]
        return context


class CampaignPage(TaxonomyMixin, BasePage):
    """One campaign. Filed under a network (e.g. SPARC), it is a network campaign: its
    page states the network's membership, counted from the member profiles."""

    # Introduction
    tagline = models.CharField(
        max_length=160, blank=True, help_text="A line under the title, e.g. “Every child counts”."
    )
    hero_image = models.ForeignKey(
        "home.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide image at the top of the page (1600×700 works best).",
    )
    introduction = models.TextField(blank=True, help_text="The opening paragraph, shown larger.")

    # Status
    status = models.CharField(
        max_length=10,
        choices=CampaignStatus.choices,
        default=CampaignStatus.ACTIVE,
        help_text="Archive a campaign that has ended: it stays online with a notice.",
    )
    archived_notice = models.TextField(
        blank=True,
        help_text="Shown at the top of an archived campaign. Leave empty for the standard "
        f"notice: “{DEFAULT_ARCHIVED_NOTICE}”",
    )

    # Content
    goals = StreamField(
        [("goal", GoalBlock())], blank=True, help_text="What the campaign sets out to achieve."
    )
    body = StreamField(BodyBlock(), blank=True)
    statistics = StreamField(
        [("statistic", StatisticBlock())],
        blank=True,
        help_text="Key figures, with their sources. Member counts of a network are added "
        "automatically: do not type them here.",
    )
    call_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        blank=True,
        max_num=1,
        help_text="One appeal with a button, e.g. a sign-up link.",
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("tagline"),
        index.SearchField("introduction"),
        index.SearchField("goals"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.RelatedFields("partners", [index.SearchField("name")]),
    ]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(["tagline", "hero_image", "introduction"], heading="Introduction"),
        MultiFieldPanel(["status", "archived_notice"], heading="Status"),
        "goals",
        "body",
        "statistics",
        InlinePanel(
            "milestones",
            heading="Timeline",
            label="Milestone",
            help_text="Shown in date order, whatever their order here.",
        ),
        InlinePanel("partners", heading="Partners and funders", label="Partner or funder"),
        "call_to_action",
        InlinePanel("contacts", heading="Contacts", label="Contact"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content="Upcoming webinars, recent library resources and the members of "
                    "the campaign's network are listed automatically, from its networks and "
                    "topics below. Add pages here to show them as well."
                ),
                InlinePanel("related_page_links", label="Page"),
            ],
            heading="Related pages",
        ),
        *TaxonomyMixin.taxonomy_panels,
    ]
    api_fields = BasePage.api_fields + [
        APIField("tagline"),
        APIField("hero_image", serializer=ImageRenditionField(HERO_SPEC)),
        APIField(
            "hero_image_thumbnail",
            serializer=ImageRenditionField(CARD_IMAGE_SPEC, source="hero_image"),
        ),
        APIField("introduction"),
        APIField("status"),
        APIField("archived_message"),
        APIField("goals"),
        APIField("body"),
        APIField("statistics"),
        APIField("computed_figures", serializer=ComputedFiguresField(read_only=True)),
        APIField("timeline", serializer=MilestoneSerializer(many=True, read_only=True)),
        APIField("partners"),
        APIField("call_to_action"),
        APIField("contacts"),
        *TaxonomyMixin.taxonomy_api_fields,
        APIField("related_pages", serializer=RelatedPagesField(read_only=True)),
        APIField("related_content", serializer=RelatedContentField(read_only=True)),
    ]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    # A translation shares the campaign's status and filing: archiving the campaign
    # archives it in every language.
    override_translatable_fields = TaxonomyMixin.override_translatable_fields + [
        SynchronizedField("status", overridable=False),
    ]

    class Meta:
        verbose_name = "campaign"

    @property
    def is_archived(self) -> bool:
        return self.status == CampaignStatus.ARCHIVED

    @property
    def archived_message(self) -> str:
        """The notice shown on an archived campaign; empty while it is active."""
        if not self.is_archived:
            return ""
        return self.archived_notice or gettext(DEFAULT_ARCHIVED_NOTICE)

    @property
    def timeline(self) -> list["CampaignMilestone"]:
        """The milestones in date order: each year's undated milestones before its dated ones."""
        return sorted(self.milestones.all(), key=CampaignMilestone.sort_key)

    @cached_property
    def partner_list(self) -> list["CampaignPartner"]:
        """Partners and funders with their logo renditions, in a fixed number of queries."""
        return list(
            self.partners.select_related("logo").prefetch_related(
                Prefetch(
                    "logo__renditions",
                    queryset=CustomRendition.objects.filter(filter_spec=LOGO_SPEC),
                    to_attr="prefetched_renditions",
                )
            )
        )

    @property
    def funders(self) -> list["CampaignPartner"]:
        return [partner for partner in self.partner_list if partner.role == PartnerRole.FUNDER]

    @property
    def partner_organisations(self) -> list["CampaignPartner"]:
        return [partner for partner in self.partner_list if partner.role != PartnerRole.FUNDER]

    # What the other sections' providers filter on (see campaigns.related). Read once per
    # page, so every provider shares them.

    @cached_property
    def filed_networks(self) -> list:
        return list(self.networks.all())

    @cached_property
    def filed_topics(self) -> list:
        return list(self.topics.all())

    @cached_property
    def network_ids(self) -> list[int]:
        return [network.pk for network in self.filed_networks]

    @cached_property
    def topic_ids(self) -> list[int]:
        return [topic.pk for topic in self.filed_topics]

    @cached_property
    def related_pages(self) -> list[Page]:
        """The editors' picks that anyone may see, in their order, each in the campaign's
        language where it has been translated (a Spanish campaign keeps the picks of the
        English one it was translated from). A draft or members-only page is left out, so
        its title never leaks onto this page or into the API."""
        ids = [link.related_page_id for link in self.related_page_links.all()]
        return until_content_changes(
            ("campaign-picks", self.locale_id, tuple(ids)), lambda: self._visible_picks(ids)
        )

    def _visible_picks(self, ids) -> list[Page]:
        keys = dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
        visible = public_pages(Page.objects.filter(translation_key__in=keys.values()))
        by_key = {}
        for page in visible:
            if page.locale_id == self.locale_id or page.pk in keys:
                mine = by_key.get(page.translation_key)
                if mine is None or page.locale_id == self.locale_id:
                    by_key[page.translation_key] = page
        picks = [by_key.get(keys[pk]) for pk in ids if pk in keys]
        return [page for page in picks if page is not None]

    @cached_property
    def related_content(self):
        """Each provider's pages (upcoming webinars, members…), without the editors' picks."""
        exclude_ids = frozenset(page.pk for page in self.related_pages)
        return until_content_changes(
            self._filing_key("campaign-related", tuple(sorted(exclude_ids))),
            lambda: related_sections(self, exclude_ids=exclude_ids),
        )

    @cached_property
    def computed_figures(self) -> list[dict]:
        """Figures computed from the site's data, e.g. a network's membership."""
        return until_content_changes(
            self._filing_key("campaign-figures"), lambda: computed_figures(self)
        )

    def _filing_key(self, name, *more) -> tuple:
        """What the providers' answers depend on besides the content: the campaign's
        language and filing (so a preview of a draft filed otherwise gets its own), the
        active language (their headings and sentences) and the clock-driven states (a
        webinar that has started is no longer upcoming)."""
        state, _max_age = time_states()
        filing = (self.locale_id, tuple(self.network_ids), tuple(self.topic_ids))
        return (name, *filing, translation.get_language(), state, *more)

    def get_context(self, request, *args, **kwargs):
        # The filing is read by the template and by each related section: once.
        prefetch_related_objects([self], "topics", "networks")
        context = super().get_context(request, *args, **kwargs)
        context["related_sections"] = self.related_content
        return context


class CampaignMilestone(TranslatableMixin, Orderable):
    """A dated step of a campaign: a day (Census Day 2020) or just a year (2030).

    Translatable, like the campaign's other children: translators get the label and text
    in wagtail-localize's editor; the date and year are kept in step with the English.
    """

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(
        null=True, blank=True, help_text="The exact day, if there is one. Leave the year empty."
    )
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text="For a milestone without an exact day, e.g. 2030.",
    )
    label = models.CharField(max_length=120, help_text="A few words, e.g. “Census Day”.")
    text = models.TextField(max_length=600, blank=True, help_text="A sentence or two.")

    panels = [FieldRowPanel(["date", "year"], heading="When"), "label", "text"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "milestone"

    def __str__(self):
        return f"{self.when}: {self.label}"

    def clean(self):
        super().clean()
        if self.date is None and self.year is None:
            raise ValidationError({"year": "Give a date or a year."})
        if self.date is not None and self.year not in (None, self.date.year):
            raise ValidationError({"year": "The year does not match the date."})
        self.fill_year()

    def save(self, *args, **kwargs):
        self.fill_year()
        super().save(*args, **kwargs)

    def fill_year(self):
        if self.date is not None:
            self.year = self.date.year

    def sort_key(self):
        year = self.date.year if self.date else self.year or 0
        return (year, self.date is not None, self.date or datetime.date.min, self.sort_order or 0)

    @property
    def when(self) -> str:
        """“April 1, 2020” (“1 de abril de 2020” in Spanish), or “2030” for a milestone
        given by its year."""
        return formats.date_format(self.date) if self.date else str(self.year or "")

    @property
    def iso_when(self) -> str:
        """For a <time datetime> attribute: 2020-04-01 or 2030."""
        return self.date.isoformat() if self.date else str(self.year or "")

    @property
    def is_ahead(self) -> bool:
        today = timezone.localdate()
        if self.date:
            return self.date > today
        return bool(self.year) and self.year > today.year


class CampaignPartner(TranslatableMixin, Orderable):
    """An organisation working with the campaign, or funding it.

    Its name is translated (a coalition may have a Spanish name; a translator copies a
    name that has none); the role, logo and website are kept in step with the English.
    """

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(max_length=160)
    role = models.CharField(max_length=10, choices=PartnerRole.choices, default=PartnerRole.PARTNER)
    logo = models.ForeignKey(
        "home.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. On a plain background; give it the organisation's name as alt text.",
    )
    link = models.URLField(blank=True, help_text="The organisation's website.")

    panels = [FieldRowPanel(["name", "role"]), "logo", "link"]
    api_fields = [
        APIField("name"),
        APIField("role"),
        APIField("logo", serializer=ImageRenditionField(LOGO_SPEC, preserve_svg=True)),
        APIField("link"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "partner or funder"

    def __str__(self):
        return self.name


class CampaignContact(TranslatableMixin, Orderable):
    """Who to contact about the campaign: a team or a role, with a public address.

    The team and what to contact it about are translated; the address and phone number
    are the same in every language.
    """

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(
        max_length=120,
        help_text="A team or a role, e.g. “SPARC team”. Never a personal address without that "
        "person's agreement: it is shown on the page and in the API.",
    )
    role = models.CharField(
        max_length=160, blank=True, help_text="What to contact them about, e.g. “Press”."
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    panels = [FieldRowPanel(["name", "role"]), FieldRowPanel(["email", "phone"])]
    api_fields = [APIField("name"), APIField("role"), APIField("email"), APIField("phone")]
    # A phone number is text to wagtail-localize, which would offer it for translation;
    # the address and number are the same in every language, not overridable.
    override_translatable_fields = [
        SynchronizedField("email", overridable=False),
        SynchronizedField("phone", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "contact"

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not (self.email or self.phone):
            raise ValidationError({"email": "Give an email address or a phone number."})


class CampaignRelatedPage(Orderable):
    """A page editors pick to show on the campaign, beside the automatic lists."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="related_page_links")
    related_page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="page"
    )

    panels = [PageChooserPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = "related page"
