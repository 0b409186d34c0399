"""Member organisations of the network: their profiles, and the directory by state."""

from django import forms
from django.apps import apps
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Prefetch
from django.db.models.functions import Lower
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage, CustomRendition, Network, State, TaxonomyMixin, Topic
from home.models.social import SOCIAL_LINK_FIELDS, SocialLinksMixin
from home.models.taxonomy import default_language_only
from members.maps import state_tile_map
from privacy.visibility import public_pages
from taxonomy.filters import TaxonomyFilterError, filter_by_taxonomy, parse_taxonomy_params
from taxonomy.serializers import NetworkSerializer, StateSerializer, TopicSerializer
from taxonomy.states import name_sort_key

# Logo sizes used by the rendered pages; the directory prefetches exactly these.
LOGO_CARD_SPEC = "max-240x120"
LOGO_PROFILE_SPEC = "max-400x200"


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
            selected = parse_taxonomy_params(request.GET)
        except TaxonomyFilterError as error:
            context["filter_error"] = error
            selected = {}

        # The map counts the members of the chosen network and topic in every state, so a
        # visitor can move from state to state without losing the other filters.
        without_state = {name: values for name, values in selected.items() if name != "state"}
        in_filing = filter_by_taxonomy(self.member_profiles(), without_state)
        counts = in_filing.count_by_state()
        members = in_filing
        if "state" in selected:
            members = filter_by_taxonomy(in_filing, {"state": selected["state"]})

        states = State.in_name_order(State.objects.all())
        context.update(
            selected=selected,
            selected_states=[state for state in states if state.code in selected.get("state", [])],
            # Grouped by state, in the order of the states' names in the reader's language.
            members=sorted(
                MemberProfilePage.with_listing_data(members),
                key=lambda member: (
                    name_sort_key(member.home_state.localized_name),
                    member.title.casefold(),
                ),
            ),
            state_map=state_tile_map(states, counts, selected),
            state_choices=states,
            topic_choices=Topic.objects.filter(**default_language_only()),
            network_choices=Network.objects.filter(**default_language_only()),
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
    override_translatable_fields = [
        SynchronizedField("topics"),
        SynchronizedField("networks"),
        SynchronizedField("home_state"),
        SynchronizedField("locality"),
        SynchronizedField("year_joined"),
        SynchronizedField("executive_director"),
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

    def authored_resources(self):
        """The live, public library resources this member authored.

        Empty until the library's resource pages link to members: it looks for a relation
        from `library.ResourcePage` to this model (e.g. an `authors` many-to-many) and
        uses it as soon as one exists.
        """
        return _pages_linking_to(self, "library", "ResourcePage")

    def webinar_appearances(self):
        """The live, public webinars at which this member's staff spoke.

        Empty until webinars link to members: it looks for a relation from
        `webinars.WebinarPage` to this model (directly, e.g. a `member_organisations`
        field) and uses it as soon as one exists.
        """
        return _pages_linking_to(self, "webinars", "WebinarPage")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authored_resources"] = self.authored_resources()
        context["webinar_appearances"] = self.webinar_appearances()
        return context


def _pages_linking_to(member, app_label, model_name):
    """Live, public pages of app_label.model_name that link to `member`, newest first.

    A link is a foreign key or many-to-many field to MemberProfilePage on the page model,
    or on one of its inline children (e.g. a speaker's `member` field on a webinar's
    speakers). An empty list while there is no such model or field. Once the other
    sections have their link, an explicit query can replace this look-up.
    """
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return []
    paths = [*_member_link_fields(model)]
    for relation in model._meta.related_objects:
        if isinstance(relation.remote_field, ParentalKey):
            paths += [
                f"{relation.related_query_name()}__{name}"
                for name in _member_link_fields(relation.related_model)
            ]
    if not paths:
        return []
    matching = models.Q()
    for path in paths:
        matching |= models.Q(**{path: member})
    pages = public_pages(model.objects.filter(matching)).distinct()
    return list(pages.order_by("-first_published_at")[:20])


def _member_link_fields(model) -> list[str]:
    return [
        field.name
        for field in model._meta.get_fields()
        if field.is_relation
        and not field.auto_created
        and isinstance(field.related_model, type)
        and issubclass(field.related_model, MemberProfilePage)
    ]
