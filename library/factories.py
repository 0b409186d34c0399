"""Factories for the library; tests and demo content build from these."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.models import Collection

from home.models import CustomDocument, CustomImage
from library.models import LibraryIndexPage, ResourceFile, ResourcePage, ResourceType
from library.pdf import minimal_pdf
from privacy.restricting import (  # noqa: F401 - re-exported for the tests
    members_group,
    private_collection,
    restrict_page_to_logged_in,
    restrict_page_to_members,
)


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
    resource_type = ResourceType.REPORT
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
