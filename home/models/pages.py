"""Home and standard pages, and the base every page type of the site builds on."""

from django.db import models
from django.http import Http404
from django.utils import translation
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.blocks import PageChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Locale, Page
from wagtail.search import index

from content_api.fields import PageSummaryField
from content_api.headless_preview import HeadlessPreviewModeMixin
from home.blocks import RICH_TEXT_FEATURES, BodyBlock, ProvisionBlock
from home.routing import route_from
from privacy.pages import PrivacyRulesMixin
from privacy.visibility import public_pages, public_pages_by_id


class BasePage(PrivacyRulesMixin, HeadlessPreviewModeMixin, Page):
    """Fields every page of the site has: a summary for listings and previews, and a
    social image for link previews; previews in the headless front end too."""

    summary = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences shown in listings, search results and link previews.",
    )
    social_image = models.ForeignKey(
        "home.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared on social media (1200×630 works best).",
    )

    search_fields = Page.search_fields + [index.SearchField("summary")]
    content_panels = Page.content_panels + ["summary"]
    promote_panels = Page.promote_panels + ["social_image"]
    api_fields = [
        APIField("summary"),
        APIField("social_image", serializer=ImageRenditionField("fill-1200x630")),
    ]

    class Meta:
        abstract = True

    @property
    def meta_description(self) -> str:
        return self.search_description or self.summary

    @property
    def meta_image(self):
        return self.social_image


class HomePage(BasePage):
    """The front page of a language's site: who the network is and what it offers."""

    # Hero
    hero_heading = models.CharField(
        max_length=160, help_text="The big statement at the top, e.g. the vision."
    )
    hero_text = models.TextField(blank=True, help_text="A sentence or two under the heading.")
    hero_image = models.ForeignKey(
        "home.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page the hero's button leads to.",
    )
    hero_link_label = models.CharField(max_length=60, blank=True)

    # Who we are
    mission = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    vision_heading = models.CharField(max_length=160, blank=True)
    vision = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    # What we provide
    provisions_heading = models.CharField(max_length=160, blank=True)
    provisions = StreamField(
        [("provision", ProvisionBlock())],
        blank=True,
        help_text="The things the network provides to its members, in order.",
    )
    body = StreamField(BodyBlock(), blank=True)
    featured = StreamField(
        [("page", PageChooserBlock())],
        blank=True,
        help_text="Pages to highlight on the home page.",
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("mission"),
        index.SearchField("vision"),
        index.SearchField("body"),
    ]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            ["hero_heading", "hero_text", "hero_image", "hero_link", "hero_link_label"],
            heading="Hero",
        ),
        MultiFieldPanel(["mission", "vision_heading", "vision"], heading="Mission and vision"),
        MultiFieldPanel(["provisions_heading", "provisions"], heading="What we provide"),
        FieldPanel("body"),
        FieldPanel("featured"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("hero_heading"),
        APIField("hero_text"),
        APIField("hero_image", serializer=ImageRenditionField("fill-1600x700")),
        APIField("hero_link", serializer=PageSummaryField(source="public_hero_link")),
        APIField("hero_link_label"),
        APIField("mission"),
        APIField("vision_heading"),
        APIField("vision"),
        APIField("provisions_heading"),
        APIField("provisions"),
        APIField("body"),
        APIField("featured"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "home page"

    @property
    def meta_image(self):
        return self.social_image or self.hero_image

    @cached_property
    def public_hero_link(self):
        """The hero button's page while anyone may open it (else no button)."""
        return public_pages_by_id(Page, [self.hero_link_id]).get(self.hero_link_id)

    @cached_property
    def featured_pages(self) -> list:
        """The featured pages anyone may open, in their order, each of its own type:
        a draft or members-only pick is not named on the home page."""
        ids = [block.value.pk for block in self.featured if block.value is not None]
        pages = public_pages(Page.objects.filter(pk__in=ids)).specific()
        by_id = {page.pk: page for page in pages}
        return [by_id[pk] for pk in ids if pk in by_id]

    def route(self, request, path_components):
        """Serve each language only from its own tree.

        For /es/... Wagtail routes from the Spanish home page, or from the English one
        when there is no live Spanish home page: that would publish the whole English
        site again under /es/, in English, as if it were Spanish.
        """
        # The active locale is read once per request (adapters.wagtail), this page's
        # locale row not at all.
        active = Locale.get_active()
        if translation.get_language() != active.language_code or self.locale_id != active.pk:
            raise Http404
        return route_from(self, request, path_components)


class StandardPage(BasePage):
    """A plain content page, such as About us or Our history."""

    introduction = models.TextField(blank=True, help_text="The opening paragraph, shown larger.")
    body = StreamField(BodyBlock(), blank=True)

    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    content_panels = BasePage.content_panels + ["introduction", "body"]
    api_fields = BasePage.api_fields + [APIField("introduction"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "standard page"
