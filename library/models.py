"""The resource library: reports, toolkits, fact sheets and other resources, some for members only.

A restriction on a resource or on a section above it (a `LibraryIndexPage` restricted to
the Members group) makes it members-only; what a visitor may see is privacy's answer
(privacy.visibility).
"""

from functools import partial

from django.apps import apps
from django.core.paginator import Paginator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from content_api.fields import PageSummariesField
from content_api.versioned import until_content_changes
from home.blocks import BodyBlock
from home.models import BasePage, TaxonomyMixin
from home.models.taxonomy import default_language_only
from languages.links import public_versions_in
from library.listing import LibraryListing
from library.resource_types import ResourceType
from library.serializers import (
    OrganisationListField,
    RelatedResourcesField,
    ResourceFilesField,
    ResourceTypeField,
)
from privacy.visibility import (
    media_shown_on,
    pages_visible_to,
    public_media_items,
    public_pages,
    public_pages_by_id,
)

RESOURCES_PER_PAGE = 12


class LibraryIndexPage(BasePage):
    """The library, or a section of it: lists every resource below it, with facets and search.

    A section restricted to the Members group makes every resource under it members-only.
    """

    introduction = models.TextField(blank=True, help_text="Shown above the list of resources.")

    content_panels = BasePage.content_panels + ["introduction"]
    api_fields = BasePage.api_fields + [APIField("introduction")]

    parent_page_types = ["home.HomePage", "library.LibraryIndexPage"]
    subpage_types = ["library.ResourcePage", "library.LibraryIndexPage"]

    class Meta:
        verbose_name = "library index page"

    def get_context(self, request, *args, **kwargs):
        # Built here rather than in serve() so that previews (which render get_context)
        # show the listing too.
        context = super().get_context(request, *args, **kwargs)
        resources = ResourcePage.objects.descendant_of(self).filter(locale_id=self.locale_id)
        listing = LibraryListing(self, resources, request)
        context["listing"] = listing
        if listing.errors:
            context["resources"] = None
        else:
            paginator = Paginator(listing.results(), RESOURCES_PER_PAGE)
            context["resources"] = paginator.get_page(request.GET.get("page"))
            listing.mark_members_only(context["resources"])
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        listing = response.context_data["listing"]
        if listing.errors:
            response.status_code = 400
        # What a logged-in visitor sees may include members-only resources: never let a
        # shared cache keep it, or serve the anonymous version to them.
        if listing.is_personal:
            patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
        return response


