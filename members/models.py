"""Member organisations of the network: their profiles, and the directory by state."""

from django import forms
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, Func, IntegerField, Prefetch
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from content_api.versioned import until_content_changes
from home.models import BasePage, CustomRendition, State, TaxonomyMixin
from home.models.social import SOCIAL_LINK_FIELDS, SocialLinksMixin
from library.models import ResourcePage
from members.filters import MemberFilters
from members.maps import state_tile_map
from privacy.visibility import public_pages
from taxonomy.filters import FilterErrors
from taxonomy.serializers import NetworkSerializer, StateSerializer, TopicSerializer
from webinars.models import WebinarPage

# Logo sizes used by the rendered pages; the directory prefetches exactly these.
LOGO_CARD_SPEC = "max-240x120"
LOGO_PROFILE_SPEC = "max-400x200"

# Member organisations per page of the directory: as many as the library's resources.
MEMBERS_PER_PAGE = 12


def current_year() -> int:
    return timezone.localdate().year


class MemberProfileQuerySet(PageQuerySet):
    def count_by_state(self) -> dict[str, int]:
        """Number of member organisations in each state (USPS code); states without
        members are left out."""
        rows = self.order_by().values("home_state").annotate(members=Count("pk", distinct=True))
        return {row["home_state"]: row["members"] for row in rows}

    def place_count(self) -> int:
        """How many distinct "states and localities" the members represent.

        The rule: each distinct (state, locality) pair counts once. A statewide member
        (no locality) counts its state; a local member counts its locality within its
        state, so a statewide member in California and one in Los Angeles make two.
        Two statewide members in one state make one. Localities compare ignoring case;
        spacing is normalised when a profile is saved.
        """
        return (
            self.order_by()
            .annotate(locality_key=Lower("locality"))
            .values("home_state", "locality_key")
            .distinct()
            .count()
        )


MemberProfilePageManager = PageManager.from_queryset(MemberProfileQuerySet)


