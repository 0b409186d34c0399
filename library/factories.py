"""Factories for the library; tests and demo content build from these."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from home.models import CustomDocument, CustomImage
from library.models import LibraryIndexPage, ResourceFile, ResourcePage, ResourceType
from library.pdf import minimal_pdf


class LibraryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LibraryIndexPage

    title = "Library"
    slug = factory.LazyAttribute(lambda o: o.title.lower().replace(" ", "-").replace("’", ""))
    introduction = "Reports, toolkits and fact sheets from the network."


class ResourcePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourcePage

    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = "A resource for child advocates."
    kind = ResourceType.REPORT
    published_on = datetime.date(2025, 3, 1)


class DocumentFactory(factory.django.DjangoModelFactory):
    """A small, valid PDF document."""

    class Meta:
        model = CustomDocument

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyAttribute(
        lambda o: ContentFile(minimal_pdf(o.title), name=f"{o.title.lower().replace(' ', '-')}.pdf")
    )
    file_size = factory.LazyAttribute(lambda o: o.file.size)
    collection = factory.LazyFunction(Collection.get_first_root_node)


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CustomImage


class ResourceFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceFile

    page = factory.SubFactory(ResourcePageFactory)
    document = factory.SubFactory(DocumentFactory)


def members_group():
    from django.contrib.auth.models import Group

    return Group.objects.get(name="Members")


def restrict_page_to_members(page) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([members_group()])
    return restriction


def restrict_page_to_logged_in(page) -> PageViewRestriction:
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def private_collection(name="Members-only library", parent=None) -> Collection:
    """A collection whose documents only members may see (created if missing)."""
    parent = parent or Collection.get_first_root_node()
    collection = parent.get_children().filter(name=name).first()
    if collection is None:
        collection = parent.add_child(name=name)
    if (
        parent.depth == 1
        and not CollectionViewRestriction.objects.filter(collection=collection).exists()
    ):
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set([members_group()])
    return collection
