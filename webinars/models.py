"""Webinars: live sessions of the network that become a recording archive.

A webinar is "upcoming" until it ends (`starts_at + duration`) and "past" after
that. Nothing is stored about the state: the listing, the detail page, the
calendars and the API all compute it from the clock, so no editor action is needed
when a session ends.
"""

from datetime import timedelta

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, DateTimeField, ExpressionWrapper, F, When
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, PageManager, PageQuerySet, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from content_api.fields import DocumentSummaryField, PageSummariesField, PageSummaryField
from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.models import BasePage, TaxonomyMixin
from home.models.taxonomy import SharedSlugMixin, default_language_only
from languages.links import public_versions_in
from library.models import ResourcePage
from privacy.visibility import media_shown_on, public_pages, public_pages_by_id
from taxonomy.filters import FilterErrors
from webinars.calendar import (
    FEED_MAX_EVENTS,
    FEED_PAST_DAYS,
    calendar_response,
    page_uid,
    webinars_calendar,
)
from webinars.filters import WebinarFilters
from webinars.serializers import SeriesSerializer
from webinars.structured_data import event_json_ld

# Routes of the pages below. Wagtail resolves a page's routes before its children,
# so a webinar may not take one of these as its slug.
CALENDAR_ROUTE = "calendar"
RESERVED_SLUGS = frozenset({CALENDAR_ROUTE})

LISTING_PAGE_SIZE = 12


DURATION_CHOICES = [
    (timedelta(minutes=minutes), label)
    for minutes, label in [
        (30, "30 minutes"),
        (45, "45 minutes"),
        (60, "1 hour"),
        (75, "1 hour 15 minutes"),
        (90, "1 hour 30 minutes"),
        (120, "2 hours"),
        (150, "2 hours 30 minutes"),
        (180, "3 hours"),
        (240, "4 hours"),
        (480, "A full day (8 hours)"),
    ]
]

# The end of a session, computed in the database so that filtering and ordering by
# "upcoming" or "past" is one query on SQLite and PostgreSQL alike.
SESSION_END = ExpressionWrapper(F("starts_at") + F("duration"), output_field=DateTimeField())


class Series(SharedSlugMixin, TranslatableMixin, models.Model):
    """A run of webinars under one name, such as the monthly Peer Exchange.

    A translatable snippet, like topics and networks: webinars (in every language) link
    to the English row and show its translation (`series.localized`). The slug is the
    same in every language, so `?series=peer-exchange` filters alike in both.
    """

    name = models.CharField(max_length=100)
    slug = models.SlugField(
        max_length=100,
        help_text="Used in web addresses, calendar feeds and the API (e.g. ?series=peer-exchange). "
        "Keep it the same in every language.",
    )
    description = models.TextField(blank=True)

    panels = ["name", "slug", "description"]

    class Meta(TranslatableMixin.Meta):
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        ordering = ["name"]
        verbose_name = "webinar series"
        verbose_name_plural = "webinar series"

    def __str__(self):
        return self.name


class WebinarPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Sessions that have not ended yet (including one that is on now)."""
        return self.alias(session_end=SESSION_END).filter(session_end__gt=now or timezone.now())

    def past(self, now=None):
        return self.alias(session_end=SESSION_END).filter(session_end__lte=now or timezone.now())

    def in_listing_order(self, now=None):
        """Upcoming sessions soonest first, then past sessions newest first."""
        now = now or timezone.now()
        upcoming_start = Case(When(session_end__gt=now, then=F("starts_at")))
        return self.alias(session_end=SESSION_END).order_by(
            upcoming_start.asc(nulls_last=True), F("starts_at").desc(), "pk"
        )


WebinarPageManager = PageManager.from_queryset(WebinarPageQuerySet)


class WebinarIndexPage(RoutablePageMixin, BasePage):
    """The webinars section: upcoming sessions, the recording archive, and calendars."""

    introduction = models.TextField(blank=True, help_text="Shown above the list of webinars.")

    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    content_panels = BasePage.content_panels + ["introduction"]
    api_fields = BasePage.api_fields + [APIField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["webinars.WebinarPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "webinar index page"

    def webinars(self):
        """Live, public webinars of this section. Members-only sessions never appear in
        the listing or the feed, whoever asks: both may be cached and shared."""
        webinars = public_pages(WebinarPage.objects.child_of(self))
        return webinars.select_related("webinar_series", "locale")

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The listing. Its filters live in the query string, so they work without
        JavaScript and a filtered view can be bookmarked or shared."""
        context = {
            "filter_form": WebinarFilters.form(request.GET, WebinarFilters.form_filters),
            "calendar_url": self.calendar_url(request),
        }
        try:
            selected = WebinarFilters.from_params(request.GET)
        except FilterErrors as errors:
            context["filter_error"] = errors.first
            response = self.render(request, context_overrides=context)
            response.status_code = 400
            return response

        now = timezone.now()
        webinars = selected.apply(self.webinars()).in_listing_order(now)
        webinars = webinars.prefetch_related("topics", "networks", "speakers")
        page_obj = Paginator(webinars, LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
        items = list(page_obj.object_list)
        context |= {
            "is_filtered": bool(selected),
            "page_obj": page_obj,
            "upcoming": [webinar for webinar in items if webinar.ends_at > now],
            "past": [webinar for webinar in items if webinar.ends_at <= now],
            "feed_url": context["calendar_url"] + selected.query_string(),
            "webcal_url": webcal(context["calendar_url"] + selected.query_string()),
        }
        return self.render(request, context_overrides=context)

    @path(f"{CALENDAR_ROUTE}/", name="calendar")
    def calendar_feed(self, request):
        """A subscribable calendar of this section, filtered like the listing."""
        try:
            selected = WebinarFilters.from_params(request.GET)
        except FilterErrors as errors:
            return HttpResponseBadRequest(str(errors), content_type="text/plain; charset=utf-8")
        since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
        webinars = selected.apply(self.webinars()).filter(starts_at__gte=since)
        calendar = webinars_calendar(
            webinars.order_by("starts_at")[:FEED_MAX_EVENTS],
            request,
            name=self.title,
            url=self.get_full_url(request),
            # Each filtered feed is a calendar of its own.
            uid=page_uid(self) + selected.query_string(),
        )
        response = calendar_response(calendar, filename=f"{self.slug}.ics", inline=True)
        # Only public sessions are in the feed, so shared caches may keep it a while.
        response["Cache-Control"] = "public, max-age=900"
        return response

    def calendar_url(self, request=None):
        """The feed's full URL: calendar apps subscribe to absolute addresses."""
        return self.get_full_url(request) + self.reverse_subpage("calendar")


def webcal(url: str) -> str:
    """The same address with the webcal scheme, which opens a calendar app to subscribe."""
    return "webcal://" + url.split("://", 1)[-1]


class WebinarPage(RoutablePageMixin, TaxonomyMixin, BasePage):
    """One live session of the network, and its recording once it has taken place."""

    # Schedule
    starts_at = models.DateTimeField(
        help_text="When the live session starts, in US Eastern time.", db_index=True
    )
    duration = models.DurationField(
        choices=DURATION_CHOICES,
        default=timedelta(hours=1),
        help_text="How long the live session lasts. It shows as past once it has ended.",
    )
    webinar_series = models.ForeignKey(
        Series,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="webinars",
        verbose_name="series",
        limit_choices_to=default_language_only,
        help_text="The run of sessions this one belongs to, if any.",
    )
    registration_url = models.URLField(
        blank=True, help_text="Where people sign up. Shown until the session ends."
    )

    # Content
    body = StreamField(BodyBlock(), blank=True, help_text="What the session covers.")

    # After the session
    recording_url = models.URLField(
        blank=True,
        help_text="The video of the session (YouTube, Vimeo…). Shown once the session has ended.",
    )
    slides = models.ForeignKey(
        "home.CustomDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The presentation, as a document. Put members-only slides in a private "
        "collection.",
    )
    transcript = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    objects = WebinarPageManager()

    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("transcript"),
        index.FilterField("starts_at"),
        index.RelatedFields("speakers", [index.SearchField("name")]),
    ]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel(["starts_at", "duration"]), "webinar_series", "registration_url"],
            heading="Schedule",
        ),
        "body",
        InlinePanel("speakers", heading="Speakers", label="Speaker"),
        MultiFieldPanel(["recording_url", "slides", "transcript"], heading="After the session"),
        InlinePanel(
            "related_resource_links",
            heading="Related library resources",
            label="Resource",
            panels=["resource"],
        ),
        *TaxonomyMixin.taxonomy_panels,
    ]
    api_fields = BasePage.api_fields + [
        APIField("starts_at"),
        APIField("ends_at", serializer=serializers.DateTimeField(read_only=True)),
        APIField("duration", serializer=serializers.DurationField(read_only=True)),
        APIField("duration_minutes"),
        APIField("is_upcoming"),
        APIField("status"),
        APIField("series", serializer=SeriesSerializer(source="webinar_series", read_only=True)),
        *TaxonomyMixin.taxonomy_api_fields,
        APIField("speakers"),
        APIField("registration_url"),
        APIField("body"),
        APIField("recording_url"),
        APIField("slides", serializer=DocumentSummaryField(source="public_slides")),
        APIField("transcript"),
        APIField("related_resources", serializer=PageSummariesField(read_only=True)),
    ]

    parent_page_types = ["webinars.WebinarIndexPage"]
    subpage_types = []

    # A translation stays in the English series (shown translated), like its filing.
    override_translatable_fields = TaxonomyMixin.override_translatable_fields + [
        SynchronizedField("webinar_series", overridable=False),
    ]

    class Meta:
        verbose_name = "webinar"

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” is used by the webinars section."})

    @property
    def ends_at(self):
        return self.starts_at + self.duration

    @property
    def duration_minutes(self) -> int:
        return int(self.duration.total_seconds() // 60)

    @property
    def is_upcoming(self) -> bool:
        """True until the session ends; then registration gives way to the recording."""
        return self.ends_at > timezone.now()

    @property
    def is_live_now(self) -> bool:
        now = timezone.now()
        return self.starts_at <= now < self.ends_at

    @property
    def status(self) -> str:
        return "upcoming" if self.is_upcoming else "past"

    @property
    def series(self):
        return self.webinar_series

    @classmethod
    def prepare_api_listing(cls, pages, fields):
        """The related resources and speakers' members of a whole API listing, each in
        one query."""
        if "related_resources" in fields:
            links = [link for page in pages for link in page.related_resource_links.all()]
            visible = public_pages_by_id(ResourcePage, [link.resource_id for link in links])
            for page in pages:
                page._related_resources = [
                    visible[link.resource_id]
                    for link in page.related_resource_links.all()
                    if link.resource_id in visible
                ]
        if "speakers" in fields:
            cls.check_speaker_members(pages)
        if "slides" in fields:
            ids = [page.slides_id for page in pages]
            shown = media_shown_on(pages, cls.slides.field.related_model, ids)
            for page in pages:
                page.__dict__["public_slides"] = shown[page.pk].get(page.slides_id)

    @property
    def related_resources(self):
        """Related resources that anyone may see: a members-only or draft resource is
        left out, so its title never leaks onto a public page or into the API."""
        if hasattr(self, "_related_resources"):
            return self._related_resources
        ids = [link.resource_id for link in self.related_resource_links.all()]
        visible = public_pages_by_id(ResourcePage, ids)
        return [visible[pk] for pk in ids if pk in visible]

    @cached_property
    def public_slides(self):
        """The slides; on a public webinar, not if they are in a members-only collection
        (privacy.visibility.media_shown_on)."""
        documents = type(self).slides.field.related_model
        return media_shown_on([self], documents, [self.slides_id])[self.pk].get(self.slides_id)

    @cached_property
    def speaker_list(self) -> list["WebinarSpeaker"]:
        return list(self.speakers.all())

    @cached_property
    def speaker_members(self) -> dict:
        """{member id: its public profile, in the webinar's language where translated} of
        the speakers' member organisations."""
        WebinarPage.check_speaker_members([self])
        return self.__dict__["speaker_members"]

    @staticmethod
    def check_speaker_members(webinars) -> None:
        """Set each webinar's `speaker_members`, in two queries per language for all."""
        members = apps.get_model("members", "MemberProfilePage")
        for locale_id in {webinar.locale_id for webinar in webinars}:
            in_locale = [webinar for webinar in webinars if webinar.locale_id == locale_id]
            ids = [s.member_id for webinar in in_locale for s in webinar.speakers.all()]
            shown = public_versions_in(members, ids, locale_id)
            for webinar in in_locale:
                webinar.__dict__["speaker_members"] = shown

    @cached_property
    def calendar_path(self) -> str:
        return self.reverse_subpage("calendar")

    def calendar_url(self, request=None):
        return self.get_url(request) + self.calendar_path

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["event_json_ld"] = event_json_ld(self, request)
        return context

    @path(f"{CALENDAR_ROUTE}/", name="calendar")
    def calendar_file(self, request):
        """This session as an .ics file, to add to a calendar app."""
        calendar = webinars_calendar(
            [self],
            request,
            name=self.title,
            url=self.get_full_url(request),
            uid=f"calendar-{page_uid(self)}",
        )
        return calendar_response(calendar, filename=f"{self.slug}.ics", inline=False)


class WebinarSpeaker(TranslatableMixin, Orderable):
    """A speaker of a webinar, in the order they are introduced.

    Translators get the role, organisation and biography; the name and photo are the
    same in every language.
    """

    page = ParentalKey(WebinarPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(max_length=120)
    role = models.CharField(max_length=160, blank=True, help_text="E.g. Policy Director.")
    organisation = models.CharField(
        max_length=160,
        blank=True,
        help_text="Their organisation, when it is not a member (for a member, choose it below).",
    )
    member = models.ForeignKey(
        "members.MemberProfilePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=default_language_only,
        verbose_name="member organisation",
        help_text="The member organisation they speak for: its profile lists the webinar.",
    )
    photo = models.ForeignKey(
        "home.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A head-and-shoulders photo; it is shown square.",
    )
    bio = models.TextField(max_length=600, blank=True, help_text="Two or three sentences.")

    panels = ["name", FieldRowPanel(["role", "organisation"]), "member", "photo", "bio"]
    api_fields = [
        APIField("name"),
        APIField("role"),
        APIField("organisation", serializer=serializers.CharField(source="organisation_name")),
        APIField("member", serializer=PageSummaryField(source="public_member")),
        APIField("photo", serializer=ImageRenditionField("fill-240x240")),
        APIField("bio"),
    ]
    # A person's name is not translated, nor offered to translators to change.
    override_translatable_fields = [
        SynchronizedField("name", overridable=False),
        SynchronizedField("member", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "speaker"

    def __str__(self):
        return self.name

    @property
    def public_member(self):
        """The speaker's member organisation while its profile is public (in the
        webinar's language where translated), else None."""
        return self.page.speaker_members.get(self.member_id) if self.member_id else None

    @property
    def organisation_name(self) -> str:
        """Their member organisation's name (while its profile is public), else their
        organisation as typed."""
        member = self.public_member
        return member.title if member else self.organisation


class WebinarRelatedResource(Orderable):
    """A library resource that goes with a webinar (the slides' report, a toolkit)."""

    page = ParentalKey(WebinarPage, on_delete=models.CASCADE, related_name="related_resource_links")
    resource = models.ForeignKey("library.ResourcePage", on_delete=models.CASCADE, related_name="+")

    panels = ["resource"]

    class Meta(Orderable.Meta):
        verbose_name = "related resource"