class CountedPaginator(Paginator):
    """A paginator told the number of items, which the caller already knows."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # Paginator.count is a cached property


class PositionIn(Func):
    """`CASE column WHEN v0 THEN 0 WHEN v1 THEN 1 … ELSE n END`: the position of a
    column's value in a list. Written out as one expression: the same CASE built of
    `When` nodes costs more to compile, for fifty-six states, than the query to run."""

    output_field = IntegerField()

    def __init__(self, expression, values):
        super().__init__(expression)
        self.values = list(values)

    def as_sql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        whens = " ".join(["WHEN %s THEN %s"] * len(self.values))
        positions = [item for n, value in enumerate(self.values) for item in (value, n)]
        return f"CASE {column} {whens} ELSE %s END", [*params, *positions, len(self.values)]


def state_order(states) -> PositionIn:
    """An expression giving each member the position of its state in `states`."""
    return PositionIn(F("home_state_id"), [state.code for state in states])


class MemberDirectoryPage(BasePage):
    """The directory of member organisations: a map of the states, filters, and the
    members grouped by state. Its children are the members' profiles."""

    introduction = models.TextField(
        blank=True, help_text="The opening paragraph above the map, shown larger."
    )

    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    content_panels = BasePage.content_panels + ["introduction"]
    api_fields = BasePage.api_fields + [APIField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["members.MemberProfilePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "member directory page"

    def member_profiles(self):
        """The live, public member profiles listed in this directory (any filter applies
        on top). Restricted and unpublished profiles never appear: not in the list, the
        map counts or the API summary."""
        return public_pages(MemberProfilePage.objects.child_of(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        try:
            selected = MemberFilters.from_params(request.GET)
        except FilterErrors as errors:
            context["filter_error"] = errors.first
            selected = MemberFilters()

        # The map counts the members of the chosen network and topic in every state, so a
        # visitor can move from state to state without losing the other filters.
        profiles = self.member_profiles()
        # The directory lists public profiles only, the same for everyone: counted once
        # per content version for each choice of the other filters.
        counts = until_content_changes(
            ("member-state-counts", self.pk, _filters_key(selected.without("state"))),
            lambda: selected.facet_counts(profiles, "state"),
        )
        members = selected.apply(profiles)

        states = State.all_in_name_order()
        chosen_states = selected.get("state", [])
        # Grouped by state, in the order of the states' names in the reader's language:
        # the database orders by each state's place in that order (a few dozen states,
        # sorted here), so that only one page of members is ever read.
        paginator = CountedPaginator(
            MemberProfilePage.with_listing_data(members).order_by(
                state_order(states), Lower("title"), "pk"
            ),
            MEMBERS_PER_PAGE,
            # Every member is in one state, so the map's counts add up to the list's
            # length: no COUNT query of its own.
            count=sum(
                n for code, n in counts.items() if not chosen_states or code in chosen_states
            ),
        )
        # As the library: a page number past the end shows the last page, one that is
        # not a number the first.
        members_page = paginator.get_page(request.GET.get("page"))
        context.update(
            selected=selected.selected,
            selected_states=[state for state in states if state.code in chosen_states],
            members=members_page,
            # Drawn only when the template's kept map (its fragment) is missing.
            state_map=SimpleLazyObject(lambda: state_tile_map(states, counts, selected.selected)),
            map_key=_filters_key(selected),
            # The form's options, from the filters (the same values the API takes).
            state_options=selected.options("state"),
            topic_options=selected.options("topic"),
            network_options=selected.options("network"),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", {}).get("filter_error"):
            response.status_code = 400
        return response


class MemberProfilePage(SocialLinksMixin, TaxonomyMixin, BasePage):
    """A member organisation: a state or local child advocacy organisation.

    The page title is the organisation's name. A member is in exactly one state, so the
    inherited many-to-many `states` is replaced by a single `home_state`, and the public
    `state` filter (listing and API) looks it up through `taxonomy_filters`.
    """

    # Where. Not named `state`: Wagtail's API treats a query parameter that matches a
    # model field as an exact-match filter, which would fight the shared `?state=OH,CA`
    # filter. The API shows it as `state`, and `?state=` filters on it.
    home_state = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="state",
        help_text="The state, DC or territory the organisation works in.",
    )
    locality = models.CharField(
        max_length=100,
        blank=True,
        help_text="For local members only: the city or county, e.g. “Los Angeles County”. "
        "Leave empty for a statewide organisation.",
    )

    # Who
    logo = models.ForeignKey(
        "home.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The organisation's logo, on a plain background (PNG or JPEG).",
    )
    website = models.URLField(blank=True, help_text="The organisation's own website.")
    description = models.TextField(
        max_length=1000,
        blank=True,
        help_text="A short description of the organisation and its work, in a few sentences.",
    )
    executive_director = models.CharField(
        max_length=120, blank=True, help_text="The executive director's name."
    )
    contact_email = models.EmailField(
        blank=True,
        help_text="A public address for enquiries, e.g. info@…. Shown on the profile and in "
        "the API: never a personal address without that person's agreement.",
    )
    year_joined = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(current_year)],
        help_text="The year the organisation joined the network.",
    )

    # One state, not many: the mixin's `states` is removed (Django drops an abstract
    # parent's field that a subclass sets to None).
    states = None

    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("locality"),
        index.AutocompleteField("title"),
    ]
    content_panels = BasePage.content_panels + [
        FieldRowPanel(["home_state", "locality"], heading="Where"),
        "logo",
        "website",
        "description",
        FieldRowPanel(["executive_director", "year_joined"]),
        "contact_email",
        SocialLinksMixin.social_link_panel,
        MultiFieldPanel(
            [
                FieldPanel("networks", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Networks and focus topics",
        ),
    ]
    api_fields = BasePage.api_fields + [
        APIField("state", serializer=StateSerializer(source="home_state")),
        APIField("locality"),
        APIField("logo", serializer=ImageRenditionField(LOGO_PROFILE_SPEC, preserve_svg=True)),
        APIField(
            "logo_thumbnail",
            serializer=ImageRenditionField(LOGO_CARD_SPEC, preserve_svg=True, source="logo"),
        ),
        APIField("website"),
        APIField("description"),
        APIField("executive_director"),
        APIField("contact_email"),
        APIField("year_joined"),
        APIField("networks", serializer=NetworkSerializer(many=True)),
        APIField("topics", serializer=TopicSerializer(many=True)),
        *(APIField(name) for name in SOCIAL_LINK_FIELDS),
    ]

    parent_page_types = ["members.MemberDirectoryPage"]
    subpage_types = []

    # Translations keep the organisation's place, filing and people; the locality is a
    # place name, and keeping it fixed keeps (state, locality) counts language-independent.
    # None of these is offered to translators to override (the website, address and social
    # links may be another language's version, so they stay overridable).
    override_translatable_fields = [
        SynchronizedField("topics", overridable=False),
        SynchronizedField("networks", overridable=False),
        SynchronizedField("home_state", overridable=False),
        SynchronizedField("locality", overridable=False),
        SynchronizedField("year_joined", overridable=False),
        SynchronizedField("executive_director", overridable=False),
    ]
    taxonomy_filters = TaxonomyMixin.taxonomy_filters | {"state": "home_state__code"}

    objects = MemberProfilePageManager()

    class Meta:
        verbose_name = "member profile page"

    def save(self, *args, **kwargs):
        self.locality = " ".join(self.locality.split())
        super().save(*args, **kwargs)

    @property
    def place_name(self) -> str:
        """“Los Angeles, California” for a local member, “California” for a statewide one."""
        state = self.home_state.localized_name
        return f"{self.locality}, {state}" if self.locality else state

    @classmethod
    def with_listing_data(cls, queryset):
        """The queryset with everything a directory card shows, in a fixed number of queries."""
        return queryset.select_related("home_state", "logo").prefetch_related(
            Prefetch(
                "logo__renditions",
                queryset=CustomRendition.objects.filter(filter_spec=LOGO_CARD_SPEC),
                to_attr="prefetched_renditions",
            ),
            "networks",
        )

    def authored_resources(self) -> list:
        """The live, public library resources this member wrote (ResourcePage.authors),
        in the profile's language, newest first. A translation keeps the English
        resource's authors, and a profile's translations share its translation key."""
        resources = ResourcePage.objects.filter(
            locale_id=self.locale_id, authors__translation_key=self.translation_key
        )
        return list(public_pages(resources).distinct().order_by("-published_on", "-pk")[:20])

    def webinar_appearances(self) -> list:
        """The live, public webinars at which this member's staff spoke
        (WebinarSpeaker.member), in the profile's language, newest first."""
        webinars = WebinarPage.objects.filter(
            locale_id=self.locale_id, speakers__member__translation_key=self.translation_key
        )
        return list(public_pages(webinars).distinct().order_by("-starts_at", "-pk")[:20])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authored_resources"] = self.authored_resources()
        context["webinar_appearances"] = self.webinar_appearances()
        return context


def _filters_key(selected) -> str:
    """A stable name for a choice of filters, to key what is kept for it."""
    return repr(sorted(selected.selected.items()))