class ResourcePage(TaxonomyMixin, BasePage):
    """One resource of the library, such as a report or a toolkit, with its files or link."""

    resource_type = models.CharField(
        "resource type",
        max_length=20,
        choices=ResourceType.choices,
        default=ResourceType.REPORT,
        db_index=True,
    )
    published_on = models.DateField(
        "publication date", help_text="When the resource was first published (Eastern time)."
    )
    authors = ParentalManyToManyField(
        "members.MemberProfilePage",
        blank=True,
        related_name="+",
        limit_choices_to=default_language_only,
        verbose_name="member authors",
        help_text="Member organisations that wrote the resource: their profiles list it.",
    )
    authoring_organisations = models.TextField(
        "other authors",
        blank=True,
        help_text="Organisations that wrote the resource and are not members, one per line.",
    )
    body = StreamField(BodyBlock(), blank=True, help_text="What the resource is and who it is for.")
    external_url = models.URLField(
        "external link",
        blank=True,
        help_text="Where the resource lives when it is on another site (instead of, or "
        "as well as, files).",
    )
    cover_image = models.ForeignKey(
        "home.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The resource's cover. For a members-only resource, choose an image in "
        "the “Members-only library” collection.",
    )
    last_reviewed_on = models.DateField(
        "last reviewed",
        null=True,
        blank=True,
        help_text="When someone last checked that the resource is still accurate.",
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("authoring_organisations"),
        index.SearchField("body"),
        index.FilterField("resource_type"),
        index.FilterField("published_on"),
    ]
    content_panels = BasePage.content_panels + [
        FieldRowPanel(["resource_type", "published_on", "last_reviewed_on"], heading="Resource"),
        MultiFieldPanel(["authors", "authoring_organisations"], heading="Authors"),
        "cover_image",
        "body",
        MultiFieldPanel(
            [InlinePanel("files", label="File"), "external_url"],
            heading="Files and link",
        ),
        InlinePanel("related_resource_links", label="Related resource", heading="Related"),
        *TaxonomyMixin.taxonomy_panels,
    ]
    api_fields = BasePage.api_fields + [
        APIField("resource_type", serializer=ResourceTypeField()),
        APIField("published_on"),
        APIField("authors", serializer=PageSummariesField(source="public_authors")),
        APIField("authoring_organisations", serializer=OrganisationListField(source="*")),
        *TaxonomyMixin.taxonomy_api_fields,
        APIField("body"),
        APIField("files", serializer=ResourceFilesField(source="*")),
        APIField("external_url"),
        APIField("cover_image", serializer=ImageRenditionField("fill-800x450")),
        APIField("related_resources", serializer=RelatedResourcesField(source="*")),
        APIField("last_reviewed_on"),
    ]

    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []

    # A translation keeps the English resource's member authors (and filing).
    override_translatable_fields = TaxonomyMixin.override_translatable_fields + [
        SynchronizedField("authors", overridable=False),
    ]

    class Meta:
        verbose_name = "resource"

    @property
    def resource_type_label(self) -> str:
        return self.get_resource_type_display()

    @cached_property
    def public_authors(self) -> list:
        """The member authors whose profiles anyone may see, in the resource's language
        where translated, by name."""
        ResourcePage.check_authors([self])
        return self.__dict__["public_authors"]

    @property
    def other_authors(self) -> list[str]:
        """The authors that are not members, as typed (one per line)."""
        return [line.strip() for line in self.authoring_organisations.splitlines() if line.strip()]

    @property
    def organisation_names(self) -> list[str]:
        """Every author's name: the members', then the others'."""
        return [member.title for member in self.public_authors] + self.other_authors

    @cached_property
    def public_files(self) -> list:
        """The resource's files, in order; on a public resource, none in a members-only
        collection (privacy.visibility.media_shown_on)."""
        ResourcePage.check_files([self])
        return self.__dict__["public_files"]

    @staticmethod
    def check_files(resources, all_public=False) -> None:
        """Set each resource's `public_files`, in one query for all (and one for the
        files of those whose files are not prefetched). With `all_public` (resources
        known to be open to anyone, as the API's are), by the documents' collections
        alone, which asks nothing more."""
        files = {}
        for resource in resources:
            items = resource.files.all()
            if "files" not in getattr(resource, "_prefetched_objects_cache", {}):
                items = items.select_related("document")
            files[resource] = list(items)
        if all_public:
            documents = [item.document for items in files.values() for item in items]
            public = {document.pk for document in public_media_items(documents)}
            shown = dict.fromkeys((resource.pk for resource in resources), public)
        else:
            ids = [item.document_id for items in files.values() for item in items]
            shown = media_shown_on(resources, get_document_model(), ids)
        for resource, items in files.items():
            visible = shown[resource.pk]
            resource.__dict__["public_files"] = [i for i in items if i.document_id in visible]

    @staticmethod
    def check_authors(resources) -> None:
        """Set each resource's `public_authors`, in two queries per language for all."""
        members = apps.get_model("members", "MemberProfilePage")
        prefetch_related_objects(resources, "authors")  # if the listing has not
        for locale_id in {resource.locale_id for resource in resources}:
            in_locale = [resource for resource in resources if resource.locale_id == locale_id]
            ids = [author.pk for resource in in_locale for author in resource.authors.all()]
            # The same for everyone until public content changes: kept until then.
            key = ("library:public-authors", tuple(sorted(set(ids))), locale_id)
            shown = until_content_changes(key, partial(public_versions_in, members, ids, locale_id))
            for resource in in_locale:
                authors = [shown[a.pk] for a in resource.authors.all() if a.pk in shown]
                authors.sort(key=lambda member: member.title)
                resource.__dict__["public_authors"] = authors

    @classmethod
    def prepare_api_listing(cls, pages, fields):
        """The public related resources and authors of a whole API listing at once."""
        if "authors" in fields or "authoring_organisations" in fields:
            cls.check_authors(pages)
        if "files" in fields:
            cls.check_files(pages)
        if "related_resources" not in fields:
            return
        ids = {link.resource_id for page in pages for link in page.related_resource_links.all()}
        by_id = public_pages_by_id(ResourcePage, ids)
        for page in pages:
            page._api_related_resources = [
                by_id[link.resource_id]
                for link in page.related_resource_links.all()
                if link.resource_id in by_id
            ]

    def visible_related_resources(self, request=None):
        """Related resources this visitor may see (a public resource may point to a
        members-only one: its title must not show to anyone else)."""
        ids = [link.resource_id for link in self.related_resource_links.all()]
        if not ids:
            return []
        resources = ResourcePage.objects.filter(pk__in=ids)
        visible = pages_visible_to(request, resources) if request else public_pages(resources)
        by_id = {page.pk: page for page in visible}
        return [by_id[pk] for pk in ids if pk in by_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.public_files
        context["related_resources"] = self.visible_related_resources(request)
        return context


class ResourceFile(TranslatableMixin, Orderable):
    """A document of a resource, in the order editors give them.

    Its label is translated; the document is the same in every language.
    """

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "home.CustomDocument",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="For a members-only resource, choose a document in the “Members-only "
        "library” collection: documents elsewhere can be downloaded by anyone.",
    )
    label = models.CharField(
        max_length=120, blank=True, help_text="Leave empty to use the document's title."
    )

    panels = ["document", "label"]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "file"

    def __str__(self):
        return self.display_label

    @property
    def display_label(self) -> str:
        return self.label or self.document.title


class RelatedResource(Orderable):
    """A link from one resource to another that readers may also want."""

    page = ParentalKey(
        ResourcePage, on_delete=models.CASCADE, related_name="related_resource_links"
    )
    resource = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="+")

    panels = ["resource"]

    class Meta(Orderable.Meta):
        verbose_name = "related resource"
