"""Related resources became library resources only: links a webinar had to other pages
go, from the webinar and from its revisions; links to resources stay."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Revision

from home.factories import StandardPageFactory
from library.factories import LibraryIndexPageFactory, ResourcePageFactory
from webinars.factories import WebinarIndexPageFactory, WebinarPageFactory
from webinars.models import WebinarRelatedResource

BEFORE = [("webinars", "0004_translatable")]  # a related resource could be any page
LATEST = [("webinars", "0005_speaker_member_and_resource_links")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_links_to_pages_that_are_not_resources_go_and_links_to_resources_stay(home_page):
    webinar = WebinarPageFactory(parent=WebinarIndexPageFactory(parent=home_page))
    resource = ResourcePageFactory(parent=LibraryIndexPageFactory(parent=home_page))
    other = StandardPageFactory(parent=home_page, title="Not a resource")
    revision = webinar.save_revision()
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        executor.loader.build_graph()
        old = executor.loader.project_state(BEFORE).apps
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
        MigrationExecutor(connection).migrate(LATEST)
    finally:
        MigrationExecutor(connection).migrate(LATEST)

    kept = WebinarRelatedResource.objects.filter(page_id=webinar.pk)
    assert [link.resource_id for link in kept] == [resource.pk]
    content = Revision.objects.get(pk=revision.pk).content
    assert [link["resource"] for link in content["related_resource_links"]] == [resource.pk]
