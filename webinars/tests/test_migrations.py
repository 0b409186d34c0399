"""Related resources became library resources only: links a webinar had to other pages
go, from the webinar and from its revisions; links to resources stay."""

import pytest
from wagtail.models import Revision

from home.factories import StandardPageFactory
from library.factories import LibraryIndexPageFactory, ResourcePageFactory
from tests.migrating import migrate_to_latest, schema_at, unapplied_migrations
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory
from webinars.models import WebinarRelatedResource

BEFORE = [("webinars", "0004_translatable")]  # a related resource could be any page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_links_to_pages_that_are_not_resources_go_and_links_to_resources_stay(home_page):
    webinar = WebinarPageFactory(parent=WebinarIndexPageFactory(parent=home_page))
    resource = ResourcePageFactory(parent=LibraryIndexPageFactory(parent=home_page))
    other = StandardPageFactory(parent=home_page, title="Not a resource")
    revision = webinar.save_revision()
    with schema_at(BEFORE) as old:
        links = old.get_model("webinars", "WebinarRelatedResource")
        for sort_order, page in enumerate([resource, other]):
            links.objects.create(page_id=webinar.pk, resource_id=page.pk, sort_order=sort_order)
        content = revision.content | {
            "related_resource_links": [
                {"pk": None, "page": webinar.pk, "resource": page.pk, "sort_order": n}
                for n, page in enumerate([resource, other])
            ]
        }
        Revision.objects.filter(pk=revision.pk).update(content=content)
        migrate_to_latest()
    assert unapplied_migrations() == []

    kept = WebinarRelatedResource.objects.filter(page_id=webinar.pk)
    assert [link.resource_id for link in kept] == [resource.pk]
    content = Revision.objects.get(pk=revision.pk).content
    assert [link["resource"] for link in content["related_resource_links"]] == [resource.pk]
